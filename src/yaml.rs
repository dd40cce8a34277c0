//! YAML text to a span-carrying tree.
//!
//! The scope file is parsed once into [`Node`]s that remember the byte span of
//! every value and every mapping key. Everything later (the JSON value the
//! schema checks, the source map that turns JSON pointers back into spans) is
//! derived from this tree, so this is the only module that knows YAML.
//!
//! The tree is built from the event stream of `granit-parser`, the fuzzed,
//! panic-free YAML 1.2 parser that `serde-saphyr` is built on. Reading events
//! directly (rather than through serde with a span wrapper on every node) is
//! what makes a 10,000-function scope load in milliseconds, and it lets a
//! duplicate key be reported with both of its places. The resource budgets
//! that `serde-saphyr` would enforce are enforced here: input size, nesting
//! depth, node count, alias expansion and one document per file.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use granit_parser::{Event, Options, Parser, ScalarStyle, ScanError, Tag};

use std::ops::Range;

pub mod de;
mod fast;
mod unclosed;

pub use unclosed::unclosed_flow;

/// A byte range in a source file.
///
/// Defined with the tree that records it; [`crate::source`] re-exports it
/// for the stages above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// How many bytes.
    pub len: usize,
}

impl Span {
    /// A span of `len` bytes from `start`.
    pub const fn new(start: usize, len: usize) -> Self {
        Self { start, len }
    }

    /// The byte after the last one.
    pub const fn end(&self) -> usize {
        self.start + self.len
    }

    /// The span as a range, for slicing the text.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end()
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        (span.start, span.len).into()
    }
}

/// The largest scope file comanage reads, in bytes.
///
/// Real scopes are a few hundred kilobytes at most; the cap keeps a hostile or
/// mistaken input (a log file, a 1 GB dump) from exhausting memory.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The deepest nesting of mappings and sequences accepted.
///
/// The format itself never nests deeper than six levels.
pub const MAX_DEPTH: usize = 64;

/// The most nodes a document may hold once aliases are expanded.
///
/// A 100,000-function scope has about two million; an alias bomb, billions.
pub const MAX_NODES: usize = 5_000_000;

/// The most values aliases may copy in all.
///
/// Aliases in a real scope repeat a few small defaults; nested aliases that
/// multiply (a "billion laughs") reach this after a few levels, long before
/// memory is at risk.
pub const MAX_ALIAS_VALUES: usize = 200_000;

/// The bytes aliases may copy in all, beyond twice the file's own size.
///
/// Counting values alone let one large string aliased a thousand times copy a
/// gigabyte; counting bytes (text plus the tree's own nodes) keeps the
/// expanded tree within a small multiple of the file plus this amount.
pub const ALIAS_BYTES_BEYOND_INPUT: usize = 8 * 1024 * 1024;

/// The memory one tree value takes besides its text, as the alias budget
/// counts it.
const NODE_BYTES: usize = std::mem::size_of::<Node>() + std::mem::size_of::<Entry>();

/// One YAML value with the byte span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where the value is written. For a collection this starts at its first
    /// byte and ends after its last child. For a copy made by an alias, this
    /// is where the anchored original is written.
    pub span: Span,
    /// For a copy made by an alias (`*a`): the alias and its anchor.
    pub via: Option<Box<Via>>,
}

/// How a value written elsewhere came to be in this place: through an alias
/// (`*a`) or a merge key (`<<: *a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Via {
    /// The alias, or the merge key, in the item the copy belongs to.
    pub at: Span,
    /// The anchor (`&a`) of the original.
    pub anchor: Span,
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
    /// A finite floating point number.
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
    /// For an entry brought in by a merge key of an alias (`<<: *a`): the
    /// merge key and the anchor.
    pub via: Option<Box<Via>>,
}

