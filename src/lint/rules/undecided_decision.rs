//! `undecided-decision`: a decision nobody makes.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;
use crate::source::pointer;

/// The rule.
pub static RULE: Rule = Rule {
    id: "undecided-decision",
    default_level: LintLevel::Deny,
    summary: "a decision has no `decides`",
    docs: Docs {
        what: "Fires for each decision without `decides:`, or with `decides: []`.",
        why: "Decision rights are where co-managed relationships get tense: who approves a new \
              firewall rule, who may buy more backup storage. A decision written down with \
              nobody to make it is an argument scheduled for later.",
        example: "decisions:\n  backup-storage:\n    question: When do we expand backup storage?\n    consulted: [msp]",
        use_instead: "decisions:\n  backup-storage:\n    question: When do we expand backup storage?\n    decides: internal\n    consulted: [msp]",
        fix: "Set `decides:` to the one party that makes the decision; list the others in \
              `consulted:` or `informed:`.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (decision_id, decision) in &cx.scope.decisions {
        let decided = decision
            .decides
            .as_ref()
            .is_some_and(|decides| !decides.ids().is_empty());
        if decided {
            continue;
        }
        let item = pointer(["decisions", decision_id]);
        let message = format!("decision `{decision_id}` has no party that decides it");
        let finding = cx.at_field_or_item(item, "decides", decision.decides.is_some(), message);
        out.push(
            finding
                .with_label("nobody decides")
                .with_help("set `decides:` to the one party that makes this decision"),
        );
    }
}
