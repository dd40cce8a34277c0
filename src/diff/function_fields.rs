//! The field changes of one matched function, reported against its place in
//! the new scope.
//!
//! Owners are compared as effective owners (`Scope::owners`: the function's
//! own, else its service's default). When both sides inherit from the same
//! service the function's owner is not reported: the change, if any, is the
//! service's default owner, reported once on the service. A function that
//! moved, or that names its own owner on either side, is reported when its
//! effective owner differs.
//!
//! The escalation path works the same way: a function that names no path on
//! either side follows `default`, and a change of that is the path's.

use super::functions::Slot;
use super::record::{self, Changes};
use super::{ChangeKind, Impact};
use crate::scope::{Function, Scope};

/// Compares a function as it was (`old` side) with what it is (`new` side);
/// `moved` when it changed service.
pub(super) fn compare(
    out: &mut Changes,
    (old, a): (&Scope, Slot<'_>),
    (new, b): (&Scope, Slot<'_>),
    moved: bool,
) {
    // A function written the same in the same service has nothing to report:
    // every comparison below is of its own fields (an inherited owner or path
    // is reported on the service or the path). Most functions of two nearby
    // versions are unchanged, and the pointers and names built below cost
    // more than the rest of the diff.
    if !moved && a.id == b.id && a.function == b.function {
        return;
    }
    let item = b.item();
    let base = b.pointer();
    let at = |field: &str| format!("{base}/{field}");
    let (f, g) = (a.function, b.function);

    let inherits = |function: &Function| function.owner.as_ref().is_none_or(|o| o.ids().is_empty());
    let via_service = inherits(f) && inherits(g) && !moved;
    let (before, after) = (old.owners(a.service, f), new.owners(b.service, g));
    if !via_service {
        out.party_set(
            ChangeKind::OwnerChanged,
            &at("owner"),
            &item,
            "owner",
            &before,
            &after,
        );
    }
    out.party_field(
        ChangeKind::BackupChanged,
        &at("backup"),
        &item,
        "backup",
        (f.backup.as_ref(), g.backup.as_ref()),
        record::hands,
    );
    out.party_lists(
        &item,
        at,
        &[
            (
                ChangeKind::ResponsibleChanged,
                "responsible",
                &f.responsible,
                &g.responsible,
            ),
            (
                ChangeKind::ConsultedChanged,
                "consulted",
                &f.consulted,
                &g.consulted,
            ),
            (
                ChangeKind::InformedChanged,
                "informed",
                &f.informed,
                &g.informed,
            ),
        ],
    );
    out.field(
        ChangeKind::FunctionNameChanged,
        &at("name"),
        &item,
        "name",
        Some(f.display_name(a.id)),
        Some(g.display_name(b.id)),
        record::info,
    );
    out.field(
        ChangeKind::NotesChanged,
        &at("notes"),
        &item,
        "notes",
        f.notes.as_ref(),
        g.notes.as_ref(),
        record::info,
    );
    out.field(
        ChangeKind::MeasuresChanged,
        &at("measures"),
        &item,
        "measures",
        Some(&f.measures),
        Some(&g.measures),
        record::info,
    );
    coverage(out, (old, f), (new, g), &item, &base);
}

/// Hours, criticality, recovery and escalation path: the coverage group.
fn coverage(
    out: &mut Changes,
    (old, f): (&Scope, &Function),
    (new, g): (&Scope, &Function),
    item: &str,
    base: &str,
) {
    let at = |field: &str| format!("{base}/{field}");
    out.field(
        ChangeKind::HoursChanged,
        &at("hours"),
        item,
        "hours",
        f.hours.as_ref(),
        g.hours.as_ref(),
        record::coverage,
    );
    // Dropping `critical` drops the need for a named backup: weaker cover.
    out.field(
        ChangeKind::CriticalChanged,
        &at("critical"),
        item,
        "critical",
        Some(&f.critical),
        Some(&g.critical),
        |_, now| {
            if now == Some(&true) {
                (Impact::Minor, None)
            } else {
                (Impact::Major, None)
            }
        },
    );
    out.field(
        ChangeKind::RecoveryChanged,
        &at("recovery"),
        item,
        "recovery",
        f.recovery.as_ref(),
        g.recovery.as_ref(),
        record::target,
    );
    if f.escalation.is_some() || g.escalation.is_some() {
        // Losing every path is major; naming one, or another, is minor.
        out.field(
            ChangeKind::EscalationChanged,
            &at("escalation"),
            item,
            "escalation path",
            old.escalation_path_id(f),
            new.escalation_path_id(g),
            |_, now| {
                if now.is_none() {
                    (Impact::Major, None)
                } else {
                    (Impact::Minor, None)
                }
            },
        );
    }
}
