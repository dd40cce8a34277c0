//! Making untrusted text safe to print, and deciding on colour.
//!
//! Scope files come from other people. A string such as a party name can hold
//! ANSI escape sequences that would recolour, hide or rewrite what the user
//! sees; everything from a scope passes through [`sanitize`] before it reaches
//! a terminal.

use std::borrow::Cow;
use std::io::IsTerminal;

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour output written to standard output.
    pub fn for_stdout(self) -> bool {
        self.resolve(std::io::stdout().is_terminal())
    }

    /// Whether to colour output written to standard error.
    pub fn for_stderr(self) -> bool {
        self.resolve(std::io::stderr().is_terminal())
    }

    fn resolve(self, is_terminal: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

/// Whether `c` must not reach a terminal as it is: controls other than line
/// feed and tab (C0, DEL, C1; carriage return is judged by [`escape_into`]),
/// bidirectional embeddings, overrides, isolates and marks (the "Trojan
/// Source" class), line and paragraph separators, and zero-width characters
/// that hide text or glue it to its neighbour.
///
/// This is the one definition of what comanage escapes; every output that
/// shows scope text asks it.
pub fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || is_zero_width(c)
        || matches!(c, '\u{061c}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is a zero-width character: it takes no room on screen, so
/// it can hide inside a name or in front of a spreadsheet formula (the
/// zero-width space, joiners, direction marks, word joiner and invisible
/// operators, the byte order mark, the Mongolian vowel separator).
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
    )
}

/// Which line breaks a text may keep when it is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Breaks {
    /// Line feeds and CRLF pairs stay line breaks (a block of text).
    Keep,
    /// Line feeds are escaped too (a value shown on one line).
    Escape,
    /// As `Keep`, and a lone CR, which ends a line for YAML, is shown as
    /// `\r` and a line break (a snippet, whose lines must be where the
    /// positions say they are).
    Lines,
}

/// Appends `text` to `out` with every character that [`needs_escape`]
/// written as a visible escape (`\u{202e}`, `\r`), calling `mark` with the
/// byte offset in `text` and in `out` just after each escaped character.
///
/// A carriage return is escaped unless it ends a line (CRLF): a lone one
/// would move the cursor back and let the rest of the line overwrite what
/// was printed before it.
fn escape_into(text: &str, breaks: Breaks, out: &mut String, mut mark: impl FnMut(usize, usize)) {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let line_end = match c {
            '\n' => true,
            '\r' => chars.peek().is_some_and(|&(_, next)| next == '\n'),
            _ => false,
        };
        let escape = if line_end {
            breaks == Breaks::Escape
        } else {
            needs_escape(c)
        };
        if escape {
            out.extend(c.escape_default());
            if c == '\r' && breaks == Breaks::Lines {
                out.push('\n');
            }
            mark(at + c.len_utf8(), out.len());
        } else {
            out.push(c);
        }
    }
}

/// Whether `text` has nothing [`escape_into`] would escape.
fn is_clean(text: &str, breaks: Breaks) -> bool {
    match breaks {
        Breaks::Keep | Breaks::Lines => {
            let bytes = text.as_bytes();
            text.char_indices().all(|(at, c)| match c {
                '\r' => bytes.get(at + 1) == Some(&b'\n'),
                c => !needs_escape(c),
            })
        }
        Breaks::Escape => !text.chars().any(|c| c == '\n' || needs_escape(c)),
    }
}

fn escaped(text: &str, breaks: Breaks) -> Cow<'_, str> {
    if is_clean(text, breaks) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(text, breaks, &mut out, |_, _| {});
    Cow::Owned(out)
}

/// `text` safe for a terminal: every character that [`needs_escape`] is
/// written as a visible escape such as `\u{1b}` or `\u{202e}`; line breaks
/// (LF and CRLF) and tabs stay. For blocks of text.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    escaped(text, Breaks::Keep)
}

/// Like [`sanitize`], and line breaks are escaped too (`\n`): for a value
/// shown on one line, such as a name in a heading or a table cell, where a
/// newline would start a forged line.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    escaped(text, Breaks::Escape)
}

