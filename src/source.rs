//! The text of a scope file, its line index, and the map from JSON pointers to
//! the spans where each value and key is written.
//!
//! Every later stage (schema check, lint, diff, report) names the things it
//! talks about by JSON pointer (`/services/security/functions/patching/owner`);
//! [`SourceMap`] turns that pointer back into the exact bytes to underline.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

pub use crate::yaml::Span;
use crate::yaml::{Entry, Node, Value, Via};

/// A scope file as read: its display name and its text.
///
/// Cheap to clone; diagnostics keep a handle to render their snippet.
#[derive(Debug, Clone)]
pub struct SourceFile {
    inner: Arc<SourceInner>,
}

#[derive(Debug)]
struct SourceInner {
    name: String,
    text: String,
    /// `text` escaped for a terminal (`None` when nothing needs escaping),
    /// made on first use: only a diagnostic's snippet needs it, and a clean
    /// file of a million characters would otherwise pay for it on every load.
    display: OnceLock<Option<crate::terminal::EscapedText>>,
    /// Where each line starts, made on first use for the same reason.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    /// A source named `name` (a path as the user wrote it, or `<stdin>`).
    ///
    /// A leading UTF-8 byte order mark is dropped; CRLF line endings are kept
    /// (the YAML parser accepts them and spans stay true to the file).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Self {
            inner: Arc::new(SourceInner {
                name: name.into(),
                text,
                display: OnceLock::new(),
                line_starts: OnceLock::new(),
            }),
        }
    }

    /// The escaped copy of the text, if any character needs escaping.
    fn display(&self) -> Option<&crate::terminal::EscapedText> {
        // A lone CR ends a line for YAML (`line_starts` counts it); the
        // display shows it as `\r` and a line break.
        self.inner
            .display
            .get_or_init(|| crate::terminal::EscapedText::of(&self.inner.text))
            .as_ref()
    }

    /// Where each line starts.
    fn line_starts(&self) -> &[usize] {
        self.inner
            .line_starts
            .get_or_init(|| line_starts(&self.inner.text))
    }

    /// The text safe to print in a terminal: every character that
    /// [`crate::terminal::needs_escape`] shown as an escape.
    pub fn display_text(&self) -> &str {
        self.display().map_or(&self.inner.text, |shown| &shown.text)
    }

    /// The offset in [`Self::display_text`] of byte `offset` of the text.
    pub fn display_offset(&self, offset: usize) -> usize {
        self.display()
            .map_or(offset, |shown| shown.shown_offset(offset))
    }

    /// The offset in the text of byte `offset` of [`Self::display_text`].
    pub fn text_offset(&self, offset: usize) -> usize {
        self.display()
            .map_or(offset, |shown| shown.file_offset(offset))
    }

    /// The name shown in diagnostics.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// The text, without a byte order mark.
    pub fn text(&self) -> &str {
        &self.inner.text
    }

    /// The byte offset where 0-based line `line` starts, if the text has it.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts().get(line).copied()
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    ///
    /// Lines end at LF, CRLF or a lone CR, as in YAML, so a file with old Mac
    /// line endings gets the same positions everywhere.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.inner.text.len());
        let line_starts = self.line_starts();
        let line = match line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        };
        let start = line_starts[line];
        let column = self
            .inner
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }
}

/// Where each line starts: after every LF, CRLF or lone CR.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &byte) in bytes.iter().enumerate() {
        let lone_cr = byte == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        if byte == b'\n' || lone_cr {
            starts.push(i + 1);
        }
    }
    starts
}

/// Where one value is written: the value itself, and the key it is under when
/// its parent is a mapping.
///
/// A value reached through an alias (`*a`) or a merge key (`<<: *a`) is
/// placed at that alias or merge key, in the item it belongs to, not at the
/// anchored original, which may sit in another section; `anchor` then names
/// the anchor (`&a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The value's span.
    pub value: Span,
    /// The span of the mapping key that holds the value, if any.
    pub key: Option<Span>,
    /// The anchor of the alias or merge key the value was reached through.
    pub anchor: Option<Span>,
}

/// Finds where the node at a JSON pointer is written.
///
/// It keeps the parsed tree and walks it on each lookup rather than indexing
/// every node up front: lookups happen only for the nodes a diagnostic names,
/// while a full index would cost time and memory on every load of a large
/// scope. A mapping with many keys gets a key index the first time a lookup
/// passes through it, so many findings in one large service stay linear.
#[derive(Debug, Clone)]
pub struct SourceMap {
    root: Arc<Node>,
    /// Alias or merge key start -> its anchor, built on first use.
    anchors: Arc<OnceLock<HashMap<usize, Span>>>,
    /// Key -> entry position, per large mapping (by the mapping's address in
    /// the tree, which never moves: the tree is shared and immutable).
    indexes: Arc<Mutex<HashMap<usize, Arc<KeyIndex>>>>,
}

