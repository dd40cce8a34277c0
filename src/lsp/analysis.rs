//! The analysis of one document's text: the same load and lint call as
//! `comanage lint`, and its findings as LSP diagnostics.

use std::sync::Arc;

use lsp_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location, NumberOrString, Uri,
};

use super::position::{Encoding, LineIndex};
use crate::diagnostics::{Diagnostic, Level};
use crate::findings::FileFindings;
use crate::lint::LintOptions;
use crate::source::{SourceFile, Span};

/// What checking one version of a document found.
#[derive(Debug)]
pub struct Analysis {
    /// Every finding, waived ones included, as `lint --format json` has them.
    pub findings: FileFindings,
    /// The loaded scope, when the text loads.
    pub document: Option<Arc<crate::scope::Document>>,
}

impl Analysis {
    /// Loads and lints `source`.
    pub fn of(source: SourceFile, options: &LintOptions) -> Self {
        let (findings, document) = crate::lint::check_loaded(crate::scope::load(source), options);
        Self {
            findings,
            document: document.map(Arc::new),
        }
    }

    /// The findings an editor shows: every one but the waived.
    pub fn shown(&self) -> Vec<Diagnostic> {
        self.findings
            .diagnostics
            .iter()
            .filter(|d| d.suppressed.is_none())
            .cloned()
            .collect()
    }

    /// The LSP diagnostics of the unwaived findings, in file order: rule,
    /// level and message from the same records `lint --format json` prints,
    /// ranges on the same spans in `encoding`, secondary labels as related
    /// information.
    pub fn lsp_diagnostics(
        &self,
        uri: &Uri,
        lines: &LineIndex<'_>,
        encoding: Encoding,
    ) -> Vec<lsp_types::Diagnostic> {
        let range = |span: Span| lines.range(span, encoding);
        self.findings
            .diagnostics
            .iter()
            .zip(self.findings.records())
            .filter(|(_, record)| record.suppressed.is_none())
            .map(|(diagnostic, record)| {
                let related: Vec<DiagnosticRelatedInformation> = diagnostic
                    .related
                    .iter()
                    .map(|label| DiagnosticRelatedInformation {
                        location: Location::new(uri.clone(), range(label.span)),
                        message: crate::terminal::sanitize(&label.message).into_owned(),
                    })
                    .collect();
                lsp_types::Diagnostic {
                    range: range(diagnostic.primary.span),
                    severity: Some(severity(record.level)),
                    code: Some(NumberOrString::String(record.rule.to_owned())),
                    code_description: None,
                    source: Some("comanage".to_owned()),
                    message: message(record.message, record.help),
                    related_information: (!related.is_empty()).then_some(related),
                    tags: tags(record.rule),
                    data: None,
                }
            })
            .collect()
    }
}

/// The editor's message of a finding: its message and, on a line of its
/// own, its help (an LSP diagnostic has no field for it). Escaped as for a
/// terminal: editors such as Neovim show it in one.
pub fn message(message: &str, help: Option<&str>) -> String {
    let mut text = crate::terminal::sanitize(message).into_owned();
    if let Some(help) = help {
        text.push_str("\nhelp: ");
        text.push_str(&crate::terminal::sanitize(help));
    }
    text
}

/// The LSP severity of a level.
fn severity(level: Level) -> DiagnosticSeverity {
    match level {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
    }
}

/// `unnecessary` for findings about something nothing uses, which editors
/// show faded.
fn tags(rule: &str) -> Option<Vec<DiagnosticTag>> {
    matches!(rule, "unused-party" | "unused-waiver").then(|| vec![DiagnosticTag::UNNECESSARY])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> LintOptions {
        LintOptions {
            today: "2026-12-01".parse().unwrap(),
        }
    }

    #[test]
    fn a_parse_error_is_one_diagnostic() {
        let text = "version: 1\nversion: 1\n";
        let source = SourceFile::new("file:///scope.yaml", text);
        let analysis = Analysis::of(source.clone(), &options());
        assert!(analysis.document.is_none());
        let uri: Uri = "file:///scope.yaml".parse().unwrap();
        let shown = analysis.lsp_diagnostics(&uri, &LineIndex::new(&source), Encoding::Utf16);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].code, Some(NumberOrString::String("parse".into())));
        assert_eq!(shown[0].severity, Some(DiagnosticSeverity::ERROR));
        let related = shown[0]
            .related_information
            .as_ref()
            .expect("the first key");
        assert_eq!(related[0].location.range.start.line, 0);
    }

    #[test]
    fn messages_are_escaped_and_carry_the_help() {
        assert_eq!(
            message("party `a\u{202e}b` is unknown", Some("define it")),
            "party `a\\u{202e}b` is unknown\nhelp: define it"
        );
    }
}
