//! The edit that adds a `waive:` entry to the item a finding is about,
//! written in the style of the file: block or flow, its indentation, its
//! line endings.

use super::Edit;
use super::locate::is_waivable;
use crate::source::Span;
use crate::yaml::{self, Entry, Node, Value};

/// The reason placeholder a new waiver gets: the schema requires a reason,
/// and this one says what to write.
pub fn placeholder(rule: &str) -> String {
    format!("\"TODO: why {rule} does not apply here\"")
}

/// The item (`/services/s/functions/f`, `/parties/p`…) that holds the node
/// at `pointer`, as path segments: the innermost one that may carry
/// `waive:`.
pub fn item_of(pointer: &str) -> Option<Vec<String>> {
    let segments: Vec<String> = pointer
        .strip_prefix('/')?
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    (1..=segments.len().min(4))
        .rev()
        .map(|n| segments[..n].to_vec())
        .find(|prefix| is_waivable(prefix))
}

/// The edit that waives `rule` on the item at `item` of `text`. `None`
/// when the text does not parse, the item is not written as a mapping in
/// the file (an alias, say), or it already waives the rule.
pub fn waive_edit(text: &str, item: &[String], rule: &str) -> Option<Edit> {
    let root = yaml::parse(text).ok()?;
    let (entry, node) = find(&root, item)?;
    if node.via.is_some() || entry.via.is_some() {
        return None;
    }
    let Value::Map(entries) = &node.value else {
        return None;
    };
    let newline = line_break(text);
    let reason = placeholder(rule);
    if let Some(waive) = entries.iter().find(|e| e.key == "waive") {
        let Value::Map(waivers) = &waive.value.value else {
            return None;
        };
        // Waivers brought by a merge key or an alias are written for
        // another item too: editing them there would waive it there as well.
        let shared = waive.via.is_some() || waive.value.via.is_some();
        if waivers.iter().any(|w| w.key == rule) || shared {
            return None;
        }
        let last = waivers.last()?;
        return Some(if is_flow(text, &waive.value) {
            Edit {
                span: Span::new(node_end(text, &last.value), 0),
                new_text: format!(", {rule}: {{ reason: {reason} }}"),
            }
        } else {
            let indent = column(text, last.key_span.start);
            let step = step_below(text, last).unwrap_or(2);
            let at = next_line(text, node_end(text, &waive.value));
            Edit {
                span: Span::new(at.0, 0),
                new_text: format!(
                    "{}{pad}{rule}:{newline}{pad}{inner}reason: {reason}{newline}",
                    at.1,
                    pad = " ".repeat(indent),
                    inner = " ".repeat(step),
                ),
            }
        });
    }
    if is_flow(text, node) {
        let waiver = format!("waive: {{ {rule}: {{ reason: {reason} }} }}");
        return Some(match entries_end(text, entries) {
            Some(end) => Edit {
                span: Span::new(end, 0),
                new_text: format!(", {waiver}"),
            },
            None => Edit {
                span: Span::new(node.span.start + 1, 0),
                new_text: format!(" {waiver} "),
            },
        });
    }
    // Where the item's first key is written here (a merged one's place is
    // its merge key).
    let first = entries.first()?;
    let first_key = first.via.as_ref().map_or(first.key_span, |via| via.at);
    let indent = column(text, first_key.start);
    let step = indent
        .saturating_sub(column(text, entry.key_span.start))
        .max(1);
    let at = next_line(text, node_end(text, node));
    let pad = " ".repeat(indent);
    let inner = " ".repeat(step);
    Some(Edit {
        span: Span::new(at.0, 0),
        new_text: format!(
            "{}{pad}waive:{newline}{pad}{inner}{rule}:{newline}{pad}{inner}{inner}reason: {reason}{newline}",
            at.1
        ),
    })
}

