//! `unowned-function`: a function nobody owns.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, function_pointer};
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "unowned-function",
    default_level: LintLevel::Deny,
    summary: "a function has no owner and its service has no default owner",
    docs: Docs {
        what: "Fires for each function that has no `owner` of its own (or `owner: []`) in a \
               service that has no default `owner` either.",
        why: "An unowned function is the classic co-management failure: the internal team \
              thinks the provider does it, the provider thinks it was never in the contract, \
              and nobody notices until the backup that was never watched is needed.",
        example: "services:\n  backups:\n    functions:\n      backup-verification: { critical: true }",
        use_instead: "services:\n  backups:\n    owner: msp\n    functions:\n      backup-verification: { critical: true, backup: internal }",
        fix: "Give the function an `owner:` (one party id), or give its service a default \
              `owner:` that its functions inherit.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (service_id, service) in &cx.scope.services {
        for (function_id, function) in &service.functions {
            if !cx.scope.owners(service, function).is_empty() {
                continue;
            }
            let parties: Vec<&str> = cx.party_ids().collect();
            out.push(
                cx.at_key(
                    function_pointer(service_id, function_id),
                    format!(
                        "function `{function_id}` in service `{service_id}` has no owner, \
                         and service `{service_id}` has no default owner"
                    ),
                )
                .with_label("no owner")
                .with_help(format!(
                    "add `owner: <party>` to the function or to service `{service_id}`{}",
                    if parties.is_empty() {
                        String::new()
                    } else {
                        format!(" (parties: {})", parties.join(", "))
                    }
                )),
            );
        }
    }
}
