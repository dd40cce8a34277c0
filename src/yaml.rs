//! YAML text to a span-carrying tree.
//!
//! The scope file is parsed once into [`Node`]s that remember the byte span of
//! every value and every mapping key. Everything later (the JSON value the
//! schema checks, the source map that turns JSON pointers back into spans) is
//! derived from this tree, so the parser is the only place that knows YAML.
//!
//! serde-saphyr does the parsing: it is panic-free, enforces resource budgets
//! (alias bombs, deep nesting, huge inputs) and reports byte-accurate spans.
//! Duplicate keys are passed through to this module so that the error can point
//! at both occurrences, which the parser's own duplicate check cannot do.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::options::{DuplicateKeyPolicy, MergeKeyPolicy};
use serde_saphyr::{Budget, Options, Spanned};

use crate::source::Span;

/// The largest scope file comanage reads, in bytes.
///
/// Real scopes are a few hundred kilobytes at most; the cap keeps a hostile or
/// mistaken input (a log file, a 1 GB dump) from exhausting memory.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The deepest nesting of mappings and sequences accepted.
///
/// The format itself never nests deeper than eight levels.
pub const MAX_DEPTH: usize = 64;

/// One YAML value with the byte span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where the value is written. For a collection this starts at its first
    /// byte and ends after its last child.
    pub span: Span,
}

/// A YAML value, resolved with the YAML 1.2 core schema.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `~`, `null` or an empty value.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A floating point number.
    Float(f64),
    /// A string, quoted or plain.
    Str(String),
    /// A sequence, in file order.
    Seq(Vec<Node>),
    /// A mapping, in file order. Duplicate keys are kept so that the loader can
    /// report them with both places.
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The key as text (a non-string scalar key is kept in its written form).
    pub key: String,
    /// Where the key is written.
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

/// Why the text could not be read as one YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What went wrong, in the parser's words.
    pub message: String,
    /// Where, when the parser knows.
    pub span: Option<Span>,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses `text` as a single YAML document.
///
/// An empty document (only comments or whitespace) yields a [`Value::Null`]
/// root, which the schema check then reports as "expected a mapping".
pub fn parse(text: &str) -> Result<Node, YamlError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(YamlError {
            message: format!(
                "the file is {} bytes; comanage reads scope files of at most {} MiB",
                text.len(),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
            span: None,
        });
    }
    if text.trim().is_empty() || text.lines().all(is_comment_or_blank) {
        return Ok(Node {
            value: Value::Null,
            span: Span::new(0, 0),
        });
    }
    let mut options = Options::default();
    options.budget = Some(budget());
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    options.merge_keys = MergeKeyPolicy::Merge;
    options.reject_unsupported_tags = true;
    options.strict_booleans = true;
    let spanned: Spanned<Value> = serde_saphyr::from_str_with_options(text, options)
        .map_err(|err| convert_error(&err, text))?;
    Ok(into_node(spanned))
}

fn is_comment_or_blank(line: &str) -> bool {
    let line = line.trim();
    line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
}

/// The resource limits: generous for any real scope (100,000 functions fit),
/// small enough that an alias bomb or a pathological file fails in
/// milliseconds.
fn budget() -> Budget {
    let mut budget = Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_documents = 1;
    budget.max_nodes = 4_000_000;
    budget.max_events = 10_000_000;
    budget.max_aliases = 10_000;
    budget.max_anchors = 10_000;
    budget.max_total_scalar_bytes = MAX_INPUT_BYTES;
    budget
}

fn convert_error(err: &serde_saphyr::Error, text: &str) -> YamlError {
    let span = err.location().and_then(|location| {
        let span = location.span();
        match span.byte_offset() {
            Some(start) => Some(Span::new(
                start as usize,
                span.byte_len().unwrap_or(0) as usize,
            )),
            None => offset_of(text, location.line(), location.column()).map(|at| Span::new(at, 0)),
        }
    });
    // The parser's Display renders its own snippet; the first line is the
    // message, the snippet is redrawn by miette at the span.
    let rendered = err.to_string();
    let message = rendered
        .lines()
        .next()
        .unwrap_or("invalid YAML")
        .trim()
        .trim_start_matches("error: ");
    // The place is shown by the diagnostic itself; drop the parser's prefix.
    let message = match message.split_once(": ") {
        Some((place, rest)) if place.starts_with("line ") && place.contains(" column ") => rest,
        _ => message,
    };
    YamlError {
        message: message.to_owned(),
        span,
    }
}

