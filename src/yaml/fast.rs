//! A fast reader for the plain shape nearly every scope file has, giving the
//! same tree as the full YAML parser or giving up.
//!
//! Scope files are block mappings and lists of ids, names and durations, with
//! short flow collections on one line. The general parser reads them at about
//! 200 instructions a byte; most of that serves YAML's other forms. This
//! reader handles only that shape: block mappings and sequences indented with
//! spaces, plain scalars on one line, quoted scalars without escapes, and flow
//! collections that close on the line they open. Anything else (an anchor, a
//! tag, a block scalar, a tab, a multi-line scalar, an empty value, any
//! error) makes it return `None`, and the full parser reads the file from the
//! start, so every message and every edge case stays the full parser's.
//!
//! The trees agree span for span: debug builds check every file the test
//! suite reads against the full parser, and a fuzz target does the same on
//! generated text.

use super::{Entry, MAX_DEPTH, MAX_NODES, Node, Span, Value, plain_value, stretch};

/// Simple keys longer than this are not keys in YAML.
const MAX_KEY_BYTES: usize = 1024;

/// The tree of `text`, or `None` when the text is not of the plain shape.
pub(super) fn parse(text: &str) -> Option<Node> {
    if !plain_characters(text) {
        return None;
    }
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        line: 0,
        nodes: 0,
    };
    reader.skip_blank_lines();
    let start = reader.pos;
    if start >= reader.bytes.len() || reader.column(start) != 0 {
        return None;
    }
    // A document marker or a directive is the full parser's to read.
    if reader.bytes[start] == b'%' || reader.starts_marker(start) {
        return None;
    }
    let root = reader.block(start, 0, false)?;
    reader.skip_blank_lines();
    (reader.pos >= reader.bytes.len()).then_some(root)
}

/// Whether every character is one this reader passes over unexamined: no
/// tab, CR, control, byte order mark, or a character YAML treats specially
/// (C1 controls, including NEL; the line and paragraph separators; the
/// non-characters U+FFFE and U+FFFF). Checked on the UTF-8 bytes, which
/// spell each of those in a way no other character does.
fn plain_characters(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let refused = match b {
            b'\n' => false,
            0..0x20 | 0x7f => true,
            // U+0080..U+009F.
            0xc2 => (0x80..=0x9f).contains(&next(1)),
            // U+2028, U+2029.
            0xe2 => next(1) == 0x80 && matches!(next(2), 0xa8 | 0xa9),
            // U+FEFF, U+FFFE, U+FFFF.
            0xef => matches!((next(1), next(2)), (0xbb, 0xbf) | (0xbf, 0xbe | 0xbf)),
            _ => false,
        };
        if refused {
            return false;
        }
        i += 1;
    }
    true
}

struct Reader<'t> {
    bytes: &'t [u8],
    text: &'t str,
    /// The byte being read.
    pos: usize,
    /// Where the line holding `pos` starts.
    line: usize,
    /// Values made so far (keys included, as the full parser counts them).
    nodes: usize,
}

/// Where a value is written: decides where a plain scalar ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Block,
    Flow,
}

impl<'t> Reader<'t> {
    fn at(&self, pos: usize) -> u8 {
        self.bytes.get(pos).copied().unwrap_or(b'\n')
    }

    /// The column of `pos`, which is on the line being read.
    fn column(&self, pos: usize) -> usize {
        debug_assert!(
            pos >= self.line && !self.bytes[self.line..pos].contains(&b'\n'),
            "column asked off the current line"
        );
        pos - self.line
    }

    fn starts_marker(&self, pos: usize) -> bool {
        let rest = &self.bytes[pos..];
        (rest.starts_with(b"---") || rest.starts_with(b"..."))
            && matches!(rest.get(3), None | Some(b' ' | b'\n'))
    }

    fn skip_spaces(&mut self) {
        while self.at(self.pos) == b' ' {
            self.pos += 1;
        }
    }

