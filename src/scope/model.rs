//! The typed model of scope format version 1 (DESIGN.md section 1).
//!
//! These types are the single definition of the format: the JSON Schema in
//! `schema/scope.schema.json` is generated from them, and every command reads
//! a [`Scope`]. Maps keyed by id keep file order ([`IndexMap`]).
//!
//! The model holds no spans: a later stage names what it talks about by JSON
//! pointer and asks the [`crate::source::SourceMap`] where that is written.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::{Date, Duration};

/// The pattern every id (party, service, function, decision, path) matches.
pub const ID_PATTERN: &str = "^[a-z][a-z0-9-]{0,63}$";

/// An id of a party, service, function, decision or escalation path.
pub type Id = String;

/// The hash of the model's maps: foldhash, seeded per process, since the
/// keys come from another company's file. SipHash, the standard library's,
/// was a tenth of a large scope's load and of `log`'s diffs.
pub type IdHasher = foldhash::fast::RandomState;

/// A map from id to item, in file order.
pub type IdMap<T> = IndexMap<Id, T, IdHasher>;

/// Waivers of one item: rule id -> why the rule does not apply here.
pub type Waivers = IndexMap<String, Waiver, IdHasher>;

/// A co-managed IT scope: who owns what, who decides what, whom to call next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "comanage scope", extend("$id" = "https://comanage.dev/schema/scope-v1.json"))]
pub struct Scope {
    /// Format version. Only `1` exists.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// The engagement: client, provider and contract dates.
    pub engagement: Engagement,
    /// Everyone who owns, backs up, decides or is told: party id -> party.
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub parties: IdMap<Party>,
    /// A built-in catalog of functions that must be assigned somewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// Groups of functions: service id -> service.
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub services: IdMap<Service>,
    /// Who decides what: decision id -> decision.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub decisions: IdMap<Decision>,
    /// Who has the final word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// Escalation paths: path id -> ordered list of tiers. A function follows
    /// its `escalation` path, or the path named `default`.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub escalation: IdMap<Vec<Tier>>,
    /// Recurring meetings between the parties.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cadence: Vec<Meeting>,
    /// What `business` and `extended` mean on the clock, when not the
    /// defaults (Mon–Fri 08:00–18:00 and Mon–Sat 07:00–22:00).
    #[serde(
        default,
        rename = "hours-definitions",
        skip_serializing_if = "Option::is_none"
    )]
    pub hours_definitions: Option<HoursDefinitions>,
    /// Lint level overrides: rule id -> allow | warn | deny.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub lint: IndexMap<String, LintLevel, IdHasher>,
}

/// The engagement this scope describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    /// The client business.
    pub client: String,
    /// The managed service provider, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Contract start (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// Contract end or renewal date (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal: Option<Date>,
    /// Date of the last joint scope review (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Date>,
}

/// A team or group that owns, backs up, decides or is informed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Display name.
    pub name: String,
    /// What kind of party this is.
    pub role: Role,
    /// Coverage this party provides; `business` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// People to reach.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Rules that do not apply to this party, and why.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub waive: Waivers,
}

impl Party {
    /// The hours this party covers (`business` when it states none).
    pub fn covered_hours(&self) -> Hours {
        self.hours.unwrap_or(Hours::Business)
    }
}

/// The kind of a party.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The client's own IT staff.
    Internal,
    /// The managed service provider.
    Provider,
    /// A third-party vendor (security, software, hardware).
    Vendor,
    /// The client's leadership or executive team.
    Leadership,
    /// A business unit or department of the client.
    Business,
}

impl Role {
    /// The word used in the file.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Internal => "internal",
            Self::Provider => "provider",
            Self::Vendor => "vendor",
            Self::Leadership => "leadership",
            Self::Business => "business",
        }
    }
}

/// Coverage hours, ordered: `business` < `extended` < `24x7`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Hours {
    /// Weekday working hours.
    #[serde(rename = "business")]
    Business,
    /// Early and late hours, and Saturdays.
    #[serde(rename = "extended")]
    Extended,
    /// Around the clock, every day.
    #[serde(rename = "24x7")]
    AllHours,
}

impl Hours {
    /// The word used in the file.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Business => "business",
            Self::Extended => "extended",
            Self::AllHours => "24x7",
        }
    }

    /// Whether coverage of `self` satisfies a need for `need`.
    pub fn covers(self, need: Hours) -> bool {
        self >= need
    }
}

impl std::fmt::Display for Hours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The pattern of a clock time in `hours-definitions`: `HH:MM`, or `24:00`
/// for the end of the day.
pub const CLOCK_PATTERN: &str = "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$";

