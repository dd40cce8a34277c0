//! `contested-decision`: a decision with more than one decider.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;
use crate::source::pointer;

/// The rule.
pub static RULE: Rule = Rule {
    id: "contested-decision",
    default_level: LintLevel::Deny,
    summary: "a decision's `decides` names more than one party",
    docs: Docs {
        what: "Fires for each decision whose `decides:` lists more than one distinct party.",
        why: "When two parties both decide, either can block the other and neither can be held \
              to the outcome. Joint input belongs in `consulted:`; the final word belongs to \
              one party, with `authority.tie-breaker` for disagreements.",
        example: "decisions:\n  firewall-changes:\n    decides: [msp, internal]",
        use_instead: "decisions:\n  firewall-changes:\n    decides: internal\n    consulted: [msp]",
        fix: "Keep one party in `decides:` and move the others to `consulted:`.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (decision_id, decision) in &cx.scope.decisions {
        let ids = decision
            .decides
            .as_ref()
            .map(|d| d.ids())
            .unwrap_or_default();
        if ids.len() < 2 {
            continue;
        }
        let names: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
        out.push(
            cx.at_value(
                pointer(["decisions", decision_id, "decides"]),
                format!(
                    "decision `{decision_id}` is decided by {} parties: {}",
                    ids.len(),
                    names.join(" and ")
                ),
            )
            .with_label("more than one decider")
            .with_help("keep one party in `decides:` and move the others to `consulted:`"),
        );
    }
}
