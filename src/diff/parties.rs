//! Parties: added, removed, and their name, role, hours and contacts.

use super::record::{self, Changes};
use super::{ChangeKind, Impact};
use crate::scope::{Party, Scope};
use crate::source::pointer;

/// Records the party changes from `old` to `new`.
pub(super) fn compare(out: &mut Changes, old: &Scope, new: &Scope) {
    for (id, party) in &new.parties {
        match old.parties.get(id) {
            Some(before) => fields(out, id, before, party),
            None => out.push(
                ChangeKind::PartyAdded,
                pointer(["parties", id]),
                (None, Some(record::value(party))),
                Impact::Minor,
                format!(
                    "party `{id}` added ({}, {})",
                    party.name,
                    party.role.as_str()
                ),
            ),
        }
    }
    for (id, party) in &old.parties {
        if !new.parties.contains_key(id) {
            out.push(
                ChangeKind::PartyRemoved,
                pointer(["parties", id]),
                (Some(record::value(party)), None),
                Impact::Major,
                format!(
                    "party `{id}` removed ({}, {})",
                    party.name,
                    party.role.as_str()
                ),
            );
        }
    }
}

/// Changes of a party present on both sides. Hours compare by meaning: no
/// `hours` is `business`.
fn fields(out: &mut Changes, id: &str, old: &Party, new: &Party) {
    let item = format!("party `{id}`");
    let at = |field: &str| pointer(["parties", id, field]);
    out.field(
        ChangeKind::PartyNameChanged,
        &at("name"),
        &item,
        "name",
        Some(&old.name),
        Some(&new.name),
        record::info,
    );
    out.field(
        ChangeKind::RoleChanged,
        &at("role"),
        &item,
        "role",
        Some(&old.role),
        Some(&new.role),
        record::minor,
    );
    out.field(
        ChangeKind::PartyHoursChanged,
        &at("hours"),
        &item,
        "hours",
        Some(&old.covered_hours()),
        Some(&new.covered_hours()),
        record::coverage,
    );
    if old.contacts != new.contacts {
        let names = |party: &Party| {
            party
                .contacts
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (before, after) = (names(old), names(new));
        let what = if before == after {
            format!("contact details changed ({after})")
        } else {
            format!("contacts {} → {}", or_none(&before), or_none(&after))
        };
        out.push(
            ChangeKind::ContactsChanged,
            at("contacts"),
            (
                Some(record::value(&old.contacts)),
                Some(record::value(&new.contacts)),
            ),
            Impact::Info,
            format!("{item}: {what}"),
        );
    }
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "none" } else { text }
}

#[cfg(test)]
mod tests {
    use crate::diff::ChangeKind::*;
    use crate::diff::testing::changes;

    fn with(parties: &str) -> String {
        format!("parties:\n{parties}services: {{}}\n")
    }

    #[test]
    fn hours_by_meaning_and_contacts_as_info() {
        let old = with("  it: {name: IT, role: internal}\n");
        assert!(
            changes(
                &old,
                &with("  it: {name: IT, role: internal, hours: business}\n")
            )
            .is_empty()
        );
        let new =
            with("  it: {name: IT team, role: internal, hours: 24x7, contacts: [{name: Ann}]}\n");
        assert_eq!(
            changes(&old, &new),
            [
                (
                    PartyHoursChanged,
                    "party `it`: hours business → 24x7 (more coverage)".to_owned()
                ),
                (PartyNameChanged, "party `it`: name IT → IT team".to_owned()),
                (
                    ContactsChanged,
                    "party `it`: contacts none → Ann".to_owned()
                ),
            ]
        );
    }
}
