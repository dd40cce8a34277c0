//! Findings as plain data, and their renderings.
//!
//! A [`Diagnostic`] is what every stage reports: parse and schema errors from
//! loading, rule findings from lint. It is plain data (rule, level, message,
//! spans, help, pointer) so the JSON, SARIF and GitHub outputs read the same
//! record; [`render_human`] turns it into a miette report only for the
//! terminal.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, Severity};
use serde::Serialize;

use crate::source::{SourceFile, SourceMap, Span};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Fails the check (exit code 1).
    Error,
    /// Reported; fails only under `--deny-warnings`.
    Warning,
}

impl Level {
    /// The word used in output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// A labelled place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The bytes to underline.
    pub span: Span,
    /// The text beside the underline.
    pub message: String,
}

impl Label {
    /// A label on `span` saying `message`.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
        }
    }
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule id, or `parse` / `schema` for loading errors.
    pub rule: String,
    /// Error or warning.
    pub level: Level,
    /// What is wrong, naming the things involved.
    pub message: String,
    /// The JSON pointer of the offending node (`""` for the whole document).
    pub pointer: String,
    /// The exact place.
    pub primary: Label,
    /// Other places involved (the first copy of a duplicate, say).
    pub related: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
    /// `Some(reason)` when a waiver silences this finding.
    pub suppressed: Option<String>,
}

impl Diagnostic {
    /// An error of `rule` at `span`.
    pub fn error(rule: impl Into<String>, message: impl Into<String>, span: Span) -> Self {
        Self {
            rule: rule.into(),
            level: Level::Error,
            message: shorten_words(message.into()),
            pointer: String::new(),
            primary: Label::new(span, ""),
            related: Vec::new(),
            help: None,
            suppressed: None,
        }
    }

    /// Sets the JSON pointer.
    #[must_use]
    pub fn with_pointer(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = pointer.into();
        self
    }

    /// Sets the text of the primary label.
    #[must_use]
    pub fn with_label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = shorten_words(message.into());
        self
    }

    /// Adds another labelled place.
    #[must_use]
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related
            .push(Label::new(span, shorten_words(message.into())));
        self
    }

    /// Sets the help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(shorten_words(help.into()));
        self
    }

    /// Adds the label "defined here" at the anchor (`&a`) when the finding is
    /// placed at an alias (`*a`) or a merge key (`<<: *a`): the value it is
    /// about is written at the anchor, possibly in another section.
    pub fn label_anchor(&mut self, map: &SourceMap) {
        if let Some(anchor) = map.anchor_of(self.primary.span)
            && !self.related.iter().any(|label| label.span == anchor)
        {
            self.related.push(Label::new(anchor, "defined here"));
        }
    }

    /// Sets the level.
    #[must_use]
    pub fn with_level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }
}

/// Words (runs without spaces) longer than this are shortened in messages.
const MAX_WORD: usize = 120;

/// `text` with every word over [`MAX_WORD`] characters cut to its start and
/// a count: a hostile file with a megabyte-long id must not make a megabyte
/// of output, and the start is enough to find it (the span has the place).
fn shorten_words(text: String) -> String {
    if text.len() <= MAX_WORD
        || !text
            .split_whitespace()
            .any(|word| word.chars().count() > MAX_WORD)
    {
        return text;
    }
    let mut out = String::with_capacity(MAX_WORD * 4);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let count = word.chars().count();
        if count > MAX_WORD {
            out.extend(word.chars().take(60));
            out.push_str(&format!("… ({count} characters)"));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// The machine-readable form of a finding (`--format json`, DESIGN.md 3).
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// Rule id, or `parse` / `schema`.
    pub rule: &'a str,
    /// `error` or `warning`.
    pub level: Level,
    /// What is wrong.
    pub message: &'a str,
    /// The file as named on the command line.
    pub file: &'a str,
    /// 1-based line of the primary span.
    pub line: usize,
    /// 1-based column (in characters) of the primary span.
    pub column: usize,
    /// 1-based line where the primary span ends.
    pub end_line: usize,
    /// 1-based column where the primary span ends (exclusive).
    pub end_column: usize,
    /// JSON pointer of the offending node.
    pub pointer: &'a str,
    /// How to fix it.
    pub help: Option<&'a str>,
    /// `null`, or the reason of the waiver that silences the finding.
    pub suppressed: Option<&'a str>,
}

impl<'a> Record<'a> {
    /// The record of `diagnostic` found in `source`.
    pub fn new(source: &'a SourceFile, diagnostic: &'a Diagnostic) -> Self {
        let (line, column) = source.line_col(diagnostic.primary.span.start);
        let (end_line, end_column) = source.line_col(diagnostic.primary.span.end());
        Self {
            rule: &diagnostic.rule,
            level: diagnostic.level,
            message: &diagnostic.message,
            file: source.name(),
            line,
            column,
            end_line,
            end_column,
            pointer: &diagnostic.pointer,
            help: diagnostic.help.as_deref(),
            suppressed: diagnostic.suppressed.as_deref(),
        }
    }
}

/// Renders `diagnostic` for the terminal, with a snippet of `source`.
///
/// `color` picks the themed or the plain rendering; `width` wraps long lines.
pub fn render_human(
    source: &SourceFile,
    diagnostic: &Diagnostic,
    color: bool,
    width: usize,
) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let snippet = !touches_long_line(source, diagnostic);
    let report = MietteView {
        source,
        diagnostic,
        snippet,
    };
    let mut out = String::new();
    if handler.render_report(&mut out, &report).is_err() {
        // Rendering into a String cannot fail in practice; fall back to a
        // plain line rather than lose the finding.
        let (line, column) = source.line_col(diagnostic.primary.span.start);
        out = format!(
            "{}[{}]: {} at {}:{line}:{column}\n",
            diagnostic.level.as_str(),
            diagnostic.rule,
            crate::terminal::sanitize(&diagnostic.message),
            crate::terminal::sanitize_line(source.name())
        );
    }
    out
}