/// The JSON form of the tree: what the schema describes and what a
/// validation error quotes. With a key written twice the first one counts
/// (the loader reports duplicates before anything reads this).
pub fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::{Map, Number, Value as Json};
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::Number(Number::from(*i)),
        Value::Float(x) => Number::from_f64(*x).map_or(Json::Null, Json::Number),
        Value::Str(s) => Json::String(s.clone()),
        Value::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => {
            let mut map = Map::with_capacity(entries.len());
            for entry in entries {
                map.entry(entry.key.clone())
                    .or_insert_with(|| to_json(&entry.value));
            }
            Json::Object(map)
        }
    }
}

/// Why the text could not be read as one YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What went wrong.
    pub message: String,
    /// Where, when known.
    pub span: Option<Span>,
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl YamlError {
    fn at(message: impl Into<String>, span: Span) -> Self {
        Self {
            message: message.into(),
            span: Some(span),
        }
    }
}

/// Parses `text` as a single YAML document.
///
/// An empty document (only comments or whitespace) yields a [`Value::Null`]
/// root.
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
    if let Some(root) = fast::parse(text) {
        // Every file the test suite reads checks the two readers agree
        // (the large generated ones excepted, which would double the time
        // of the tests that bound it).
        #[cfg(debug_assertions)]
        if text.len() <= 256 * 1024 {
            assert!(
                full_parse(text).as_ref() == Ok(&root),
                "the fast reader disagrees with the full parser on {text:?}"
            );
        }
        return Ok(root);
    }
    full_parse(text)
}

/// Whether the fast reader either leaves `text` to the full parser or reads
/// the same tree from it: what the fuzz target checks.
#[doc(hidden)]
pub fn fast_reader_agrees(text: &str) -> bool {
    fast::parse(text).is_none_or(|root| full_parse(text).as_ref() == Ok(&root))
}

/// The tree of `text` by the full YAML parser alone, never the fast reader:
/// for benchmarks that compare the two.
pub fn parse_full(text: &str) -> Result<Node, YamlError> {
    if text.len() > MAX_INPUT_BYTES {
        return parse(text);
    }
    full_parse(text)
}

/// The tree of `text` by the full YAML parser.
fn full_parse(text: &str) -> Result<Node, YamlError> {
    let mut options = Options::default();
    options.emit_anchor_events = true;
    // The indentation rules of the YAML specification, not PyYAML's looser
    // ones: a flow sequence continued at column 0 (yaml-test-suite 9C9N), a
    // tab indenting a quoted continuation line (DK95/01) and an unindented
    // multi-line quoted scalar (QB6E) are errors, as YAML says.
    options.strict_indentation = true;
    let mut builder = Builder {
        events: Parser::new_from_str_with_options(text, options),
        anchors: HashMap::new(),
        anchor_spans: HashMap::new(),
        alias_values: 0,
        alias_bytes: 0,
        alias_byte_budget: text.len().saturating_mul(2) + ALIAS_BYTES_BEYOND_INPUT,
        nodes: 0,
        parser_failed: false,
    };
    match builder.document() {
        Err(err) if !builder.parser_failed => Err(builder.syntax_error_after().unwrap_or(err)),
        result => result,
    }
}

type Spanned<'a> = (Event<'a>, granit_parser::Span);

struct Builder<'a> {
    events: Parser<'a, granit_parser::StrInput<'a>>,
    /// Anchored nodes by the parser's anchor id, with their cost, for
    /// aliases to copy.
    anchors: HashMap<usize, (Node, Cost)>,
    /// Where each anchor (`&a`) is written, by anchor id.
    anchor_spans: HashMap<usize, Span>,
    /// Values copied by aliases so far.
    alias_values: usize,
    /// Bytes copied by aliases so far.
    alias_bytes: usize,
    /// The most bytes aliases may copy in this file.
    alias_byte_budget: usize,
    /// Nodes built so far, aliases expanded: the alias-bomb budget.
    nodes: usize,
    /// Whether the parser itself reported an error (rather than a format
    /// rule or a budget of this module).
    parser_failed: bool,
}

