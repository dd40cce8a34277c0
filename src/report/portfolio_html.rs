//! The portfolio as one self-contained HTML page: the portfolio table as
//! slides, then each client's full report (the same slides as its own
//! `--format html`), each row linking to its client's section.

use askama::Template;

use super::html::{Chunk, chunks, document, slides};
use super::model::Report;
use super::portfolio::{Portfolio, PortfolioRow, days};
use super::portfolio_text::{failure, totals_label};
use crate::scope::Date;

/// Portfolio rows per slide: each row is up to two lines (client, provider),
/// so ten fit a printed 16:9 page with the heading and the totals.
const PORTFOLIO_ROWS: usize = 10;

/// The portfolio table's slides.
#[derive(Template)]
#[template(path = "portfolio.html")]
struct Table<'a> {
    portfolio: &'a Portfolio,
    rows: Vec<Chunk<&'a PortfolioRow>>,
    totals: String,
    today: Date,
}

impl Table<'_> {
    fn days(&self, value: &Option<i64>) -> String {
        days(*value)
    }

    fn error(&self, row: &PortfolioRow) -> String {
        failure(row)
    }
}

/// The page: `portfolio`'s table, then the report of every scope that loaded
/// (`reports` gives each row's report by file), in portfolio order.
pub fn render<'a>(
    portfolio: &Portfolio,
    today: Date,
    report_of: impl Fn(&str) -> Option<&'a Report>,
) -> Result<String, askama::Error> {
    let mut body = Table {
        portfolio,
        rows: chunks(portfolio.scopes.iter().collect(), PORTFOLIO_ROWS),
        totals: totals_label(&portfolio.totals),
        today,
    }
    .render()?;
    for row in &portfolio.scopes {
        if let Some(report) = report_of(&row.file) {
            // The anchor is a slug of ASCII letters, digits and `-`: safe
            // in an attribute as is.
            body.push_str(&format!("\n<div class=\"client\" id=\"{}\">\n", row.anchor));
            body.push_str(&slides(report)?);
            body.push_str("</div>\n");
        }
    }
    document(
        format!(
            "Portfolio · {}",
            crate::findings::plural(portfolio.scopes.len(), "client scope")
        ),
        body,
    )
}
