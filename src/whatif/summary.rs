//! The answer's summary: what each removed party held, the functions that
//! silently fall back to their service's owner, and what the new findings
//! amount to.

use crate::diagnostics::Diagnostic;
use crate::scope::{Id, Scope};
use crate::source::pointer;

use super::compare::names_nobody;

/// What one removed party held in the current scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The party's id.
    pub party: Id,
    /// Its display name.
    pub name: String,
    /// Functions it owns, co-owned and inherited ones included.
    pub owns: usize,
    /// Of those, the critical ones.
    pub critical: usize,
    /// Functions it is the backup of.
    pub backups: usize,
    /// Decisions it decides (alone or with others).
    pub decides: usize,
    /// Escalation paths it has a tier on.
    pub tiers: usize,
    /// Cadence meetings it sits in.
    pub meetings: usize,
    /// The `authority` keys it holds (`tie-breaker`, …).
    pub authority: Vec<&'static str>,
    /// The party its work moves to, under `--reassign`.
    pub to: Option<Id>,
}

/// What `party` holds in `scope`.
pub fn held(scope: &Scope, party: &str, to: Option<&str>) -> Held {
    let mut out = Held {
        party: party.to_owned(),
        name: scope
            .parties
            .get(party)
            .map_or_else(|| party.to_owned(), |p| p.name.clone()),
        owns: 0,
        critical: 0,
        backups: 0,
        decides: 0,
        tiers: 0,
        meetings: 0,
        authority: Vec::new(),
        to: to.map(str::to_owned),
    };
    for service in scope.services.values() {
        for function in service.functions.values() {
            if scope.owners(service, function).contains(&party) {
                out.owns += 1;
                out.critical += usize::from(function.critical);
            }
            out.backups += usize::from(function.backup.as_deref() == Some(party));
        }
    }
    out.decides = scope
        .decisions
        .values()
        .filter(|d| {
            d.decides
                .as_ref()
                .is_some_and(|refs| refs.ids().contains(&party))
        })
        .count();
    out.tiers = scope
        .escalation
        .values()
        .filter(|tiers| tiers.iter().any(|tier| tier.party == party))
        .count();
    out.meetings = scope
        .cadence
        .iter()
        .filter(|meeting| meeting.parties.iter().any(|p| p == party))
        .count();
    if let Some(authority) = &scope.authority {
        for (key, holder) in [
            ("tie-breaker", &authority.tie_breaker),
            ("scope-changes", &authority.scope_changes),
            ("out-of-scope", &authority.out_of_scope),
        ] {
            if holder.as_deref() == Some(party) {
                out.authority.push(key);
            }
        }
    }
    out
}

/// A function whose own owners all left, now owned only by its service's
/// default: nobody has agreed to take it (DESIGN.md 1.3, 7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback {
    /// The function's pointer.
    pub pointer: String,
    /// The function's id.
    pub function: Id,
    /// The service's id.
    pub service: Id,
    /// The service's default owners it falls back to.
    pub owners: Vec<Id>,
}

/// The functions of `before` that fall back to their service's owner in `after`.
pub fn fallbacks(before: &Scope, after: &Scope) -> Vec<Fallback> {
    let mut out = Vec::new();
    for (service_id, service) in &before.services {
        let Some(changed) = after.services.get(service_id) else {
            continue;
        };
        let service_owners: Vec<Id> = changed
            .owner
            .as_ref()
            .map(|refs| refs.ids().into_iter().map(str::to_owned).collect())
            .unwrap_or_default();
        if service_owners.is_empty() {
            continue;
        }
        for (function_id, function) in &service.functions {
            let lost_own = !names_nobody(function.owner.as_ref())
                && changed
                    .functions
                    .get(function_id)
                    .is_some_and(|f| names_nobody(f.owner.as_ref()));
            if lost_own {
                out.push(Fallback {
                    pointer: pointer(["services", service_id, "functions", function_id]),
                    function: function_id.clone(),
                    service: service_id.clone(),
                    owners: service_owners.clone(),
                });
            }
        }
    }
    out
}

