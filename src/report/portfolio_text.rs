//! The portfolio as text: `table` for the terminal, `markdown` for wikis,
//! `csv` for a spreadsheet, `json` for scripts. Every format prints the same
//! columns ([`COLUMNS`]) from the same [`Portfolio`].

use std::fmt::Write;

use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets,
};
use owo_colors::OwoColorize;

use super::markdown::escape;
use super::portfolio::{Portfolio, PortfolioRow, Totals, days};
use super::text;

/// The portfolio's columns, in every text format.
pub const COLUMNS: [&str; 10] = [
    "Client",
    "Provider",
    "Functions",
    "Critical without backup",
    "Unowned",
    "Coverage gaps",
    "Errors",
    "Warnings",
    "Days to renewal",
    "Days since review",
];

/// The terminal's column heads: one word each, so the numbers keep their
/// columns narrow and the client names get the room; [`TABLE_KEY`] spells
/// them out. The provider is left out (it is usually the same MSP).
const TABLE_COLUMNS: [&str; 9] = [
    "Client",
    "Func",
    "No backup",
    "Unowned",
    "Gaps",
    "Err",
    "Warn",
    "Renewal",
    "Review",
];

/// The key below the terminal table.
const TABLE_KEY: &str = "Func: functions · No backup: critical functions without a backup · \
Gaps: coverage gaps · Err, Warn: open lint errors and warnings (waived not counted) · \
Renewal: days to renewal · Review: days since the last review";

/// The numbers of a row (or of the totals) as text, in [`COLUMNS`] order
/// from `Functions` on; day counts only for rows.
fn numbers(row: &PortfolioRow) -> [String; 8] {
    [
        row.functions.to_string(),
        row.critical_without_backup.to_string(),
        row.unowned.to_string(),
        row.coverage_gaps.to_string(),
        row.errors.to_string(),
        row.warnings.to_string(),
        days(row.renewal_in_days),
        days(row.reviewed_days_ago),
    ]
}

fn total_numbers(t: &Totals) -> [String; 8] {
    [
        t.functions.to_string(),
        t.critical_without_backup.to_string(),
        t.unowned.to_string(),
        t.coverage_gaps.to_string(),
        t.errors.to_string(),
        t.warnings.to_string(),
        String::new(),
        String::new(),
    ]
}

fn longest_word(text: &str) -> usize {
    text.split(' ')
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// `"3 scopes"`, or `"3 scopes (1 does not load)"`.
pub fn totals_label(t: &Totals) -> String {
    let scopes = crate::findings::plural(t.scopes, "scope");
    match t.not_loaded {
        0 => format!("Total: {scopes}"),
        1 => format!("Total: {scopes} (1 does not load)"),
        n => format!("Total: {scopes} ({n} do not load)"),
    }
}

/// What a scope that does not load shows: `does not load: FILE:L:C: …`.
pub fn failure(row: &PortfolioRow) -> String {
    format!(
        "does not load: {}",
        row.error.as_deref().unwrap_or(&row.file)
    )
}

/// The portfolio for a terminal `width` columns wide.
pub fn table(portfolio: &Portfolio, width: usize, color: bool) -> String {
    // The single report's cell cleaning: one line, no controls, long words
    // broken so the table stays linear.
    let clean = super::table::clean;
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(TABLE_COLUMNS);
    let number = |n: String| Cell::new(n).set_alignment(CellAlignment::Right);
    for row in &portfolio.scopes {
        let client = if row.loaded {
            clean(&row.client)
        } else {
            format!("{} (does not load)", clean(&row.client))
        };
        let mut cells = vec![Cell::new(client)];
        cells.extend(numbers(row).map(number));
        table.add_row(cells);
    }
    let t = &portfolio.totals;
    let mut total = vec![Cell::new(totals_label(t))];
    total.extend(total_numbers(t).map(number));
    table.add_row(total);
    // A number column is exactly as wide as its widest word or number, so
    // numbers never wrap and the client names get the rest of the width.
    let mut widths: Vec<usize> = TABLE_COLUMNS.iter().map(|h| longest_word(h)).collect();
    let rows = portfolio.scopes.iter().map(numbers);
    for cells in rows.chain(std::iter::once(total_numbers(t))) {
        for (i, cell) in cells.iter().enumerate() {
            widths[i + 1] = widths[i + 1].max(cell.chars().count());
        }
    }
    for (i, wide) in widths.iter().enumerate().skip(1) {
        if let Some(column) = table.column_mut(i) {
            let fixed = u16::try_from(wide + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(fixed)));
        }
    }
    let title = "Portfolio";
    let mut s = if color {
        title.bold().to_string()
    } else {
        title.to_owned()
    };
    s.push('\n');
    s.push_str(&table.to_string());
    s.push('\n');
    s.push_str(&text::wrap(TABLE_KEY, width, ""));
    s.push('\n');
    // The first error of each scope that does not load, whole, below the
    // table where a long path or message cannot squeeze the columns.
    for row in portfolio.scopes.iter().filter(|r| !r.loaded) {
        let line = text::wrap(&clean(&failure(row)), width, "  ");
        if color {
            s.push_str(&line.red().to_string());
        } else {
            s.push_str(&line);
        }
        s.push('\n');
    }
    s
}

/// The portfolio as a Markdown table.
pub fn markdown(portfolio: &Portfolio) -> String {
    let mut s = String::from("# Portfolio\n\n");
    let _ = writeln!(s, "| {} |", COLUMNS.join(" | "));
    let _ = writeln!(s, "| --- | --- |{}", " ---: |".repeat(COLUMNS.len() - 2));
    for row in &portfolio.scopes {
        let second = if row.loaded {
            escape(row.provider.as_deref().unwrap_or("—"))
        } else {
            format!("**{}**", escape(&failure(row)))
        };
        let _ = writeln!(
            s,
            "| {} | {second} | {} |",
            escape(&row.client),
            numbers(row).join(" | ")
        );
    }
    let t = &portfolio.totals;
    let _ = writeln!(
        s,
        "| **{}** |  | {} |",
        totals_label(t),
        total_numbers(t).join(" | ")
    );
    s
}

/// The portfolio as CSV: one record per scope, then a totals record; cells
/// that a spreadsheet would run as formulas are neutralised.
pub fn csv(portfolio: &Portfolio) -> Result<String, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = vec!["File"];
    header.extend(COLUMNS);
    header.extend(["Loaded", "Error"]);
    writer.write_record(header)?;
    let safe = |text: &str| super::csv::neutralize(text).into_owned();
    for row in &portfolio.scopes {
        let mut record = vec![
            safe(&row.file),
            safe(&row.client),
            safe(row.provider.as_deref().unwrap_or("")),
        ];
        record.extend(numbers(row).map(|n| if n == "—" { String::new() } else { n }));
        record.push(if row.loaded { "yes" } else { "no" }.to_owned());
        record.push(safe(row.error.as_deref().unwrap_or("")));
        writer.write_record(record)?;
    }
    let t = &portfolio.totals;
    let mut record = vec![String::new(), totals_label(t), String::new()];
    record.extend(total_numbers(t));
    record.extend([String::new(), String::new()]);
    writer.write_record(record)?;
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The portfolio as pretty JSON with a trailing newline (DESIGN.md section 5).
pub fn json(portfolio: &Portfolio) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(portfolio)?;
    text.push('\n');
    Ok(text)
}