/// Key -> position of its entry, in one mapping.
type KeyIndex = HashMap<String, usize>;

/// Mappings with more keys than this are indexed on first lookup.
const INDEX_ABOVE: usize = 32;

impl SourceMap {
    /// A map over the tree `root`.
    pub fn build(root: Node) -> Self {
        Self {
            root: Arc::new(root),
            anchors: Arc::default(),
            indexes: Arc::default(),
        }
    }

    /// The parsed tree.
    pub fn root(&self) -> &Node {
        &self.root
    }

    /// The entry of `entries` (the mapping `node`) whose key is `key`.
    fn entry<'n>(&self, node: &'n Node, entries: &'n [Entry], key: &str) -> Option<&'n Entry> {
        if entries.len() <= INDEX_ABOVE {
            return entries.iter().find(|e| e.key == key);
        }
        let index = {
            let mut indexes = self
                .indexes
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let address = std::ptr::from_ref(node) as usize;
            Arc::clone(indexes.entry(address).or_insert_with(|| {
                let mut index = HashMap::with_capacity(entries.len());
                for (position, entry) in entries.iter().enumerate() {
                    // With a duplicate key the first occurrence is found, as
                    // in the linear search.
                    index.entry(entry.key.clone()).or_insert(position);
                }
                Arc::new(index)
            }))
        };
        index.get(key).map(|&position| &entries[position])
    }

    /// The location of the node at `pointer`, if it exists in the file. With
    /// a duplicate key, the first occurrence is the one found.
    pub fn get(&self, pointer: &str) -> Option<Location> {
        let mut node: &Node = &self.root;
        let mut key = None;
        // The first alias or merge key on the way down: the place in the
        // item the pointer is about. `true` while that alias is the node
        // reached so far (its own key is still written in the item).
        let mut through: Option<(&Via, bool)> = None;
        if pointer.is_empty() {
            return Some(Location {
                value: node.span,
                key: None,
                anchor: None,
            });
        }
        for raw in pointer.strip_prefix('/')?.split('/') {
            let segment = unescape(raw);
            let merged = match &node.value {
                Value::Map(entries) => {
                    let entry = self.entry(node, entries, &segment)?;
                    key = Some(entry.key_span);
                    node = &entry.value;
                    entry.via.as_deref()
                }
                Value::Seq(items) => {
                    node = items.get(segment.parse::<usize>().ok()?)?;
                    key = None;
                    None
                }
                _ => return None,
            };
            match &mut through {
                Some((_, alias_is_here)) => *alias_is_here = false,
                None => {
                    through = merged
                        .map(|via| (via, false))
                        .or_else(|| node.via.as_deref().map(|via| (via, true)));
                }
            }
        }
        Some(match through {
            None => Location {
                value: node.span,
                key,
                anchor: None,
            },
            Some((via, alias_is_here)) => Location {
                value: via.at,
                key: if alias_is_here { key } else { Some(via.at) },
                anchor: Some(via.anchor),
            },
        })
    }

    /// The anchor (`&a`) of the alias or merge key written at `span`, when
    /// `span` is one: where a finding placed there was defined.
    pub fn anchor_of(&self, span: Span) -> Option<Span> {
        let anchors = self.anchors.get_or_init(|| {
            let mut anchors = HashMap::new();
            collect_anchors(&self.root, &mut anchors);
            anchors
        });
        anchors.get(&span.start).copied()
    }

    /// The span of the value at `pointer`, or of its nearest written ancestor
    /// (a missing key is reported at the mapping that lacks it).
    pub fn value_span(&self, pointer: &str) -> Span {
        self.nearest(pointer).value
    }

    /// The span of the key that holds the value at `pointer`, falling back to
    /// the value (items of a list have no key).
    pub fn key_span(&self, pointer: &str) -> Span {
        let location = self.nearest(pointer);
        location.key.unwrap_or(location.value)
    }

    /// The span of the document's first key (`version`, usually): where a
    /// finding about something missing from the whole scope is shown.
    pub fn first_key_span(&self) -> Span {
        match &self.root.value {
            Value::Map(entries) => entries.first().map_or(self.root.span, |e| e.key_span),
            _ => self.root.span,
        }
    }

    fn nearest(&self, pointer: &str) -> Location {
        let mut pointer = pointer;
        loop {
            if let Some(location) = self.get(pointer) {
                return location;
            }
            match pointer.rfind('/') {
                Some(cut) => pointer = &pointer[..cut],
                None => {
                    return Location {
                        value: Span::default(),
                        key: None,
                        anchor: None,
                    };
                }
            }
        }
    }
}

