//! The order changes are shown in (DESIGN.md 4, revision 2): by group, then
//! by impact (major first), then by place in the file — the newer file's
//! order, with what only the older one had after it, in its own order.

use std::cmp::Reverse;

use crate::scope::IdMap;

use super::Change;
use crate::scope::Scope;

/// Sorts `changes` into output order.
pub(super) fn sort(changes: &mut [Change], old: &Scope, new: &Scope) {
    // Cached: a place costs a few map look-ups, and sorting would repeat them.
    changes.sort_by_cached_key(|c| (c.group, Reverse(c.impact), place(&c.pointer, old, new)));
}

/// Where a pointer's item sits: its index at each level that has an order
/// (service, then function; path, then tier; …), newer side first.
fn place(pointer: &str, old: &Scope, new: &Scope) -> [usize; 2] {
    let parts = super::sign_off::segments(pointer);
    let part = |i: usize| parts.get(i).map(String::as_str).unwrap_or("");
    let number = |i: usize| part(i).parse::<usize>().unwrap_or(0);
    match part(0) {
        "services" => {
            let service = index(&new.services, &old.services, part(1));
            let function = if part(2) == "functions" {
                let empty = IdMap::default();
                let (in_new, in_old) = (
                    new.services.get(part(1)).map_or(&empty, |s| &s.functions),
                    old.services.get(part(1)).map_or(&empty, |s| &s.functions),
                );
                // Before any function of the service: the service itself.
                1 + index(in_new, in_old, part(3))
            } else {
                0
            };
            [service, function]
        }
        "parties" => [index(&new.parties, &old.parties, part(1)), 0],
        "decisions" => [index(&new.decisions, &old.decisions, part(1)), 0],
        "escalation" => [index(&new.escalation, &old.escalation, part(1)), number(2)],
        "cadence" => [number(1), 0],
        _ => [0, 0],
    }
}

/// The index of `key` in `new`, else after everything in `new` at its index
/// in `old`.
fn index<T>(new: &IdMap<T>, old: &IdMap<T>, key: &str) -> usize {
    new.get_index_of(key)
        .unwrap_or_else(|| new.len() + old.get_index_of(key).unwrap_or(old.len()))
}