    /// Moves past blank lines and comment lines; `pos` must be at a line
    /// start. Stops at the first content of a line.
    fn skip_blank_lines(&mut self) {
        loop {
            self.skip_spaces();
            match self.bytes.get(self.pos) {
                None => return,
                Some(b'\n') => {
                    self.pos += 1;
                    self.line = self.pos;
                }
                Some(b'#') => self.next_line(),
                Some(_) => return,
            }
        }
    }

    fn next_line(&mut self) {
        match self.bytes[self.pos.min(self.bytes.len())..]
            .iter()
            .position(|&b| b == b'\n')
        {
            Some(i) => self.pos += i + 1,
            None => self.pos = self.bytes.len(),
        }
        self.line = self.pos;
    }

    /// After a value: only spaces and a comment may end the line.
    fn end_of_line(&mut self) -> Option<()> {
        let before = self.pos;
        self.skip_spaces();
        match self.at(self.pos) {
            b'\n' => {}
            b'#' if self.pos > before => {}
            _ => return None,
        }
        self.next_line();
        Some(())
    }

    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        (self.nodes < MAX_NODES / 2).then_some(())
    }

    /// The column of the line at `pos` when the block indented by `indent`
    /// goes on there; `None` at the end of the file or a less indented line.
    fn continues(&self, indent: usize) -> Option<usize> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let column = self.column(self.pos);
        (column >= indent).then_some(column)
    }

    fn is_sequence_dash(&self, pos: usize) -> bool {
        self.at(pos) == b'-' && matches!(self.at(pos + 1), b' ' | b'\n')
    }

    /// A block collection starting at `start`, a line's first content.
    /// `beside_key`: a sequence written at its parent key's own indentation.
    fn block(&mut self, start: usize, depth: usize, beside_key: bool) -> Option<Node> {
        if depth + 1 >= MAX_DEPTH {
            return None;
        }
        if self.is_sequence_dash(start) {
            self.block_sequence(start, depth + 1, beside_key)
        } else {
            // Not a key at `start` either: the full parser's to read.
            self.block_mapping(start, depth + 1)
        }
    }

    /// The end of the plain key at `start` (the byte of its `:`) when the
    /// line there holds `key:` followed by a space or the line's end.
    fn key_end(&self, start: usize) -> Option<usize> {
        if starts_with_indicator(self.bytes, start) {
            return None;
        }
        let mut i = start;
        loop {
            match self.at(i) {
                b'\n' => return None,
                b':' if matches!(self.at(i + 1), b' ' | b'\n') => break,
                b'#' if self.at(i - 1) == b' ' => return None,
                b'"' | b'\'' | b'[' | b']' | b'{' | b'}' | b',' => return None,
                _ => i += 1,
            }
        }
        (i - start <= MAX_KEY_BYTES).then_some(i)
    }

    fn block_mapping(&mut self, first: usize, depth: usize) -> Option<Node> {
        let indent = self.column(first);
        let mut entries: Vec<Entry> = Vec::new();
        let mut key_start = first;
        loop {
            let colon = self.key_end(key_start)?;
            let key_text = self.text[key_start..colon].trim_end_matches(' ');
            // A key that reads as a number, boolean or null keeps the full
            // parser's rendering of that value; rare enough to leave to it.
            if key_text == "<<" || !matches!(plain_value(key_text), Value::Str(_)) {
                return None;
            }
            let key_span = Span::new(key_start, key_text.len());
            self.count()?;
            self.pos = colon + 1;
            self.skip_spaces();
            let value = if matches!(self.at(self.pos), b'\n' | b'#') {
                // The value is on the lines below.
                self.next_line();
                self.skip_blank_lines();
                let next = self.pos;
                if next >= self.bytes.len() {
                    return None;
                }
                let column = self.column(next);
                if column > indent {
                    self.block(next, depth, false)?
                } else if column == indent && self.is_sequence_dash(next) {
                    self.block(next, depth, true)?
                } else {
                    return None;
                }
            } else {
                let value = self.inline(Context::Block, depth)?;
                self.end_of_line()?;
                self.skip_blank_lines();
                value
            };
            entries.push(Entry {
                key: key_text.to_owned(),
                key_span,
                value,
                via: None,
            });
            // `pos` is now at the next line's content, or the end.
            let Some(column) = self.continues(indent) else {
                break;
            };
            let next = self.pos;
            if column > indent || self.is_sequence_dash(next) || self.starts_marker(next) {
                return None;
            }
            key_start = next;
        }
        let span = stretch(Span::new(first, 0), entries.last().map(|e| e.value.span));
        self.count()?;
        Some(Node {
            value: Value::Map(entries),
            span,
            via: None,
        })
    }

    fn block_sequence(&mut self, first: usize, depth: usize, beside_key: bool) -> Option<Node> {
        let indent = self.column(first);
        let mut items = Vec::new();
        let mut dash = first;
        loop {
            self.pos = dash + 1;
            self.skip_spaces();
            let content = self.pos;
            if matches!(self.at(content), b'\n' | b'#') || self.is_sequence_dash(content) {
                return None;
            }
            let item = if self.key_end(content).is_some() {
                // `- key: value`: a mapping whose keys line up with this one.
                if depth + 1 >= MAX_DEPTH {
                    return None;
                }
                self.block_mapping(content, depth + 1)?
            } else {
                let item = self.inline(Context::Block, depth)?;
                self.end_of_line()?;
                self.skip_blank_lines();
                item
            };
            items.push(item);
            let Some(column) = self.continues(indent) else {
                break;
            };
            let next = self.pos;
            if column > indent {
                return None;
            }
            if !self.is_sequence_dash(next) {
                if beside_key && !self.starts_marker(next) {
                    break;
                }
                return None;
            }
            dash = next;
        }
        // A sequence beside its key starts, for the full parser, at its
        // first item rather than at the dash.
        let start = match items.first() {
            Some(item) if beside_key => item.span.start,
            _ => first,
        };
        let span = stretch(Span::new(start, 0), items.last().map(|n| n.span));
        self.count()?;
        Some(Node {
            value: Value::Seq(items),
            span,
            via: None,
        })
    }

    /// A value written on the current line at `pos`: a flow collection, a
    /// quoted scalar or a plain scalar.
    fn inline(&mut self, context: Context, depth: usize) -> Option<Node> {
        let start = self.pos;
        match self.at(start) {
            b'[' => self.flow_sequence(depth),
            b'{' => self.flow_mapping(depth),
            b'"' => self.quoted(b'"'),
            b'\'' => self.quoted(b'\''),
            _ => self.plain(context),
        }
    }

    fn quoted(&mut self, quote: u8) -> Option<Node> {
        let start = self.pos;
        let mut i = start + 1;
        loop {
            match self.at(i) {
                b'\n' | b'\\' => return None,
                b if b == quote => break,
                _ => i += 1,
            }
        }
        // `''` is an escaped quote inside a single-quoted scalar.
        if quote == b'\'' && self.at(i + 1) == b'\'' {
            return None;
        }
        self.count()?;
        self.pos = i + 1;
        Some(Node {
            value: Value::Str(self.text[start + 1..i].to_owned()),
            span: Span::new(start, i + 1 - start),
            via: None,
        })
    }

    fn plain(&mut self, context: Context) -> Option<Node> {
        let start = self.pos;
        if starts_with_indicator(self.bytes, start) {
            return None;
        }
        let mut i = start;
        loop {
            match self.at(i) {
                b'\n' => break,
                b':' if matches!(self.at(i + 1), b' ' | b'\n') => {
                    if context == Context::Block {
                        return None;
                    }
                    break;
                }
                b'#' if self.at(i - 1) == b' ' => break,
                b',' | b']' | b'}' if context == Context::Flow => break,
                b':' if context == Context::Flow
                    && matches!(self.at(i + 1), b',' | b']' | b'}') =>
                {
                    return None;
                }
                b'[' | b'{' if context == Context::Flow => return None,
                _ => i += 1,
            }
        }
        let text = self.text[start..i].trim_end_matches(' ');
        if text.is_empty() {
            return None;
        }
        self.count()?;
        self.pos = start + text.len();
        Some(Node {
            value: plain_value(text),
            span: Span::new(start, text.len()),
            via: None,
        })
    }

    /// The items of the flow collection opened at `pos`, each read by
    /// `item`, up to `close`; with the opening bracket's offset.
    fn flow_items<T>(
        &mut self,
        depth: usize,
        close: u8,
        mut item: impl FnMut(&mut Self, usize) -> Option<T>,
    ) -> Option<(usize, Vec<T>)> {
        if depth + 1 >= MAX_DEPTH {
            return None;
        }
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_spaces();
            let next = self.at(self.pos);
            if next == close && items.is_empty() {
                break;
            }
            // An empty item, a comment or a line break inside the brackets.
            if matches!(next, b'\n' | b'#' | b',') || next == close {
                return None;
            }
            items.push(item(self, depth + 1)?);
            self.skip_spaces();
            match self.at(self.pos) {
                b',' => self.pos += 1,
                b if b == close => break,
                _ => return None,
            }
        }
        self.pos += 1;
        self.count()?;
        Some((open, items))
    }

    fn flow_sequence(&mut self, depth: usize) -> Option<Node> {
        let (open, items) = self.flow_items(depth, b']', |reader, depth| {
            reader.inline(Context::Flow, depth)
        })?;
        Some(Node {
            span: stretch(Span::new(open, 1), items.last().map(|n| n.span)),
            value: Value::Seq(items),
            via: None,
        })
    }

    fn flow_mapping(&mut self, depth: usize) -> Option<Node> {
        let (open, entries) = self.flow_items(depth, b'}', Self::flow_entry)?;
        Some(Node {
            span: stretch(Span::new(open, 1), entries.last().map(|e| e.value.span)),
            value: Value::Map(entries),
            via: None,
        })
    }

    /// `key: value` inside braces, with a plain text key.
    fn flow_entry(&mut self, depth: usize) -> Option<Entry> {
        if matches!(self.at(self.pos), b'"' | b'\'' | b'[' | b'{') {
            return None;
        }
        let key = self.plain(Context::Flow)?;
        // A number, boolean or null key keeps its written form in the full
        // parser; rare enough to leave to it, like a merge key.
        let Value::Str(key_text) = key.value else {
            return None;
        };
        if key_text == "<<" || self.at(self.pos) != b':' || self.at(self.pos + 1) != b' ' {
            return None;
        }
        self.pos += 2;
        self.skip_spaces();
        if matches!(self.at(self.pos), b',' | b'}' | b'\n' | b'#') {
            return None;
        }
        let value = self.inline(Context::Flow, depth)?;
        Some(Entry {
            key: key_text,
            key_span: key.span,
            value,
            via: None,
        })
    }
}