/// What the coverage words mean on the clock, when a scope's working hours
/// are not the defaults (`business` Mon–Fri 08:00–18:00, `extended`
/// Mon–Sat 07:00–22:00). Only `comanage who --at` reads it; the rules
/// compare coverage words by their order alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursDefinitions {
    /// When `business` coverage is on duty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<HoursWindow>,
    /// When `extended` coverage is on duty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended: Option<HoursWindow>,
}

/// A weekly window: on each of `days`, from `from` to `to` (local time). A
/// `to` not after `from` runs past midnight into the next day; `to` equal
/// to `from` is the whole day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HoursWindow {
    /// The days the window starts on.
    #[schemars(length(min = 1))]
    pub days: Vec<Day>,
    /// Start, `HH:MM`.
    #[schemars(extend("pattern" = CLOCK_PATTERN))]
    pub from: String,
    /// End, `HH:MM` (`24:00` for midnight at the end of the day).
    #[schemars(extend("pattern" = CLOCK_PATTERN))]
    pub to: String,
}

/// A day of the week, by its first three letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

/// A person to reach at a party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A built-in catalog of functions that must be assigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Baseline {
    /// The fourteen functions that most often fall between the teams.
    Standard,
}

/// The functions of the `standard` baseline (DESIGN.md 1.2): id and what it is.
pub const STANDARD_BASELINE: [(&str, &str); 14] = [
    ("patch-management", "OS and third-party patching"),
    ("backup-monitoring", "watching that backup jobs complete"),
    (
        "backup-verification",
        "restore tests that prove backups work",
    ),
    ("disaster-recovery-testing", "scheduled DR exercises"),
    ("security-monitoring", "EDR / SIEM alert monitoring"),
    (
        "after-hours-monitoring",
        "24/7 infrastructure monitoring and alerting",
    ),
    ("helpdesk", "tier-1 end-user support"),
    ("onboarding", "new employee accounts, devices, access"),
    ("offboarding", "departing employee access removal"),
    ("firewall-review", "periodic firewall rule review"),
    ("license-management", "software and cloud licence tracking"),
    (
        "vendor-contracts",
        "vendor contracts, renewals, support agreements",
    ),
    (
        "cloud-configuration",
        "cloud tenant configuration and conditional-access review",
    ),
    (
        "security-awareness-training",
        "staff phishing and security training",
    ),
];

impl Baseline {
    /// The function ids this baseline requires, each with what it is.
    pub fn functions(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Standard => &STANDARD_BASELINE,
        }
    }

    /// The word used in the file.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Standard => "standard",
        }
    }
}

/// A group of functions, such as cybersecurity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Display name; the id when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Default owner of the functions below: one party id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PartyRefs>,
    /// The functions: function id -> function. May be `{}`.
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub functions: IdMap<Function>,
    /// Rules that do not apply to this service (and its functions), and why.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub waive: Waivers,
}

/// One recurring duty, such as patch management.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Function {
    /// Display name; the id when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The one party accountable for this function; the service's owner when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PartyRefs>,
    /// The party that takes over when the owner cannot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<Id>,
    /// Parties that do the work (RACI: R).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<Id>,
    /// Parties consulted before decisions (RACI: C).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consulted: Vec<Id>,
    /// Parties kept informed (RACI: I).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informed: Vec<Id>,
    /// A high-impact recurring process that needs a named backup.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub critical: bool,
    /// Coverage this function needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Target recovery time, such as `4h`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<Duration>,
    /// Escalation path id; the path named `default` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation: Option<Id>,
    /// How success is measured, as free text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<String>,
    /// Free-text notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Rules that do not apply to this function, and why.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub waive: Waivers,
}

/// One party id, or a list of them.
///
/// The format asks for exactly one owner (and one decider); a list is accepted
/// so that the linter can report double ownership with a precise message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum PartyRefs {
    /// One party id.
    One(Id),
    /// Several party ids (reported by the linter).
    Many(Vec<Id>),
}

impl PartyRefs {
    /// The distinct ids in file order: `x`, `[x]` and `[x, x]` all give `[x]`.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            Self::One(id) => vec![id.as_str()],
            Self::Many(ids) => {
                let mut out: Vec<&str> = Vec::with_capacity(ids.len());
                for id in ids {
                    if !out.contains(&id.as_str()) {
                        out.push(id);
                    }
                }
                out
            }
        }
    }

    /// Each written id with the pointer suffix that addresses it (`""` for a
    /// single id, `/0`, `/1`… for a list), duplicates included.
    pub fn written(&self) -> Vec<(String, &str)> {
        match self {
            Self::One(id) => vec![(String::new(), id.as_str())],
            Self::Many(ids) => ids
                .iter()
                .enumerate()
                .map(|(i, id)| (format!("/{i}"), id.as_str()))
                .collect(),
        }
    }

    /// The one party, when exactly one is named.
    pub fn single(&self) -> Option<&str> {
        match self.ids().as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Why one rule does not apply to an item, and until when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// Why the rule does not apply here. Required.
    #[schemars(length(min = 1))]
    pub reason: String,
    /// After this date the waiver stops working (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

/// A decision right: who decides a recurring question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The question being decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The one party that decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decides: Option<PartyRefs>,
    /// Parties consulted before deciding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consulted: Vec<Id>,
    /// Parties told of the decision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informed: Vec<Id>,
    /// The service this decision belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Id>,
    /// Rules that do not apply to this decision, and why.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    #[schemars(extend("propertyNames" = { "pattern": ID_PATTERN }))]
    pub waive: Waivers,
}