impl<'a> Builder<'a> {
    fn next(&mut self) -> Result<Option<Spanned<'a>>, YamlError> {
        loop {
            match self.events.next() {
                None => return Ok(None),
                // Where an anchor is written, for the "defined here" label of
                // findings reached through its aliases.
                Some(Ok((Event::Anchor(id, _), span))) => {
                    self.anchor_spans.insert(id, byte_span(&span));
                }
                Some(Ok(event)) => return Ok(Some(event)),
                Some(Err(err)) => {
                    self.parser_failed = true;
                    return Err(scan_error(&err));
                }
            }
        }
    }

    /// The parser's error in the rest of the text, if it has one. A file
    /// that is not YAML at all is reported as such, even when a format rule
    /// (a tag, a complex key, a second document) stopped the tree earlier:
    /// fixing that rule would only reveal the syntax error. Reading events
    /// without building anything is linear in the text and expands no alias.
    fn syntax_error_after(&mut self) -> Option<YamlError> {
        for event in self.events.by_ref() {
            if let Err(err) = event {
                return Some(scan_error(&err));
            }
        }
        None
    }

    fn expect(&mut self) -> Result<Spanned<'a>, YamlError> {
        self.next()?.ok_or(YamlError {
            message: "the file ends in the middle of a value".to_owned(),
            span: None,
        })
    }

    /// The stream: at most one document.
    fn document(&mut self) -> Result<Node, YamlError> {
        let mut root = None;
        while let Some((event, span)) = self.next()? {
            match event {
                Event::StreamStart | Event::DocumentEnd => {}
                Event::StreamEnd => break,
                Event::DocumentStart(..) => {
                    if root.is_some() {
                        return Err(YamlError::at(
                            "the file holds more than one YAML document",
                            byte_span(&span),
                        ));
                    }
                }
                _ if root.is_some() => {
                    return Err(YamlError::at(
                        "the file holds more than one YAML document",
                        byte_span(&span),
                    ));
                }
                event => root = Some(self.node(event, span, 0)?),
            }
        }
        Ok(root.unwrap_or(Node {
            value: Value::Null,
            span: Span::new(0, 0),
            via: None,
        }))
    }

    fn node(
        &mut self,
        event: Event<'a>,
        span: granit_parser::Span,
        depth: usize,
    ) -> Result<Node, YamlError> {
        let start = byte_span(&span);
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(YamlError::at(
                format!("budget: more than {MAX_NODES} values in the file"),
                start,
            ));
        }
        let (node, anchor) = match event {
            Event::Scalar(text, style, anchor, tag) => {
                let value = resolve_scalar(text, style, tag.as_deref(), start)?;
                (
                    Node {
                        value,
                        span: start,
                        via: None,
                    },
                    anchor,
                )
            }
            Event::SequenceStart(_, anchor, tag) => {
                check_collection_tag(tag.as_deref(), "seq", start)?;
                let depth = enter(depth, start)?;
                let mut items = Vec::new();
                loop {
                    let (event, span) = self.expect()?;
                    if matches!(event, Event::SequenceEnd) {
                        break;
                    }
                    items.push(self.node(event, span, depth)?);
                }
                let span = stretch(start, items.last().map(|n| n.span));
                (
                    Node {
                        value: Value::Seq(items),
                        span,
                        via: None,
                    },
                    anchor,
                )
            }
            Event::MappingStart(_, anchor, tag) => {
                check_collection_tag(tag.as_deref(), "map", start)?;
                let depth = enter(depth, start)?;
                let entries = self.mapping(depth)?;
                let span = stretch(start, entries.last().map(|e| e.value.span));
                (
                    Node {
                        value: Value::Map(entries),
                        span,
                        via: None,
                    },
                    anchor,
                )
            }
            Event::Alias(id) => {
                let (node, cost) = self.anchors.get(&id).ok_or_else(|| {
                    YamlError::at(
                        "an alias names an anchor that is not defined before it",
                        start,
                    )
                })?;
                // Check the budget before copying: the copy is what a bomb
                // uses to exhaust memory.
                self.alias_values += cost.values;
                if self.alias_values > MAX_ALIAS_VALUES {
                    return Err(YamlError::at(
                        format!("budget: aliases expand to more than {MAX_ALIAS_VALUES} values"),
                        start,
                    ));
                }
                self.alias_bytes = self.alias_bytes.saturating_add(cost.bytes);
                if self.alias_bytes > self.alias_byte_budget {
                    return Err(YamlError::at(
                        format!(
                            "budget: aliases copy more than {} MiB",
                            self.alias_byte_budget / (1024 * 1024)
                        ),
                        start,
                    ));
                }
                self.nodes += cost.values;
                let anchor = self.anchor_spans.get(&id).copied().unwrap_or(node.span);
                let mut copy = node.clone();
                copy.via = Some(Box::new(Via { at: start, anchor }));
                return Ok(copy);
            }
            Event::UnresolvedAlias(name) => {
                return Err(YamlError::at(
                    format!("the alias `*{name}` names no anchor"),
                    start,
                ));
            }
            other => {
                return Err(YamlError::at(
                    format!("unexpected YAML event {other:?}"),
                    start,
                ));
            }
        };
        if anchor != 0 {
            let cost = cost(&node);
            self.anchors.insert(anchor, (node.clone(), cost));
        }
        Ok(node)
    }

    /// The entries of a mapping, with merge keys (`<<: *base`) applied: the
    /// mapping's own keys win over merged ones, earlier merged maps over later.
    fn mapping(&mut self, depth: usize) -> Result<Vec<Entry>, YamlError> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut merged: Vec<Entry> = Vec::new();
        loop {
            let (event, span) = self.expect()?;
            if matches!(event, Event::MappingEnd) {
                break;
            }
            let is_merge =
                matches!(&event, Event::Scalar(text, ScalarStyle::Plain, _, None) if text == "<<");
            let key = self.node(event, span, depth)?;
            let (value_event, value_span) = self.expect()?;
            let value = self.node(value_event, value_span, depth)?;
            if is_merge {
                merged.extend(merge_sources(value, key.span)?);
                continue;
            }
            let key_text = match key.value {
                Value::Str(text) => text,
                Value::Null => "null".to_owned(),
                Value::Bool(b) => b.to_string(),
                Value::Int(i) => i.to_string(),
                Value::Float(x) => x.to_string(),
                Value::Seq(_) | Value::Map(_) => {
                    return Err(YamlError::at(
                        "a mapping key must be a plain value, not a list or a mapping",
                        key.span,
                    ));
                }
            };
            entries.push(Entry {
                key: key_text,
                key_span: key.span,
                value,
                via: None,
            });
        }
        for entry in merged {
            if !entries.iter().any(|e| e.key == entry.key) {
                entries.push(entry);
            }
        }
        Ok(entries)
    }
}

