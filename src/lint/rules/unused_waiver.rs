//! `unused-waiver`: a waiver for a rule that does not fire there.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::lint::waivers::WaiverAt;
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "unused-waiver",
    default_level: LintLevel::Warn,
    summary: "a `waive` entry names a real rule that would not fire on that item",
    docs: Docs {
        what: "Fires for each waiver of a real rule that has no finding to silence inside the \
               item carrying it (a service's waiver covers its functions). Waivers of rules set \
               to `allow` are not checked. Never reported for a waiver of `unknown-rule`, \
               `expired-waiver` or `unused-waiver` itself: those rules are about other \
               entries, so whether such a waiver silences something depends on the rest of \
               the file (it still expires, and `expired-waiver` reports it then).",
        why: "A waiver outliving its problem hides the next one: the function got its backup, \
              the waiver stayed, and when the backup is removed again nobody is told.",
        example: "dark-web-monitoring:\n  owner: msp\n  backup: internal\n  critical: true\n  waive:\n    missing-backup: { reason: Vendor on-call covers it. }",
        use_instead: "dark-web-monitoring:\n  owner: msp\n  backup: internal\n  critical: true",
        fix: "Remove the waiver.",
    },
    check: Check::Engine,
};

/// The finding for `waiver`, which silences nothing.
pub fn finding(cx: &Context<'_>, waiver: &WaiverAt<'_>) -> Diagnostic {
    let mut finding = cx
        .at_key(
            waiver.pointer.clone(),
            format!(
                "the waiver of `{}` on {} is unused: the rule reports nothing there",
                waiver.rule,
                crate::scope::describe::item(&waiver.item)
            ),
        )
        .with_label("waives nothing")
        .with_help("remove the waiver");
    RULE.id.clone_into(&mut finding.rule);
    finding
}
