//! Services: added, removed, renamed (display name), default owner changed.
//!
//! A service that appears or disappears is one change that carries the whole
//! service as its value; its functions are not listed one by one unless they
//! moved from or to a service on the other side (see `functions`).
//!
//! A service whose id changed but whose explicit `name` did not is a rename
//! (`minor`), not a removal and an addition: its functions are compared as
//! the same functions (see [`renames`]).
//!
//! A service's default owner is reported once, here, with the functions
//! whose effective owner changes with it (they inherit it on both sides);
//! those are not reported again (see `functions`).

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::record::{self, Changes};
use super::{ChangeKind, Impact};
use crate::scope::{Function, PartyRefs, Scope, Service};
use crate::source::pointer;

/// Old service id -> new service id, for each service renamed: an id only
/// in `old` and one only in `new` with the same explicit name, paired
/// first with first in file order.
pub(super) fn renames<'a>(old: &'a Scope, new: &'a Scope) -> HashMap<&'a str, &'a str> {
    let mut waiting: IndexMap<&str, Vec<&str>> = IndexMap::new();
    for (id, service) in old.services.iter().rev() {
        if let (Some(name), false) = (service.name.as_deref(), new.services.contains_key(id)) {
            waiting.entry(name).or_default().push(id);
        }
    }
    let mut out = HashMap::new();
    for (id, service) in &new.services {
        if let (Some(name), false) = (service.name.as_deref(), old.services.contains_key(id))
            && let Some(before) = waiting.get_mut(name).and_then(Vec::pop)
        {
            out.insert(before, id.as_str());
        }
    }
    out
}

/// Records the service-level changes from `old` to `new`.
pub(super) fn compare(out: &mut Changes, old: &Scope, new: &Scope) {
    let renamed = renames(old, new);
    let arrived: HashMap<&str, &str> = renamed.iter().map(|(&o, &n)| (n, o)).collect();
    for (id, service) in &new.services {
        let before = old
            .services
            .get(id)
            .map(|s| (id.as_str(), s))
            .or_else(|| arrived.get(id.as_str()).map(|&o| (o, &old.services[o])));
        match before {
            Some((old_id, before)) => {
                if old_id != id {
                    out.push_relocated(
                        ChangeKind::ServiceRenamed,
                        (pointer(["services", old_id]), pointer(["services", id])),
                        (Some(old_id.into()), Some(id.as_str().into())),
                        Impact::Minor,
                        format!("service `{old_id}` renamed to `{id}`"),
                    );
                }
                fields(out, id, before, service);
            }
            None => {
                let summary = format!("service `{id}` added{}", contents(out, service));
                out.push(
                    ChangeKind::ServiceAdded,
                    pointer(["services", id]),
                    (None, Some(record::value(service))),
                    Impact::Minor,
                    summary,
                );
            }
        }
    }
    for (id, service) in &old.services {
        if !new.services.contains_key(id) && !renamed.contains_key(id.as_str()) {
            let summary = format!("service `{id}` removed{}", contents(out, service));
            out.push(
                ChangeKind::ServiceRemoved,
                pointer(["services", id]),
                (Some(record::value(service)), None),
                Impact::Major,
                summary,
            );
        }
    }
}

/// " (owner msp; functions `a`, `b`)": what an added or removed service held.
fn contents(out: &Changes, service: &Service) -> String {
    let ids: Vec<String> = service
        .functions
        .keys()
        .map(|id| format!("`{id}`"))
        .collect();
    let functions = match ids.len() {
        0 => "no functions".to_owned(),
        1 => format!("function {}", ids[0]),
        _ => format!("functions {}", ids.join(", ")),
    };
    match default_owners(service).as_slice() {
        [] => format!(" ({functions})"),
        owners => format!(" (owner {}; {functions})", out.names(owners)),
    }
}

/// The service's default owners (none, one, or several to be linted).
fn default_owners(service: &Service) -> Vec<&str> {
    service
        .owner
        .as_ref()
        .map(PartyRefs::ids)
        .unwrap_or_default()
}

