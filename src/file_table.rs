//! The per-file counts `comanage lint` prints before its summary line when
//! it checked more than one file (DESIGN.md section 5, last sentence): with
//! fifty clients, which ones are red.

use unicode_width::UnicodeWidthStr;

use crate::diagnostics::Tally;
use crate::findings::FileFindings;

/// One file's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    /// The file as named on the command line.
    pub file: String,
    /// The client of the engagement; `None` when the file did not load.
    pub client: Option<String>,
    /// Errors (waived ones not counted).
    pub errors: usize,
    /// Warnings (waived ones not counted).
    pub warnings: usize,
    /// Findings a waiver silences.
    pub waived: usize,
}

impl FileRow {
    /// The row of `findings`, whose scope names `client` (when it loaded).
    pub fn new(findings: &FileFindings, client: Option<String>) -> Self {
        let tally = Tally::of(&findings.diagnostics);
        let waived = findings
            .diagnostics
            .iter()
            .filter(|d| d.suppressed.is_some())
            .count();
        Self {
            file: findings.source.name().to_owned(),
            client,
            errors: tally.errors,
            warnings: tally.warnings,
            waived,
        }
    }
}

/// The table as aligned text, one row per file in the given order, names
/// cleaned of terminal control characters.
pub fn render(rows: &[FileRow]) -> String {
    let header = ["file", "client", "errors", "warnings", "waived"].map(str::to_owned);
    let mut lines: Vec<[String; 5]> = vec![header];
    for row in rows {
        lines.push([
            crate::terminal::sanitize(&row.file).into_owned(),
            row.client.as_deref().map_or_else(
                || "(did not load)".to_owned(),
                |c| crate::terminal::sanitize(c).into_owned(),
            ),
            row.errors.to_string(),
            row.warnings.to_string(),
            row.waived.to_string(),
        ]);
    }
    let mut widths = [0usize; 5];
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.width());
        }
    }
    let mut out = String::new();
    for line in &lines {
        let mut text = String::new();
        for (i, (cell, width)) in line.iter().zip(widths).enumerate() {
            let pad = " ".repeat(width - cell.width());
            if i > 0 {
                text.push_str("  ");
            }
            // Names read left-aligned, counts right-aligned.
            if i < 2 {
                text.push_str(cell);
                text.push_str(&pad);
            } else {
                text.push_str(&pad);
                text.push_str(cell);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_and_counts_are_right_aligned() {
        let rows = [
            FileRow {
                file: "clients/acme/scope.yaml".into(),
                client: Some("Acme Zahnärzte".into()),
                errors: 12,
                warnings: 0,
                waived: 1,
            },
            FileRow {
                file: "b.scope.yaml".into(),
                client: None,
                errors: 3,
                warnings: 1,
                waived: 0,
            },
        ];
        assert_eq!(
            render(&rows),
            "file                     client          errors  warnings  waived\n\
             clients/acme/scope.yaml  Acme Zahnärzte      12         0       1\n\
             b.scope.yaml             (did not load)       3         1       0\n"
        );
    }
}
