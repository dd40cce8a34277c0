//! The answer as Markdown, for a renewal memo.

use std::fmt::Write as _;

use crate::diagnostics::Diagnostic;
use crate::diff::markdown::cell;
use crate::report::markdown::escape;

use super::human::{after_line, held_sentence, title};
use super::summary::count;
use super::{Answer, Fallback};

/// The whole answer as one Markdown section.
pub fn render(answer: &Answer) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", title(answer, escape));
    for held in &answer.removed {
        let _ = writeln!(out, "- {}", held_sentence(answer, held, &escape));
    }
    let _ = writeln!(out, "\n**{}**\n", escape(&after_line(answer)));

    let groups = fallback_groups(answer);
    if !groups.is_empty() {
        let _ = writeln!(
            out,
            "### Functions that fall back to their service's owner\n"
        );
        out.push_str("Nobody has agreed to take these yet.\n\n");
        out.push_str("| function | service | falls back to |\n| --- | --- | --- |\n");
        for (owners, functions) in groups {
            let names: Vec<String> = owners
                .iter()
                .map(|id| escape(answer.party_name(id)))
                .collect();
            for fallback in functions {
                let _ = writeln!(
                    out,
                    "| `{}` | `{}` | {} |",
                    fallback.function,
                    fallback.service,
                    names.join(", ")
                );
            }
        }
        out.push('\n');
    }

    let open: Vec<&Diagnostic> = answer
        .new
        .iter()
        .filter(|d| d.suppressed.is_none())
        .collect();
    let tally = answer.new_tally();
    let _ = writeln!(
        out,
        "### New findings: {}, {}\n",
        count(tally.errors, "error", "errors"),
        count(tally.warnings, "warning", "warnings")
    );
    findings_table(&mut out, answer, &open);

    let gone = answer.open_gone();
    let _ = writeln!(out, "### Findings that disappear: {}\n", gone.len());
    findings_table(&mut out, answer, &gone);
    out
}

fn findings_table(out: &mut String, answer: &Answer, findings: &[&Diagnostic]) {
    if findings.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    out.push_str("| level | rule | where | finding |\n| --- | --- | --- | --- |\n");
    for finding in findings {
        let (line, column) = answer.source.line_col(finding.primary.span.start);
        let mut text = cell(&finding.message);
        if let Some(help) = &finding.help {
            let _ = write!(text, "<br>help: {}", cell(help));
        }
        let _ = writeln!(
            out,
            "| {} | `{}` | {}:{line}:{column} | {text} |",
            finding.level.as_str(),
            finding.rule,
            escape(answer.source.name()),
        );
    }
    out.push('\n');
}

/// The fallbacks grouped by the service owners they fall back to, groups in
/// order of first appearance.
pub fn fallback_groups(answer: &Answer) -> Vec<(&[String], Vec<&Fallback>)> {
    let mut groups: Vec<(&[String], Vec<&Fallback>)> = Vec::new();
    for fallback in &answer.fallbacks {
        match groups
            .iter_mut()
            .find(|(owners, _)| *owners == fallback.owners.as_slice())
        {
            Some((_, functions)) => functions.push(fallback),
            None => groups.push((&fallback.owners, vec![fallback])),
        }
    }
    groups
}
