//! Functions: matching the two sides, then what changed.
//!
//! Functions are matched in three passes, each over what the previous left:
//! 1. same service and same id: the same function;
//! 2. same id in another service: a move (`minor`);
//! 3. an id that exists only in the old scope and one that exists only in the
//!    new, with the same explicit `name` and the same effective owners: a
//!    rename (`minor`), whether or not it also changed service.
//!
//! Within passes 2 and 3 candidates are paired in file order (the first old
//! with the first new of the same key), so swapping the sides pairs the same
//! functions. What is left is added or removed, unless its whole service was
//! added or removed, which `services` reports as one change.
//!
//! The fields of every matched pair are compared in `function_fields`.

use std::collections::{HashMap, HashSet, VecDeque};

use indexmap::IndexMap;

use super::function_fields;
use super::record::{self, Changes};
use super::{ChangeKind, Impact};
use crate::scope::{Function, Scope, Service};
use crate::source::pointer;

/// One function where it is written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot<'a> {
    /// The service id.
    pub service_id: &'a str,
    /// The service.
    pub service: &'a Service,
    /// The function id.
    pub id: &'a str,
    /// The function.
    pub function: &'a Function,
}

impl Slot<'_> {
    /// The JSON pointer of the function.
    pub fn pointer(&self) -> String {
        pointer(["services", self.service_id, "functions", self.id])
    }

    /// "function `x` in service `y`".
    pub fn item(&self) -> String {
        format!("function `{}` in service `{}`", self.id, self.service_id)
    }
}

fn slots(scope: &Scope) -> Vec<Slot<'_>> {
    scope
        .services
        .iter()
        .flat_map(|(service_id, service)| {
            service.functions.iter().map(move |(id, function)| Slot {
                service_id,
                service,
                id,
                function,
            })
        })
        .collect()
}

/// How a pair of functions was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Match {
    Same,
    Moved,
    Renamed,
}

/// Records the function changes from `old` to `new`.
pub(super) fn compare(out: &mut Changes, old: &Scope, new: &Scope) {
    let (before, after) = (slots(old), slots(new));
    // A renamed service's functions are the same functions.
    let renamed = super::services::renames(old, new);
    let renamed_to: HashSet<&str> = renamed.values().copied().collect();
    let same_service = |old_id| same_service(&renamed, old_id);
    // partner[i] = (index into `before`, how) for each new slot.
    let mut partner: Vec<Option<(usize, Match)>> = vec![None; after.len()];
    let mut taken = vec![false; before.len()];

    // (service, id) is unique on each side: duplicate keys do not load.
    let place: HashMap<(&str, &str), usize> = before
        .iter()
        .enumerate()
        .map(|(o, b)| ((same_service(b.service_id), b.id), o))
        .collect();
    for (n, slot) in after.iter().enumerate() {
        if let Some(&o) = place.get(&(slot.service_id, slot.id)) {
            partner[n] = Some((o, Match::Same));
            taken[o] = true;
        }
    }
    let by_id = |s: &Slot<'_>| Some(s.id.to_owned());
    pair_by(
        (&before, by_id),
        (&after, by_id),
        &mut taken,
        &mut partner,
        Match::Moved,
    );
    let old_ids: HashSet<&str> = before.iter().map(|s| s.id).collect();
    let new_ids: HashSet<&str> = after.iter().map(|s| s.id).collect();
    let gone = |s: &Slot<'_>| rename_key(old, s, !new_ids.contains(s.id));
    let arrived = |s: &Slot<'_>| rename_key(new, s, !old_ids.contains(s.id));
    pair_by(
        (&before, gone),
        (&after, arrived),
        &mut taken,
        &mut partner,
        Match::Renamed,
    );

    for (n, slot) in after.iter().enumerate() {
        match partner[n] {
            Some((o, how)) => {
                let moved = same_service(before[o].service_id) != slot.service_id;
                matched(out, (old, new, moved), before[o], *slot, how);
            }
            None if old.services.contains_key(slot.service_id)
                || renamed_to.contains(slot.service_id) =>
            {
                let summary = format!("{} added{}", slot.item(), owned_by(out, new, slot));
                out.push(
                    ChangeKind::FunctionAdded,
                    slot.pointer(),
                    (None, Some(record::value(slot.function))),
                    Impact::Minor,
                    summary,
                );
            }
            None => {}
        }
    }
    for (o, slot) in before.iter().enumerate() {
        if !taken[o] && new.services.contains_key(same_service(slot.service_id)) {
            let summary = format!("{} removed{}", slot.item(), owned_by(out, old, slot));
            out.push(
                ChangeKind::FunctionRemoved,
                slot.pointer(),
                (Some(record::value(slot.function)), None),
                Impact::Major,
                summary,
            );
        }
    }
}

/// The id service `old_id` of the old scope has in the new one.
fn same_service<'a>(renamed: &HashMap<&'a str, &'a str>, old_id: &'a str) -> &'a str {
    renamed.get(old_id).copied().unwrap_or(old_id)
}

/// The key a rename is recognised by: the explicit name and the effective
/// owners, for a function whose id exists on its own side only (`only_here`).
fn rename_key(scope: &Scope, slot: &Slot<'_>, only_here: bool) -> Option<String> {
    let name = slot.function.name.as_deref()?;
    let mut owners = scope.owners(slot.service, slot.function);
    owners.sort_unstable();
    // Ids cannot hold a line feed, so it separates the name from them.
    only_here.then(|| format!("{name}\n{}", owners.join(" ")))
}

