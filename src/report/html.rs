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
use super::visuals::{CHART_BAR_MAX, Chart, Segment, Stat, split, stats};

/// Rows of the RACI matrix per slide (service headings count as rows).
const RACI_ROWS: usize = 17;
/// Above this many parties the ownership and RACI slides are dense: smaller
/// type and pills, so up to 20 parties fit a page.
const DENSE_PARTIES: usize = 8;
/// Rows of a dense RACI slide: its header of many wrapped party names is
/// taller.
const DENSE_RACI_ROWS: usize = 15;
/// Decisions per slide.
const DECISION_ROWS: usize = 7;
/// Coverage rows per slide.
const COVERAGE_ROWS: usize = 9;
/// Escalation paths side by side on one slide.
const LADDERS: usize = 3;
/// Findings listed on the findings slide (messages that wrap to three lines
/// still leave room for the "… and N more" line on the printed page).
const FINDING_ROWS: usize = 6;
/// Changes per slide.
const CHANGE_ROWS: usize = 10;

/// Renders `report` as one HTML file.
pub fn render(report: &Report) -> Result<String, askama::Error> {
    document(
        format!("Quarterly business review · {}", report.engagement.client),
        slides(report)?,
    )
}

/// The slides of `report`: the body of its page, or its section of the
/// portfolio page.
pub fn slides(report: &Report) -> Result<String, askama::Error> {
    Page::new(report).render()
}

/// A whole page: `body` (markup already escaped by its template) with the
/// shared inline style sheet, titled `title`.
pub fn document(title: String, body: String) -> Result<String, askama::Error> {
    let html = Document { title, body }.render()?;
    // Markup is escaped by the templates; control characters (terminal
    // escapes) are not markup, so they are made visible here.
    Ok(crate::terminal::sanitize(&html).into_owned())
}

/// The page around the slides: head, inline CSS, body.
#[derive(Template)]
#[template(path = "report.html")]
struct Document {
    title: String,
    body: String,
}

/// Everything the slides show, arranged into slides.
#[derive(Template)]
#[template(path = "slides.html")]
struct Page<'a> {
    report: &'a Report,
    term: String,
    renewal: String,
    reviewed: String,
    stats: Vec<Stat>,
    chart: Chart,
    chart_bar_max: usize,
    split: Vec<Segment>,
    /// Whether the split has an unknown party's hatched share.
    hatched: bool,
    /// Unowned functions' names, each with its undefined owner ids if any.
    unowned: Vec<(&'a str, &'a [String])>,
    /// Many parties: the ownership and RACI slides pack tighter.
    dense: bool,
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
    /// `Since v2026 (2026-10-01)`: the "What changed" slides' title.
    since_title: String,
    /// `--since` was asked and nothing changed.
    no_changes: bool,
}

/// One slide's share of a long list, with its place in the series.
pub(super) struct Chunk<T> {
    pub(super) items: Vec<T>,
    pub(super) part: usize,
    pub(super) parts: usize,
}

impl<T> Chunk<T> {
    /// `" (2 of 3)"` when the list spans several slides.
    pub(super) fn suffix(&self) -> String {
        if self.parts > 1 {
            format!(" ({} of {})", self.part, self.parts)
        } else {
            String::new()
        }
    }
}

/// `items` cut into slides of at most `size`, numbered, and spread evenly
/// over as few slides as that takes: 10 rows of 9 a slide print as 5 and 5,
/// never as 9 and one orphaned row.
pub(super) fn chunks<T>(items: Vec<T>, size: usize) -> Vec<Chunk<T>> {
    let parts = items.len().div_ceil(size.max(1));
    // The first `extra` slides take one row more than the others.
    let (base, extra) = (
        items.len().checked_div(parts).unwrap_or(0),
        items.len().checked_rem(parts).unwrap_or(0),
    );
    let mut groups: Vec<Vec<T>> = Vec::with_capacity(parts);
    for item in items {
        // The open slide is number `groups.len()`: it holds `base` rows,
        // one more while it is one of the first `extra`.
        let open_is_full = groups
            .last()
            .is_none_or(|last| last.len() >= base + usize::from(groups.len() <= extra));
        if open_is_full {
            groups.push(Vec::new());
        }
        if let Some(last) = groups.last_mut() {
            last.push(item);
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
    /// Undefined ids the function names, shown hatched after its name.
    unknown: &'a [String],
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

/// The RACI matrix cut into slides of at most `per_slide` rows, balanced:
/// the smallest budget that needs no more slides than `per_slide` does, so
/// the last slide is not left with a row or two.
fn raci_slides(report: &Report, per_slide: usize) -> Vec<Chunk<RaciGroup<'_>>> {
    let per_slide = per_slide.max(2);
    let needed = raci_pages(report, per_slide).len();
    let budget = (2..per_slide)
        .find(|&budget| raci_pages(report, budget).len() <= needed)
        .unwrap_or(per_slide);
    numbered(raci_pages(report, budget))
}

/// The matrix's rows filled into slides of `per_slide` rows each (a
/// service heading costs a row).
fn raci_pages(report: &Report, per_slide: usize) -> Vec<Vec<RaciGroup<'_>>> {
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
        if slides.is_empty() || used + cost > per_slide {
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
                unknown: &row.unknown,
            });
        }
        used += 1;
    }
    slides
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
            split: split(report),
            hatched: !report.unknown_owners.is_empty(),
            unowned: report
                .unowned_with_unknown()
                .into_iter()
                .map(|(f, ids)| (f.name.as_str(), ids))
                .collect(),
            function_column: (100usize.saturating_sub(report.raci.parties.len() * 11))
                .clamp(28, 50),
            dense: report.raci.parties.len() > DENSE_PARTIES,
            raci: raci_slides(
                report,
                if report.raci.parties.len() > DENSE_PARTIES {
                    DENSE_RACI_ROWS
                } else {
                    RACI_ROWS
                },
            ),
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
            first: &f.first[..f.first.len().min(FINDING_ROWS)],
            more_findings: (f.errors + f.warnings).saturating_sub(f.first.len().min(FINDING_ROWS)),
            changes: report
                .changes
                .as_ref()
                .map(|c| chunks(c.iter().collect(), CHANGE_ROWS))
                .unwrap_or_default(),
            no_changes: report.changes.as_ref().is_some_and(Vec::is_empty),
            since_title: report
                .since
                .as_ref()
                .map_or_else(|| "What changed".to_owned(), super::since::Since::title),
        }
    }

    fn decider(&self, row: &DecisionRow) -> String {
        text::decider(&row.decides)
    }

    fn names(&self, parties: &[super::model::Who]) -> String {
        text::names(parties)
    }

    /// The badge colour of an impact: major is red, minor amber, info blue.
    fn impact_tone(&self, impact: &str) -> &'static str {
        match impact {
            "major" => "bad",
            "minor" => "warn",
            _ => "info",
        }
    }

    /// `unknown party` / `unknown parties` before the ids.
    fn unknown_party(&self, ids: &[String]) -> &'static str {
        text::unknown_party(ids.len())
    }

    fn or_dash(&self, value: &Option<String>) -> String {
        text::or_dash(value.as_deref())
    }
}
