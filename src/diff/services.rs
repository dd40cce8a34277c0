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

/// " (owner msp, 3 functions)": what an added or removed service held.
fn contents(service: &Service) -> String {
    let count = service.functions.len();
    let functions = format!("{count} function{}", if count == 1 { "" } else { "s" });
    match default_owners(service) {
        Some(owners) => format!(" (owner {}, {functions})", owners.join(", ")),
        None => format!(" ({functions})"),
    }
}

/// The service's default owners, `None` when it names none.
fn default_owners(service: &Service) -> Option<Vec<String>> {
    record::parties_value(
        &service
            .owner
            .as_ref()
            .map(PartyRefs::ids)
            .unwrap_or_default(),
    )
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
    let (before, after) = (default_owners(old), default_owners(new));
    if !record::same_set(
        before.as_deref().unwrap_or(&[]),
        after.as_deref().unwrap_or(&[]),
    ) {
        out.field(
            ChangeKind::ServiceOwnerChanged,
            &pointer(["services", id, "owner"]),
            &item,
            "default owner",
            before.as_ref(),
            after.as_ref(),
            record::hands,
        );
    }
}