/// Every alias and merge key of the tree, by start, with its anchor.
fn collect_anchors(node: &Node, out: &mut HashMap<usize, Span>) {
    if let Some(via) = &node.via {
        out.insert(via.at.start, via.anchor);
    }
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|item| collect_anchors(item, out)),
        Value::Map(entries) => {
            for entry in entries {
                if let Some(via) = &entry.via {
                    out.insert(via.at.start, via.anchor);
                }
                collect_anchors(&entry.value, out);
            }
        }
        _ => {}
    }
}

fn unescape(segment: &str) -> std::borrow::Cow<'_, str> {
    if segment.contains('~') {
        std::borrow::Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
    } else {
        std::borrow::Cow::Borrowed(segment)
    }
}

/// Appends `segment` to a JSON pointer, escaping `~` and `/` (RFC 6901).
pub fn push_escaped(pointer: &mut String, segment: &str) {
    // Ids never need escaping; copying them whole keeps pointer building
    // cheap on scopes with many thousands of functions.
    if !segment.contains(['~', '/']) {
        pointer.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Builds a JSON pointer from its segments.
pub fn pointer<I, S>(segments: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for segment in segments {
        out.push('/');
        push_escaped(&mut out, segment.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let source = SourceFile::new("s.yaml", "a: é\nbb: x\n");
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(6), (2, 1));
        assert_eq!(source.line_col(10), (2, 5));
        let after_e = "a: é".len();
        assert_eq!(source.line_col(after_e), (1, 5));
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let source = SourceFile::new("s.yaml", "a: 1\rb: 2\r\nc: 3\n");
        assert_eq!(source.line_col(5), (2, 1));
        assert_eq!(source.line_col(11), (3, 1));
        assert_eq!(source.display_text(), "a: 1\\r\nb: 2\r\nc: 3\n");
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let source = SourceFile::new("s.yaml", "\u{feff}version: 1\n");
        assert_eq!(source.text(), "version: 1\n");
    }

    #[test]
    fn pointers_find_values_and_keys() {
        let text = "services:\n  sec:\n    functions:\n      a/b: { owner: msp }\n";
        let root = crate::yaml::parse(text).unwrap();
        let map = SourceMap::build(root);
        let owner = "/services/sec/functions/a~1b/owner";
        assert_eq!(&text[map.value_span(owner).range()], "msp");
        assert_eq!(&text[map.key_span(owner).range()], "owner");
        // A missing key falls back to the mapping that lacks it.
        let missing = map.value_span("/services/sec/functions/a~1b/backup");
        assert_eq!(missing, map.value_span("/services/sec/functions/a~1b"));
    }

    #[test]
    fn large_mappings_are_indexed_with_the_same_answers() {
        let mut text = String::from("functions:\n");
        for i in 0..100 {
            text.push_str(&format!("  f{i}: {{ owner: p{i} }}\n"));
        }
        text.push_str("  f7: { owner: second }\n");
        let map = SourceMap::build(crate::yaml::parse(&text).unwrap());
        for _ in 0..2 {
            assert_eq!(&text[map.value_span("/functions/f42/owner").range()], "p42");
            // The first of two duplicates, as a linear search would find.
            assert_eq!(&text[map.value_span("/functions/f7/owner").range()], "p7");
            assert!(map.get("/functions/f100").is_none());
        }
    }

    #[test]
    fn values_through_aliases_are_placed_at_the_alias() {
        let text = "a: &x { owner: ghost }\nb: *x\nc:\n  <<: *x\nd: [*x]\n";
        let map = SourceMap::build(crate::yaml::parse(text).unwrap());
        let at = |span: Span| &text[span.range()];
        // Written in place: no anchor.
        let written = map.get("/a/owner").unwrap();
        assert_eq!((at(written.value), written.anchor), ("ghost", None));
        // The alias itself keeps its own key.
        let alias = map.get("/b").unwrap();
        assert_eq!((at(alias.value), at(alias.key.unwrap())), ("*x", "b"));
        assert_eq!(at(alias.anchor.unwrap()), "&x");
        // Below the alias, key and value are the alias.
        let below = map.get("/b/owner").unwrap();
        assert_eq!((at(below.value), at(below.key.unwrap())), ("*x", "*x"));
        // Through a merge key: the merge key.
        let merged = map.get("/c/owner").unwrap();
        assert_eq!((at(merged.value), at(merged.key.unwrap())), ("<<", "<<"));
        assert_eq!(at(merged.anchor.unwrap()), "&x");
        assert_eq!(at(map.value_span("/d/0/owner")), "*x");
        // The central lookup for labels.
        assert_eq!(map.anchor_of(merged.value), merged.anchor);
        assert_eq!(map.anchor_of(written.value), None);
    }

    #[test]
    fn pointer_escapes_segments() {
        assert_eq!(pointer(["a", "b/c", "d~e"]), "/a/b~1c/d~0e");
    }
}
