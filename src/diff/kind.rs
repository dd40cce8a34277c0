//! What kind of change a [`super::Change`] is, and the group it is shown in.
//!
//! Each kind belongs to exactly one group, so a renderer never has to guess
//! from a pointer where a change goes. Kinds come in added/removed pairs where
//! something can appear or disappear; [`ChangeKind::mirror`] names the pair,
//! which is what the diff of the two sides swapped reports.

use serde::Serialize;

/// The groups changes are shown in, in output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// Who owns what: owners, backups, RACI lists, functions and services.
    Ownership,
    /// Who decides what: decisions and the authority section.
    Decisions,
    /// Escalation paths and their tiers.
    Escalation,
    /// Hours, criticality, recovery targets and escalation paths of functions.
    Coverage,
    /// The parties: names, roles, hours, contacts.
    Parties,
    /// Recurring meetings.
    Cadence,
    /// The engagement: client, provider and contract dates.
    Engagement,
}

impl Group {
    /// Every group, in output order.
    pub const ALL: [Group; 7] = [
        Self::Ownership,
        Self::Decisions,
        Self::Escalation,
        Self::Coverage,
        Self::Parties,
        Self::Cadence,
        Self::Engagement,
    ];

    /// The heading the group is shown under.
    pub const fn title(self) -> &'static str {
        match self {
            Self::Ownership => "Ownership",
            Self::Decisions => "Decision authority",
            Self::Escalation => "Escalation",
            Self::Coverage => "Coverage and criticality",
            Self::Parties => "Parties",
            Self::Cadence => "Cadence",
            Self::Engagement => "Engagement",
        }
    }

    /// The noun a count of this group's changes takes: "3 *ownership* changes".
    pub const fn noun(self) -> &'static str {
        match self {
            Self::Ownership => "ownership",
            Self::Decisions => "decision",
            Self::Escalation => "escalation",
            Self::Coverage => "coverage",
            Self::Parties => "party",
            Self::Cadence => "cadence",
            Self::Engagement => "engagement",
        }
    }
}

/// Whether a change adds, removes or alters something (the `+`, `-`, `~`
/// markers of the human output).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Something new appears.
    Added,
    /// Something disappears.
    Removed,
    /// Something is altered, renamed or moved.
    Changed,
}

impl Direction {
    /// The marker printed before the change.
    pub const fn marker(self) -> char {
        match self {
            Self::Added => '+',
            Self::Removed => '-',
            Self::Changed => '~',
        }
    }
}

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident => $group:ident, $direction:ident; )*) => {
        /// What changed. Serialized in kebab-case (`owner-changed`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum ChangeKind {
            $( $(#[$doc])* $variant, )*
        }

        impl ChangeKind {
            /// The group this kind is shown in.
            pub const fn group(self) -> Group {
                match self { $( Self::$variant => Group::$group, )* }
            }

            /// Whether this kind adds, removes or alters something.
            pub const fn direction(self) -> Direction {
                match self { $( Self::$variant => Direction::$direction, )* }
            }
        }
    };
}

