//! Waivers: where they are written and which findings they silence.
//!
//! A waiver on an item silences one rule's findings whose pointer lies inside
//! that item (DESIGN.md 3). Where a service and its function both waive a
//! rule, the function's reason is shown: waivers are applied innermost first.

use crate::diagnostics::Diagnostic;
use crate::scope::{Scope, Waiver, Waivers};
use crate::source::pointer;

/// One waiver with the places it is written at.
#[derive(Debug, Clone)]
pub struct WaiverAt<'a> {
    /// The rule id it waives, as written.
    pub rule: &'a str,
    /// The waiver itself.
    pub waiver: &'a Waiver,
    /// The pointer of the item that carries it (`/services/security`).
    pub item: String,
    /// The pointer of the waiver entry (`/services/security/waive/missing-backup`).
    pub pointer: String,
}

/// Every waiver in the scope, innermost items first (functions before their
/// service), otherwise in file order.
pub fn collect(scope: &Scope) -> Vec<WaiverAt<'_>> {
    let mut out = Vec::new();
    for (id, party) in &scope.parties {
        push(&mut out, || pointer(["parties", id]), &party.waive);
    }
    for (service_id, service) in &scope.services {
        for (function_id, function) in &service.functions {
            let item = || crate::lint::rule::function_pointer(service_id, function_id);
            push(&mut out, item, &function.waive);
        }
        push(
            &mut out,
            || pointer(["services", service_id]),
            &service.waive,
        );
    }
    for (id, decision) in &scope.decisions {
        push(&mut out, || pointer(["decisions", id]), &decision.waive);
    }
    out
}

/// The waivers of one item; its pointer is made only when it has some.
fn push<'a>(out: &mut Vec<WaiverAt<'a>>, item: impl FnOnce() -> String, waivers: &'a Waivers) {
    if waivers.is_empty() {
        return;
    }
    let item = item();
    for (rule, waiver) in waivers {
        let mut entry = item.clone();
        entry.push_str("/waive/");
        crate::source::push_escaped(&mut entry, rule);
        out.push(WaiverAt {
            rule,
            waiver,
            item: item.clone(),
            pointer: entry,
        });
    }
}

/// The findings ordered by rule, then pointer: the findings one waiver
/// covers (its rule, pointers inside its item) are then one contiguous run,
/// found by binary search, so applying many waivers to many findings stays
/// n log n rather than waivers × findings.
#[derive(Debug)]
pub struct FindingIndex {
    order: Vec<usize>,
}

impl FindingIndex {
    /// The index of `findings` (which must not be reordered afterwards).
    pub fn new(findings: &[Diagnostic]) -> Self {
        let mut order: Vec<usize> = (0..findings.len()).collect();
        order.sort_by(|&a, &b| key(&findings[a]).cmp(&key(&findings[b])));
        Self { order }
    }
}

fn key(finding: &Diagnostic) -> (&str, &str) {
    (&finding.rule, &finding.pointer)
}

/// Marks the findings `waiver` covers as suppressed (keeping a reason an
/// inner waiver already set) and tells whether it covers any.
pub fn apply(waiver: &WaiverAt<'_>, findings: &mut [Diagnostic], index: &FindingIndex) -> bool {
    let item = waiver.item.as_str();
    let start = index
        .order
        .partition_point(|&i| key(&findings[i]) < (waiver.rule, item));
    let mut used = false;
    for &i in &index.order[start..] {
        let finding = &mut findings[i];
        if finding.rule != waiver.rule || !finding.pointer.starts_with(item) {
            break;
        }
        if inside(&finding.pointer, item) {
            used = true;
            if finding.suppressed.is_none() {
                finding.suppressed = Some(waiver.waiver.reason.clone());
            }
        }
    }
    used
}

/// Whether `pointer` is `item` or lies inside it.
fn inside(pointer: &str, item: &str) -> bool {
    pointer
        .strip_prefix(item)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::inside;

    #[test]
    fn inside_respects_segment_boundaries() {
        assert!(inside("/services/a/functions/x", "/services/a"));
        assert!(inside("/services/a", "/services/a"));
        assert!(!inside("/services/ab/functions/x", "/services/a"));
    }
}
