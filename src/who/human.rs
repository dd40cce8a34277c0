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

/// Renders the answer, the first `limit` functions in full (all without a
/// limit) and the rest by id, with the flag that shows them; `color` makes
/// the function names bold.
pub fn render(answer: &Answer, color: bool, limit: Option<usize>) -> String {
    let mut out = String::new();
    let total = answer.functions.len();
    let shown = limit.map_or(total, |limit| limit.min(total));
    if total > 1 {
        let _ = write!(out, "`{}` matches {total} functions", line(&answer.query));
        if shown < total {
            let _ = write!(out, ", best {shown} shown");
        }
        out.push('\n');
    }
    if let Some(at) = &answer.at {
        let _ = writeln!(out, "on duty at {} ({})", line(&at.moment), line(&at.hours));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    for (i, function) in answer.functions[..shown].iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_function(&mut out, function, color);
    }
    let rest = &answer.functions[shown..];
    if !rest.is_empty() {
        let ids: Vec<String> = rest.iter().map(|f| line(&f.id)).collect();
        let s = if rest.len() == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "\n{} more function{s} match: {}",
            rest.len(),
            ids.join(", ")
        );
        let _ = writeln!(
            out,
            "help: `comanage who {} --all` shows every match",
            shell_word(&answer.query)
        );
    }
    out
}

/// The query as one shell word, quoted when it needs to be.
pub fn shell_word(query: &str) -> String {
    let plain = query
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if plain && !query.is_empty() {
        query.to_owned()
    } else {
        format!("'{}'", line(&query.replace('\'', "'\\''")))
    }
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
    let first_on_duty = path.tiers.iter().position(|t| t.on_duty == Some(true));
    let rows: Vec<[String; 7]> = path
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
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
                match t.on_duty {
                    None => String::new(),
                    Some(true) if first_on_duty == Some(i) => "on duty  ← call first".to_owned(),
                    Some(true) => "on duty".to_owned(),
                    Some(false) => "off duty".to_owned(),
                },
            ]
        })
        .collect();
    let mut widths = [0; 7];
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
    } else if first_on_duty.is_none() && path.tiers.iter().any(|t| t.on_duty.is_some()) {
        indented(out, "(no tier is on duty at that time)");
    }
}

pub(super) fn party(out: &mut String, label: &str, p: &PartyAnswer) {
    let mut head = party_name(&PartyRef {
        id: p.id.clone(),
        name: p.name.clone(),
    });
    if let Some(hours) = p.hours {
        let _ = write!(head, ", {}", hours_text(hours));
    }
    head.push_str(duty_suffix(p.on_duty));
    field(out, label, &head);
    for contact in &p.contacts {
        indented(out, &contact_line(contact));
    }
}

/// ` · on duty`, ` · off duty`, or nothing without a moment.
pub(super) fn duty_suffix(on_duty: Option<bool>) -> &'static str {
    match on_duty {
        Some(true) => " · on duty",
        Some(false) => " · off duty",
        None => "",
    }
}

pub(super) fn contact_line(c: &ContactAnswer) -> String {
    let mut parts = vec![match &c.title {
        Some(title) => format!("{}, {}", line(&c.name), line(title)),
        None => line(&c.name),
    }];
    parts.extend(c.phone.as_deref().map(line));
    parts.extend(c.email.as_deref().map(line));
    parts.join("  ")
}

/// `Lakeside Managed IT (msp)`, or the bare id flagged when undefined.
pub(super) fn party_name(p: &PartyRef) -> String {
    match &p.name {
        Some(name) => format!("{} ({})", line(name), line(&p.id)),
        None => format!("`{}` (not a defined party)", line(&p.id)),
    }
}

/// The name alone, for lists and the ladder; the id when undefined.
pub(super) fn short_name(p: &PartyRef) -> String {
    match &p.name {
        Some(name) => line(name),
        None => format!("`{}` (not a defined party)", line(&p.id)),
    }
}

pub(super) fn names(list: &[PartyRef]) -> String {
    list.iter().map(short_name).collect::<Vec<_>>().join(", ")
}

pub(super) fn hours_text(hours: Hours) -> &'static str {
    match hours {
        Hours::Business => "business hours",
        Hours::Extended => "extended hours",
        Hours::AllHours => "24x7",
    }
}

pub(super) fn field(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "  {label:<width$}{value}", width = LABEL - 2);
}

pub(super) fn indented(out: &mut String, value: &str) {
    let _ = writeln!(out, "{:LABEL$}  {value}", "");
}

/// Scope text made safe for a terminal and kept on one line.
pub(super) fn line(text: &str) -> String {
    crate::terminal::sanitize(text)
        .replace('\n', "\\n")
        .replace('\t', " ")
}