/// Changes of a service present on both sides.
fn fields(out: &mut Changes, id: &str, old: &Service, new: &Service) {
    let item = format!("service `{id}`");
    out.field(
        ChangeKind::ServiceNameChanged,
        &pointer(["services", id, "name"]),
        &item,
        "name",
        Some(old.display_name(id)),
        Some(new.display_name(id)),
        record::info,
    );
    let pointer = pointer(["services", id, "owner"]);
    let (before, after) = (default_owners(old), default_owners(new));
    if record::same_set(&before, &after) {
        return;
    }
    // The functions that follow the default on both sides change hands
    // with it; the others name their own owner and are reported alone.
    let inherits = |f: &Function| f.owner.as_ref().is_none_or(|o| o.ids().is_empty());
    let followed: HashSet<&str> = old
        .functions
        .iter()
        .filter(|(_, f)| inherits(f))
        .map(|(id, _)| id.as_str())
        .collect();
    let functions: Vec<String> = new
        .functions
        .iter()
        .filter(|(id, f)| inherits(f) && followed.contains(id.as_str()))
        .map(|(id, _)| id.clone())
        .collect();
    out.party_set(
        ChangeKind::ServiceOwnerChanged,
        &pointer,
        &item,
        "default owner",
        &before,
        &after,
    );
    if let Some(change) = out.last_mut() {
        if !functions.is_empty() {
            let list: Vec<String> = functions.iter().map(|id| format!("`{id}`")).collect();
            let s = if list.len() == 1 { "" } else { "s" };
            change
                .summary
                .push_str(&format!(", with function{s} {}", list.join(", ")));
        }
        change.functions = Some(functions);
    }
}

#[cfg(test)]
mod tests {
    use crate::diff::ChangeKind::*;
    use crate::diff::testing::changes;

    const PARTIES: &str =
        "parties:\n  it: {name: IT, role: internal}\n  msp: {name: MSP, role: provider}\n";

    #[test]
    fn a_service_whose_id_changed_but_not_its_name_is_renamed() {
        let old = format!(
            "{PARTIES}services:\n  sec:\n    name: Security\n    owner: msp\n    functions:\n      a: {{}}\n      b: {{hours: 24x7}}\n"
        );
        let new = format!(
            "{PARTIES}services:\n  security:\n    name: Security\n    owner: msp\n    functions:\n      a: {{}}\n      b: {{}}\n      c: {{}}\n"
        );
        assert_eq!(
            changes(&old, &new),
            [
                (
                    ServiceRenamed,
                    "service `sec` renamed to `security`".to_owned()
                ),
                (
                    FunctionAdded,
                    "function `c` in service `security` added (owner MSP)".to_owned()
                ),
                // Its functions are the same functions: no move, no removal.
                (
                    HoursChanged,
                    "function `b` in service `security`: hours 24x7 → none (less coverage)"
                        .to_owned()
                ),
            ]
        );
        let found = crate::diff::diff(
            &crate::diff::testing::scope(&old),
            &crate::diff::testing::scope(&new),
        );
        let renamed = found.iter().find(|c| c.kind == ServiceRenamed).unwrap();
        assert_eq!(renamed.impact, crate::diff::Impact::Minor);
        assert_eq!(renamed.old_pointer.as_deref(), Some("/services/sec"));
        // Another name, or no name: a removal, an addition and moves.
        let other = new.replace("name: Security", "name: Cybersecurity");
        let unnamed = (
            old.replace("    name: Security\n", ""),
            new.replace("    name: Security\n", ""),
        );
        for (old, new) in [(old.as_str(), other.as_str()), (&unnamed.0, &unnamed.1)] {
            let kinds: Vec<_> = changes(old, new).into_iter().map(|(k, _)| k).collect();
            assert_eq!(
                kinds,
                [
                    ServiceRemoved,
                    ServiceAdded,
                    FunctionMoved,
                    FunctionMoved,
                    HoursChanged
                ]
            );
        }
    }

    #[test]
    fn a_default_owner_change_lists_the_functions_that_change_hands() {
        let old = format!(
            "{PARTIES}services:\n  s:\n    owner: it\n    functions:\n      a: {{}}\n      b: {{owner: msp}}\n      c: {{}}\n"
        );
        let new = old.replace("    owner: it\n", "    owner: msp\n");
        let found = crate::diff::diff(
            &crate::diff::testing::scope(&old),
            &crate::diff::testing::scope(&new),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].summary,
            "service `s`: default owner IT → MSP, with functions `a`, `c`"
        );
        assert_eq!(
            found[0].functions,
            Some(vec!["a".to_owned(), "c".to_owned()])
        );
        let json = serde_json::to_value(&found[0]).unwrap();
        assert_eq!(json["functions"], serde_json::json!(["a", "c"]));
        assert_eq!(json["old"], "it");
    }

    #[test]
    fn removed_services_name_their_functions() {
        let old = "parties: {}\nservices:\n  s: {owner: it, functions: {a: {}, b: {}}}\n  t: {functions: {}}\n";
        let new = "parties: {}\nservices:\n  t: {name: Tools, owner: [it, msp], functions: {}}\n";
        assert_eq!(
            changes(old, new),
            [
                (
                    ServiceRemoved,
                    "service `s` removed (owner it; functions `a`, `b`)".to_owned()
                ),
                (
                    ServiceOwnerChanged,
                    "service `t`: default owner none → it, msp".to_owned()
                ),
                (ServiceNameChanged, "service `t`: name t → Tools".to_owned()),
            ]
        );
    }
}
