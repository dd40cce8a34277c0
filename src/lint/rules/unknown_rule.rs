//! `unknown-rule`: the `lint:` map or a waiver names a rule that does not exist.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "unknown-rule",
    default_level: LintLevel::Deny,
    summary: "the `lint:` map or a `waive` entry names a rule id that does not exist",
    docs: Docs {
        what: "Fires for each key of the file's `lint:` map, and of any `waive:` map, that is \
               not the id of a rule (`comanage rules` lists them).",
        why: "A misspelt rule id silently does nothing: the level you meant to set is not set, \
              and the waiver you wrote waives nothing, so the finding you accepted keeps \
              failing CI — or, worse, you believe a rule is relaxed when it is not.",
        example: "lint:\n  unused-parties: allow",
        use_instead: "lint:\n  unused-party: allow",
        fix: "Correct the id (the help line suggests the closest rule), or remove the entry.",
    },
    check: Check::Engine,
};

/// The finding for `id` written as the key at `pointer`.
pub fn finding(cx: &Context<'_>, pointer: String, id: &str, place: &str) -> Diagnostic {
    let ids = super::REGISTRY.iter().map(|rule| rule.id);
    let help = match crate::suggest::closest(id, ids) {
        Some(close) => format!("did you mean `{close}`?"),
        None => "`comanage rules` lists the rule ids".to_owned(),
    };
    let mut finding = cx
        .at_key(
            pointer,
            format!("{place} names `{id}`, which is not a lint rule"),
        )
        .with_label("unknown rule")
        .with_help(help);
    RULE.id.clone_into(&mut finding.rule);
    finding
}
