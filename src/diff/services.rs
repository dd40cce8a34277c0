//! Services: added, removed, renamed (display name), default owner changed.
//!
//! A service that appears or disappears is one change that carries the whole
//! service as its value; its functions are not listed one by one unless they
//! moved from or to a service on the other side (see `functions`).
//!
//! A service's default owner is reported once, here. The functions that
//! inherit it on both sides are not reported again (see `functions`).

use super::record::{self, Changes};
use super::{ChangeKind, Impact};
use crate::scope::{PartyRefs, Scope, Service};
use crate::source::pointer;

/// Records the service-level changes from `old` to `new`.
pub(super) fn compare(out: &mut Changes, old: &Scope, new: &Scope) {
    for (id, service) in &new.services {
        match old.services.get(id) {
            Some(before) => fields(out, id, before, service),
            None => {
                let summary = format!("service `{id}` added{}", contents(service));
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
        if !new.services.contains_key(id) {
            let summary = format!("service `{id}` removed{}", contents(service));
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
fn contents(service: &Service) -> String {
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
        owners => format!(" (owner {}; {functions})", owners.join(", ")),
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
    out.party_set(
        ChangeKind::ServiceOwnerChanged,
        &pointer,
        &item,
        "default owner",
        &before,
        &after,
    );
}

#[cfg(test)]
mod tests {
    use crate::diff::ChangeKind::*;
    use crate::diff::testing::changes;

    #[test]
    fn removed_services_name_their_functions() {
        let old = "parties: {}\nservices:\n  s: {owner: it, functions: {a: {}, b: {}}}\n  t: {functions: {}}\n";
        let new = "parties: {}\nservices:\n  t: {name: Tools, owner: [it, msp], functions: {}}\n";
        assert_eq!(
            changes(old, new),
            [
                (
                    ServiceOwnerChanged,
                    "service `t`: default owner none → it, msp".to_owned()
                ),
                (
                    ServiceRemoved,
                    "service `s` removed (owner it; functions `a`, `b`)".to_owned()
                ),
                (ServiceNameChanged, "service `t`: name t → Tools".to_owned()),
            ]
        );
    }
}
