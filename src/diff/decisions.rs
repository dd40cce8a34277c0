//! Decision authority: decisions (matched by id) and the authority section.

use super::record::{self, Changes};
use super::{ChangeKind, Impact};
use crate::scope::{Authority, Decision, PartyRefs, Scope};
use crate::source::pointer;

/// Records the decision and authority changes from `old` to `new`.
pub(super) fn compare(out: &mut Changes, old: &Scope, new: &Scope) {
    for (id, decision) in &new.decisions {
        match old.decisions.get(id) {
            Some(before) => fields(out, id, before, decision),
            None => out.push(
                ChangeKind::DecisionAdded,
                pointer(["decisions", id]),
                (None, Some(record::value(decision))),
                Impact::Minor,
                format!("decision `{id}` added{}", decided_by(out, decision)),
            ),
        }
    }
    for (id, decision) in &old.decisions {
        if !new.decisions.contains_key(id) {
            out.push(
                ChangeKind::DecisionRemoved,
                pointer(["decisions", id]),
                (Some(record::value(decision)), None),
                Impact::Major,
                format!("decision `{id}` removed{}", decided_by(out, decision)),
            );
        }
    }
    authority(out, old.authority.as_ref(), new.authority.as_ref());
}

/// The deciders of a decision (none when undecided).
fn deciders(decision: &Decision) -> Vec<&str> {
    decision
        .decides
        .as_ref()
        .map(PartyRefs::ids)
        .unwrap_or_default()
}

/// " (decides: internal)" for an added or removed decision.
fn decided_by(out: &Changes, decision: &Decision) -> String {
    match deciders(decision).as_slice() {
        [] => " (undecided)".to_owned(),
        ids => format!(" (decides: {})", out.names(ids)),
    }
}

/// Changes of a decision present on both sides.
fn fields(out: &mut Changes, id: &str, old: &Decision, new: &Decision) {
    let item = format!("decision `{id}`");
    let at = |field: &str| pointer(["decisions", id, field]);
    let (before, after) = (deciders(old), deciders(new));
    out.party_set(
        ChangeKind::DecidesChanged,
        &at("decides"),
        &item,
        "decides",
        &before,
        &after,
    );
    out.party_lists(
        &item,
        at,
        &[
            (
                ChangeKind::DecisionConsultedChanged,
                "consulted",
                &old.consulted,
                &new.consulted,
            ),
            (
                ChangeKind::DecisionInformedChanged,
                "informed",
                &old.informed,
                &new.informed,
            ),
        ],
    );
    out.field(
        ChangeKind::QuestionChanged,
        &at("question"),
        &item,
        "question",
        old.question.as_ref(),
        new.question.as_ref(),
        record::info,
    );
    out.field(
        ChangeKind::DecisionServiceChanged,
        &at("service"),
        &item,
        "service",
        old.service.as_ref(),
        new.service.as_ref(),
        record::minor,
    );
}

/// Each authority field as a party that can change hands.
fn authority(out: &mut Changes, old: Option<&Authority>, new: Option<&Authority>) {
    let none = Authority::default();
    let (a, b) = (old.unwrap_or(&none), new.unwrap_or(&none));
    let fields = [
        ("tie-breaker", &a.tie_breaker, &b.tie_breaker),
        ("scope-changes", &a.scope_changes, &b.scope_changes),
        ("out-of-scope", &a.out_of_scope, &b.out_of_scope),
    ];
    for (field, x, y) in fields {
        out.party_field(
            ChangeKind::AuthorityChanged,
            &pointer(["authority", field]),
            "authority",
            field,
            (x.as_ref(), y.as_ref()),
            record::hands,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::ChangeKind::*;
    use crate::diff::testing::changes;

    fn with(decisions: &str) -> String {
        format!("parties: {{}}\nservices: {{}}\n{decisions}")
    }

    #[test]
    fn deciders_are_sets_and_authority_changes_hands() {
        let old = with(
            "decisions:\n  d: {decides: it, consulted: [msp, it]}\nauthority: {tie-breaker: boss}\n",
        );
        let same = with(
            "decisions:\n  d: {decides: [it, it], consulted: [it, msp]}\nauthority: {tie-breaker: boss}\n",
        );
        assert!(changes(&old, &same).is_empty());
        let new = with("decisions:\n  d: {decides: msp}\n  e: {}\n");
        assert_eq!(
            changes(&old, &new),
            [
                // Major changes first, then by place.
                (DecidesChanged, "decision `d`: decides it → msp".to_owned()),
                (
                    AuthorityChanged,
                    "authority: tie-breaker boss → none".to_owned()
                ),
                (
                    DecisionConsultedChanged,
                    "decision `d`: consulted msp, it → none".to_owned()
                ),
                (DecisionAdded, "decision `e` added (undecided)".to_owned()),
            ]
        );
    }
}
