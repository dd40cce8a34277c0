//! `unknown-service`: a decision that belongs to a service that does not exist.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, reference_help};
use crate::scope::LintLevel;
use crate::source::pointer;

/// The rule.
pub static RULE: Rule = Rule {
    id: "unknown-service",
    default_level: LintLevel::Deny,
    summary: "a decision's `service` names no service",
    docs: Docs {
        what: "Fires for each decision whose `service:` is not a key of `services:`.",
        why: "`comanage who` and the report show a service's decisions next to its functions. \
              A decision tied to a misspelt or removed service drops out of both, so the person \
              who looks up \"who decides on backup storage\" at the worst moment finds nothing.",
        example: "decisions:\n  backup-storage:\n    decides: internal\n    service: backup",
        use_instead: "decisions:\n  backup-storage:\n    decides: internal\n    service: backups",
        fix: "Name a service defined under `services:`, or remove `service:` from the decision.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (decision_id, decision) in &cx.scope.decisions {
        let Some(service) = &decision.service else {
            continue;
        };
        if cx.scope.services.contains_key(service) {
            continue;
        }
        let known = cx.scope.services.keys().map(String::as_str);
        out.push(
            cx.at_value(
                pointer(["decisions", decision_id, "service"]),
                format!(
                    "decision `{decision_id}` belongs to service `{service}`, which is not defined"
                ),
            )
            .with_label("unknown service")
            .with_help(reference_help(service, known, "service", "services")),
        );
    }
}
