//! LSP positions (line, character) and byte offsets, in the negotiated
//! encoding.
//!
//! An LSP `character` counts UTF-16 code units by default, or bytes when the
//! client and server agree on `utf-8`. Lines end at LF, CRLF or a lone CR, as
//! in YAML and in [`crate::source::SourceFile::line_col`], so a diagnostic
//! lands on the same line in the editor as on the command line.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::source::{SourceFile, Span};

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

/// Positions and offsets of a document's text, on the line index of its
/// [`SourceFile`]: the one `lint` counts lines with, so both agree.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    source: &'a SourceFile,
}

impl<'a> LineIndex<'a> {
    /// The index of `source`'s text.
    pub fn new(source: &'a SourceFile) -> Self {
        Self { source }
    }

    /// The position of byte `offset` (clamped to the text, and moved back
    /// to the start of a character it falls inside).
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let text = self.source.text();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let (line, _) = self.source.line_col(offset);
        let line = line - 1;
        let start = self.source.line_start(line).unwrap_or(0);
        let character: usize = text[start..offset].chars().map(|c| encoding.width(c)).sum();
        Position::new(saturate(line), saturate(character))
    }

    /// The byte offset of `position`. A line past the end gives the end of
    /// the text; a character past the end of its line gives the end of the
    /// line (before its line break), as LSP asks; a character in the middle
    /// of a UTF-16 surrogate pair gives the start of that character. Never
    /// fails, whatever the client sends.
    pub fn offset(&self, position: Position, encoding: Encoding) -> usize {
        let text = self.source.text();
        let line = position.line as usize;
        let Some(start) = self.source.line_start(line) else {
            return text.len();
        };
        let end = self.content_end(line);
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

    /// The byte span of `range` (start and end clamped, and put in order
    /// when the client sends them reversed).
    pub fn span(&self, range: Range, encoding: Encoding) -> Span {
        let a = self.offset(range.start, encoding);
        let b = self.offset(range.end, encoding);
        let (start, end) = if a <= b { (a, b) } else { (b, a) };
        Span::new(start, end - start)
    }

    /// The range of `span`.
    pub fn range(&self, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(span.start, encoding),
            self.position(span.end(), encoding),
        )
    }

    /// Where the text of 0-based `line` ends, before its line break.
    fn content_end(&self, line: usize) -> usize {
        let text = self.source.text();
        let Some(next) = self.source.line_start(line + 1) else {
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

    fn source(text: &str) -> SourceFile {
        SourceFile::new("t", text)
    }

    fn round_trip(text: &str, offset: usize, encoding: Encoding) -> (Position, usize) {
        let source = source(text);
        let index = LineIndex::new(&source);
        let position = index.position(offset, encoding);
        (position, index.offset(position, encoding))
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
        let source = source("a😀b");
        let index = LineIndex::new(&source);
        assert_eq!(
            index.offset(Position::new(0, 2), Encoding::Utf16),
            1,
            "the second half of the pair is the emoji itself"
        );
        assert_eq!(index.offset(Position::new(0, 3), Encoding::Utf16), 5);
        // A byte in the middle of a character, in UTF-8, also goes back.
        assert_eq!(index.offset(Position::new(0, 3), Encoding::Utf8), 1);
        assert_eq!(index.position(3, Encoding::Utf8), Position::new(0, 1));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        for text in ["a: 1\r\nb: 2\r\n", "a: 1\rb: 2\r", "a: 1\nb: 2\n"] {
            let offset = text.find('b').unwrap();
            let (position, back) = round_trip(text, offset, Encoding::Utf16);
            assert_eq!(position, Position::new(1, 0), "{text:?}");
            assert_eq!(back, offset);
            // Past the end of line 0 stops before its line break.
            let source = source(text);
            let index = LineIndex::new(&source);
            assert_eq!(
                index.offset(Position::new(0, 99), Encoding::Utf16),
                4,
                "{text:?}"
            );
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let source = source("a: 1\nb: 2");
        let index = LineIndex::new(&source);
        assert_eq!(index.offset(Position::new(7, 0), Encoding::Utf16), 9);
        assert_eq!(index.offset(Position::new(1, u32::MAX), Encoding::Utf8), 9);
        assert_eq!(index.position(1000, Encoding::Utf16), Position::new(1, 4));
        let reversed = Range::new(Position::new(1, 0), Position::new(0, 1));
        assert_eq!(index.span(reversed, Encoding::Utf16), Span::new(1, 4));
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
