//! Escalation: paths matched by id, tiers matched by their `tier` number
//! within a path (the first unmatched tier of that number on each side).
//!
//! A path that appears or disappears is one change carrying its tiers.
//! A tier's hours compare by meaning: a tier without `hours` covers its
//! party's.

use super::record::{self, Changes};
use super::{ChangeKind, Impact};
use crate::scope::{Scope, Tier};
use crate::source::pointer;

/// Records the escalation changes from `old` to `new`.
pub(super) fn compare(out: &mut Changes, old: &Scope, new: &Scope) {
    for (id, tiers) in &new.escalation {
        match old.escalation.get(id) {
            Some(before) => path(out, id, (old, before), (new, tiers)),
            None => out.push(
                ChangeKind::PathAdded,
                pointer(["escalation", id]),
                (None, Some(record::value(tiers))),
                Impact::Minor,
                format!("escalation path `{id}` added ({})", ladder(out, tiers)),
            ),
        }
    }
    for (id, tiers) in &old.escalation {
        if !new.escalation.contains_key(id) {
            out.push(
                ChangeKind::PathRemoved,
                pointer(["escalation", id]),
                (Some(record::value(tiers)), None),
                Impact::Major,
                format!("escalation path `{id}` removed ({})", ladder(out, tiers)),
            );
        }
    }
}

/// "1 Lakeside Managed IT, 2 Harbor Dental IT": who the tiers are.
fn ladder(out: &Changes, tiers: &[Tier]) -> String {
    if tiers.is_empty() {
        return "no tiers".to_owned();
    }
    let steps: Vec<String> = tiers
        .iter()
        .map(|t| format!("{} {}", t.tier, out.name(&t.party)))
        .collect();
    format!("tiers {}", steps.join(", "))
}

/// Changes within a path present on both sides.
fn path(
    out: &mut Changes,
    id: &str,
    (old, before): (&Scope, &[Tier]),
    (new, after): (&Scope, &[Tier]),
) {
    let mut taken = vec![false; before.len()];
    for (i, tier) in after.iter().enumerate() {
        let found = (0..before.len()).find(|&j| !taken[j] && before[j].tier == tier.tier);
        let at = pointer(["escalation", id, &i.to_string()]);
        let item = format!("tier {} of escalation path `{id}`", tier.tier);
        match found {
            Some(j) => {
                taken[j] = true;
                fields(out, &at, &item, (old, &before[j]), (new, tier));
            }
            None => out.push(
                ChangeKind::TierAdded,
                at,
                (None, Some(record::value(tier))),
                Impact::Minor,
                format!("{item} added (party {})", out.name(&tier.party)),
            ),
        }
    }
    for (j, tier) in before.iter().enumerate() {
        if !taken[j] {
            out.push(
                ChangeKind::TierRemoved,
                pointer(["escalation", id, &j.to_string()]),
                (Some(record::value(tier)), None),
                Impact::Major,
                format!(
                    "tier {} of escalation path `{id}` removed (party {})",
                    tier.tier,
                    out.name(&tier.party)
                ),
            );
        }
    }
}

/// Changes of one tier present on both sides.
fn fields(
    out: &mut Changes,
    base: &str,
    item: &str,
    (old, a): (&Scope, &Tier),
    (new, b): (&Scope, &Tier),
) {
    let at = |field: &str| format!("{base}/{field}");
    out.party_field(
        ChangeKind::TierPartyChanged,
        &at("party"),
        item,
        "party",
        (Some(&a.party), Some(&b.party)),
        record::hands,
    );
    out.field(
        ChangeKind::RespondChanged,
        &at("respond"),
        item,
        "respond",
        a.respond.as_ref(),
        b.respond.as_ref(),
        record::target,
    );
    out.field(
        ChangeKind::ResolveChanged,
        &at("resolve"),
        item,
        "resolve",
        a.resolve.as_ref(),
        b.resolve.as_ref(),
        record::target,
    );
    if a.hours != b.hours {
        out.field(
            ChangeKind::TierHoursChanged,
            &at("hours"),
            item,
            "hours",
            Some(&old.tier_hours(a)),
            Some(&new.tier_hours(b)),
            record::coverage,
        );
    }
    out.field(
        ChangeKind::ChannelChanged,
        &at("channel"),
        item,
        "channel",
        a.channel.as_ref(),
        b.channel.as_ref(),
        record::info,
    );
}

#[cfg(test)]
mod tests {
    use crate::diff::ChangeKind::*;
    use crate::diff::testing::changes;

    fn path(tiers: &str) -> String {
        format!(
            "parties:\n  it: {{name: IT, role: internal}}\n  msp: {{name: MSP, role: provider, hours: 24x7}}\nservices: {{}}\nescalation:\n  std:\n{tiers}"
        )
    }

    #[test]
    fn tiers_match_by_number_not_position() {
        let old = path("    - {tier: 1, party: msp, respond: 90m}\n    - {tier: 2, party: it}\n");
        let new = path("    - {tier: 2, party: it}\n    - {tier: 3, party: it}\n");
        let found = changes(&old, &new);
        assert_eq!(
            found,
            // Parties by name; the removal (major) before the addition.
            [
                (
                    TierRemoved,
                    "tier 1 of escalation path `std` removed (party MSP)".to_owned()
                ),
                (
                    TierAdded,
                    "tier 3 of escalation path `std` added (party IT)".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn tier_hours_compare_by_meaning() {
        let old = path("    - {tier: 1, party: msp}\n");
        assert!(changes(&old, &path("    - {tier: 1, party: msp, hours: 24x7}\n")).is_empty());
        let found = changes(
            &old,
            &path("    - {tier: 1, party: msp, hours: business, respond: 1h}\n"),
        );
        assert_eq!(found.len(), 2);
        // Less coverage (major) comes before a tightened target (minor).
        assert_eq!(
            found[0].1,
            "tier 1 of escalation path `std`: hours 24x7 → business (less coverage)"
        );
    }
}