/// Whether a plain scalar cannot start at `pos`: YAML's indicators, and the
/// characters this reader leaves to the full parser (anchors, aliases, tags,
/// block scalars, directives, reserved characters).
fn starts_with_indicator(bytes: &[u8], pos: usize) -> bool {
    // `-`, `?` and `:` start a plain scalar only before a character that is
    // safe in every context (in flow, `-,` is no scalar): a space or a flow
    // indicator after them is left to the full parser.
    let next_is_unsafe = matches!(
        bytes.get(pos + 1),
        None | Some(b' ' | b'\n' | b',' | b'[' | b']' | b'{' | b'}')
    );
    match bytes.get(pos) {
        None => true,
        Some(b'-' | b'?' | b':') => next_is_unsafe,
        Some(
            b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`' | b'#' | b',' | b'[' | b']'
            | b'{' | b'}' | b'"' | b'\'' | b' ' | b'\n',
        ) => true,
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::full_parse;
    use super::*;

    /// The fast reader reads `text` and agrees with the full parser.
    fn agrees(text: &str) {
        let fast = parse(text).unwrap_or_else(|| panic!("the fast reader gave up on {text:?}"));
        let full = full_parse(text).unwrap();
        if full != fast {
            panic!("{text:?}\nfull: {full:?}\nfast: {fast:?}");
        }
    }

    /// The fast reader leaves `text` to the full parser.
    fn gives_up(text: &str) {
        assert_eq!(parse(text), None, "{text:?}");
    }

    #[test]
    fn reads_the_plain_shape_as_the_full_parser_does() {
        for text in [
            "a: 1\n",
            "a: 1",
            "# comment\nversion: 1\n\nparties:\n  msp: { name: MSP, role: provider }\n",
            "a:\n  b: c\n  d: [x, y]\ne: \"q # not a comment\" # comment\n",
            "a:\n- x\n- y\nb: z\n",
            "a:\n  - x\n  - { n: 1, m: 'two' }\n  - k: v\n    l: w\n",
            "a: []\nb: {}\nc: [ x ,y ]\n",
            "a: http://x.example/a#b\nb: 12:30\nc: -1\nd: 1.5\ne: true\nf: 2026-01-01\n",
            "key  : value   \n",
            "a: caf\u{e9} \u{2014} ok\n",
            "a:\n  # inner comment\n  b: c\n\n\n  d: e\n",
            "a: x\n  # a deeper comment is still a comment\nb: y\n",
            "a: { x: [1, 2], y: {} }\n",
            "a: ''\nb: \"\"\n",
            "- a\n- b\n",
            "a:\n- x\n- k: v\n  l: w\n- z\nb: c\n",
        ] {
            agrees(text);
        }
    }

    /// The byte-level check refuses exactly these characters.
    #[test]
    fn every_character_is_judged_as_the_rule_says() {
        let refused = |c: char| {
            (c < ' ' && c != '\n')
                || c == '\u{7f}'
                || matches!(
                    c,
                    '\u{80}'
                        ..='\u{9f}'
                            | '\u{2028}'
                            | '\u{2029}'
                            | '\u{feff}'
                            | '\u{fffe}'
                            | '\u{ffff}'
                )
        };
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(plain_characters(&format!("a{c}b")), !refused(c), "{c:?}");
        }
    }

    #[test]
    fn reads_the_shipped_examples() {
        for path in [
            "examples/northwind-manufacturing.scope.yaml",
            "examples/harbor-dental.scope.yaml",
            "examples/cedar-law.scope.yaml",
        ] {
            let text = std::fs::read_to_string(path).unwrap();
            agrees(&text);
        }
    }

    #[test]
    fn leaves_every_other_form_to_the_full_parser() {
        for text in [
            "",
            "# only a comment\n",
            "a:\n",
            "a: b\n  c\n",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: |\n  text\n",
            "a: >\n  text\n",
            "a:\tb\n",
            "a: b\r\n",
            "a: \"x\\ny\"\n",
            "a: 'it''s'\n",
            "a: [x,\n  y]\n",
            "---\na: b\n",
            "a: b\n---\nc: d\n",
            "%YAML 1.2\n---\na: b\n",
            "<<: {a: b}\n",
            "1: one\n",
            "true: yes\n",
            "a: b: c\n",
            "? a\n: b\n",
            "a:\n  - - x\n",
            "a: [b: c]\n",
            "a: {b}\n",
            "\u{feff}a: b\n",
            "a: b\u{85}c\n",
            "a: { tier: -, party: msp }\n",
            "a: [-]\n",
            "a: -,\n",
        ] {
            gives_up(text);
        }
    }
}
