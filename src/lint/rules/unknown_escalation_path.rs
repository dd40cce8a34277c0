//! `unknown-escalation-path`: a function follows a path that does not exist.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, function_pointer, reference_help};
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "unknown-escalation-path",
    default_level: LintLevel::Deny,
    summary: "a function names an escalation path that does not exist",
    docs: Docs {
        what: "Fires for each function whose `escalation:` is not a key of `escalation:`. Such a \
               function does not fall back to the `default` path, and `coverage-gap` is not \
               checked for it until the path is fixed.",
        why: "The escalation path is whom to call next when the owner does not answer. A \
              function pointing at a path that does not exist has no ladder at all, which is \
              found out at 2 AM.",
        example: "escalation:\n  standard:\n    - { tier: 1, party: msp }\nservices:\n  security:\n    functions:\n      security-monitoring: { owner: msp, escalation: standrad }",
        use_instead: "escalation:\n  standard:\n    - { tier: 1, party: msp }\nservices:\n  security:\n    functions:\n      security-monitoring: { owner: msp, escalation: standard }",
        fix: "Name a path defined under `escalation:`, define the path, or remove `escalation:` \
              to use the `default` path.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (service_id, function_id, function) in cx.scope.functions() {
        let Some(path) = &function.escalation else {
            continue;
        };
        if cx.scope.escalation.contains_key(path) {
            continue;
        }
        let known = cx.scope.escalation.keys().map(String::as_str);
        out.push(
            cx.at_value(
                format!("{}/escalation", function_pointer(service_id, function_id)),
                format!(
                    "function `{function_id}` in service `{service_id}` follows escalation \
                     path `{path}`, which is not defined"
                ),
            )
            .with_label("unknown escalation path")
            .with_help(reference_help(path, known, "escalation path", "escalation")),
        );
    }
}