/// The new findings in a few words each: "23 functions unowned (9 critical)",
/// "no tie-breaker". Waived findings are not counted.
pub fn consequences(current: &Scope, changed: &Scope, new: &[Diagnostic]) -> Vec<String> {
    let open: Vec<&Diagnostic> = new.iter().filter(|d| d.suppressed.is_none()).collect();
    let of = |rule: &str| -> Vec<&Diagnostic> {
        open.iter().copied().filter(|d| d.rule == rule).collect()
    };
    let mut out = Vec::new();
    let unowned = of("unowned-function");
    if !unowned.is_empty() {
        let critical = unowned
            .iter()
            .filter(|d| is_critical(current, &d.pointer))
            .count();
        let mut text = count(unowned.len(), "function", "functions") + " unowned";
        if critical > 0 {
            text.push_str(&format!(" ({critical} critical)"));
        }
        out.push(text);
    }
    let (emptied, disordered): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        of("escalation-order").into_iter().partition(|d| {
            d.pointer
                .strip_prefix("/escalation/")
                .and_then(|id| changed.escalation.get(id))
                .is_some_and(Vec::is_empty)
        });
    if !emptied.is_empty() {
        out.push(count(emptied.len(), "escalation path", "escalation paths") + " empty");
    }
    if !disordered.is_empty() {
        out.push(count(disordered.len(), "escalation path", "escalation paths") + " out of order");
    }
    for (rule, one, many) in [
        (
            "undecided-decision",
            "decision undecided",
            "decisions undecided",
        ),
        ("coverage-gap", "coverage gap", "coverage gaps"),
        (
            "missing-backup",
            "critical function without a backup",
            "critical functions without a backup",
        ),
        (
            "backup-is-owner",
            "backup that is also the owner",
            "backups that are also the owner",
        ),
    ] {
        let found = of(rule);
        if !found.is_empty() {
            out.push(count(found.len(), one, many));
        }
    }
    if !of("no-tie-breaker").is_empty() {
        out.push("no tie-breaker".to_owned());
    }
    if !of("no-review-cadence").is_empty() {
        out.push("no review cadence".to_owned());
    }
    const NAMED: [&str; 8] = [
        "unowned-function",
        "escalation-order",
        "undecided-decision",
        "coverage-gap",
        "missing-backup",
        "backup-is-owner",
        "no-tie-breaker",
        "no-review-cadence",
    ];
    let mut others: Vec<&str> = Vec::new();
    for finding in &open {
        if !NAMED.contains(&finding.rule.as_str()) && !others.contains(&finding.rule.as_str()) {
            others.push(&finding.rule);
        }
    }
    for rule in others {
        let n = of(rule).len();
        let noun = if n == 1 { "finding" } else { "findings" };
        out.push(format!("{n} new `{rule}` {noun}"));
    }
    out
}

fn is_critical(scope: &Scope, pointer: &str) -> bool {
    let mut parts = pointer.split('/').skip(1);
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("services"), Some(service), Some("functions"), Some(function)) => scope
            .services
            .get(service)
            .and_then(|s| s.functions.get(function))
            .is_some_and(|f| f.critical),
        _ => false,
    }
}

/// "1 function", "3 functions".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::load_bytes;

    const SCOPE: &str = "\
version: 1
engagement: { client: Test }
parties:
  internal: { name: Internal IT, role: internal }
  msp: { name: Provider, role: provider }
services:
  ops:
    owner: internal
    functions:
      patching: { owner: msp, critical: true }
      shared: { owner: [msp, internal] }
      inherited: { backup: msp }
  hosted:
    owner: msp
    functions:
      mail: { critical: true }
decisions:
  budget: { decides: msp }
authority: { tie-breaker: msp }
escalation:
  default: [{ tier: 1, party: msp }]
cadence:
  - { name: Sync, every: week, parties: [msp, internal] }
";

    fn scope() -> Scope {
        load_bytes("t.yaml", SCOPE.as_bytes().to_vec())
            .unwrap()
            .scope
    }

    #[test]
    fn what_a_party_holds_counts_co_owned_and_inherited_functions() {
        let held = held(&scope(), "msp", None);
        assert_eq!(
            (held.owns, held.critical, held.backups),
            (3, 2, 1),
            "patching, shared and the inherited mail"
        );
        assert_eq!((held.decides, held.tiers, held.meetings), (1, 1, 1));
        assert_eq!(held.authority, ["tie-breaker"]);
        assert_eq!(held.name, "Provider");
    }

    #[test]
    fn functions_whose_own_owner_left_fall_back_to_the_service() {
        let before = scope();
        let change = super::super::Change {
            without: vec!["msp".into()],
            reassign: Vec::new(),
        };
        let after = super::super::transform(&before, &change).scope;
        let found = fallbacks(&before, &after);
        // `shared` keeps `internal`, `mail`'s service owner itself left.
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/services/ops/functions/patching");
        assert_eq!(found[0].owners, ["internal"]);
    }
}