kinds! {
    /// A service appears (its functions with it).
    ServiceAdded => Ownership, Added;
    /// A service disappears (its functions with it).
    ServiceRemoved => Ownership, Removed;
    /// A service's default owner changes.
    ServiceOwnerChanged => Ownership, Changed;
    /// A service's display name changes.
    ServiceNameChanged => Ownership, Changed;
    /// A service's id changes while its name stays (its functions go with it).
    ServiceRenamed => Ownership, Changed;
    /// A function appears in a service that existed before.
    FunctionAdded => Ownership, Added;
    /// A function disappears from a service that still exists.
    FunctionRemoved => Ownership, Removed;
    /// A function's id changes while its name and owner stay (possibly moving service too).
    FunctionRenamed => Ownership, Changed;
    /// A function keeps its id but moves to another service.
    FunctionMoved => Ownership, Changed;
    /// A function's effective owner changes.
    OwnerChanged => Ownership, Changed;
    /// A function's backup changes.
    BackupChanged => Ownership, Changed;
    /// A function's `responsible` list changes.
    ResponsibleChanged => Ownership, Changed;
    /// A function's `consulted` list changes.
    ConsultedChanged => Ownership, Changed;
    /// A function's `informed` list changes.
    InformedChanged => Ownership, Changed;
    /// A function's display name changes.
    FunctionNameChanged => Ownership, Changed;
    /// A function's notes change.
    NotesChanged => Ownership, Changed;
    /// A function's measures change.
    MeasuresChanged => Ownership, Changed;
    /// A decision appears.
    DecisionAdded => Decisions, Added;
    /// A decision disappears.
    DecisionRemoved => Decisions, Removed;
    /// Who decides changes.
    DecidesChanged => Decisions, Changed;
    /// A decision's `consulted` list changes.
    DecisionConsultedChanged => Decisions, Changed;
    /// A decision's `informed` list changes.
    DecisionInformedChanged => Decisions, Changed;
    /// A decision's question is reworded.
    QuestionChanged => Decisions, Changed;
    /// The service a decision belongs to changes.
    DecisionServiceChanged => Decisions, Changed;
    /// A field of the authority section (tie-breaker, scope changes, out of scope) changes.
    AuthorityChanged => Decisions, Changed;
    /// An escalation path appears.
    PathAdded => Escalation, Added;
    /// An escalation path disappears.
    PathRemoved => Escalation, Removed;
    /// A tier (matched by its number) appears in a path.
    TierAdded => Escalation, Added;
    /// A tier disappears from a path.
    TierRemoved => Escalation, Removed;
    /// A tier is handled by another party.
    TierPartyChanged => Escalation, Changed;
    /// A tier's response target changes.
    RespondChanged => Escalation, Changed;
    /// A tier's resolution target changes.
    ResolveChanged => Escalation, Changed;
    /// The hours a tier covers change.
    TierHoursChanged => Escalation, Changed;
    /// How to reach a tier changes.
    ChannelChanged => Escalation, Changed;
    /// The hours a function needs covered change.
    HoursChanged => Coverage, Changed;
    /// A function becomes critical, or stops being critical.
    CriticalChanged => Coverage, Changed;
    /// A function's recovery target changes.
    RecoveryChanged => Coverage, Changed;
    /// The escalation path a function follows changes.
    EscalationChanged => Coverage, Changed;
    /// A party appears.
    PartyAdded => Parties, Added;
    /// A party disappears.
    PartyRemoved => Parties, Removed;
    /// A party's display name changes.
    PartyNameChanged => Parties, Changed;
    /// A party's role changes.
    RoleChanged => Parties, Changed;
    /// The hours a party covers change.
    PartyHoursChanged => Parties, Changed;
    /// A party's contacts change.
    ContactsChanged => Parties, Changed;
    /// A meeting (matched by name) appears.
    MeetingAdded => Cadence, Added;
    /// A meeting disappears.
    MeetingRemoved => Cadence, Removed;
    /// How often a meeting happens changes.
    EveryChanged => Cadence, Changed;
    /// Who attends a meeting changes.
    AttendeesChanged => Cadence, Changed;
    /// The client's name changes.
    ClientChanged => Engagement, Changed;
    /// The provider's name changes.
    ProviderChanged => Engagement, Changed;
    /// The contract start date changes.
    StartChanged => Engagement, Changed;
    /// The renewal date changes.
    RenewalChanged => Engagement, Changed;
    /// The last review date changes.
    ReviewedChanged => Engagement, Changed;
}

impl ChangeKind {
    /// The kind the same change has when the two sides are swapped: added and
    /// removed trade places, everything else stays.
    pub const fn mirror(self) -> Self {
        match self {
            Self::ServiceAdded => Self::ServiceRemoved,
            Self::ServiceRemoved => Self::ServiceAdded,
            Self::FunctionAdded => Self::FunctionRemoved,
            Self::FunctionRemoved => Self::FunctionAdded,
            Self::DecisionAdded => Self::DecisionRemoved,
            Self::DecisionRemoved => Self::DecisionAdded,
            Self::PathAdded => Self::PathRemoved,
            Self::PathRemoved => Self::PathAdded,
            Self::TierAdded => Self::TierRemoved,
            Self::TierRemoved => Self::TierAdded,
            Self::PartyAdded => Self::PartyRemoved,
            Self::PartyRemoved => Self::PartyAdded,
            Self::MeetingAdded => Self::MeetingRemoved,
            Self::MeetingRemoved => Self::MeetingAdded,
            other => other,
        }
    }

    /// Whether this kind hands ownership over or takes something away, which
    /// the ownership group lists first.
    pub const fn is_transfer_or_removal(self) -> bool {
        matches!(
            self,
            Self::ServiceRemoved
                | Self::FunctionRemoved
                | Self::OwnerChanged
                | Self::ServiceOwnerChanged
                | Self::BackupChanged
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialize_in_kebab_case() {
        let json = serde_json::to_value(ChangeKind::FunctionRenamed).unwrap();
        assert_eq!(json, "function-renamed");
        assert_eq!(serde_json::to_value(Group::Decisions).unwrap(), "decisions");
    }

    #[test]
    fn mirrors_pair_added_and_removed() {
        assert_eq!(ChangeKind::TierAdded.mirror(), ChangeKind::TierRemoved);
        assert_eq!(ChangeKind::OwnerChanged.mirror(), ChangeKind::OwnerChanged);
        for kind in [ChangeKind::PartyAdded, ChangeKind::MeetingRemoved] {
            assert_eq!(kind.mirror().mirror(), kind);
            assert_ne!(kind.mirror().direction(), kind.direction());
        }
    }
}
