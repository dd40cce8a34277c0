//! `--format json`: the report model as pretty JSON, for scripts.

use super::model::Report;

/// The report as pretty JSON with a trailing newline.
pub fn render(report: &Report) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(report)?;
    text.push('\n');
    Ok(text)
}
