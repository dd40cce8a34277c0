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

use crate::source::{SourceFile, Span};

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
            message: message.into(),
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
        self.primary.message = message.into();
        self
    }

    /// Adds another labelled place.
    #[must_use]
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Label::new(span, message));
        self
    }

    /// Sets the help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the level.
    #[must_use]
    pub fn with_level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }
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
    let snippet = !touches_long_line(source, diagnostic.primary.span);
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
            diagnostic.message,
            source.name()
        );
    }
    out
}

/// Lines longer than this are not drawn as a snippet: a minified or hostile
/// file could otherwise flood the terminal with one megabyte-long line.
const MAX_SNIPPET_LINE: usize = 400;

fn touches_long_line(source: &SourceFile, span: Span) -> bool {
    let bytes = source.text().as_bytes();
    let start = span.start.min(bytes.len());
    let end = span.end().min(bytes.len()).max(start);
    let line_start = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = bytes[end..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| end + i);
    line_end - line_start > MAX_SNIPPET_LINE
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
            let name = crate::terminal::sanitize(self.source.name());
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
        let text = self.source.text();
        let clamp = move |span: Span| clamp_to_chars(text, span);
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
        // control characters masked, so a hostile file cannot drive the
        // terminal through its escape sequences.
        let inner = self.source.display_text().read_span(
            span,
            context_lines_before,
            context_lines_after,
        )?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            crate::terminal::sanitize(self.source.name()).into_owned(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
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
