//! The terminal rendering: changes grouped under their group's title, each
//! with a `+` (added), `-` (removed) or `~` (changed) marker and its impact,
//! then a one-line summary.
//!
//! Summaries hold text from the scope (names, notes), so every line passes
//! through [`sanitize`] before it is coloured.

use super::{Change, Direction, Group, Impact, summary_line};
use crate::terminal::sanitize;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const DIM: &str = "\x1b[2m";

/// `text` in the ANSI style `style` when `color` is on.
fn paint(text: &str, style: &str, color: bool) -> String {
    if color {
        format!("{style}{text}{RESET}")
    } else {
        text.to_owned()
    }
}

/// The changes for a terminal; `summary` adds the closing summary line.
pub fn render(changes: &[Change], color: bool, summary: bool) -> String {
    let mut out = String::new();
    for group in Group::ALL {
        let mut in_group = changes.iter().filter(|c| c.group == group).peekable();
        if in_group.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&paint(group.title(), BOLD, color));
        out.push('\n');
        for change in in_group {
            out.push_str(&line(change, color));
        }
    }
    if summary {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&summary_line(changes));
        out.push('\n');
    }
    out
}

/// "  ~ major  function `x` in service `y`: owner msp → internal".
fn line(change: &Change, color: bool) -> String {
    let direction = change.kind.direction();
    let marker_style = match direction {
        Direction::Added => GREEN,
        Direction::Removed => RED,
        Direction::Changed => YELLOW,
    };
    let impact_style = match change.impact {
        Impact::Major => RED,
        Impact::Minor => YELLOW,
        Impact::Info => DIM,
    };
    format!(
        "  {} {}  {}\n",
        paint(&direction.marker().to_string(), marker_style, color),
        paint(
            &format!("{:<5}", change.impact.as_str()),
            impact_style,
            color
        ),
        sanitize(&change.summary.replace(['\n', '\r'], " ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::ChangeKind;

    fn change(summary: &str, impact: Impact) -> Change {
        Change {
            kind: ChangeKind::PartyNameChanged,
            group: Group::Parties,
            pointer: "/parties/x/name".into(),
            old_pointer: None,
            old: None,
            new: None,
            impact,
            summary: summary.into(),
            functions: None,
        }
    }

    #[test]
    fn plain_output_has_no_escapes_even_from_hostile_text() {
        let text = render(
            &[change("party `x`: name a → \u{1b}[31mred", Impact::Info)],
            false,
            true,
        );
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.starts_with("Parties\n  ~ info   party `x`: name a → \\u{1b}[31mred\n"));
        assert!(text.ends_with("\n1 party change (1 info)\n"), "{text}");
    }

    #[test]
    fn colour_only_when_asked() {
        let text = render(&[change("x", Impact::Major)], true, false);
        assert!(text.contains("\x1b[31mmajor\x1b[0m"), "{text}");
        assert_eq!(render(&[], true, true), "no changes in scope\n");
    }
}
