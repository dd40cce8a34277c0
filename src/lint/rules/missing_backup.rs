//! `missing-backup`: a critical function with no backup.

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, function_pointer};
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "missing-backup",
    default_level: LintLevel::Warn,
    summary: "a `critical` function has no `backup`",
    docs: Docs {
        what: "Fires for each function with `critical: true` and no `backup:`.",
        why: "Critical functions fail when their one owner is away: the only engineer who \
              knows the backup system is on holiday when the restore is needed. Naming a \
              backup party makes someone else responsible for knowing how.",
        example: "services:\n  backups:\n    owner: msp\n    functions:\n      backup-verification: { critical: true }",
        use_instead: "services:\n  backups:\n    owner: msp\n    functions:\n      backup-verification: { critical: true, backup: internal }",
        fix: "Add `backup:` with the party that steps in when the owner cannot, or waive the \
              rule on the function with the reason (`waive: { missing-backup: { reason: … } }`).",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (service_id, function_id, function) in cx.scope.functions() {
        if !function.critical || function.backup.is_some() {
            continue;
        }
        let ptr = function_pointer(service_id, function_id);
        // The finding belongs to the function (so a waiver on it applies);
        // the label goes on the `true` that makes it critical.
        let span = cx.map.value_span(&format!("{ptr}/critical"));
        out.push(
            cx.at(
                ptr,
                span,
                format!(
                    "critical function `{function_id}` in service `{service_id}` has no backup"
                ),
            )
            .with_label("critical, but no backup")
            .with_help("add `backup:` with the party that steps in when the owner cannot"),
        );
    }
}
