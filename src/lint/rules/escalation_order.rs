//! `escalation-order`: an escalation path that is empty or out of order.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;
use crate::source::pointer;

/// The rule.
pub static RULE: Rule = Rule {
    id: "escalation-order",
    default_level: LintLevel::Deny,
    summary: "an escalation path is empty, or its tier numbers are not strictly increasing",
    docs: Docs {
        what: "Fires once per escalation path that has no tiers, or whose `tier:` numbers do \
               not strictly increase from one entry to the next (a repeated or a lower number), \
               at the first entry out of order.",
        why: "An escalation ladder is read top to bottom under pressure. Two tier-2 entries, or \
              tier 3 written before tier 2, leave the person on call guessing whom to call next; \
              an empty path is a ladder with no rungs.",
        example: "escalation:\n  default:\n    - { tier: 1, party: msp }\n    - { tier: 3, party: leadership }\n    - { tier: 2, party: internal }",
        use_instead: "escalation:\n  default:\n    - { tier: 1, party: msp }\n    - { tier: 2, party: internal }\n    - { tier: 3, party: leadership }",
        fix: "Number the tiers 1, 2, 3… in the order they are called, or add the tiers of an \
              empty path (or remove it).",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (path_id, tiers) in &cx.scope.escalation {
        let path = pointer(["escalation", path_id]);
        if tiers.is_empty() {
            out.push(
                cx.at_value(path, format!("escalation path `{path_id}` has no tiers"))
                    .with_label("empty path")
                    .with_help("add its tiers (`- { tier: 1, party: … }`), or remove the path"),
            );
            continue;
        }
        let out_of_order = tiers
            .windows(2)
            .position(|pair| pair[1].tier <= pair[0].tier);
        if let Some(index) = out_of_order {
            let (before, after) = (tiers[index].tier, tiers[index + 1].tier);
            let ptr = format!("{path}/{}/tier", index + 1);
            out.push(
                cx.at_value(
                    ptr,
                    format!(
                        "escalation path `{path_id}` lists tier {after} after tier {before}; \
                         tier numbers must strictly increase"
                    ),
                )
                .with_label(format!("not after {before}"))
                .with_related(
                    cx.map.value_span(&format!("{path}/{index}/tier")),
                    format!("tier {before}"),
                )
                .with_help("number the tiers 1, 2, 3… in the order they are called"),
            );
        }
    }
}