/// The entries a merge key's value brings: one mapping, or a list of them.
/// Entries copied from an anchored mapping remember the merge key (at
/// `merge_key`) that brought them.
fn merge_sources(value: Node, merge_key: Span) -> Result<Vec<Entry>, YamlError> {
    let through = |via: Option<Box<Via>>, entries: Vec<Entry>| -> Vec<Entry> {
        let Some(via) = via else {
            return entries;
        };
        let via = Via {
            at: merge_key,
            anchor: via.anchor,
        };
        entries
            .into_iter()
            .map(|entry| Entry {
                via: Some(Box::new(via)),
                ..entry
            })
            .collect()
    };
    let not_a_map = |span| {
        YamlError::at(
            "a merge key (`<<`) takes a mapping or a list of mappings",
            span,
        )
    };
    match value.value {
        Value::Map(entries) => Ok(through(value.via, entries)),
        Value::Seq(items) => {
            let mut out: Vec<Entry> = Vec::new();
            for item in items {
                let span = item.span;
                let Value::Map(entries) = item.value else {
                    return Err(not_a_map(span));
                };
                for entry in through(item.via, entries) {
                    if !out.iter().any(|e| e.key == entry.key) {
                        out.push(entry);
                    }
                }
            }
            Ok(out)
        }
        _ => Err(not_a_map(value.span)),
    }
}

