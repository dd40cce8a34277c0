//! The portfolio view (DESIGN.md section 5, revision 2): one row per client
//! scope, worst first, with totals — the MSP's many engagements at a glance.
//!
//! Rows are computed from each scope's [`Report`], so a client's numbers in
//! the portfolio are exactly those of its own report. A scope that does not
//! load is a row that says so; it never hides the others.

use serde::Serialize;

use super::model::{Provision, Report};

/// Every scope of the portfolio, worst first, with totals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    /// One row per scope file, worst first.
    pub scopes: Vec<PortfolioRow>,
    /// Sums over the rows.
    pub totals: Totals,
}

/// One client scope's line of the portfolio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortfolioRow {
    /// The scope file, as given or found.
    pub file: String,
    /// The client's name; the file name when the scope does not load.
    pub client: String,
    /// Functions in scope.
    pub functions: usize,
    /// Critical functions with no backup other than the owner.
    pub critical_without_backup: usize,
    /// Functions with no owner, or whose owner is no defined party.
    pub unowned: usize,
    /// Functions whose needed hours nobody covers.
    pub coverage_gaps: usize,
    /// Open lint errors (waived not counted); load errors when not loaded.
    pub errors: usize,
    /// Open lint warnings (waived not counted).
    pub warnings: usize,
    /// Days from today to renewal; negative when past; `null` when not set.
    pub renewal_in_days: Option<i64>,
    /// Days since the last joint review; `null` when never recorded.
    pub reviewed_days_ago: Option<i64>,
    /// Whether the scope loaded (parsed and passed the schema).
    pub loaded: bool,
    /// The provider, as written.
    pub provider: Option<String>,
    /// When the scope does not load: its first error (`file:line:col: message`).
    pub error: Option<String>,
    /// The anchor of this client's section on the HTML page (`harbor-dental-group`).
    #[serde(skip)]
    pub anchor: String,
}

/// The portfolio's sums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Totals {
    /// Scope files read.
    pub scopes: usize,
    /// Of those, how many do not load.
    pub not_loaded: usize,
    /// Functions over all scopes.
    pub functions: usize,
    /// Critical functions without a backup.
    pub critical_without_backup: usize,
    /// Unowned functions.
    pub unowned: usize,
    /// Coverage gaps.
    pub coverage_gaps: usize,
    /// Lint (and load) errors.
    pub errors: usize,
    /// Lint warnings.
    pub warnings: usize,
}

/// What reading one scope file gave the portfolio.
pub enum Entry<'a> {
    /// The scope loaded; its report.
    Loaded {
        /// The file.
        file: &'a str,
        /// Its report.
        report: &'a Report,
    },
    /// The scope does not load.
    Failed {
        /// The file.
        file: &'a str,
        /// How many errors loading found.
        errors: usize,
        /// The first of them, `file:line:col: message`.
        first: String,
    },
}

impl PortfolioRow {
    /// The row of a scope that loaded.
    pub fn of(file: &str, report: &Report) -> Self {
        let h = &report.engagement;
        Self {
            file: file.to_owned(),
            client: h.client.clone(),
            functions: h.functions,
            critical_without_backup: report
                .ownership
                .iter()
                .map(|o| o.critical_without_backup)
                .sum(),
            unowned: report.unowned.len(),
            coverage_gaps: report
                .coverage
                .iter()
                .filter(|c| c.status == Provision::Gap)
                .count(),
            errors: report.findings.errors,
            warnings: report.findings.warnings,
            renewal_in_days: h.days_to_renewal,
            reviewed_days_ago: h.days_since_review,
            loaded: true,
            provider: h.provider.clone(),
            error: None,
            anchor: String::new(),
        }
    }

    /// The row of a scope that does not load.
    pub fn failed(file: &str, errors: usize, first: String) -> Self {
        Self {
            file: file.to_owned(),
            client: file.to_owned(),
            functions: 0,
            critical_without_backup: 0,
            unowned: 0,
            coverage_gaps: 0,
            errors,
            warnings: 0,
            renewal_in_days: None,
            reviewed_days_ago: None,
            loaded: false,
            provider: None,
            error: Some(first),
            anchor: String::new(),
        }
    }
}