/// The byte offset of a 1-based line and character column.
fn offset_of(text: &str, line: u64, column: u64) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(usize::try_from(line).ok()? - 2)?
            .0
            + 1
    };
    let rest = &text[line_start..];
    let within = rest
        .char_indices()
        .nth(usize::try_from(column.saturating_sub(1)).ok()?)
        .map_or(rest.len(), |(i, _)| i);
    Some(line_start + within)
}

fn location_span(location: &serde_saphyr::Location) -> Span {
    let span = location.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(start), len) => Span::new(start as usize, len.unwrap_or(0) as usize),
        _ => Span::new(0, 0),
    }
}

fn into_node(spanned: Spanned<Value>) -> Node {
    let mut span = location_span(&spanned.referenced);
    // A collection's span from the parser marks only its start; stretch it to
    // the end of its last child so labels cover the whole value.
    let end = match &spanned.value {
        Value::Seq(items) => items.last().map(|node| node.span.end()),
        Value::Map(entries) => entries.last().map(|entry| entry.value.span.end()),
        _ => None,
    };
    if let Some(end) = end
        && end > span.start
    {
        span = Span::new(span.start, end - span.start);
    }
    Node {
        value: spanned.value,
        span,
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }

    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Value>>()? {
            items.push(into_node(item));
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Value>>()? {
            let key_span = location_span(&key.referenced);
            let key = match key.value {
                Value::Str(text) => text,
                Value::Null => "null".to_owned(),
                Value::Bool(b) => b.to_string(),
                Value::Int(i) => i.to_string(),
                Value::Float(x) => x.to_string(),
                Value::Seq(_) | Value::Map(_) => {
                    return Err(de::Error::custom(
                        "a mapping key must be a plain value, not a list or a mapping",
                    ));
                }
            };
            let value = into_node(map.next_value::<Spanned<Value>>()?);
            entries.push(Entry {
                key,
                key_span,
                value,
            });
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(node: &Node) -> &[Entry] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("expected a mapping, got {other:?}"),
        }
    }

    #[test]
    fn scalars_follow_the_core_schema() {
        let text = "a: 1\nb: \"1\"\nc: 2026-01-01\nd: true\ne: yes\nf: ~\ng: 1.5\n";
        let root = parse(text).unwrap();
        let values: Vec<_> = map(&root).iter().map(|e| e.value.value.clone()).collect();
        assert_eq!(
            values,
            vec![
                Value::Int(1),
                Value::Str("1".into()),
                Value::Str("2026-01-01".into()),
                Value::Bool(true),
                Value::Str("yes".into()),
                Value::Null,
                Value::Float(1.5),
            ]
        );
    }

    #[test]
    fn spans_are_byte_offsets_of_keys_and_values() {
        let text = "name: Zoë\nowner: msp\n";
        let root = parse(text).unwrap();
        let entry = &map(&root)[1];
        assert_eq!(&text[entry.key_span.range()], "owner");
        assert_eq!(&text[entry.value.span.range()], "msp");
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_loader() {
        let root = parse("a: 1\na: 2\n").unwrap();
        assert_eq!(map(&root).len(), 2);
    }

    #[test]
    fn merge_keys_and_aliases_expand() {
        let text = "base: &b { owner: msp }\nf:\n  <<: *b\n  critical: true\n";
        let root = parse(text).unwrap();
        let f = &map(&root)[1].value;
        let mut keys: Vec<_> = map(f).iter().map(|e| e.key.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["critical", "owner"]);
    }

    #[test]
    fn foreign_tags_are_rejected() {
        let err = parse("a: !!python/object/apply:os.system [ls]\n").unwrap_err();
        assert!(err.span.is_some(), "{err:?}");
    }

    #[test]
    fn deep_nesting_fails_fast() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse(&text).is_err());
    }

    #[test]
    fn alias_bomb_fails_fast() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..12 {
            let prev = (b'a' + level - 1) as char;
            let name = (b'a' + level) as char;
            text.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        assert!(parse(&text).is_err());
    }

    #[test]
    fn a_comment_only_file_is_an_empty_document() {
        assert_eq!(parse("# nothing\n").unwrap().value, Value::Null);
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let err = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(err.span.is_some(), "{err:?}");
    }
}
