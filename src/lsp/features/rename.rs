//! Rename a party or an escalation path: the key and every reference, in
//! one set of edits, or a refusal that says why.

use std::collections::HashSet;

use super::Edit;
use super::locate::{self, Kind, Occurrence};
use super::symbols::same_symbol;
use crate::scope::Document;
use crate::source::Span;

/// The id under `offset` that a rename would change, or why there is none.
pub fn prepare_rename(doc: &Document, offset: usize) -> Result<Span, String> {
    target(&locate::occurrences(doc.source.text()), offset).map(|found| found.span)
}

/// The edits that rename the party or path id at `offset` to `new_name`:
/// its key and every reference (flow and block lists, quoted or not; a
/// quoted id keeps its quotes). A value reached through an alias is edited
/// once, at the anchored original, so every alias of it follows.
///
/// Refused when the cursor is on no party or path id, when `new_name` is
/// not an id (`a-z 0-9 -`, starting with a letter, at most 64 characters)
/// or is already taken, and when an alias would carry the id from a place
/// that is not itself a reference (editing it there would change other
/// text).
pub fn rename(doc: &Document, offset: usize, new_name: &str) -> Result<Vec<Edit>, String> {
    let all = locate::occurrences(doc.source.text());
    let found = target(&all, offset)?;
    let what = noun(found.kind);
    if let Err(why) = check_id(new_name) {
        return Err(format!("`{new_name}` is not a valid {what} id: {why}"));
    }
    if new_name == found.id {
        return Ok(Vec::new());
    }
    let taken = all
        .iter()
        .any(|o| o.declaration && o.kind == found.kind && o.id == new_name);
    if taken {
        return Err(format!(
            "a {what} `{new_name}` already exists; choose another id"
        ));
    }
    let same: Vec<&Occurrence> = same_symbol(&all, found).collect();
    // The spans written directly; one reached only through aliases is an
    // anchor somewhere else (a set: a large scope has thousands of refs).
    let direct: HashSet<Span> = same
        .iter()
        .filter(|o| !o.via_alias)
        .map(|o| o.span)
        .collect();
    let mut spans: Vec<Span> = Vec::with_capacity(same.len());
    for occurrence in &same {
        if !direct.contains(&occurrence.span) {
            let (line, column) = doc.source.line_col(occurrence.span.start);
            return Err(format!(
                "`{}` reaches a reference through an alias whose anchor at {line}:{column} is not a {what} reference; replace the alias by the id, then rename",
                found.id
            ));
        }
        spans.push(occurrence.span);
    }
    spans.sort_by_key(|span| span.start);
    spans.dedup();
    Ok(spans
        .into_iter()
        .map(|span| Edit {
            span,
            new_text: new_name.to_owned(),
        })
        .collect())
}

/// The renamable occurrence at `offset`.
fn target(all: &[Occurrence], offset: usize) -> Result<&Occurrence, String> {
    match locate::occurrence_at(all, offset) {
        Some(found) if matches!(found.kind, Kind::Party | Kind::Path) => Ok(found),
        Some(found) => Err(format!(
            "only party and escalation path ids can be renamed, not a {}",
            noun(found.kind)
        )),
        None => Err("put the cursor on a party or escalation path id to rename it".to_owned()),
    }
}

fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Party => "party",
        Kind::Path => "escalation path",
        Kind::Service => "service",
        Kind::Function => "function",
        Kind::Rule => "rule",
    }
}

/// Whether `id` matches the schema's id pattern, `^[a-z][a-z0-9-]{0,63}$`
/// ([`crate::scope::ID_PATTERN`]), and why not.
pub fn check_id(id: &str) -> Result<(), &'static str> {
    let mut chars = id.chars();
    match chars.next() {
        None => return Err("an id cannot be empty"),
        Some(c) if !c.is_ascii_lowercase() => return Err("an id starts with a letter a-z"),
        Some(_) => {}
    }
    if !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err("an id has only a-z, 0-9 and -");
    }
    if id.len() > 64 {
        return Err("an id has at most 64 characters");
    }
    Ok(())
}

#[cfg(test)]
#[path = "rename_tests.rs"]
mod tests;