/// The portfolio of `entries`, sorted [`worst_first`] (the file name last,
/// so the order never depends on how the files were found).
pub fn build(entries: &[Entry<'_>]) -> Portfolio {
    let mut scopes: Vec<PortfolioRow> = entries
        .iter()
        .map(|entry| match entry {
            Entry::Loaded { file, report } => PortfolioRow::of(file, report),
            Entry::Failed {
                file,
                errors,
                first,
            } => PortfolioRow::failed(file, *errors, first.clone()),
        })
        .collect();
    let mut used = std::collections::HashSet::new();
    for row in &mut scopes {
        row.anchor = unique_anchor(&row.client, &mut used);
    }
    scopes.sort_by(worst_first);
    let totals = scopes.iter().fold(Totals::default(), |mut t, row| {
        t.scopes += 1;
        t.not_loaded += usize::from(!row.loaded);
        t.functions += row.functions;
        t.critical_without_backup += row.critical_without_backup;
        t.unowned += row.unowned;
        t.coverage_gaps += row.coverage_gaps;
        t.errors += row.errors;
        t.warnings += row.warnings;
        t
    });
    Portfolio { scopes, totals }
}

/// The portfolio order: scopes that do not load, then most lint errors, then
/// soonest renewal (no renewal date last), then file name.
pub fn worst_first(a: &PortfolioRow, b: &PortfolioRow) -> std::cmp::Ordering {
    let renewal = |r: &PortfolioRow| r.renewal_in_days.unwrap_or(i64::MAX);
    a.loaded
        .cmp(&b.loaded)
        .then(b.errors.cmp(&a.errors))
        .then(renewal(a).cmp(&renewal(b)))
        .then_with(|| a.file.cmp(&b.file))
}

/// `name` as an HTML id: lowercase ASCII letters and digits joined by `-`
/// (`Harbor Dental Group` → `harbor-dental-group`), made unique among
/// `used` with a `-2`, `-3`… suffix. Never empty.
pub fn unique_anchor(name: &str, used: &mut std::collections::HashSet<String>) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        // Ids longer than this help nobody; keep the page small.
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let base = if slug.is_empty() { "client" } else { slug }.to_owned();
    let mut anchor = base.clone();
    let mut n = 2;
    while !used.insert(anchor.clone()) {
        anchor = format!("{base}-{n}");
        n += 1;
    }
    anchor
}

/// A day count for a table: the number, or `—` when not set.
pub fn days(value: Option<i64>) -> String {
    value.map_or_else(|| "—".to_owned(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn anchors_are_slugs_and_unique() {
        let mut used = HashSet::new();
        assert_eq!(
            unique_anchor("Harbor Dental Group", &mut used),
            "harbor-dental-group"
        );
        assert_eq!(
            unique_anchor("Harbor  Dental-Group!", &mut used),
            "harbor-dental-group-2"
        );
        assert_eq!(unique_anchor("<script>", &mut used), "script");
        assert_eq!(unique_anchor("東京", &mut used), "client");
        assert_eq!(unique_anchor("", &mut used), "client-2");
        assert!(unique_anchor(&"x".repeat(10_000), &mut used).len() <= 60);
    }

    #[test]
    fn failed_scopes_sort_first_then_errors_then_renewal() {
        let row = |file: &str, loaded: bool, errors: usize, renewal: Option<i64>| PortfolioRow {
            renewal_in_days: renewal,
            loaded,
            ..PortfolioRow::failed(file, errors, String::new())
        };
        let mut rows = [
            row("a", true, 0, Some(10)),
            row("b", true, 2, Some(300)),
            row("c", true, 0, None),
            row("d", false, 1, None),
            row("e", true, 0, Some(5)),
            row("f", true, 2, Some(30)),
        ];
        rows.sort_by(worst_first);
        let order: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(order, ["d", "f", "b", "e", "a", "c"]);
    }
}