fn enter(depth: usize, span: Span) -> Result<usize, YamlError> {
    if depth >= MAX_DEPTH {
        return Err(YamlError::at(
            format!("recursion: nested deeper than {MAX_DEPTH} levels"),
            span,
        ));
    }
    Ok(depth + 1)
}

/// A collection's span from its first byte to the end of its last child.
fn stretch(start: Span, last: Option<Span>) -> Span {
    match last {
        Some(last) if last.end() > start.start => Span::new(start.start, last.end() - start.start),
        _ => start,
    }
}

/// What copying a node costs: its values (keys included), and the bytes of
/// its text and tree.
#[derive(Debug, Clone, Copy, Default)]
struct Cost {
    values: usize,
    bytes: usize,
}

impl Cost {
    fn add(self, other: Cost) -> Cost {
        Cost {
            values: self.values + other.values,
            bytes: self.bytes.saturating_add(other.bytes),
        }
    }

    fn value(text_bytes: usize) -> Cost {
        Cost {
            values: 1,
            bytes: NODE_BYTES.saturating_add(text_bytes),
        }
    }
}

fn cost(node: &Node) -> Cost {
    let own = Cost::value(match &node.value {
        Value::Str(text) => text.len(),
        _ => 0,
    });
    match &node.value {
        Value::Seq(items) => items.iter().map(cost).fold(own, Cost::add),
        Value::Map(entries) => entries
            .iter()
            .map(|e| Cost::value(e.key.len()).add(cost(&e.value)))
            .fold(own, Cost::add),
        _ => own,
    }
}

fn byte_span(span: &granit_parser::Span) -> Span {
    let start = span.start.byte_offset().unwrap_or(0);
    let end = span.end.byte_offset().unwrap_or(start).max(start);
    Span::new(start, end - start)
}

fn scan_error(err: &ScanError) -> YamlError {
    let at = err.marker().byte_offset().unwrap_or(0);
    YamlError::at(err.info(), Span::new(at, 0))
}

/// The tag as written, for messages.
fn tag_text(tag: &Tag) -> String {
    format!("{}{}", tag.original_handle(), tag.suffix())
}

fn check_collection_tag(tag: Option<&Tag>, expected: &str, span: Span) -> Result<(), YamlError> {
    match tag {
        None => Ok(()),
        Some(tag) if tag.core_suffix() == Some(expected) || tag_text(tag) == "!" => Ok(()),
        Some(tag) => Err(YamlError::at(
            format!("unsupported tag `{}`", tag_text(tag)),
            span,
        )),
    }
}

