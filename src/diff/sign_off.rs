//! The sign-off of a diff (DESIGN.md 4, revision 2): the parties whose
//! agreement the change needs — the party named by `authority.scope-changes`,
//! and every party that loses or gains an owner, backup, decision or tier —
//! each with what it loses and what it gains.

use serde::Serialize;
use serde_json::Value;

use super::{Change, ChangeKind};
use crate::scope::{Function, Scope, Service};

/// One party whose agreement the change needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignOff {
    /// Party id.
    pub party: String,
    /// True for the party that approves scope changes.
    #[serde(skip)]
    pub approves: bool,
    /// What it loses.
    pub loses: Vec<Hand>,
    /// What it gains.
    pub gains: Vec<Hand>,
}

/// One thing a party holds: where it is, and what it is in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Hand {
    /// JSON pointer of the change.
    pub pointer: String,
    /// "owner of function `x` in service `y`".
    pub what: String,
}

impl Serialize for Hand {
    /// As its pointer: JSON's `loses` and `gains` are arrays of pointers.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.pointer)
    }
}

/// Who must sign off `changes` from `old` to `new`: the approver first, then
/// the parties in the new file's order, then the old file's, then ids that
/// name no party.
pub fn sign_off(changes: &[Change], old: &Scope, new: &Scope) -> Vec<SignOff> {
    let mut out = Entries::default();
    let approver = [new, old]
        .iter()
        .find_map(|s| s.authority.as_ref().and_then(|a| a.scope_changes.clone()));
    if let Some(id) = &approver {
        out.entry(id).approves = true;
    }
    for change in changes {
        for (side, lose) in [(false, true), (true, false)] {
            let scope = if side { new } else { old };
            for (party, what) in hands(change, scope, side) {
                let hand = Hand {
                    pointer: change.pointer.clone(),
                    what,
                };
                let e = out.entry(&party);
                if lose {
                    e.loses.push(hand)
                } else {
                    e.gains.push(hand)
                }
            }
        }
    }
    let mut out = out.list;
    out.retain(|e| e.approves || !e.loses.is_empty() || !e.gains.is_empty());
    let rank = |id: &str| {
        let first = usize::from(approver.as_deref() != Some(id));
        let place = new
            .parties
            .get_index_of(id)
            .or_else(|| old.parties.get_index_of(id).map(|i| i + new.parties.len()))
            .unwrap_or(usize::MAX);
        (first, place)
    };
    // Stable: ids that name no party keep the order they appeared in.
    out.sort_by_key(|e| rank(&e.party));
    out
}

/// The entries so far, with an index by party id (a diff of a large scope
/// can have many hands to give out).
#[derive(Default)]
struct Entries {
    list: Vec<SignOff>,
    at: std::collections::HashMap<String, usize>,
}

impl Entries {
    fn entry(&mut self, id: &str) -> &mut SignOff {
        let next = self.list.len();
        let at = *self.at.entry(id.to_owned()).or_insert(next);
        if at == next {
            self.list.push(SignOff {
                party: id.to_owned(),
                approves: false,
                loses: Vec::new(),
                gains: Vec::new(),
            });
        }
        &mut self.list[at]
    }
}

/// The parties that hold something through `change` on one side (`new`:
/// the newer side, `scope`), with what they hold. A party on both sides of
/// the same change neither loses nor gains it.
fn hands(change: &Change, scope: &Scope, new: bool) -> Vec<(String, String)> {
    let value = if new { &change.new } else { &change.old };
    let other = if new { &change.old } else { &change.new };
    let item = change.summary.split(": ").next().unwrap_or_default();
    let parts = segments(&change.pointer);
    let part = |i: usize| parts.get(i).map(String::as_str).unwrap_or_default();
    let held = |label: String| -> Vec<(String, String)> {
        let others = ids(other);
        ids(value)
            .into_iter()
            .filter(|id| !others.contains(id))
            .map(|id| (id, label.clone()))
            .collect()
    };
    match change.kind {
        ChangeKind::OwnerChanged => held(format!("owner of {item}")),
        ChangeKind::BackupChanged => held(format!("backup of {item}")),
        ChangeKind::ServiceOwnerChanged => held(format!("default owner of {item}")),
        ChangeKind::DecidesChanged => held(item.to_owned()),
        ChangeKind::TierPartyChanged => held(item.to_owned()),
        ChangeKind::AuthorityChanged => held(format!("authority: {}", part(1))),
        ChangeKind::FunctionAdded | ChangeKind::FunctionRemoved => scope
            .services
            .get(part(1))
            .and_then(|s| s.functions.get(part(3)).map(|f| (s, f)))
            .map(|(s, f)| function_hands(scope, (part(1), s), (part(3), f)))
            .unwrap_or_default(),
        ChangeKind::ServiceAdded | ChangeKind::ServiceRemoved => scope
            .services
            .get(part(1))
            .map(|s| {
                s.functions
                    .iter()
                    .flat_map(|(id, f)| function_hands(scope, (part(1), s), (id, f)))
                    .collect()
            })
            .unwrap_or_default(),
        ChangeKind::DecisionAdded | ChangeKind::DecisionRemoved => {
            let decides = value.as_ref().and_then(|v| v.get("decides")).cloned();
            ids(&decides)
                .into_iter()
                .map(|id| (id, format!("decision `{}`", part(1))))
                .collect()
        }
        ChangeKind::TierAdded | ChangeKind::TierRemoved => value
            .iter()
            .filter_map(|tier| tier_hand(part(1), tier))
            .collect(),
        ChangeKind::PathAdded | ChangeKind::PathRemoved => value
            .iter()
            .filter_map(Value::as_array)
            .flatten()
            .filter_map(|tier| tier_hand(part(1), tier))
            .collect(),
        _ => Vec::new(),
    }
}