/// Snippets taller than this are not drawn (two labels far apart in a big
/// file would otherwise print everything between them).
const MAX_SNIPPET_LINES: usize = 60;

/// Lines longer than this are not drawn as a snippet: a minified or hostile
/// file could otherwise flood the terminal with one megabyte-long line.
const MAX_SNIPPET_LINE: usize = 400;

fn touches_long_line(source: &SourceFile, diagnostic: &Diagnostic) -> bool {
    let bytes = source.text().as_bytes();
    let spans = std::iter::once(&diagnostic.primary)
        .chain(&diagnostic.related)
        .map(|label| label.span);
    let start = spans
        .clone()
        .map(|s| s.start)
        .min()
        .unwrap_or(0)
        .min(bytes.len());
    let end = spans
        .map(|s| s.end())
        .max()
        .unwrap_or(0)
        .min(bytes.len())
        .max(start);
    // miette draws every line from one before the first label to one after
    // the last: find that block.
    let mut block_start = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    if block_start > 0 {
        block_start = bytes[..block_start - 1]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
    }
    let after = |from: usize| {
        bytes[from..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| from + i)
    };
    let mut block_end = after(end);
    if block_end < bytes.len() {
        block_end = after(block_end + 1);
    }
    let block = &bytes[block_start..block_end];
    block.split(|&b| b == b'\n').count() > MAX_SNIPPET_LINES
        || block
            .split(|&b| b == b'\n')
            .any(|line| line.len() > MAX_SNIPPET_LINE)
}

/// `span` clamped to the text and widened to whole characters, so a span
/// from any source can be drawn without slicing inside a character.
fn clamp_to_chars(text: &str, span: Span) -> (usize, usize) {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end().min(text.len()).max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end - start)
}

/// Adapts a [`Diagnostic`] to miette's trait for rendering.
struct MietteView<'a> {
    source: &'a SourceFile,
    diagnostic: &'a Diagnostic,
    /// Whether to draw the file's text under the message.
    snippet: bool,
}

