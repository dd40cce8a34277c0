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
        push(&mut out, pointer(["parties", id]), &party.waive);
    }
    for (service_id, service) in &scope.services {
        for (function_id, function) in &service.functions {
            let item = crate::lint::rule::function_pointer(service_id, function_id);
            push(&mut out, item, &function.waive);
        }
        push(&mut out, pointer(["services", service_id]), &service.waive);
    }
    for (id, decision) in &scope.decisions {
        push(&mut out, pointer(["decisions", id]), &decision.waive);
    }
    out
}

fn push<'a>(out: &mut Vec<WaiverAt<'a>>, item: String, waivers: &'a Waivers) {
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

/// Marks the findings `waiver` covers as suppressed (keeping a reason an
/// inner waiver already set) and tells whether it covers any.
pub fn apply(waiver: &WaiverAt<'_>, findings: &mut [Diagnostic]) -> bool {
    let mut used = false;
    for finding in findings
        .iter_mut()
        .filter(|f| f.rule == waiver.rule && inside(&f.pointer, &waiver.item))
    {
        used = true;
        if finding.suppressed.is_none() {
            finding.suppressed = Some(waiver.waiver.reason.clone());
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