/// Who has the final word.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Authority {
    /// Final word when internal staff and provider disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_breaker: Option<Id>,
    /// Approves changes to this scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_changes: Option<Id>,
    /// Decides on requests outside the defined scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_scope: Option<Id>,
}

/// One step of an escalation path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Tier number, starting at 1 and strictly increasing along a path.
    #[schemars(range(min = 1))]
    pub tier: u32,
    /// The party that handles this tier.
    pub party: Id,
    /// How to reach it: phone, portal, email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Target response time, such as `15m`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respond: Option<Duration>,
    /// Target resolution time, such as `8h`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolve: Option<Duration>,
    /// Hours this tier covers; the party's hours when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
}

/// A recurring meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// What the meeting is called.
    pub name: String,
    /// How often it happens.
    pub every: Every,
    /// Party ids that attend.
    pub parties: Vec<Id>,
}

/// How often a meeting happens.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Every {
    /// Every week.
    #[serde(rename = "week")]
    Week,
    /// Every other week.
    #[serde(rename = "2weeks")]
    TwoWeeks,
    /// Every month.
    #[serde(rename = "month")]
    Month,
    /// Every quarter.
    #[serde(rename = "quarter")]
    Quarter,
    /// Every year.
    #[serde(rename = "year")]
    Year,
}

impl Every {
    /// The period in days the rules use (DESIGN.md 1.3).
    pub const fn days(self) -> i64 {
        match self {
            Self::Week => 7,
            Self::TwoWeeks => 14,
            Self::Month => 31,
            Self::Quarter => 92,
            Self::Year => 366,
        }
    }

    /// The word used in the file.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Week => "week",
            Self::TwoWeeks => "2weeks",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
        }
    }
}

/// A lint level set in the file's `lint:` map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LintLevel {
    /// The rule does not run.
    Allow,
    /// Findings are warnings.
    Warn,
    /// Findings are errors.
    Deny,
}

impl Scope {
    /// Every function with its service id and function id, in file order.
    pub fn functions(&self) -> impl Iterator<Item = (&str, &str, &Function)> {
        self.services.iter().flat_map(|(service_id, service)| {
            service
                .functions
                .iter()
                .map(move |(id, function)| (service_id.as_str(), id.as_str(), function))
        })
    }

    /// The owners of a function: its own `owner` if present and not empty,
    /// else its service's `owner` (DESIGN.md 1.3).
    pub fn owners<'a>(&'a self, service: &'a Service, function: &'a Function) -> Vec<&'a str> {
        match &function.owner {
            Some(owner) if !owner.ids().is_empty() => owner.ids(),
            _ => service
                .owner
                .as_ref()
                .map(PartyRefs::ids)
                .unwrap_or_default(),
        }
    }

    /// The escalation path id a function follows: its own, else `default`
    /// when such a path exists.
    pub fn escalation_path_id<'a>(&'a self, function: &'a Function) -> Option<&'a str> {
        match &function.escalation {
            Some(id) => Some(id),
            None => self.escalation.contains_key("default").then_some("default"),
        }
    }

    /// The hours a tier covers: its own, else its party's.
    pub fn tier_hours(&self, tier: &Tier) -> Hours {
        tier.hours.unwrap_or_else(|| {
            self.parties
                .get(&tier.party)
                .map_or(Hours::Business, Party::covered_hours)
        })
    }
}

impl Service {
    /// The display name: `name`, or the id.
    pub fn display_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.name.as_deref().unwrap_or(id)
    }
}

impl Function {
    /// The display name: `name`, or the id.
    pub fn display_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.name.as_deref().unwrap_or(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_refs_are_sets() {
        let many = PartyRefs::Many(vec!["msp".into(), "msp".into(), "it".into()]);
        assert_eq!(many.ids(), ["msp", "it"]);
        assert_eq!(PartyRefs::One("msp".into()).single(), Some("msp"));
        assert_eq!(PartyRefs::Many(vec![]).single(), None);
        assert_eq!(
            PartyRefs::Many(vec!["msp".into(), "msp".into()]).single(),
            Some("msp")
        );
    }

    #[test]
    fn hours_are_ordered() {
        assert!(Hours::AllHours.covers(Hours::Extended));
        assert!(!Hours::Business.covers(Hours::Extended));
    }
}