/// `text` as it goes to standard output: unchanged for a pipe or a file, so
/// that what a program reads is byte-faithful, and [`sanitize`]d when
/// standard output is a terminal, where escapes would be obeyed.
pub fn for_stdout(text: String) -> String {
    if std::io::stdout().is_terminal() {
        match sanitize(&text) {
            Cow::Borrowed(_) => text,
            Cow::Owned(safe) => safe,
        }
    } else {
        text
    }
}

/// A file's text as a snippet may show it: [`sanitize`]d, with a map from
/// byte offsets in the file to offsets in the shown text, so labels still
/// point at the characters they name.
#[derive(Debug, Clone)]
pub struct EscapedText {
    /// The text with escapes.
    pub text: String,
    /// For each escaped character, the offsets just after it in the file
    /// and in [`Self::text`], in order.
    marks: Vec<(usize, usize)>,
}

impl EscapedText {
    /// `text` escaped for a snippet; `None` when nothing needs escaping.
    pub fn of(text: &str) -> Option<Self> {
        if is_clean(text, Breaks::Lines) {
            return None;
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut marks = Vec::new();
        escape_into(text, Breaks::Lines, &mut out, |file, shown| {
            marks.push((file, shown));
        });
        Some(Self { text: out, marks })
    }

    /// The offset in the shown text of byte `offset` of the file (a
    /// character boundary).
    pub fn shown_offset(&self, offset: usize) -> usize {
        let before = self.marks.partition_point(|&(file, _)| file <= offset);
        match before.checked_sub(1) {
            Some(i) => offset - self.marks[i].0 + self.marks[i].1,
            None => offset,
        }
    }

    /// The offset in the file of byte `offset` of the shown text; an offset
    /// inside an escape maps to the end of the escaped character.
    pub fn file_offset(&self, offset: usize) -> usize {
        let before = self.marks.partition_point(|&(_, shown)| shown <= offset);
        match before.checked_sub(1) {
            Some(i) => offset - self.marks[i].1 + self.marks[i].0,
            None => offset,
        }
    }
}

/// The width to wrap terminal output at: the `COLUMNS` variable when set,
/// else 100.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("plain\ttext"), "plain\ttext");
    }

    #[test]
    fn spoofing_characters_are_made_visible() {
        assert_eq!(sanitize("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(sanitize("x\u{2066}y\u{2069}"), "x\\u{2066}y\\u{2069}");
        assert_eq!(sanitize("p\u{2028}q\u{2029}"), "p\\u{2028}q\\u{2029}");
        assert_eq!(
            sanitize("zero\u{200b}width\u{feff}"),
            "zero\\u{200b}width\\u{feff}"
        );
        assert_eq!(sanitize("del\u{7f} c1\u{9b}"), "del\\u{7f} c1\\u{9b}");
        assert_eq!(sanitize("bell\u{7}"), "bell\\u{7}");
        assert_eq!(sanitize("naïve café 名前"), "naïve café 名前");
    }

    #[test]
    fn only_a_lone_carriage_return_is_escaped() {
        assert_eq!(sanitize("ownr: msp\r# owner"), "ownr: msp\\r# owner");
        assert_eq!(sanitize("a\r\nb\n"), "a\r\nb\n");
        assert_eq!(sanitize("end\r"), "end\\r");
    }

    #[test]
    fn one_line_values_escape_line_breaks() {
        assert_eq!(sanitize_line("Acme\nFAKE"), "Acme\\nFAKE");
        assert_eq!(sanitize_line("a\r\nb"), "a\\r\\nb");
        assert_eq!(sanitize_line("tab\tok"), "tab\tok");
    }

    #[test]
    fn escaped_text_maps_offsets_both_ways() {
        let text = "ab\u{202e}cd\u{1b}e\n";
        let shown = EscapedText::of(text).unwrap();
        assert_eq!(shown.text, "ab\\u{202e}cd\\u{1b}e\n");
        assert_eq!(shown.shown_offset(0), 0);
        assert_eq!(shown.shown_offset(2), 2);
        let c = text.find('c').unwrap();
        assert_eq!(&shown.text[shown.shown_offset(c)..][..2], "cd");
        let e = text.find('e').unwrap();
        assert_eq!(&shown.text[shown.shown_offset(e)..], "e\n");
        assert_eq!(shown.file_offset(shown.shown_offset(e)), e);
        assert_eq!(shown.file_offset(shown.shown_offset(c)), c);
        assert!(EscapedText::of("plain\r\n").is_none());
    }
}
