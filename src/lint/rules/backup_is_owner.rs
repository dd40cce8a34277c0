//! `backup-is-owner`: a function backed up by its own owner.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, function_pointer};
use crate::scope::LintLevel;
use crate::source::pointer;

/// The rule.
pub static RULE: Rule = Rule {
    id: "backup-is-owner",
    default_level: LintLevel::Warn,
    summary: "a function's `backup` is its owner",
    docs: Docs {
        what: "Fires for each function whose `backup:` is one of its owners (its own `owner:`, \
               or the service's default owner it inherits). A function with several owners \
               gets it too when the backup is any one of them, beside the \
               `double-owned-function` finding for the owners: once the owner is fixed, the \
               backup must still be someone else.",
        why: "A backup exists for the day the owner cannot act. Naming the owner as its own \
              backup looks complete in a review and protects against nothing.",
        example: "services:\n  security:\n    owner: msp\n    functions:\n      patch-management: { backup: msp }",
        use_instead: "services:\n  security:\n    owner: msp\n    functions:\n      patch-management: { backup: internal }",
        fix: "Name another party as `backup:`, or remove the line if there is truly none (and \
              let `missing-backup` say so for critical functions).",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (service_id, service) in &cx.scope.services {
        for (function_id, function) in &service.functions {
            let Some(backup) = &function.backup else {
                continue;
            };
            if !cx
                .scope
                .owners(service, function)
                .contains(&backup.as_str())
            {
                continue;
            }
            let ptr = function_pointer(service_id, function_id);
            let owner_ptr = match &function.owner {
                Some(owner) if !owner.ids().is_empty() => format!("{ptr}/owner"),
                _ => pointer(["services", service_id, "owner"]),
            };
            out.push(
                cx.at_value(
                    format!("{ptr}/backup"),
                    format!(
                        "function `{function_id}` in service `{service_id}` has `{backup}` as \
                         both owner and backup"
                    ),
                )
                .with_label("the owner")
                .with_related(cx.map.value_span(&owner_ptr), "owner")
                .with_help("name another party as `backup:`"),
            );
        }
    }
}