/// A scalar's value under the YAML 1.2 core schema: plain scalars may be
/// null, booleans or numbers; quoted and block scalars are always strings;
/// a core tag (`!!str`, `!!int`…) forces the type.
fn resolve_scalar(
    text: Cow<'_, str>,
    style: ScalarStyle,
    tag: Option<&Tag>,
    span: Span,
) -> Result<Value, YamlError> {
    // The non-specific tag `!` is core YAML: the scalar is a string.
    if tag.is_some_and(|tag| tag_text(tag) == "!") {
        return Ok(Value::Str(text.into_owned()));
    }
    if let Some(tag) = tag {
        let wrong = |what: &str| YamlError::at(format!("`{text}` is not {what}"), span);
        return match tag.core_suffix() {
            Some("str") => Ok(Value::Str(text.into_owned())),
            Some("null") => Ok(Value::Null),
            Some("bool") => match plain_value(&text) {
                Value::Bool(b) => Ok(Value::Bool(b)),
                _ => Err(wrong("a boolean")),
            },
            Some("int") => match plain_value(&text) {
                Value::Int(i) => Ok(Value::Int(i)),
                _ => Err(wrong("an integer")),
            },
            Some("float") => match plain_value(&text) {
                value @ (Value::Int(_) | Value::Float(_)) => Ok(value),
                _ => Err(wrong("a number")),
            },
            _ => Err(YamlError::at(
                format!("unsupported tag `{}`", tag_text(tag)),
                span,
            )),
        };
    }
    if style != ScalarStyle::Plain {
        return Ok(Value::Str(text.into_owned()));
    }
    Ok(plain_value(&text))
}

fn plain_value(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Some(value) = parse_int(text) {
        return Value::Int(value);
    }
    let looks_numeric = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && text.bytes().any(|b| b.is_ascii_digit());
    if looks_numeric
        && let Ok(x) = text.parse::<f64>()
        && x.is_finite()
    {
        return Value::Float(x);
    }
    Value::Str(text.to_owned())
}

fn parse_int(text: &str) -> Option<i64> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let value = if let Some(hex) = digits.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()?
    } else if let Some(octal) = digits.strip_prefix("0o") {
        i64::from_str_radix(octal, 8).ok()?
    } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse::<i64>().ok()?
    } else {
        return None;
    };
    Some(sign * value)
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
    fn aliases_are_budgeted_by_the_bytes_they_copy() {
        // Ten copies of a 100 KB string fit; a thousand do not, although
        // that is far fewer values than the value budget allows.
        let big = "x".repeat(100_000);
        let aliases =
            |n: usize| format!("a: &big \"{big}\"\nb: [{}]\n", vec!["*big"; n].join(", "));
        assert!(parse(&aliases(10)).is_ok());
        let err = parse(&aliases(1000)).unwrap_err();
        assert!(err.message.contains("aliases copy more than"), "{err:?}");
    }

    #[test]
    fn wrongly_indented_continuations_are_errors_at_their_line() {
        // yaml-test-suite 9C9N, DK95/01 and QB6E: line 3, 2 and 3 (1-based).
        let cases = [
            ("---\nflow: [a,\nb,\nc]\n", 2),
            ("foo: \"bar\n\tbaz\"\n", 1),
            ("---\nquoted: \"a\nb\nc\"\n", 2),
        ];
        for (text, line) in cases {
            let err = parse(text).unwrap_err();
            let at = err.span.unwrap().start;
            let found = text[..at].matches('\n').count();
            assert_eq!(found, line, "{text:?}: {err:?}");
        }
    }

    #[test]
    fn the_non_specific_tag_makes_a_string() {
        let root = parse("a: ! 12\nb: ! [x]\n").unwrap();
        assert_eq!(map(&root)[0].value.value, Value::Str("12".into()));
        for text in ["a: !!set {x}\n", "a: !!binary aGk=\n", "a: !foo x\n"] {
            let err = parse(text).unwrap_err();
            assert!(
                err.message.starts_with("unsupported tag"),
                "{text}: {err:?}"
            );
        }
    }

    #[test]
    fn a_syntax_error_later_in_the_file_wins_over_a_format_rule() {
        // yaml-test-suite QLJ7 and Y79Y/009 are invalid YAML; the tag or the
        // complex key comes first but is not why.
        let err = parse("a: !foo x\nb: [c: d: e]\n").unwrap_err();
        assert!(!err.message.starts_with("unsupported tag"), "{err:?}");
        let err = parse("a: !foo x\nb: c\n").unwrap_err();
        assert!(err.message.starts_with("unsupported tag"), "{err:?}");
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
