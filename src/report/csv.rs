//! `--format csv`: the RACI matrix for a spreadsheet, one row per function.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
//! formula (CSV injection); every cell that could is prefixed with `'`.

use super::model::Report;
use super::text;

/// The matrix as CSV: service, function, name, critical, then one column per
/// party holding its letters (and `B` for the backup owner).
pub fn render(report: &Report) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = vec![
        "service".to_owned(),
        "service name".to_owned(),
        "function".to_owned(),
        "function name".to_owned(),
        "critical".to_owned(),
    ];
    header.extend(report.raci.parties.iter().map(|p| p.name.clone()));
    writer.write_record(header.iter().map(|c| neutralize(c).into_owned()))?;
    for row in &report.raci.rows {
        let mut record = vec![
            row.service.clone(),
            row.service_name.clone(),
            row.function.clone(),
            row.function_name.clone(),
            if row.critical { "yes" } else { "no" }.to_owned(),
        ];
        record.extend(row.cells.iter().map(text::cell));
        writer.write_record(record.iter().map(|c| neutralize(c).into_owned()))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `cell` made inert for spreadsheets: a leading `=`, `+`, `-`, `@`, tab or
/// carriage return gets a `'` in front, which spreadsheets show as text.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::neutralize;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            neutralize("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralize("+cmd"), "'+cmd");
        assert_eq!(neutralize("-1"), "'-1");
        assert_eq!(neutralize("@SUM(1)"), "'@SUM(1)");
        assert_eq!(neutralize("\tx"), "'\tx");
        assert_eq!(neutralize("\rx"), "'\rx");
        assert_eq!(neutralize("Patch = fine"), "Patch = fine");
        assert_eq!(neutralize(""), "");
    }
}
