//! The answer for the terminal: the summary first, then each new finding
//! rendered as `lint` renders it, then the findings that disappear.

use std::fmt::Write as _;

use crate::diagnostics::Diagnostic;
use crate::terminal::sanitize;

use super::summary::count;
use super::{Answer, Held};

/// The whole answer. `quiet` leaves only the new findings.
pub fn render(answer: &Answer, color: bool, width: usize, quiet: bool) -> String {
    let mut out = String::new();
    if !quiet {
        let wrap = |text: &str| textwrap::fill(text, width.max(40));
        let _ = writeln!(
            out,
            "{}\n",
            wrap(&title(answer, |t| sanitize(t).into_owned()))
        );
        for held in &answer.removed {
            let sentence = held_sentence(answer, held, &|t| sanitize(t).into_owned());
            let _ = writeln!(out, "{}", wrap(&sentence));
        }
        let _ = writeln!(out, "{}\n", wrap(&after_line(answer)));
        fallbacks(&mut out, answer, width);
    }
    for finding in answer.new.iter().filter(|d| d.suppressed.is_none()) {
        out.push_str(&crate::diagnostics::render_human(
            &answer.source,
            finding,
            color,
            width,
        ));
    }
    if quiet {
        return out;
    }
    let gone = answer.open_gone();
    if !gone.is_empty() {
        let _ = writeln!(out, "\nFindings that disappear ({}):", gone.len());
        for finding in &gone {
            let _ = writeln!(out, "  {}", gone_line(answer, finding));
        }
    }
    let tally = answer.new_tally();
    let _ = writeln!(
        out,
        "\n{}, {}; {} gone",
        count(tally.errors, "new error", "new errors"),
        count(tally.warnings, "new warning", "new warnings"),
        count(gone.len(), "finding", "findings"),
    );
    out
}

/// "What if Bluewater Managed Services (`msp`) leaves?"
pub fn title(answer: &Answer, text: impl Fn(&str) -> String) -> String {
    let parts: Vec<String> = answer
        .removed
        .iter()
        .map(|held| match &held.to {
            None => format!("{} leaves", party(answer, &held.party, &text)),
            Some(to) => format!(
                "the work of {} moves to {}",
                party(answer, &held.party, &text),
                party(answer, to, &text)
            ),
        })
        .collect();
    if parts.is_empty() {
        return "What if nothing changes? (name parties with --without or --reassign)".to_owned();
    }
    format!("What if {}?", parts.join(" and "))
}

/// "Northwind IT (`internal`)".
pub fn party(answer: &Answer, id: &str, text: &impl Fn(&str) -> String) -> String {
    format!("{} (`{id}`)", text(answer.party_name(id)))
}

/// What one removed party held, as a sentence.
pub fn held_sentence(answer: &Answer, held: &Held, text: &impl Fn(&str) -> String) -> String {
    let mut owns = format!("owns {}", count(held.owns, "function", "functions"));
    if held.critical > 0 {
        let _ = write!(owns, " ({} critical)", held.critical);
    }
    let mut parts = vec![owns];
    if held.backups > 0 {
        parts.push(format!("is backup for {}", held.backups));
    }
    if held.decides > 0 {
        parts.push(format!(
            "decides {}",
            count(held.decides, "question", "questions")
        ));
    }
    if held.tiers > 0 {
        parts.push(format!(
            "has tiers on {}",
            count(held.tiers, "escalation path", "escalation paths")
        ));
    }
    if held.meetings > 0 {
        parts.push(format!(
            "sits in {}",
            count(held.meetings, "meeting", "meetings")
        ));
    }
    for key in &held.authority {
        parts.push(
            match *key {
                "tie-breaker" => "has the final word (`tie-breaker`)",
                "scope-changes" => "approves scope changes",
                _ => "decides out-of-scope requests",
            }
            .to_owned(),
        );
    }
    let mut sentence = format!("{} {}", party(answer, &held.party, text), parts.join(", "));
    if let Some(to) = &held.to {
        let _ = write!(sentence, "; all of it moves to {}", party(answer, to, text));
    }
    sentence.push('.');
    sentence
}

/// "Without it: 23 functions unowned (9 critical), no tie-breaker."
pub fn after_line(answer: &Answer) -> String {
    let lead = if answer.only_removals && answer.removed.len() == 1 {
        "Without it"
    } else if answer.only_removals {
        "Without them"
    } else {
        "After the change"
    };
    if answer.consequences.is_empty() {
        format!("{lead}: no new findings.")
    } else {
        format!("{lead}: {}.", answer.consequences.join(", "))
    }
}

fn fallbacks(out: &mut String, answer: &Answer, width: usize) {
    for (owners, functions) in super::markdown::fallback_groups(answer) {
        let names: Vec<String> = owners
            .iter()
            .map(|id| party(answer, id, &|t| sanitize(t).into_owned()))
            .collect();
        let head = format!(
            "{} fall back to service owner {}; nobody has agreed to take them yet:",
            count(functions.len(), "function", "functions"),
            names.join(" and ")
        );
        let _ = writeln!(out, "{}", textwrap::fill(&head, width.max(40)));
        for fallback in functions {
            let _ = writeln!(
                out,
                "  {} (service {})",
                fallback.function, fallback.service
            );
        }
        out.push('\n');
    }
}

/// "warning[unused-party] file:3:3: message".
fn gone_line(answer: &Answer, finding: &Diagnostic) -> String {
    let (line, column) = answer.source.line_col(finding.primary.span.start);
    format!(
        "{}[{}] {}:{line}:{column}: {}",
        finding.level.as_str(),
        finding.rule,
        sanitize(answer.source.name()),
        sanitize(&finding.message)
    )
}
