//! `coverage-gap`: a function needs hours nobody covers.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, function_pointer};
use crate::scope::{Function, Hours, LintLevel, Scope, Service, Tier};

/// The rule.
pub static RULE: Rule = Rule {
    id: "coverage-gap",
    default_level: LintLevel::Deny,
    summary: "a function needs `hours` that neither its owner nor any tier of its escalation path covers",
    docs: Docs {
        what: "For each function with `hours:` (the coverage it needs), checks that someone is \
               there during those hours: the function is covered when its single owner (exactly \
               one party, a defined one) has hours (`business` when the party states none) at \
               least the need, or when any tier of its escalation path covers them (a tier \
               covers its own `hours:` if given, else its party's). A party id that names no \
               defined party covers no hours at all. Hours are ordered `business` < `extended` < `24x7`. The \
               path is the function's `escalation:`, else the path named `default`; a function \
               naming a path that does not exist is left to `unknown-escalation-path`.",
        why: "This is the gap that hurts at 2 AM. A function that must run around the clock — \
              after-hours monitoring, security alerts — owned by an internal team that works \
              business hours, with no provider tier on call, means the alert fires and nobody \
              is there to see it. Contracts often say \"24x7 monitoring\" while the escalation \
              ladder ends at an office phone.",
        example: "parties:\n  internal: { name: Harbor IT, role: internal }            # business hours\n  msp: { name: Lakeside, role: provider, hours: 24x7 }\nescalation:\n  default:\n    - { tier: 1, party: internal }\nservices:\n  monitoring:\n    functions:\n      after-hours-monitoring: { owner: internal, hours: 24x7 }",
        use_instead: "escalation:\n  default:\n    - { tier: 1, party: msp }                  # msp covers 24x7\n    - { tier: 2, party: internal }\nservices:\n  monitoring:\n    functions:\n      after-hours-monitoring: { owner: internal, hours: 24x7 }",
        fix: "Do one of: make a party that covers those hours the owner; add a tier that covers \
              them to the function's escalation path (or give an existing tier `hours: 24x7` \
              when that party is really on call for it); or lower the function's `hours:` if \
              the need was overstated.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let scope = cx.scope;
    for (service_id, service) in &scope.services {
        for (function_id, function) in &service.functions {
            let Some(need) = function.hours else {
                continue;
            };
            let path_id = scope.escalation_path_id(function);
            let path = match path_id {
                Some(id) => match scope.escalation.get(id) {
                    Some(tiers) => Some((id, tiers)),
                    None => continue, // unknown-escalation-path reports it
                },
                None => None,
            };
            if owner_covers(scope, service, function, need)
                || path.is_some_and(|(_, tiers)| tiers.iter().any(|t| tier_covers(scope, t, need)))
            {
                continue;
            }
            let owner = describe_owner(scope, service, function);
            let ladder = match path {
                Some((id, _)) => format!("no tier of escalation path `{id}` covers {need}"),
                None => "it has no escalation path".to_owned(),
            };
            let ptr = function_pointer(service_id, function_id);
            out.push(
                cx.at_value(
                    format!("{ptr}/hours"),
                    format!(
                        "function `{function_id}` in service `{service_id}` needs {need} \
                         coverage, but {owner} and {ladder}"
                    ),
                )
                .with_label(format!("needs {need}"))
                .with_help(match path {
                    Some((id, _)) => format!(
                        "add a tier that covers {need} to escalation path `{id}`, make a party \
                         that covers {need} the owner, or lower `hours:`"
                    ),
                    None => format!(
                        "give the function an escalation path with a tier that covers {need} \
                         (or define a `default` path), or make a party that covers {need} the owner"
                    ),
                }),
            );
        }
    }
}

/// Whether `tier` covers `need`: its own `hours` if given (even when its
/// party is unknown), else its party's. A party that is not defined covers
/// no hours at all (DESIGN.md 1.3, rulings), so a typo in a tier's party
/// cannot make a function look covered.
fn tier_covers(scope: &Scope, tier: &Tier, need: Hours) -> bool {
    match tier.hours {
        Some(hours) => hours.covers(need),
        None => scope
            .parties
            .get(&tier.party)
            .is_some_and(|party| party.covered_hours().covers(need)),
    }
}

fn owner_covers(scope: &Scope, service: &Service, function: &Function, need: Hours) -> bool {
    match scope.owners(service, function).as_slice() {
        [one] => scope
            .parties
            .get(*one)
            .is_some_and(|party| party.covered_hours().covers(need)),
        _ => false,
    }
}

fn describe_owner(scope: &Scope, service: &Service, function: &Function) -> String {
    match scope.owners(service, function).as_slice() {
        [] => "it has no owner".to_owned(),
        [one] => match scope.parties.get(*one) {
            Some(party) => format!(
                "its owner `{one}` covers only {} hours",
                party.covered_hours()
            ),
            None => format!("its owner `{one}` is not a defined party"),
        },
        _ => "it has more than one owner".to_owned(),
    }
}
