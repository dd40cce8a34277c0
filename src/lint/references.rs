//! Every place a scope names a party, for `unknown-party` and `unused-party`.

use super::rule::function_pointer;
use crate::scope::{PartyRefs, Scope};
use crate::source::pointer;

/// One place where the scope names a party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyReference<'a> {
    /// The party id as written.
    pub id: &'a str,
    /// The JSON pointer of the written id.
    pub pointer: String,
    /// What the reference is: `owner`, `backup`, `responsible`, `decides`,
    /// `tie-breaker`, `tier party`, `cadence party`…
    pub role: &'static str,
}

/// Every party reference in the scope, in file order.
pub fn party_references(scope: &Scope) -> Vec<PartyReference<'_>> {
    let mut out = Vec::new();
    for (service_id, service) in &scope.services {
        let service_ptr = pointer(["services", service_id.as_str()]);
        refs(&mut out, &service_ptr, "owner", service.owner.as_ref());
        for (function_id, function) in &service.functions {
            let ptr = function_pointer(service_id, function_id);
            refs(&mut out, &ptr, "owner", function.owner.as_ref());
            if let Some(backup) = &function.backup {
                one(&mut out, format!("{ptr}/backup"), "backup", backup);
            }
            list(&mut out, &ptr, "responsible", &function.responsible);
            list(&mut out, &ptr, "consulted", &function.consulted);
            list(&mut out, &ptr, "informed", &function.informed);
        }
    }
    for (decision_id, decision) in &scope.decisions {
        let ptr = pointer(["decisions", decision_id.as_str()]);
        refs(&mut out, &ptr, "decides", decision.decides.as_ref());
        list(&mut out, &ptr, "consulted", &decision.consulted);
        list(&mut out, &ptr, "informed", &decision.informed);
    }
    if let Some(authority) = &scope.authority {
        let fields = [
            ("tie-breaker", &authority.tie_breaker),
            ("scope-changes", &authority.scope_changes),
            ("out-of-scope", &authority.out_of_scope),
        ];
        for (key, value) in fields {
            if let Some(id) = value {
                one(&mut out, format!("/authority/{key}"), key, id);
            }
        }
    }
    for (path_id, tiers) in &scope.escalation {
        let path_ptr = pointer(["escalation", path_id.as_str()]);
        for (index, tier) in tiers.iter().enumerate() {
            one(
                &mut out,
                format!("{path_ptr}/{index}/party"),
                "party",
                &tier.party,
            );
        }
    }
    for (index, meeting) in scope.cadence.iter().enumerate() {
        for (i, id) in meeting.parties.iter().enumerate() {
            one(
                &mut out,
                format!("/cadence/{index}/parties/{i}"),
                "party",
                id,
            );
        }
    }
    out
}

fn one<'a>(out: &mut Vec<PartyReference<'a>>, pointer: String, role: &'static str, id: &'a str) {
    out.push(PartyReference { id, pointer, role });
}

fn refs<'a>(
    out: &mut Vec<PartyReference<'a>>,
    item: &str,
    key: &'static str,
    refs: Option<&'a PartyRefs>,
) {
    for (suffix, id) in refs.map(PartyRefs::written).unwrap_or_default() {
        one(out, format!("{item}/{key}{suffix}"), key, id);
    }
}

fn list<'a>(out: &mut Vec<PartyReference<'a>>, item: &str, key: &'static str, ids: &'a [String]) {
    for (index, id) in ids.iter().enumerate() {
        one(out, format!("{item}/{key}/{index}"), key, id);
    }
}