/// The owner and backup of a function that appears or disappears.
fn function_hands(
    scope: &Scope,
    (service_id, service): (&str, &Service),
    (id, function): (&str, &Function),
) -> Vec<(String, String)> {
    let item = format!("function `{id}` in service `{service_id}`");
    let mut out: Vec<(String, String)> = scope
        .owners(service, function)
        .into_iter()
        .map(|owner| (owner.to_owned(), format!("owner of {item}")))
        .collect();
    out.extend(
        function
            .backup
            .iter()
            .map(|backup| (backup.clone(), format!("backup of {item}"))),
    );
    out
}

fn tier_hand(path: &str, tier: &Value) -> Option<(String, String)> {
    let party = tier.get("party")?.as_str()?;
    let number = tier.get("tier")?;
    Some((
        party.to_owned(),
        format!("tier {number} of escalation path `{path}`"),
    ))
}

/// Party ids in a value: one id, or a list of them.
fn ids(value: &Option<Value>) -> Vec<String> {
    match value {
        Some(Value::String(id)) => vec![id.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// The unescaped segments of a JSON pointer.
pub(super) fn segments(at: &str) -> Vec<String> {
    at.split('/')
        .skip(1)
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{diff, testing::scope};

    const PARTIES: &str = "parties:\n  it: {name: IT, role: internal}\n  msp: {name: MSP, role: provider}\n  boss: {name: Boss, role: leadership}\n  soc: {name: SOC, role: vendor}\n";

    fn what(hands: &[Hand]) -> Vec<&str> {
        hands.iter().map(|h| h.what.as_str()).collect()
    }

    #[test]
    fn the_approver_comes_first_then_whoever_loses_or_gains() {
        let old = scope(&format!(
            "{PARTIES}authority: {{scope-changes: boss}}\nservices:\n  s:\n    owner: it\n    functions:\n      a: {{backup: msp}}\n      b: {{owner: soc}}\n"
        ));
        let new = scope(&format!(
            "{PARTIES}authority: {{scope-changes: boss}}\nservices:\n  s:\n    owner: msp\n    functions:\n      a: {{backup: it}}\n      c: {{owner: soc}}\n"
        ));
        let changes = diff(&old, &new);
        let found = sign_off(&changes, &old, &new);
        let summary: Vec<(&str, Vec<&str>, Vec<&str>)> = found
            .iter()
            .map(|e| (e.party.as_str(), what(&e.loses), what(&e.gains)))
            .collect();
        assert_eq!(
            summary,
            [
                ("boss", vec![], vec![]),
                (
                    "it",
                    vec!["default owner of service `s`"],
                    vec!["backup of function `a` in service `s`"]
                ),
                (
                    "msp",
                    vec!["backup of function `a` in service `s`"],
                    vec!["default owner of service `s`"]
                ),
                (
                    "soc",
                    vec!["owner of function `b` in service `s`"],
                    vec!["owner of function `c` in service `s`"]
                ),
            ]
        );
        assert!(found[0].approves);
        let json = serde_json::to_value(&found[1]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "party": "it",
                "loses": ["/services/s/owner"],
                "gains": ["/services/s/functions/a/backup"]
            })
        );
    }

    #[test]
    fn no_change_needs_no_one_but_the_approver() {
        let old = scope(&format!(
            "{PARTIES}authority: {{scope-changes: boss}}\nservices: {{}}\n"
        ));
        let found = sign_off(&[], &old, &old);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].party, "boss");
    }
}
