//! Code actions: the "did you mean" of a finding as a quick fix, and
//! "waive `RULE` here".

use super::locate::unquoted;
use super::waive::{item_of, waive_edit};
use super::{Action, Edit};
use crate::diagnostics::Diagnostic;
use crate::lint::rules;
use crate::source::Span;

/// The actions for the findings of `diagnostics` (as lint or the loader
/// reported them for `text`) whose place touches `range`:
/// - a preferred quick fix replacing the written value or key with the one
///   the help line suggests ("did you mean `owner`?": an unknown key, an
///   unknown party, path or service, an enum value, a rule id);
/// - for a rule finding, "waive `RULE` here": a `waive:` entry with a
///   reason placeholder on the function, service, decision or party the
///   finding is about, in the file's style (block or flow, its indentation).
pub fn code_actions(text: &str, diagnostics: &[Diagnostic], range: Span) -> Vec<Action> {
    let mut actions = Vec::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        if !touches(diagnostic.primary.span, range) {
            continue;
        }
        if let Some(action) = did_you_mean(text, diagnostic, index) {
            actions.push(action);
        }
        if let Some(action) = waive_here(text, diagnostic, index) {
            actions.push(action);
        }
    }
    actions
}

/// Whether two spans overlap or meet (a cursor at either end of a span is
/// on it).
fn touches(span: Span, range: Span) -> bool {
    span.start <= range.end() && range.start <= span.end()
}

/// The suggestion of a help line that starts "did you mean `x`?".
pub fn suggestion(help: &str) -> Option<&str> {
    let rest = help.strip_prefix("did you mean `")?;
    let (word, after) = rest.split_once('`')?;
    let plain = !word.is_empty() && !word.contains(char::is_whitespace);
    (plain && after.starts_with('?')).then_some(word)
}

fn did_you_mean(text: &str, diagnostic: &Diagnostic, index: usize) -> Option<Action> {
    let better = suggestion(diagnostic.help.as_deref()?)?;
    let span = unquoted(text, diagnostic.primary.span);
    let written = text.get(span.range())?;
    if written == better || written.contains(['\n', '\r']) || written.is_empty() {
        return None;
    }
    Some(Action {
        title: format!("Replace `{}` with `{better}`", short(written)),
        edits: vec![Edit {
            span,
            new_text: better.to_owned(),
        }],
        preferred: true,
        diagnostic: Some(index),
    })
}

/// At most 40 characters of `text`, for a title.
fn short(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn waive_here(text: &str, diagnostic: &Diagnostic, index: usize) -> Option<Action> {
    let rule = rules::find(&diagnostic.rule)?;
    if diagnostic.suppressed.is_some() {
        return None;
    }
    let item = item_of(&diagnostic.pointer)?;
    let edit = waive_edit(text, &item, rule.id)?;
    let what = match item.len() {
        4 => "function",
        _ => match item[0].as_str() {
            "parties" => "party",
            "services" => "service",
            _ => "decision",
        },
    };
    let id = item.last().map_or("", String::as_str);
    Some(Action {
        title: format!("Waive `{}` here (on {what} `{}`)", rule.id, short(id)),
        edits: vec![edit],
        preferred: false,
        diagnostic: Some(index),
    })
}

#[cfg(test)]
#[path = "actions_tests.rs"]
mod tests;
