//! `owner-not-in-escalation`: an escalation path that never reaches the
//! function's owner.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, function_pointer};
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "owner-not-in-escalation",
    default_level: LintLevel::Warn,
    summary: "a function's escalation path has tiers, but none of them is its owner",
    docs: Docs {
        what: "Fires for each function with a single known owner (its owner set is exactly one \
               party, a defined one: `[a, ghost]` is two owners, not one) whose escalation path \
               has at least one tier, when no tier's `party` is that owner. The path is the \
               function's `escalation:`, else the path named `default`; a function naming a \
               path that does not exist is left to `unknown-escalation-path`, an empty path to \
               `escalation-order`.",
        why: "An escalation exists to reach the party accountable for the work. When the \
              security vendor owns `security-monitoring` but the ladder is the MSP helpdesk \
              and then internal IT, an incident on that function climbs the whole ladder and \
              never reaches the SOC that can act on it.",
        example: "escalation:\n  default:\n    - { tier: 1, party: msp }\n    - { tier: 2, party: internal }\nservices:\n  security:\n    functions:\n      security-monitoring: { owner: soc }",
        use_instead: "escalation:\n  default:\n    - { tier: 1, party: msp }\n    - { tier: 2, party: internal }\n  security:\n    - { tier: 1, party: soc }\n    - { tier: 2, party: internal }\nservices:\n  security:\n    functions:\n      security-monitoring: { owner: soc, escalation: security }",
        fix: "Add a tier for the owner to the path, or give the function (`escalation:`) a path \
              that includes its owner. Waive the rule with a reason where the owner is reached \
              outside the ladder on purpose.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let scope = cx.scope;
    for (service_id, service) in &scope.services {
        for (function_id, function) in &service.functions {
            let [owner] = scope.owners(service, function)[..] else {
                continue;
            };
            if !scope.parties.contains_key(owner) {
                continue;
            }
            let Some(path_id) = scope.escalation_path_id(function) else {
                continue;
            };
            let Some(tiers) = scope.escalation.get(path_id) else {
                continue; // unknown-escalation-path reports it
            };
            if tiers.is_empty() || tiers.iter().any(|tier| tier.party == owner) {
                continue;
            }
            let ptr = function_pointer(service_id, function_id);
            let message = format!(
                "function `{function_id}` in service `{service_id}` is owned by `{owner}`, but \
                 no tier of escalation path `{path_id}` is `{owner}`: an escalation never \
                 reaches its owner"
            );
            // Labelled where the path is chosen: the function's own
            // `escalation:`, else the function (it follows `default`). No
            // second label at the path: it usually sits far below, and the
            // snippet would draw every line in between.
            let written = function.escalation.is_some();
            let finding = cx.at_field_or_item(ptr, "escalation", written, message);
            out.push(
                finding
                    .with_label(format!("path `{path_id}` never reaches `{owner}`"))
                    .with_help(format!(
                        "add a tier for `{owner}` to escalation path `{path_id}`, or give the \
                         function an `escalation:` path that includes `{owner}`"
                    )),
            );
        }
    }
}
