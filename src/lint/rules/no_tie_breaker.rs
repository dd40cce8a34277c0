//! `no-tie-breaker`: nobody has the final word.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "no-tie-breaker",
    default_level: LintLevel::Warn,
    summary: "`authority.tie-breaker` is missing",
    docs: Docs {
        what: "Fires once when the scope has no `authority:` section, or one without \
               `tie-breaker:`.",
        why: "The internal team and the provider will disagree — on a risky change, on whether \
              a request is in scope. Without a named tie-breaker the disagreement escalates by \
              whoever shouts loudest; with one, it is a phone call.",
        example: "authority:\n  scope-changes: leadership",
        use_instead: "authority:\n  tie-breaker: leadership\n  scope-changes: leadership",
        fix: "Add `authority:` with `tie-breaker:` set to the party with the final word \
              (usually the client's leadership).",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let finding = match &cx.scope.authority {
        Some(authority) if authority.tie_breaker.is_some() => return,
        Some(_) => cx.at_key(
            "/authority".to_owned(),
            "`authority` names no tie-breaker for disagreements between the parties",
        ),
        None => cx.at_top(
            "the scope has no `authority.tie-breaker`: nobody has the final word when the parties disagree",
        ),
    };
    out.push(finding.with_label("no tie-breaker").with_help(
        "add `authority:` with `tie-breaker: <party>` (usually the client's leadership)",
    ));
}
