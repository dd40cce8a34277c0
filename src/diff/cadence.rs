//! Cadence: meetings matched by name (the first unmatched meeting of the
//! same name on each side), then how often and who attends.
//!
//! Meetings are governance, not ownership: every cadence change is `minor`.

use super::record::{self, Changes};
use super::{ChangeKind, Impact};
use crate::scope::{Meeting, Scope};
use crate::source::pointer;

/// Records the cadence changes from `old` to `new`.
pub(super) fn compare(out: &mut Changes, old: &Scope, new: &Scope) {
    let mut taken = vec![false; old.cadence.len()];
    for (i, meeting) in new.cadence.iter().enumerate() {
        let found = old
            .cadence
            .iter()
            .enumerate()
            .position(|(j, m)| !taken[j] && m.name == meeting.name);
        match found {
            Some(j) => {
                taken[j] = true;
                fields(out, i, &old.cadence[j], meeting);
            }
            None => out.push(
                ChangeKind::MeetingAdded,
                pointer(["cadence", &i.to_string()]),
                (None, Some(record::value(meeting))),
                Impact::Minor,
                format!(
                    "meeting \"{}\" added (every {})",
                    meeting.name,
                    meeting.every.as_str()
                ),
            ),
        }
    }
    for (j, meeting) in old.cadence.iter().enumerate() {
        if !taken[j] {
            out.push(
                ChangeKind::MeetingRemoved,
                pointer(["cadence", &j.to_string()]),
                (Some(record::value(meeting)), None),
                Impact::Minor,
                format!(
                    "meeting \"{}\" removed (every {})",
                    meeting.name,
                    meeting.every.as_str()
                ),
            );
        }
    }
}

/// Changes of a meeting present on both sides, at index `i` in the new list.
fn fields(out: &mut Changes, i: usize, old: &Meeting, new: &Meeting) {
    let item = format!("meeting \"{}\"", new.name);
    let at = |field: &str| pointer(["cadence", &i.to_string(), field]);
    out.field(
        ChangeKind::EveryChanged,
        &at("every"),
        &item,
        "every",
        Some(&old.every),
        Some(&new.every),
        record::minor,
    );
    if !record::same_set(&old.parties, &new.parties) {
        out.party_field(
            ChangeKind::AttendeesChanged,
            &at("parties"),
            &item,
            "parties",
            (Some(&old.parties), Some(&new.parties)),
            record::minor,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::ChangeKind::*;
    use crate::diff::testing::changes;

    fn meetings(list: &str) -> String {
        format!("parties: {{}}\nservices: {{}}\ncadence:\n{list}")
    }

    #[test]
    fn meetings_match_by_name() {
        let old = meetings(
            "  - {name: Sync, every: week, parties: [a, b]}\n  - {name: QBR, every: quarter, parties: [a]}\n",
        );
        let new = meetings(
            "  - {name: QBR, every: month, parties: [a]}\n  - {name: Sync, every: week, parties: [b, a]}\n",
        );
        assert_eq!(
            changes(&old, &new),
            [(
                EveryChanged,
                "meeting \"QBR\": every quarter → month".to_owned()
            )]
        );
    }
}
