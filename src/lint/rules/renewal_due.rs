//! `renewal-due`: the contract renews soon, or the date has passed.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;

/// How many days ahead a renewal starts to be reported.
const NOTICE_DAYS: i64 = 90;

/// The rule.
pub static RULE: Rule = Rule {
    id: "renewal-due",
    default_level: LintLevel::Warn,
    summary: "`engagement.renewal` is within 90 days, or past",
    docs: Docs {
        what: "Fires when `engagement.renewal` minus today is 90 days or less, including dates \
               already past. `--today` or `COMANAGE_TODAY` fixes today's date.",
        why: "Renewal is when the division of work can be changed cheaply. Ninety days is the \
              usual notice period; reviewing the scope (`comanage diff`, `comanage report`) \
              before then turns the renewal into a decision instead of an automatic roll-over.",
        example: "engagement:\n  client: Harbor Dental Group\n  renewal: 2026-12-31   # today: 2026-11-22",
        use_instead: "engagement:\n  client: Harbor Dental Group\n  renewal: 2027-12-31   # after the renewal was negotiated",
        fix: "Prepare the renewal (review the scope with `comanage report` and `comanage diff`), \
              then set `renewal:` to the new contract end date.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(renewal) = cx.scope.engagement.renewal else {
        return;
    };
    let days = renewal.days_since(cx.today);
    if days > NOTICE_DAYS {
        return;
    }
    let (message, label) = match days {
        0 => (
            format!("the contract renews today ({renewal})"),
            "today".to_owned(),
        ),
        d if d > 0 => (
            format!("the contract renews on {renewal}, in {}", plural_days(d)),
            format!("in {}", plural_days(d)),
        ),
        d => (
            format!("the renewal date {renewal} passed {} ago", plural_days(-d)),
            format!("{} ago", plural_days(-d)),
        ),
    };
    out.push(
        cx.at_value("/engagement/renewal".to_owned(), message)
            .with_label(label)
            .with_help("review the scope for the renewal, then set `renewal:` to the new end date"),
    );
}

fn plural_days(days: i64) -> String {
    if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    }
}
