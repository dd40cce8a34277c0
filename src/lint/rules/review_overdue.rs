//! `review-overdue`: the last joint review is too long ago.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;

/// Days of grace after a meeting's period before a review counts as overdue.
const GRACE_DAYS: i64 = 14;

/// The rule.
pub static RULE: Rule = Rule {
    id: "review-overdue",
    default_level: LintLevel::Warn,
    summary: "`engagement.reviewed` is older than the least frequent cadence meeting's period plus 14 days",
    docs: Docs {
        what: "Takes the least frequent meeting under `cadence:` (periods: week 7 days, 2weeks \
               14, month 31, quarter 92, year 366) and fires when today minus \
               `engagement.reviewed` is more than that period plus 14 days. It does not fire \
               when `reviewed` is absent or in the future, nor when there is no cadence. \
               `--today` or `COMANAGE_TODAY` fixes today's date.",
        why: "The least frequent meeting — usually the quarterly business review — is where \
              the scope is reviewed. A `reviewed` date older than that meeting's period means \
              the reviews are not happening, or the file is not being updated after them; \
              either way the scope has drifted from reality.",
        example: "engagement:\n  client: Harbor Dental Group\n  reviewed: 2025-01-15\ncadence:\n  - { name: Quarterly business review, every: quarter, parties: [msp, internal] }",
        use_instead: "engagement:\n  client: Harbor Dental Group\n  reviewed: 2026-10-15\ncadence:\n  - { name: Quarterly business review, every: quarter, parties: [msp, internal] }",
        fix: "Hold the review, then set `engagement.reviewed` to its date.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(reviewed) = cx.scope.engagement.reviewed else {
        return;
    };
    let Some(meeting) = cx.scope.cadence.iter().max_by_key(|m| m.every.days()) else {
        return;
    };
    let age = cx.today.days_since(reviewed);
    let allowed = meeting.every.days() + GRACE_DAYS;
    if age <= allowed {
        return;
    }
    out.push(
        cx.at_value(
            "/engagement/reviewed".to_owned(),
            format!(
                "the scope was last reviewed on {reviewed}, {age} days ago; the least frequent \
                 meeting (\"{}\", every {}) allows {allowed} days",
                meeting.name,
                meeting.every.as_str()
            ),
        )
        .with_label(format!("{age} days ago"))
        .with_help("review the scope together, then set `engagement.reviewed` to that date"),
    );
}
