//! Findings of many files, rendered for people (`human`) or scripts (`json`).
//!
//! `validate` and `lint` share these renderings; lint adds SARIF and GitHub
//! workflow commands on the same [`Record`]s.

use crate::diagnostics::{Diagnostic, Record, Tally};
use crate::scope::Rejected;
use crate::source::SourceFile;

/// The findings of one file.
#[derive(Debug, Clone)]
pub struct FileFindings {
    /// The file they were found in.
    pub source: SourceFile,
    /// Everything found, in file order; suppressed ones included.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileFindings {
    /// The machine-readable records of this file's findings.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        self.diagnostics
            .iter()
            .map(|d| Record::new(&self.source, d))
    }
}

impl From<Rejected> for FileFindings {
    fn from(rejected: Rejected) -> Self {
        Self {
            source: rejected.source,
            diagnostics: rejected.diagnostics,
        }
    }
}

/// The diagnostics of a file that did not load, for standard error: what a
/// command that needs a valid scope (`diff`, `who`, `report`) shows before
/// it stops.
pub fn render_rejected(rejected: Rejected, color: bool) -> String {
    render_human(&[rejected.into()], color, crate::terminal::width())
}

/// Every unsuppressed finding rendered with its snippet, grouped by file.
pub fn render_human(files: &[FileFindings], color: bool, width: usize) -> String {
    let mut out = String::new();
    for file in files {
        for diagnostic in file.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            out.push_str(&crate::diagnostics::render_human(
                &file.source,
                diagnostic,
                color,
                width,
            ));
        }
    }
    out
}

/// All findings of all files as one JSON array, suppressed ones included.
pub fn render_json(files: &[FileFindings]) -> String {
    let records: Vec<Record<'_>> = files.iter().flat_map(FileFindings::records).collect();
    let mut text = serde_json::to_string_pretty(&records).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

/// The counts over all files.
pub fn tally(files: &[FileFindings]) -> Tally {
    let mut total = Tally::default();
    for file in files {
        let t = Tally::of(&file.diagnostics);
        total.errors += t.errors;
        total.warnings += t.warnings;
    }
    total
}

/// `"1 error"`, `"3 warnings"`: a count with its noun.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Every unsuppressed finding as a GitHub Actions workflow command
/// (`::error file=…,line=…,col=…,title=RULE::message`), which GitHub shows
/// as an annotation on the line in the pull request.
pub fn render_github(files: &[FileFindings]) -> String {
    let mut out = String::new();
    for file in files {
        for record in file.records().filter(|r| r.suppressed.is_none()) {
            let mut message = record.message.to_owned();
            if let Some(help) = record.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            out.push_str(&format!(
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                record.level.as_str(),
                github_property(record.file),
                record.line,
                record.column,
                record.end_line,
                record.end_column,
                github_property(record.rule),
                github_data(&message),
            ));
        }
    }
    out
}

/// Escapes the message of a workflow command as GitHub's runner expects
/// (`%`, CR and LF percent-encoded). Every other character a terminal or a
/// browser could be fooled by ([`crate::terminal::needs_escape`]) is written
/// as its code point, `U+202E`, so scope text can neither start a command of
/// its own nor hide in the annotation.
fn github_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if crate::terminal::needs_escape(c) => {
                out.push_str(&format!("U+{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value of a workflow command (`file=`, `title=`):
/// as [`github_data`], and `:` and `,`, which end a property.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(
            github_data("50%\nnext\u{1b}[31m\r"),
            "50%25%0AnextU+001B[31m%0D"
        );
        assert_eq!(github_data("a\u{202e}b\u{200b}"), "aU+202EbU+200B");
        assert_eq!(github_property("x\ry\u{9b}"), "x%0DyU+009B");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
    }
}
