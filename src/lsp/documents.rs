//! The open documents: their text as the editor has it, which of them are
//! scopes, and the last analysis of each.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::analysis::Analysis;
use super::position::{Encoding, LineIndex};
use crate::source::SourceFile;

/// One open document.
#[derive(Debug)]
pub struct OpenDocument {
    /// The text as the editor has it now, named by its URI, with its line
    /// index. A leading byte order mark is not part of it (the editor shows
    /// none; VS Code never sends one).
    pub source: SourceFile,
    /// The version the editor gave with the last change.
    pub version: i32,
    /// Whether comanage serves it (a scope by name or by its `$schema`
    /// comment); other YAML documents are kept but never diagnosed.
    pub served: bool,
    /// The analysis of the current text, once made.
    pub analysis: Option<Analysis>,
    /// The last version of this document that loaded as a scope: completion
    /// reads it while the text is broken mid-edit.
    pub last_good: Option<Arc<crate::scope::Document>>,
    /// Publishing state: when diagnostics are due, and when they last went out.
    pub schedule: super::debounce::Schedule,
    /// Whether the editor shows diagnostics of it now (so a close, or a
    /// change that makes it no scope, clears them).
    pub showing: bool,
}

impl OpenDocument {
    /// A document opened with `text`.
    pub fn new(uri: &Uri, text: String, version: i32) -> Self {
        let source = SourceFile::new(uri.as_str(), text);
        let served = super::selection::is_served(uri.as_str(), source.text());
        Self {
            source,
            version,
            served,
            analysis: None,
            last_good: None,
            schedule: super::debounce::Schedule::default(),
            showing: false,
        }
    }

    /// The current text.
    pub fn text(&self) -> &str {
        self.source.text()
    }

    /// Positions and offsets of the current text.
    pub fn lines(&self) -> LineIndex<'_> {
        LineIndex::new(&self.source)
    }

    /// Applies the changes of one `didChange` in order: a change without a
    /// range replaces the text, a ranged one replaces that range (its
    /// positions in `encoding`, clamped to the text).
    pub fn apply(
        &mut self,
        uri: &Uri,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        encoding: Encoding,
        now: Instant,
    ) {
        for change in changes {
            let text = match change.range {
                None => change.text,
                Some(range) => {
                    let span = self.lines().span(range, encoding);
                    let mut text = self.text().to_owned();
                    text.replace_range(span.range(), &change.text);
                    text
                }
            };
            self.source = SourceFile::new(uri.as_str(), text);
        }
        self.version = version;
        self.served = super::selection::is_served(uri.as_str(), self.text());
        self.analysis = None;
        self.schedule.changed(now);
    }

    /// The analysis of the current text, made now if the text changed since
    /// the last one.
    pub fn analysis(&mut self, options: &crate::lint::LintOptions) -> &Analysis {
        let (source, last_good) = (&self.source, &mut self.last_good);
        self.analysis.get_or_insert_with(|| {
            let analysis = Analysis::of(source.clone(), options);
            if let Some(document) = &analysis.document {
                *last_good = Some(Arc::clone(document));
            }
            analysis
        })
    }

    /// The LSP diagnostics of the current text (analysed now if needed).
    pub fn lsp_diagnostics(
        &mut self,
        uri: &Uri,
        options: &crate::lint::LintOptions,
        encoding: Encoding,
    ) -> Vec<lsp_types::Diagnostic> {
        self.analysis(options);
        match &self.analysis {
            Some(analysis) => analysis.lsp_diagnostics(uri, &self.lines(), encoding),
            None => Vec::new(),
        }
    }
}

/// The open documents by URI.
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<Uri, OpenDocument>,
}

impl Documents {
    /// Opens (or reopens) `uri` with `text`.
    pub fn open(&mut self, uri: Uri, text: String, version: i32) -> &mut OpenDocument {
        let document = OpenDocument::new(&uri, text, version);
        self.open.entry(uri).insert_entry(document).into_mut()
    }

    /// The open document `uri`.
    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut OpenDocument> {
        self.open.get_mut(uri)
    }

    /// Forgets `uri`, giving back the document if it was open.
    pub fn close(&mut self, uri: &Uri) -> Option<OpenDocument> {
        self.open.remove(uri)
    }

    /// Every open document.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&Uri, &mut OpenDocument)> {
        self.open.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn uri() -> Uri {
        "file:///work/scope.yaml".parse().unwrap()
    }

    fn change(range: Option<Range>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn ranged_and_full_changes_apply_in_order() {
        let mut doc = OpenDocument::new(&uri(), "owner: msp\n".to_owned(), 1);
        let range = Range::new(Position::new(0, 7), Position::new(0, 10));
        let now = Instant::now();
        doc.apply(
            &uri(),
            vec![change(Some(range), "internal")],
            2,
            Encoding::Utf16,
            now,
        );
        assert_eq!(doc.text(), "owner: internal\n");
        doc.apply(
            &uri(),
            vec![
                change(None, "a: 1\n"),
                change(Some(Range::default()), "# c\n"),
            ],
            3,
            Encoding::Utf16,
            now,
        );
        assert_eq!(doc.text(), "# c\na: 1\n");
        assert_eq!(doc.version, 3);
    }

    #[test]
    fn ranges_past_the_end_are_clamped() {
        let mut doc = OpenDocument::new(&uri(), "a😀\nb".to_owned(), 1);
        let far = Range::new(Position::new(0, 2), Position::new(99, 99));
        doc.apply(
            &uri(),
            vec![change(Some(far), "!")],
            2,
            Encoding::Utf16,
            Instant::now(),
        );
        assert_eq!(
            doc.text(),
            "a!",
            "the emoji's second half goes back to its start"
        );
        let reversed = Range::new(Position::new(0, 2), Position::new(0, 0));
        doc.apply(
            &uri(),
            vec![change(Some(reversed), "")],
            3,
            Encoding::Utf8,
            Instant::now(),
        );
        assert_eq!(doc.text(), "");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let doc = OpenDocument::new(&uri(), "\u{feff}version: 1\n".to_owned(), 1);
        assert_eq!(doc.text(), "version: 1\n");
        assert_eq!(
            doc.lines().position(0, Encoding::Utf16),
            Position::new(0, 0)
        );
    }
}
