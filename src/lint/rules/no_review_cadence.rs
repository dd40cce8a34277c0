//! `no-review-cadence`: the parties never meet.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::{LintLevel, Meeting, Role, Scope};

/// The rule.
pub static RULE: Rule = Rule {
    id: "no-review-cadence",
    default_level: LintLevel::Warn,
    summary: "no cadence meeting includes both an internal and a provider party",
    docs: Docs {
        what: "Fires once when no meeting under `cadence:` lists both a party with \
               `role: internal` and a party with `role: provider`.",
        why: "A scope document is only true on the day it is written. Co-managed engagements \
              stay healthy through a standing rhythm — a weekly operations sync, a quarterly \
              business review — where both teams look at the division of work together.",
        example: "cadence:\n  - { name: Leadership check-in, every: month, parties: [internal, leadership] }",
        use_instead: "cadence:\n  - { name: Weekly operations sync, every: week, parties: [msp, internal] }\n  - { name: Quarterly business review, every: quarter, parties: [msp, internal, leadership] }",
        fix: "Add a meeting whose `parties:` include the internal team and the provider.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.scope.cadence.iter().any(|m| joint(cx.scope, m)) {
        return;
    }
    let message = "no cadence meeting brings an internal party and a provider together";
    let finding = if cx.scope.cadence.is_empty() {
        cx.at_top(message)
    } else {
        cx.at_key("/cadence".to_owned(), message)
    };
    out.push(
        finding
            .with_label("no joint meeting")
            .with_help("add a meeting under `cadence:` whose `parties:` include both teams"),
    );
}

fn joint(scope: &Scope, meeting: &Meeting) -> bool {
    let has = |role: Role| {
        meeting
            .parties
            .iter()
            .any(|id| scope.parties.get(id).is_some_and(|p| p.role == role))
    };
    has(Role::Internal) && has(Role::Provider)
}
