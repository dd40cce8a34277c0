//! `double-owned-function`: a function with two owners.

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, function_pointer};
use crate::scope::{LintLevel, PartyRefs};
use crate::source::pointer;

/// The rule.
pub static RULE: Rule = Rule {
    id: "double-owned-function",
    default_level: LintLevel::Deny,
    summary: "a function's `owner` names more than one party, or one function id appears in two services",
    docs: Docs {
        what: "Fires when a function's `owner` lists more than one distinct party (once per \
               function), when a service's default `owner` does (once for the service, not for \
               each function that inherits it), and when the same function id appears in two or \
               more services (once per id, at the second occurrence, with a label on every \
               other occurrence). A service owner naming several parties is reported whether \
               or not any function inherits it.",
        why: "Two owners is no owner: each party assumes the other is on it. Co-managed \
              agreements work when every recurring duty has exactly one accountable party, with \
              the other as the named backup or as responsible for part of the work.",
        example: "services:\n  security:\n    functions:\n      patch-management:\n        owner: [msp, internal]",
        use_instead: "services:\n  security:\n    functions:\n      patch-management:\n        owner: msp\n        backup: internal\n        responsible: [msp, internal]",
        fix: "Keep one party in `owner:`. Make the other the `backup:`, or list it in \
              `responsible:` or `consulted:`. For an id in two services, keep the function in the \
              service that owns it and remove (or rename) the other.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Function id -> the services it appears in, in file order.
    let mut occurrences: HashMap<&str, Vec<&str>> = HashMap::new();
    for (service_id, service) in &cx.scope.services {
        let service_owner = service
            .owner
            .as_ref()
            .and_then(|owner| several(cx, owner, || pointer(["services", service_id, "owner"])));
        if let Some(finding) = service_owner {
            out.push(finding.with_help(format!(
                "the functions of service `{service_id}` inherit this owner; name one party, \
                 and make the other a function's `backup:` or list it in `responsible:`"
            )));
        }
        for (function_id, function) in &service.functions {
            let function_owner = function.owner.as_ref().and_then(|owner| {
                several(cx, owner, || {
                    format!("{}/owner", function_pointer(service_id, function_id))
                })
            });
            if let Some(finding) = function_owner {
                out.push(finding.with_help(
                    "name one owner; make the other the `backup:` or list it in `responsible:`",
                ));
            }
            occurrences.entry(function_id).or_default().push(service_id);
        }
    }
    for (function_id, services) in occurrences {
        if let [first, second, rest @ ..] = services.as_slice() {
            out.push(duplicated(cx, function_id, first, second, rest));
        }
    }
}

/// The one finding for a function id that appears in several services: at
/// the second occurrence, with a label on the first and on every later one.
fn duplicated(
    cx: &Context<'_>,
    function_id: &str,
    first: &str,
    second: &str,
    rest: &[&str],
) -> Diagnostic {
    let again = if rest.is_empty() {
        format!("service `{second}`")
    } else {
        let mut names: Vec<String> = [second]
            .iter()
            .chain(rest)
            .map(|s| format!("`{s}`"))
            .collect();
        let last = names.pop().unwrap_or_default();
        format!("services {} and {last}", names.join(", "))
    };
    let mut finding = cx
        .at_key(
            function_pointer(second, function_id),
            format!("function `{function_id}` appears in service `{first}` and again in {again}"),
        )
        .with_label("second occurrence")
        .with_related(
            cx.map.key_span(&function_pointer(first, function_id)),
            "first occurrence",
        );
    for service in rest {
        finding = finding.with_related(
            cx.map.key_span(&function_pointer(service, function_id)),
            "another occurrence",
        );
    }
    finding.with_help(format!(
        "keep `{function_id}` in the one service that owns it, or give one of them a different id"
    ))
}

/// A finding when `owner` (at `owner_pointer`) names more than one party.
/// The pointer is made only then: most functions have one owner.
fn several(
    cx: &Context<'_>,
    owner: &PartyRefs,
    owner_pointer: impl FnOnce() -> String,
) -> Option<Diagnostic> {
    let ids = owner.ids();
    if ids.len() < 2 {
        return None;
    }
    let owner_pointer = owner_pointer();
    let item = crate::scope::describe::item(&owner_pointer);
    let names: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
    Some(
        cx.at_value(
            owner_pointer,
            format!(
                "{item} is owned by {} parties: {}",
                ids.len(),
                names.join(" and ")
            ),
        )
        .with_label("more than one owner"),
    )
}
