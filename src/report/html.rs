//! `--format html`: one self-contained file of 16:9 slides for the QBR deck.
//!
//! The page is `templates/report.html` (askama, which HTML-escapes every
//! value by default, so scope text cannot become markup). This file only
//! arranges the [`Report`] for it: slide-sized chunks, the chart's geometry,
//! the matrix cells' colours. No script, no network: inline CSS and SVG.

use askama::Template;

use super::model::{
    CoverageRow, DecisionRow, FindingLine, Ladder, Provision, RaciCell, Report, RuleCount,
    SinceChange,
};
use super::text;

/// Rows of the RACI matrix per slide (service headings count as rows).
const RACI_ROWS: usize = 17;
/// Decisions per slide.
const DECISION_ROWS: usize = 7;
/// Coverage rows per slide.
const COVERAGE_ROWS: usize = 9;
/// Escalation paths side by side on one slide.
const LADDERS: usize = 3;
/// Changes per slide.
const CHANGE_ROWS: usize = 10;

/// Renders `report` as one HTML file.
pub fn render(report: &Report) -> Result<String, askama::Error> {
    // Markup is escaped by the template; control characters (terminal
    // escapes) are not markup, so they are made visible here.
    let html = Page::new(report).render()?;
    Ok(crate::terminal::sanitize(&html).into_owned())
}

/// Everything the template shows, arranged into slides.
#[derive(Template)]
#[template(path = "report.html")]
struct Page<'a> {
    report: &'a Report,
    term: String,
    renewal: String,
    reviewed: String,
    stats: Vec<Stat>,
    chart: Chart,
    chart_bar_max: usize,
    unowned: String,
    /// Width of the matrix's function column, in percent.
    function_column: usize,
    raci: Vec<Chunk<RaciGroup<'a>>>,
    decisions: Vec<Chunk<&'a DecisionRow>>,
    authority: Vec<(&'static str, String)>,
    ladders: Vec<Chunk<&'a Ladder>>,
    coverage: Vec<Chunk<CoverageView<'a>>>,
    rules: &'a [RuleCount],
    first: &'a [FindingLine],
    more_findings: usize,
    changes: Vec<Chunk<&'a SinceChange>>,
    /// `--since` was asked and nothing changed.
    no_changes: bool,
}

/// One slide's share of a long list, with its place in the series.
struct Chunk<T> {
    items: Vec<T>,
    part: usize,
    parts: usize,
}

impl<T> Chunk<T> {
    /// `" (2 of 3)"` when the list spans several slides.
    fn suffix(&self) -> String {
        if self.parts > 1 {
            format!(" ({} of {})", self.part, self.parts)
        } else {
            String::new()
        }
    }
}

fn chunks<T>(items: Vec<T>, size: usize) -> Vec<Chunk<T>> {
    let mut groups: Vec<Vec<T>> = Vec::new();
    for item in items {
        match groups.last_mut() {
            Some(last) if last.len() < size => last.push(item),
            _ => groups.push(vec![item]),
        }
    }
    numbered(groups)
}

/// Slides' shares numbered `1 of n`…
fn numbered<T>(groups: Vec<Vec<T>>) -> Vec<Chunk<T>> {
    let parts = groups.len();
    groups
        .into_iter()
        .enumerate()
        .map(|(i, items)| Chunk {
            items,
            part: i + 1,
            parts,
        })
        .collect()
}

/// A headline number on the title slide.
struct Stat {
    label: &'static str,
    value: String,
    note: String,
    /// `good`, `warn`, `bad` or `plain`: the card's colour.
    tone: &'static str,
}

/// The functions-owned-per-party bar chart, as SVG geometry.
struct Chart {
    height: usize,
    bars: Vec<Bar>,
}

struct Bar {
    name: String,
    owned: usize,
    critical: usize,
    label_y: usize,
    bar_y: usize,
    width: usize,
    critical_width: usize,
    count_x: usize,
}

