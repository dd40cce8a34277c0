//! LSP positions (line, character) and byte offsets, in the negotiated
//! encoding.
//!
//! An LSP `character` counts UTF-16 code units by default, or bytes when the
//! client and server agree on `utf-8`. Lines end at LF, CRLF or a lone CR, as
//! in YAML and in [`crate::source::SourceFile::line_col`], so a diagnostic
//! lands on the same line in the editor as on the command line.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::source::Span;

/// How `character` in a position counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-16 code units: the LSP default.
    #[default]
    Utf16,
    /// Bytes of UTF-8: cheaper, and exact for comanage's byte spans.
    Utf8,
}

impl Encoding {
    /// The encoding to use given the ones the client offers
    /// (`general.positionEncodings`): UTF-8 when offered, else UTF-16, which
    /// every client must support.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Self::Utf8,
            _ => Self::Utf16,
        }
    }

    /// The kind announced in the server's capabilities.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Self::Utf16 => PositionEncodingKind::UTF16,
            Self::Utf8 => PositionEncodingKind::UTF8,
        }
    }

    /// How many units of this encoding `c` takes.
    fn width(self, c: char) -> usize {
        match self {
            Self::Utf16 => c.len_utf16(),
            Self::Utf8 => c.len_utf8(),
        }
    }
}

/// Where each line of a text starts, to turn offsets into positions and
/// back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`: a line starts after every LF, CRLF and lone CR.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &byte) in bytes.iter().enumerate() {
            let lone_cr = byte == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if byte == b'\n' || lone_cr {
                starts.push(i + 1);
            }
        }
        Self { starts }
    }

    /// The position of byte `offset` of `text` (clamped to the text, and
    /// moved back to the start of a character it falls inside).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        };
        let start = self.starts[line];
        let character: usize = text[start..offset].chars().map(|c| encoding.width(c)).sum();
        Position::new(saturate(line), saturate(character))
    }

    /// The byte offset of `position` in `text`. A line past the end gives
    /// the end of the text; a character past the end of its line gives the
    /// end of the line (before its line break), as LSP asks; a character in
    /// the middle of a UTF-16 surrogate pair gives the start of that
    /// character. Never fails, whatever the client sends.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self.content_end(text, line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            let next = units + encoding.width(c);
            if next > wanted {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// The byte span of `range` in `text` (start and end clamped, and put in
    /// order when the client sends them reversed).
    pub fn span(&self, text: &str, range: Range, encoding: Encoding) -> Span {
        let a = self.offset(text, range.start, encoding);
        let b = self.offset(text, range.end, encoding);
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        Span::new(start, end - start)
    }

    /// The range of `span` in `text`.
    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, encoding),
            self.position(text, span.end(), encoding),
        )
    }

    /// Where the text of 0-based `line` ends, before its line break.
    fn content_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.starts.get(line + 1) else {
            return text.len();
        };
        let bytes = text.as_bytes();
        let mut end = next;
        if end > 0 && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > 0 && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        end
    }
}

/// The largest character boundary of `text` at or before `offset`.
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// `n` as an LSP number (u32), saturating: a 64 MiB document still fits,
/// and a bigger one must not wrap around.
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, offset: usize, encoding: Encoding) -> (Position, usize) {
        let index = LineIndex::new(text);
        let position = index.position(text, offset, encoding);
        (position, index.offset(text, position, encoding))
    }

    #[test]
    fn emoji_and_cjk_before_the_value() {
        // `😀` is 4 bytes and 2 UTF-16 units; `東京` 3 bytes and 1 unit each.
        let text = "version: 1\nname: 😀東京 msp\n";
        let offset = text.find("msp").unwrap();
        let (utf16, back) = round_trip(text, offset, Encoding::Utf16);
        assert_eq!(utf16, Position::new(1, 6 + 2 + 2 + 1));
        assert_eq!(back, offset);
        let (utf8, back) = round_trip(text, offset, Encoding::Utf8);
        assert_eq!(utf8, Position::new(1, 6 + 4 + 6 + 1));
        assert_eq!(back, offset);
    }

    #[test]
    fn inside_a_surrogate_pair_goes_to_the_character_start() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        assert_eq!(
            index.offset(text, Position::new(0, 2), Encoding::Utf16),
            1,
            "the second half of the pair is the emoji itself"
        );
        assert_eq!(index.offset(text, Position::new(0, 3), Encoding::Utf16), 5);
        // A byte in the middle of a character, in UTF-8, also goes back.
        assert_eq!(index.offset(text, Position::new(0, 3), Encoding::Utf8), 1);
        assert_eq!(index.position(text, 3, Encoding::Utf8), Position::new(0, 1));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        for text in ["a: 1\r\nb: 2\r\n", "a: 1\rb: 2\r", "a: 1\nb: 2\n"] {
            let offset = text.find('b').unwrap();
            let (position, back) = round_trip(text, offset, Encoding::Utf16);
            assert_eq!(position, Position::new(1, 0), "{text:?}");
            assert_eq!(back, offset);
            // Past the end of line 0 stops before its line break.
            let index = LineIndex::new(text);
            assert_eq!(
                index.offset(text, Position::new(0, 99), Encoding::Utf16),
                4,
                "{text:?}"
            );
        }
    }

    #[test]
    fn agrees_with_the_source_line_index() {
        let text = "a: 1\r\nb: \"é😀\"\rc: 東\nd: x";
        let source = crate::source::SourceFile::new("t", text);
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let position = index.position(text, offset, Encoding::Utf8);
            let (line, _) = source.line_col(offset);
            assert_eq!(position.line as usize + 1, line, "at {offset}");
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "a: 1\nb: 2";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(7, 0), Encoding::Utf16), 9);
        assert_eq!(
            index.offset(text, Position::new(1, u32::MAX), Encoding::Utf8),
            9
        );
        assert_eq!(
            index.position(text, 1000, Encoding::Utf16),
            Position::new(1, 4)
        );
        let reversed = Range::new(Position::new(1, 0), Position::new(0, 1));
        assert_eq!(index.span(text, reversed, Encoding::Utf16), Span::new(1, 4));
    }

    #[test]
    fn utf8_is_preferred_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let utf32 = [PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&utf32)), Encoding::Utf16);
    }
}