/// Pairs the unmatched slots of both sides that share a key, first with
/// first in file order.
fn pair_by<K, L>(
    (before, key_before): (&[Slot<'_>], K),
    (after, key_after): (&[Slot<'_>], L),
    taken: &mut [bool],
    partner: &mut [Option<(usize, Match)>],
    how: Match,
) where
    K: Fn(&Slot<'_>) -> Option<String>,
    L: Fn(&Slot<'_>) -> Option<String>,
{
    let mut waiting: IndexMap<String, VecDeque<usize>> = IndexMap::new();
    for (o, slot) in before.iter().enumerate() {
        if let Some(k) = key_before(slot).filter(|_| !taken[o]) {
            waiting.entry(k).or_default().push_back(o);
        }
    }
    for (n, slot) in after.iter().enumerate() {
        if partner[n].is_some() {
            continue;
        }
        let Some(k) = key_after(slot) else { continue };
        if let Some(o) = waiting.get_mut(&k).and_then(VecDeque::pop_front) {
            taken[o] = true;
            partner[n] = Some((o, how));
        }
    }
}

/// " (owner msp)": who owned an added or removed function.
fn owned_by(out: &Changes, scope: &Scope, slot: &Slot<'_>) -> String {
    let owners = scope.owners(slot.service, slot.function);
    if owners.is_empty() {
        " (no owner)".to_owned()
    } else {
        format!(" (owner {})", out.names(&owners))
    }
}

/// Records a matched pair: the rename or move, then its field changes.
/// `moved`: whether the function changed service (a renamed service is the
/// same service).
fn matched(
    out: &mut Changes,
    (old, new, moved): (&Scope, &Scope, bool),
    a: Slot<'_>,
    b: Slot<'_>,
    how: Match,
) {
    let places = || (a.pointer(), b.pointer());
    match how {
        Match::Same => {}
        Match::Moved => out.push_relocated(
            ChangeKind::FunctionMoved,
            places(),
            (Some(a.service_id.into()), Some(b.service_id.into())),
            Impact::Minor,
            format!(
                "function `{}` moved from service `{}` to service `{}`",
                b.id, a.service_id, b.service_id
            ),
        ),
        Match::Renamed => {
            let mut summary = format!("{} renamed to `{}`", a.item(), b.id);
            if moved {
                summary.push_str(&format!(" and moved to service `{}`", b.service_id));
            }
            out.push_relocated(
                ChangeKind::FunctionRenamed,
                places(),
                (Some(a.id.into()), Some(b.id.into())),
                Impact::Minor,
                summary,
            );
        }
    }
    function_fields::compare(out, (old, a), (new, b), moved);
}

#[cfg(test)]
mod tests {
    use crate::diff::ChangeKind::{self, *};
    use crate::diff::testing::changes;

    const PARTIES: &str =
        "parties:\n  it: {name: IT, role: internal}\n  msp: {name: MSP, role: provider}\n";

    fn kinds(old: &str, new: &str) -> Vec<ChangeKind> {
        let services = |s: &str| format!("{PARTIES}services:\n{s}");
        changes(&services(old), &services(new))
            .into_iter()
            .map(|(k, _)| k)
            .collect()
    }

    #[test]
    fn rename_needs_the_same_explicit_name_and_owner() {
        let old = "  s:\n    owner: msp\n    functions:\n      a: {name: Patching}\n";
        let renamed = "  t:\n    functions:\n      b: {name: Patching, owner: msp, hours: 24x7}\n  s:\n    owner: msp\n    functions: {}\n";
        assert_eq!(
            kinds(old, renamed),
            [ServiceAdded, FunctionRenamed, HoursChanged]
        );
        let other_owner = "  s:\n    owner: it\n    functions:\n      b: {name: Patching}\n";
        assert_eq!(
            kinds(old, other_owner),
            [ServiceOwnerChanged, FunctionRemoved, FunctionAdded]
        );
        let unnamed = (
            "  s:\n    functions:\n      a: {owner: it}\n",
            "  s:\n    functions:\n      b: {owner: it}\n",
        );
        assert_eq!(
            kinds(unnamed.0, unnamed.1),
            [FunctionRemoved, FunctionAdded]
        );
    }

    #[test]
    fn a_service_default_change_is_reported_once() {
        let old = "  s:\n    owner: it\n    functions:\n      a: {}\n      b: {}\n      c: {owner: msp}\n";
        let new = "  s:\n    owner: msp\n    functions:\n      a: {}\n      b: {}\n      c: {owner: msp}\n";
        assert_eq!(kinds(old, new), [ServiceOwnerChanged]);
        // Naming its own owner, a function stops following the default.
        let own = "  s:\n    owner: msp\n    functions:\n      a: {owner: it}\n      b: {}\n      c: {owner: msp}\n";
        assert_eq!(kinds(old, own), [ServiceOwnerChanged]);
        let moved = "  s:\n    owner: it\n    functions:\n      b: {}\n      c: {owner: msp}\n  t:\n    owner: msp\n    functions:\n      a: {}\n";
        assert_eq!(
            kinds(old, moved),
            [OwnerChanged, ServiceAdded, FunctionMoved]
        );
    }

    #[test]
    fn summaries_name_the_function_and_both_owners() {
        let services = |owner: &str| {
            format!(
                "{PARTIES}services:\n  security:\n    functions:\n      patch-management: {{owner: {owner}}}\n"
            )
        };
        let found = changes(&services("msp"), &services("it"));
        assert_eq!(
            found,
            [(
                OwnerChanged,
                "function `patch-management` in service `security`: owner MSP → IT".to_owned()
            )]
        );
    }
}