impl fmt::Debug for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::terminal::sanitize(&self.diagnostic.message))?;
        if !self.snippet {
            let (line, column) = self.source.line_col(self.diagnostic.primary.span.start);
            let name = crate::terminal::sanitize_line(self.source.name());
            write!(f, " (at {name}:{line}:{column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for MietteView<'_> {}

impl miette::Diagnostic for MietteView<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.diagnostic.rule))
    }

    fn severity(&self) -> Option<Severity> {
        Some(match self.diagnostic.level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|help| Box::new(crate::terminal::sanitize(help)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.snippet.then_some(self as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.snippet {
            return None;
        }
        let source = self.source;
        // Spans name bytes of the file; the snippet shows the escaped text,
        // so each label moves by the escapes before it and widens by those
        // inside it.
        let clamp = move |span: Span| {
            let (start, len) = clamp_to_chars(source.text(), span);
            let shown = source.display_offset(start);
            (shown, source.display_offset(start + len) - shown)
        };
        let primary = &self.diagnostic.primary;
        let first =
            LabeledSpan::new_primary_with_span(non_empty(&primary.message), clamp(primary.span));
        let related = self.diagnostic.related.iter().map(move |label| {
            LabeledSpan::new_with_span(non_empty(&label.message), clamp(label.span))
        });
        Some(Box::new(std::iter::once(first).chain(related)))
    }
}

impl miette::SourceCode for MietteView<'_> {
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        // The snippet is cut from the display text: the file's own bytes with
        // every character a terminal would obey shown escaped, so a hostile
        // file cannot drive the terminal or hide text. miette's own reader
        // scans from the start of the text on every call, which makes many
        // findings quadratic; it is given only the lines around the span.
        let text = self.source.display_text();
        let start = span.offset().min(text.len());
        let end = (start + span.len()).min(text.len());
        let window_start = lines_back(text, start, context_lines_before);
        let window_end = lines_forward(text, end, context_lines_after + 1);
        let window = &text[window_start..window_end];
        let local = miette::SourceSpan::new((start - window_start).into(), end - start);
        let inner = window.read_span(&local, context_lines_before, context_lines_after)?;
        let (first_line, _) = self.source.line_col(self.source.text_offset(window_start));
        // The column miette reports (for the `[file:line:column]` heading)
        // counts characters of the file, not of the escapes shown for them.
        let column = if inner.column() == 0 {
            0
        } else {
            self.source.line_col(self.source.text_offset(start)).1 - 1
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            crate::terminal::sanitize_line(self.source.name()).into_owned(),
            inner.data(),
            miette::SourceSpan::new(
                (inner.span().offset() + window_start).into(),
                inner.span().len(),
            ),
            inner.line() + first_line - 1,
            column,
            inner.line_count() + first_line - 1,
        )))
    }
}

/// The start of the line `count` lines above the one holding byte `at`.
fn lines_back(text: &str, at: usize, count: usize) -> usize {
    let bytes = text.as_bytes();
    let line_start = |end: usize| {
        bytes[..end]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    };
    let mut start = line_start(at);
    for _ in 0..count {
        if start == 0 {
            break;
        }
        start = line_start(start - 1);
    }
    start
}

/// The end (after its line feed) of the line `count` lines below the one
/// holding byte `at`.
fn lines_forward(text: &str, at: usize, count: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    for _ in 0..=count {
        match bytes[end..].iter().position(|&b| b == b'\n') {
            Some(i) => end += i + 1,
            None => return bytes.len(),
        }
    }
    end
}

fn non_empty(message: &str) -> Option<String> {
    (!message.is_empty()).then(|| crate::terminal::sanitize(message).into_owned())
}

/// Counts of errors and warnings, ignoring suppressed findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Unsuppressed errors.
    pub errors: usize,
    /// Unsuppressed warnings.
    pub warnings: usize,
}

impl Tally {
    /// Counts `diagnostics`.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Self {
        let mut tally = Self::default();
        for diagnostic in diagnostics {
            if diagnostic.suppressed.is_some() {
                continue;
            }
            match diagnostic.level {
                Level::Error => tally.errors += 1,
                Level::Warning => tally.warnings += 1,
            }
        }
        tally
    }
}

#[cfg(test)]
mod tests {
    use super::{lines_back, lines_forward, shorten_words};

    #[test]
    fn snippet_windows_are_whole_lines_around_the_span() {
        let text = "a\nbb\nccc\ndddd\ne";
        let c = text.find('c').unwrap();
        assert_eq!(lines_back(text, c + 1, 0), c);
        assert_eq!(&text[lines_back(text, c + 1, 1)..], "bb\nccc\ndddd\ne");
        assert_eq!(lines_back(text, c, 5), 0);
        assert_eq!(&text[..lines_forward(text, c, 0)], "a\nbb\nccc\n");
        assert_eq!(&text[..lines_forward(text, c, 1)], "a\nbb\nccc\ndddd\n");
        assert_eq!(lines_forward(text, c, 5), text.len());
    }

    #[test]
    fn only_overlong_words_are_shortened() {
        let short = "function `patching` has no owner".to_owned();
        assert_eq!(shorten_words(short.clone()), short);
        let long = format!("`{}` is not a valid id", "n".repeat(1000));
        let shortened = shorten_words(long);
        assert!(shortened.len() < 120, "{shortened}");
        assert!(
            shortened.ends_with("(1002 characters) is not a valid id"),
            "{shortened}"
        );
    }
}