const CHART_BAR_MAX: usize = 560;
const CHART_ROW: usize = 62;

impl Chart {
    fn new(report: &Report) -> Self {
        let max = report
            .ownership
            .iter()
            .map(|o| o.owned)
            .max()
            .unwrap_or(0)
            .max(1);
        let scale = |n: usize| n * CHART_BAR_MAX / max;
        let bars: Vec<Bar> = report
            .ownership
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let top = i * CHART_ROW;
                let width = scale(o.owned);
                Bar {
                    name: o.party.name.clone(),
                    owned: o.owned,
                    critical: o.critical,
                    label_y: top + 18,
                    bar_y: top + 26,
                    width,
                    critical_width: scale(o.critical),
                    count_x: width + 12,
                }
            })
            .collect();
        Self {
            height: bars.len() * CHART_ROW + 4,
            bars,
        }
    }
}

/// A service heading and its functions, within one RACI slide.
struct RaciGroup<'a> {
    id: &'a str,
    service: &'a str,
    rows: Vec<RaciLine<'a>>,
}

struct RaciLine<'a> {
    name: &'a str,
    critical: bool,
    cells: Vec<CellView>,
}

/// One matrix cell: its letters (each a coloured pill) and the backup mark.
struct CellView {
    letters: Vec<char>,
    backup: bool,
    /// Background tone of the whole cell: the strongest letter's.
    tone: &'static str,
}

impl CellView {
    fn new(cell: &RaciCell) -> Self {
        let tone = ['A', 'R', 'C', 'I']
            .into_iter()
            .find(|l| cell.letters.contains(*l))
            .map_or(if cell.backup { "cell-b" } else { "" }, |l| match l {
                'A' => "cell-a",
                'R' => "cell-r",
                'C' => "cell-c",
                _ => "cell-i",
            });
        Self {
            letters: cell.letters.chars().collect(),
            backup: cell.backup,
            tone,
        }
    }
}

fn raci_slides(report: &Report) -> Vec<Chunk<RaciGroup<'_>>> {
    // Fill slides row by row; a service that crosses a slide boundary
    // repeats its heading on the next slide.
    let mut slides: Vec<Vec<RaciGroup<'_>>> = Vec::new();
    let mut used = 0;
    for row in &report.raci.rows {
        let continuing = |slides: &Vec<Vec<RaciGroup<'_>>>| {
            slides
                .last()
                .and_then(|groups| groups.last())
                .is_some_and(|g| g.id == row.service)
        };
        let cost = if continuing(&slides) { 1 } else { 2 };
        if slides.is_empty() || used + cost > RACI_ROWS {
            slides.push(Vec::new());
            used = 0;
        }
        let fresh = !continuing(&slides);
        let Some(groups) = slides.last_mut() else {
            continue;
        };
        if fresh {
            groups.push(RaciGroup {
                id: &row.service,
                service: &row.service_name,
                rows: Vec::new(),
            });
            used += 1;
        }
        if let Some(group) = groups.last_mut() {
            group.rows.push(RaciLine {
                name: &row.function_name,
                critical: row.critical,
                cells: row.cells.iter().map(CellView::new).collect(),
            });
        }
        used += 1;
    }
    numbered(slides)
}

/// A coverage row with its status in words and colour.
struct CoverageView<'a> {
    row: &'a CoverageRow,
    owners: String,
    status: &'static str,
    tone: &'static str,
    providers: String,
}

fn coverage_view(row: &CoverageRow) -> CoverageView<'_> {
    let (status, tone) = match row.status {
        Provision::Owner => ("Owner covers", "good"),
        Provision::Escalation => ("Escalation covers", "info"),
        Provision::Gap => ("Gap", "bad"),
    };
    CoverageView {
        row,
        owners: text::names(&row.owners),
        status,
        tone,
        providers: if row.provided_by.is_empty() {
            "nobody covers these hours".to_owned()
        } else {
            row.provided_by.join(", ")
        },
    }
}