/// The entry and node at `path` (map keys only; the first of a duplicate).
fn find<'n>(root: &'n Node, path: &[String]) -> Option<(&'n Entry, &'n Node)> {
    let mut node = root;
    let mut found = None;
    for key in path {
        let Value::Map(entries) = &node.value else {
            return None;
        };
        let entry = entries.iter().find(|e| &e.key == key)?;
        node = &entry.value;
        found = Some(entry);
    }
    found.map(|entry| (entry, node))
}

/// Whether a collection is written in flow style (`{ … }`).
fn is_flow(text: &str, node: &Node) -> bool {
    text.as_bytes().get(node.span.start) == Some(&b'{')
}

/// The byte after the last one written for `node` in its place: for a
/// flow collection, after its closing bracket (a node's span ends at its
/// last child); for an alias, after the alias (the span is the original's).
fn node_end(text: &str, node: &Node) -> usize {
    if let Some(via) = &node.via {
        return reference_end(text, via.at);
    }
    let last_child = match &node.value {
        Value::Map(entries) => entries_end(text, entries),
        Value::Seq(items) => items.iter().map(|item| node_end(text, item)).max(),
        _ => return node.span.end(),
    };
    let bytes = text.as_bytes();
    let close = match bytes.get(node.span.start) {
        Some(b'{') => b'}',
        Some(b'[') => b']',
        _ => return last_child.unwrap_or(node.span.end()),
    };
    let mut at = last_child.unwrap_or(node.span.start + 1);
    while let Some(&b) = bytes.get(at) {
        match b {
            b if b == close => return at + 1,
            b' ' | b'\t' | b'\r' | b'\n' | b',' => at += 1,
            _ => break,
        }
    }
    at
}

/// The end of the last entry written in a mapping (`None` when empty); a
/// merged entry is written at its merge key.
fn entries_end(text: &str, entries: &[Entry]) -> Option<usize> {
    entries
        .iter()
        .map(|e| match &e.via {
            Some(via) => reference_end(text, via.at),
            None => node_end(text, &e.value).max(e.key_span.end()),
        })
        .max()
}

/// The end of an alias (`*a`) or of a merge key with its value
/// (`<<: *a`, `<<: [*a, *b]`) written at `at`.
fn reference_end(text: &str, at: Span) -> usize {
    let bytes = text.as_bytes();
    let mut end = at.end();
    if !text[at.range()].starts_with("<<") {
        return end;
    }
    while matches!(bytes.get(end), Some(b':' | b' ' | b'\t')) {
        end += 1;
    }
    let stop: &[u8] = if bytes.get(end) == Some(&b'[') {
        b"]"
    } else {
        b" \t\r\n,}]"
    };
    while let Some(b) = bytes.get(end) {
        if stop.contains(b) {
            return if stop == b"]" { end + 1 } else { end };
        }
        end += 1;
    }
    end
}

/// The column (in bytes: indentation is spaces) of byte `offset`.
fn column(text: &str, offset: usize) -> usize {
    let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    offset - line_start
}

/// The indentation step under a block entry: how much deeper its first
/// child key is written.
fn step_below(text: &str, entry: &Entry) -> Option<usize> {
    let Value::Map(children) = &entry.value.value else {
        return None;
    };
    let child = children.first()?;
    column(text, child.key_span.start).checked_sub(column(text, entry.key_span.start))
}

/// The line break the file uses: CRLF, LF, or a lone CR (old Mac files,
/// which YAML reads as line breaks too).
fn line_break(text: &str) -> &'static str {
    if text.contains("\r\n") {
        "\r\n"
    } else if text.contains('\n') || !text.contains('\r') {
        "\n"
    } else {
        "\r"
    }
}

/// Where the line after the one holding byte `offset` starts, and the line
/// break to write first when the file does not end with one.
fn next_line(text: &str, offset: usize) -> (usize, &'static str) {
    let offset = offset.min(text.len());
    match text[offset..].find(['\n', '\r']) {
        Some(i) => {
            let at = offset + i;
            let width = if text[at..].starts_with("\r\n") { 2 } else { 1 };
            (at + width, "")
        }
        None => (text.len(), line_break(text)),
    }
}

#[cfg(test)]
#[path = "waive_tests.rs"]
mod tests;
