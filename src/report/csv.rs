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

/// `cell` made inert for spreadsheets (DESIGN.md section 8): when its first
/// character after any leading whitespace, NUL or zero-width characters is
/// `=`, `+`, `-`, `@`, a tab or a carriage return, or a fullwidth `＝＋－＠`,
/// it gets a `'` in front, which spreadsheets show as text. Spreadsheets
/// drop those leading characters before they look for a formula, so
/// checking only the very first character would let `"\0=HYPERLINK(…)"`
/// through.
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    if starts_formula(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn starts_formula(cell: &str) -> bool {
    for c in cell.chars() {
        match c {
            '=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠' => return true,
            c if c == '\0' || c.is_whitespace() || crate::terminal::is_zero_width(c) => {}
            _ => return false,
        }
    }
    false
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

    #[test]
    fn a_nul_before_a_formula_is_neutralised() {
        assert_eq!(neutralize("\0=HYPERLINK(\"x\")"), "'\0=HYPERLINK(\"x\")");
        assert_eq!(neutralize("\0\0+1"), "'\0\0+1");
    }

    #[test]
    fn leading_whitespace_before_a_formula_is_neutralised() {
        assert_eq!(neutralize("  =1+1"), "'  =1+1");
        assert_eq!(neutralize("\u{a0}@SUM(1)"), "'\u{a0}@SUM(1)");
        assert_eq!(neutralize("\u{3000}-2"), "'\u{3000}-2");
        assert_eq!(neutralize("\n=1"), "'\n=1");
        assert_eq!(neutralize(" \tx"), "' \tx");
        assert_eq!(neutralize(" \rx"), "' \rx");
    }

    #[test]
    fn zero_width_characters_before_a_formula_are_neutralised() {
        assert_eq!(neutralize("\u{200b}=1"), "'\u{200b}=1");
        assert_eq!(neutralize("\u{feff}+1"), "'\u{feff}+1");
        assert_eq!(neutralize("\u{2060}\u{200d}@x"), "'\u{2060}\u{200d}@x");
    }

    #[test]
    fn fullwidth_formula_signs_are_neutralised() {
        assert_eq!(neutralize("＝HYPERLINK(1)"), "'＝HYPERLINK(1)");
        assert_eq!(neutralize("＋1"), "'＋1");
        assert_eq!(neutralize("－1"), "'－1");
        assert_eq!(neutralize("＠SUM(1)"), "'＠SUM(1)");
    }

    #[test]
    fn text_that_is_not_a_formula_is_unchanged() {
        assert_eq!(neutralize("  Patching"), "  Patching");
        assert_eq!(neutralize("\0Patching"), "\0Patching");
        assert_eq!(neutralize("A-1 = B"), "A-1 = B");
        assert_eq!(neutralize("   "), "   ");
    }
}
