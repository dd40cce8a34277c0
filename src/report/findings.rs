//! Open lint findings, summarised for the review: counts per rule and the
//! first few, each with its line and the item it concerns.

use std::collections::BTreeMap;

use super::model::{FIRST_FINDINGS, FindingLine, FindingsSummary, RuleCount};
use crate::diagnostics::{Diagnostic, Level};
use crate::scope::describe;

/// Summarises `findings`; `line_of` gives a finding's 1-based line.
pub fn summarize(
    findings: &[Diagnostic],
    line_of: impl Fn(&Diagnostic) -> usize,
) -> FindingsSummary {
    let open: Vec<&Diagnostic> = findings.iter().filter(|d| d.suppressed.is_none()).collect();
    let mut counts: BTreeMap<(Level, &str), usize> = BTreeMap::new();
    for d in &open {
        *counts.entry((d.level, d.rule.as_str())).or_default() += 1;
    }
    let mut by_rule: Vec<RuleCount> = counts
        .into_iter()
        .map(|((level, rule), count)| RuleCount {
            rule: rule.to_owned(),
            level,
            count,
        })
        .collect();
    // Errors before warnings, then the most frequent first, then by name.
    by_rule.sort_by(|a, b| {
        (a.level, std::cmp::Reverse(a.count), &a.rule).cmp(&(
            b.level,
            std::cmp::Reverse(b.count),
            &b.rule,
        ))
    });
    let mut ordered = open.clone();
    ordered.sort_by_key(|d| d.primary.span.start);
    FindingsSummary {
        errors: open.iter().filter(|d| d.level == Level::Error).count(),
        warnings: open.iter().filter(|d| d.level == Level::Warning).count(),
        waived: findings.len() - open.len(),
        by_rule,
        first: ordered
            .into_iter()
            .take(FIRST_FINDINGS)
            .map(|d| FindingLine {
                rule: d.rule.clone(),
                level: d.level,
                line: line_of(d),
                item: describe::item(&d.pointer),
                message: d.message.clone(),
            })
            .collect(),
    }
}