fn stats(report: &Report) -> Vec<Stat> {
    let h = &report.engagement;
    let without_backup: usize = report
        .ownership
        .iter()
        .map(|o| o.critical_without_backup)
        .sum();
    let gaps = report
        .coverage
        .iter()
        .filter(|c| c.status == Provision::Gap)
        .count();
    let f = &report.findings;
    let tone = |bad: bool| if bad { "bad" } else { "good" };
    vec![
        Stat {
            label: "Functions in scope",
            value: h.functions.to_string(),
            note: format!(
                "{} critical · {}",
                h.critical,
                text::plural(h.services, "service")
            ),
            tone: "plain",
        },
        Stat {
            label: "Critical without a backup",
            value: without_backup.to_string(),
            note: "named backup owners".to_owned(),
            tone: tone(without_backup > 0),
        },
        Stat {
            label: "Unowned functions",
            value: report.unowned.len().to_string(),
            note: "one named owner each".to_owned(),
            tone: tone(!report.unowned.is_empty()),
        },
        Stat {
            label: "Coverage gaps",
            value: gaps.to_string(),
            note: format!("of {} with stated hours", report.coverage.len()),
            tone: tone(gaps > 0),
        },
        Stat {
            label: "Open findings",
            value: (f.errors + f.warnings).to_string(),
            note: format!(
                "{} · {}",
                text::plural(f.errors, "error"),
                text::plural(f.warnings, "warning")
            ),
            tone: if f.errors > 0 {
                "bad"
            } else if f.warnings > 0 {
                "warn"
            } else {
                "good"
            },
        },
        Stat {
            label: "Days to renewal",
            value: h
                .days_to_renewal
                .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            note: h
                .renewal
                .map_or_else(|| "no renewal date".to_owned(), |d| d.to_string()),
            tone: match h.days_to_renewal {
                Some(d) if d < 0 => "bad",
                Some(d) if d <= 90 => "warn",
                _ => "plain",
            },
        },
    ]
}

impl<'a> Page<'a> {
    fn new(report: &'a Report) -> Self {
        let h = &report.engagement;
        let a = &report.authority;
        let f = &report.findings;
        Self {
            report,
            term: text::term(h),
            renewal: text::renewal(h),
            reviewed: text::reviewed(h),
            stats: stats(report),
            chart: Chart::new(report),
            chart_bar_max: CHART_BAR_MAX,
            unowned: report
                .unowned
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            function_column: (100usize.saturating_sub(report.raci.parties.len() * 11))
                .clamp(28, 50),
            raci: raci_slides(report),
            decisions: chunks(report.decisions.iter().collect(), DECISION_ROWS),
            authority: vec![
                ("Tie-breaker", text::maybe(a.tie_breaker.as_ref())),
                ("Scope changes", text::maybe(a.scope_changes.as_ref())),
                (
                    "Out-of-scope requests",
                    text::maybe(a.out_of_scope.as_ref()),
                ),
            ],
            ladders: chunks(report.escalation.iter().collect(), LADDERS),
            coverage: chunks(
                report.coverage.iter().map(coverage_view).collect(),
                COVERAGE_ROWS,
            ),
            rules: &f.by_rule,
            first: &f.first,
            more_findings: (f.errors + f.warnings).saturating_sub(f.first.len()),
            changes: report
                .changes
                .as_ref()
                .map(|c| chunks(c.iter().collect(), CHANGE_ROWS))
                .unwrap_or_default(),
            no_changes: report.changes.as_ref().is_some_and(Vec::is_empty),
        }
    }

    fn decider(&self, row: &DecisionRow) -> String {
        text::decider(&row.decides)
    }

    fn names(&self, parties: &[super::model::Who]) -> String {
        text::names(parties)
    }

    fn or_dash(&self, value: &Option<String>) -> String {
        text::or_dash(value.as_deref())
    }
}
