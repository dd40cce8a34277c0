//! `comanage who` for people: one compact block per function, labels on the
//! left, the owner and the escalation ladder first-class.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use super::answer::{
    Answer, ContactAnswer, DecisionAnswer, FunctionAnswer, PartyAnswer, PartyRef, PathAnswer,
};
use crate::scope::Hours;

/// Width of the label column, including its indent.
const LABEL: usize = 14;

/// Renders the answer; `color` makes the function names bold.
pub fn render(answer: &Answer, color: bool) -> String {
    let mut out = String::new();
    if answer.functions.len() > 1 {
        let _ = writeln!(
            out,
            "`{}` matches {} functions\n",
            line(&answer.query),
            answer.functions.len()
        );
    }
    for (i, function) in answer.functions.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_function(&mut out, function, color);
    }
    out
}

fn render_function(out: &mut String, f: &FunctionAnswer, color: bool) {
    let title = line(&f.name);
    let title = if color {
        format!("\u{1b}[1m{title}\u{1b}[0m")
    } else {
        title
    };
    if f.name == f.id {
        let _ = writeln!(out, "{title}");
    } else {
        let _ = writeln!(out, "{title}  ({})", line(&f.id));
    }
    field(
        out,
        "service",
        &format!("{} ({})", line(&f.service.name), line(&f.service.id)),
    );
    match f.owners.as_slice() {
        [] => field(out, "owner", "nobody: the function is unowned"),
        owners => {
            for owner in owners {
                party(out, "owner", owner);
            }
            if owners.len() > 1 {
                indented(out, "(more than one owner: `comanage lint` reports this)");
            }
        }
    }
    match &f.backup {
        Some(backup) => party(out, "backup", backup),
        None => field(out, "backup", "none"),
    }
    for (label, list) in [
        ("responsible", &f.responsible),
        ("consulted", &f.consulted),
        ("informed", &f.informed),
    ] {
        if !list.is_empty() {
            field(out, label, &names(list));
        }
    }
    let needs = needs(f);
    if !needs.is_empty() {
        field(out, "needs", &needs);
    }
    if let Some(notes) = &f.notes {
        field(out, "notes", &line(notes));
    }
    for (i, decision) in f.decisions.iter().enumerate() {
        field(
            out,
            if i == 0 { "decisions" } else { "" },
            &decided(decision),
        );
    }
    match &f.escalation {
        Some(path) => ladder(out, path),
        None => field(out, "escalation", "no escalation path"),
    }
}

/// `critical · needs 24x7 · recover within 4h`.
fn needs(f: &FunctionAnswer) -> String {
    let mut parts = Vec::new();
    if f.critical {
        parts.push("critical".to_owned());
    }
    if let Some(hours) = f.hours {
        parts.push(format!("{} coverage", hours_text(hours)));
    }
    if let Some(recovery) = &f.recovery {
        parts.push(format!("recover within {recovery}"));
    }
    parts.join(" · ")
}

fn decided(decision: &DecisionAnswer) -> String {
    let who = if decision.decides.is_empty() {
        "undecided".to_owned()
    } else {
        names(&decision.decides)
    };
    format!("{}  → {who}", line(&decision.question))
}

fn ladder(out: &mut String, path: &PathAnswer) {
    if !path.defined {
        let text = format!("`{}` (not defined in this scope)", line(&path.id));
        field(out, "escalation", &text);
        return;
    }
    field(out, "escalation", &line(&path.id));
    let rows: Vec<[String; 6]> = path
        .tiers
        .iter()
        .map(|t| {
            [
                t.tier.to_string(),
                short_name(&t.party),
                t.channel.as_deref().map(line).unwrap_or_default(),
                hours_text(t.hours).to_owned(),
                t.respond
                    .as_ref()
                    .map(|d| format!("respond {d}"))
                    .unwrap_or_default(),
                t.resolve
                    .as_ref()
                    .map(|d| format!("resolve {d}"))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let mut widths = [0; 6];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in &rows {
        let mut text = String::new();
        for (cell, width) in row.iter().zip(widths) {
            if width == 0 {
                continue;
            }
            text.push_str(cell);
            text.push_str(&" ".repeat(width - cell.width() + 2));
        }
        indented(out, text.trim_end());
    }
    if rows.is_empty() {
        indented(out, "(the path has no tiers)");
    }
}

fn party(out: &mut String, label: &str, p: &PartyAnswer) {
    let mut head = party_name(&PartyRef {
        id: p.id.clone(),
        name: p.name.clone(),
    });
    if let Some(hours) = p.hours {
        let _ = write!(head, ", {}", hours_text(hours));
    }
    field(out, label, &head);
    for contact in &p.contacts {
        indented(out, &contact_line(contact));
    }
}

fn contact_line(c: &ContactAnswer) -> String {
    let mut parts = vec![match &c.title {
        Some(title) => format!("{}, {}", line(&c.name), line(title)),
        None => line(&c.name),
    }];
    parts.extend(c.phone.as_deref().map(line));
    parts.extend(c.email.as_deref().map(line));
    parts.join("  ")
}

/// `Lakeside Managed IT (msp)`, or the bare id flagged when undefined.
fn party_name(p: &PartyRef) -> String {
    match &p.name {
        Some(name) => format!("{} ({})", line(name), line(&p.id)),
        None => format!("`{}` (not a defined party)", line(&p.id)),
    }
}

/// The name alone, for lists and the ladder; the id when undefined.
fn short_name(p: &PartyRef) -> String {
    match &p.name {
        Some(name) => line(name),
        None => format!("`{}` (not a defined party)", line(&p.id)),
    }
}

fn names(list: &[PartyRef]) -> String {
    list.iter().map(short_name).collect::<Vec<_>>().join(", ")
}

fn hours_text(hours: Hours) -> &'static str {
    match hours {
        Hours::Business => "business hours",
        Hours::Extended => "extended hours",
        Hours::AllHours => "24x7",
    }
}

fn field(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "  {label:<width$}{value}", width = LABEL - 2);
}

fn indented(out: &mut String, value: &str) {
    let _ = writeln!(out, "{:LABEL$}  {value}", "");
}

/// Scope text made safe for a terminal and kept on one line.
fn line(text: &str) -> String {
    crate::terminal::sanitize(text)
        .replace('\n', "\\n")
        .replace('\t', " ")
}
