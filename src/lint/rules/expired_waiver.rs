//! `expired-waiver`: a waiver past its `until` date.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::lint::waivers::WaiverAt;
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "expired-waiver",
    default_level: LintLevel::Warn,
    summary: "a `waive` entry's `until` date has passed (the waived rule fires again too)",
    docs: Docs {
        what: "Fires for each waiver whose `until:` date is before today: a waiver works \
               through its `until` day and is expired from the next day on. An expired waiver \
               silences nothing: the rule it waived reports its findings again. Waivers of \
               `unknown-rule`, `expired-waiver` and `unused-waiver` expire the same way. A \
               waiver of a rule set to `allow`, or of a rule id that does not exist (that is \
               `unknown-rule`), is never reported. \
               `--today` or `COMANAGE_TODAY` fixes today's date.",
        why: "Waivers are exceptions granted for a reason that was true at the time (\"the \
              vendor covers this until the contract ends\"). An end date makes the exception \
              come back for review instead of becoming permanent by neglect.",
        example: "waive:\n  missing-backup:\n    reason: Vendor on-call covers it under contract 2025-114.\n    until: 2026-06-30   # today: 2026-11-22",
        use_instead: "waive:\n  missing-backup:\n    reason: Vendor on-call covers it under contract 2026-201.\n    until: 2027-06-30",
        fix: "Fix what the waived rule reports, or, if the reason still holds, renew the waiver \
              with a new `until:` date (and an updated reason).",
    },
    check: Check::Engine,
};

/// The finding for `waiver`, which expired before today.
pub fn finding(cx: &Context<'_>, waiver: &WaiverAt<'_>, until: crate::scope::Date) -> Diagnostic {
    let days = match cx.today.days_since(until) {
        1 => "1 day".to_owned(),
        n => format!("{n} days"),
    };
    let mut finding = cx
        .at_value(
            format!("{}/until", waiver.pointer),
            format!(
                "the waiver of `{}` on {} expired on {until}, {days} ago; the rule applies again",
                waiver.rule,
                crate::scope::describe::item(&waiver.item)
            ),
        )
        .with_label("expired")
        .with_help("fix what the rule reports, or renew the waiver with a new `until:` date");
    RULE.id.clone_into(&mut finding.rule);
    finding
}
