//! `empty-service`: a service with no functions.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;
use crate::source::pointer;

/// The rule.
pub static RULE: Rule = Rule {
    id: "empty-service",
    default_level: LintLevel::Warn,
    summary: "a service has no functions",
    docs: Docs {
        what: "Fires for each service whose `functions:` map is empty.",
        why: "An empty service looks like coverage in a report (\"Cloud: Lakeside\") while \
              assigning no actual duty. Either the functions were never written down or the \
              service is gone.",
        example: "services:\n  cloud:\n    owner: msp\n    functions: {}",
        use_instead: "services:\n  cloud:\n    owner: msp\n    functions:\n      cloud-configuration: { backup: internal }",
        fix: "List the service's functions, or remove the service.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (service_id, service) in &cx.scope.services {
        if !service.functions.is_empty() {
            continue;
        }
        out.push(
            cx.at_value(
                pointer(["services", service_id, "functions"]),
                format!("service `{service_id}` has no functions"),
            )
            .with_label("no functions")
            .with_help("list the functions this service covers, or remove the service"),
        );
    }
}
