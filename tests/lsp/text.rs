//! Text helpers for the tests: LSP positions (UTF-16) and edits applied as
//! an editor applies them.

use serde_json::{Value, json};

/// The lines of `text`, split at LF, CRLF and lone CR (one more line after
/// a final break, as a position may point there).
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            out.push(&text[start..i]);
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

/// The byte offset of an LSP position (UTF-16) in `text`.
pub fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().expect("line") as usize;
    let units = position["character"].as_u64().expect("character") as usize;
    let all = lines(text);
    let start = all[..line].iter().map(|l| l.len()).sum::<usize>() + line_breaks_before(text, line);
    let mut seen = 0;
    for (i, c) in all[line].char_indices() {
        if seen >= units {
            return start + i;
        }
        seen += c.len_utf16();
    }
    start + all[line].len()
}

/// The bytes of the line breaks before 0-based `line`.
fn line_breaks_before(text: &str, line: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut count, mut total, mut i) = (0, 0, 0);
    while count < line && i < bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            total += 2;
            count += 1;
            i += 2;
            continue;
        }
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            total += 1;
            count += 1;
        }
        i += 1;
    }
    total
}

/// The LSP position (UTF-16) of byte `offset` of `text`.
pub fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = lines(before).len() - 1;
    let last = lines(before)[line];
    json!({ "line": line, "character": last.encode_utf16().count() })
}

/// The position of the `n`th occurrence of `needle` in `text`, `into` bytes in.
pub fn position_of(text: &str, needle: &str, n: usize, into: usize) -> Value {
    let at = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("`{needle}` occurs fewer than {} times", n + 1))
        .0;
    position(text, at + into)
}

/// `text` with LSP text edits applied (they do not overlap).
pub fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|edit| {
            (
                offset(text, &edit["range"]["start"]),
                offset(text, &edit["range"]["end"]),
                edit["newText"].as_str().expect("newText"),
            )
        })
        .collect();
    spans.sort_by_key(|span| std::cmp::Reverse(span.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

/// The text a range covers.
pub fn covered<'a>(text: &'a str, range: &Value) -> &'a str {
    &text[offset(text, &range["start"])..offset(text, &range["end"])]
}
