//! The report as plain data: everything a QBR page shows, computed once.
//!
//! [`build`] is pure (scope, today, findings in; [`Report`] out) so every
//! renderer shows the same numbers, and `--format json` is this model as is.
//! Keys are stable: optional values serialize as `null`, never vanish.

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Level};
use crate::scope::{Date, Document, Function, Hours, Scope, Service};

/// How many findings the report lists line by line; the rest are counted.
pub const FIRST_FINDINGS: usize = 10;

/// One view of the engagement for a quarterly business review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Client, provider, term and dates.
    pub engagement: Header,
    /// Functions owned per party.
    pub ownership: Vec<Ownership>,
    /// Functions with no owner that is a defined party: no owner at all, or
    /// only undefined ids (`owner: nobody`). The "Unowned" number counts both.
    pub unowned: Vec<FunctionRef>,
    /// Of those, the ones whose owner names undefined parties, with the ids.
    pub unknown_owners: Vec<UnknownOwner>,
    /// Functions × parties with RACI letters.
    pub raci: Raci,
    /// Who decides recurring questions.
    pub decisions: Vec<DecisionRow>,
    /// Who has the final word.
    pub authority: Authority,
    /// Escalation ladders.
    pub escalation: Vec<Ladder>,
    /// Functions that need given hours, and who provides them.
    pub coverage: Vec<CoverageRow>,
    /// Open lint findings.
    pub findings: FindingsSummary,
    /// What changed since a revision (`--since`); `None` when not asked.
    pub changes: Option<Vec<SinceChange>>,
    /// The revision `changes` start from; `None` when not asked.
    pub since: Option<super::since::Since>,
}

/// The engagement header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Header {
    /// The client business.
    pub client: String,
    /// The provider, as written.
    pub provider: Option<String>,
    /// The date the report takes as today.
    pub today: Date,
    /// Contract start.
    pub start: Option<Date>,
    /// Renewal date.
    pub renewal: Option<Date>,
    /// Whole months from start to renewal (rounded); `None` without both dates.
    pub term_months: Option<i64>,
    /// Days from today to renewal; negative when it is past.
    pub days_to_renewal: Option<i64>,
    /// Last joint review.
    pub reviewed: Option<Date>,
    /// Days since the last joint review (negative when it lies in the future).
    pub days_since_review: Option<i64>,
    /// Number of services.
    pub services: usize,
    /// Number of functions.
    pub functions: usize,
    /// Number of critical functions.
    pub critical: usize,
}

/// A party, by id and display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Who {
    /// The party id.
    pub id: String,
    /// Its name; the id when the party is not declared.
    pub name: String,
}

impl Report {
    /// Each unowned function with the undefined ids its owner names (empty
    /// when it names none), in file order. `unknown_owners` is a
    /// subsequence of `unowned` in the same order, so one pass pairs them:
    /// a lookup per function would be quadratic in scopes where many
    /// functions name an undefined owner.
    pub fn unowned_with_unknown(&self) -> Vec<(&FunctionRef, &[String])> {
        let mut unknown = self.unknown_owners.iter().peekable();
        self.unowned
            .iter()
            .map(|f| match unknown.next_if(|u| u.function == *f) {
                Some(u) => (f, &u.parties[..]),
                None => (f, &[][..]),
            })
            .collect()
    }
}

/// A function, by service and id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionRef {
    /// Service id.
    pub service: String,
    /// Function id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A function whose owner is no defined party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnknownOwner {
    /// The function.
    pub function: FunctionRef,
    /// The undefined ids its owner names.
    pub parties: Vec<String>,
}

/// How much one party owns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ownership {
    /// The party.
    pub party: Who,
    /// Its role word (`internal`, `provider`…); `None` when not declared.
    pub role: Option<String>,
    /// Functions it owns (is accountable for).
    pub owned: usize,
    /// Of those, critical ones.
    pub critical: usize,
    /// Critical ones with no backup other than the owner.
    pub critical_without_backup: usize,
    /// Functions it backs up.
    pub backing_up: usize,
}

/// The RACI matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Raci {
    /// The columns: the defined parties, in file order. An undefined id is
    /// no column: each row lists the ones it names in [`RaciRow::unknown`].
    pub parties: Vec<Who>,
    /// One row per function, in file order.
    pub rows: Vec<RaciRow>,
}

/// One function's row of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RaciRow {
    /// Service id.
    pub service: String,
    /// Service display name.
    pub service_name: String,
    /// Function id.
    pub function: String,
    /// Function display name.
    pub function_name: String,
    /// Whether the function is critical.
    pub critical: bool,
    /// One cell per column of [`Raci::parties`], same order.
    pub cells: Vec<RaciCell>,
    /// Undefined party ids this function names (owner, backup, RACI lists).
    pub unknown: Vec<String>,
}

/// What one party is for one function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RaciCell {
    /// The party id of this column.
    pub party: String,
    /// Letters among `R`, `A`, `C`, `I`, in that order; empty for none.
    pub letters: String,
    /// Whether this party is the function's backup owner.
    pub backup: bool,
}

/// One decision right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionRow {
    /// Decision id.
    pub id: String,
    /// The question, as written.
    pub question: Option<String>,
    /// Who decides (empty: undecided; several: contested).
    pub decides: Vec<Who>,
    /// Who is consulted.
    pub consulted: Vec<Who>,
    /// Who is informed.
    pub informed: Vec<Who>,
    /// The service's display name, when the decision names one.
    pub service: Option<String>,
}

/// Who has the final word, per area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Authority {
    /// Final word when internal staff and provider disagree.
    pub tie_breaker: Option<Who>,
    /// Approves changes to the scope.
    pub scope_changes: Option<Who>,
    /// Decides requests outside the scope.
    pub out_of_scope: Option<Who>,
}

/// One escalation path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ladder {
    /// Path id.
    pub path: String,
    /// How many functions follow this path.
    pub functions: usize,
    /// The tiers, in file order.
    pub tiers: Vec<TierRow>,
}

/// One tier of a ladder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierRow {
    /// Tier number.
    pub tier: u32,
    /// Who handles it.
    pub party: Who,
    /// How to reach it.
    pub channel: Option<String>,
    /// Hours covered: the tier's own, else its party's.
    pub hours: Hours,
    /// Target response, normalised (`1h30m`).
    pub respond: Option<String>,
    /// Target resolution, normalised.
    pub resolve: Option<String>,
}

/// How a function's hours are met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Provision {
    /// The single owner covers the hours.
    Owner,
    /// The owner does not, but a tier of its escalation path does.
    Escalation,
    /// Nobody covers them.
    Gap,
}

/// One function that needs given hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageRow {
    /// The function.
    pub function: FunctionRef,
    /// Hours it needs.
    pub need: Hours,
    /// Its owner(s).
    pub owners: Vec<Who>,
    /// How the need is met.
    pub status: Provision,
    /// Who provides the hours: the owner, or the tiers that cover them
    /// (`tier 2: Northwind IT`); empty for a gap.
    pub provided_by: Vec<String>,
}

/// Lint findings, counted and the first few listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingsSummary {
    /// Open errors.
    pub errors: usize,
    /// Open warnings.
    pub warnings: usize,
    /// Findings silenced by a waiver.
    pub waived: usize,
    /// Open findings per rule: errors first, then by count.
    pub by_rule: Vec<RuleCount>,
    /// The first [`FIRST_FINDINGS`] open findings, in file order.
    pub first: Vec<FindingLine>,
}

/// Open findings of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Rule id.
    pub rule: String,
    /// `error` or `warning`.
    pub level: Level,
    /// How many.
    pub count: usize,
}

/// One open finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingLine {
    /// Rule id.
    pub rule: String,
    /// `error` or `warning`.
    pub level: Level,
    /// 1-based line in the scope file.
    pub line: usize,
    /// The item it concerns ("function `x` in service `y`").
    pub item: String,
    /// What is wrong.
    pub message: String,
}

/// One change since a revision, as the diff describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SinceChange {
    /// What it touches (a service, decisions, escalation…).
    pub group: String,
    /// What changed, as the diff writes it (ids in backticks).
    pub summary: String,
    /// The same sentence with names instead of ids, for people.
    pub phrases: Vec<super::since::Phrase>,
    /// Why it matters: `info`, `minor` or `major`.
    pub impact: String,
}

/// Builds the report of `document` as of `today`, with its lint `findings`.
pub fn build(document: &Document, today: Date, findings: &[Diagnostic]) -> Report {
    let scope = &document.scope;
    let line_of = |d: &Diagnostic| document.source.line_col(d.primary.span.start).0;
    Report {
        engagement: header(scope, today),
        ownership: super::ownership::tally(scope),
        unowned: each_function(scope)
            .filter(|(_, service, _, f)| !has_defined_owner(scope, service, f))
            .map(|(sid, _, fid, f)| function_ref(sid, fid, f))
            .collect(),
        unknown_owners: each_function(scope)
            .filter(|(_, service, _, f)| !has_defined_owner(scope, service, f))
            .filter_map(|(sid, service, fid, f)| {
                let owners = scope.owners(service, f);
                (!owners.is_empty()).then(|| UnknownOwner {
                    function: function_ref(sid, fid, f),
                    parties: owners.iter().map(|o| (*o).to_owned()).collect(),
                })
            })
            .collect(),
        raci: super::raci::matrix(scope),
        decisions: super::governance::decisions(scope),
        authority: super::governance::authority(scope),
        escalation: super::governance::ladders(scope),
        coverage: super::coverage::rows(scope),
        findings: super::findings::summarize(findings, line_of),
        changes: None,
        since: None,
    }
}

/// Whether `function` has an owner that is a defined party.
fn has_defined_owner(scope: &Scope, service: &Service, function: &Function) -> bool {
    scope
        .owners(service, function)
        .iter()
        .any(|o| scope.parties.contains_key(*o))
}

/// The party `id` with its display name (the id when undeclared).
pub fn who(scope: &Scope, id: &str) -> Who {
    Who {
        id: id.to_owned(),
        name: scope
            .parties
            .get(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone()),
    }
}

/// A function reference for `function` in service `service`.
pub fn function_ref(service: &str, id: &str, function: &Function) -> FunctionRef {
    FunctionRef {
        service: service.to_owned(),
        id: id.to_owned(),
        name: function.display_name(id).to_owned(),
    }
}

/// Every function with its service, in file order.
pub fn each_function(scope: &Scope) -> impl Iterator<Item = (&str, &Service, &str, &Function)> {
    scope.services.iter().flat_map(|(sid, service)| {
        service
            .functions
            .iter()
            .map(move |(fid, f)| (sid.as_str(), service, fid.as_str(), f))
    })
}

fn header(scope: &Scope, today: Date) -> Header {
    let e = &scope.engagement;
    Header {
        client: e.client.clone(),
        provider: e.provider.clone(),
        today,
        start: e.start,
        renewal: e.renewal,
        term_months: match (e.start, e.renewal) {
            (Some(start), Some(renewal)) => term_months(start, renewal),
            _ => None,
        },
        days_to_renewal: e.renewal.map(|r| r.days_since(today)),
        reviewed: e.reviewed,
        days_since_review: e.reviewed.map(|r| today.days_since(r)),
        services: scope.services.len(),
        functions: scope.functions().count(),
        critical: scope.functions().filter(|(_, _, f)| f.critical).count(),
    }
}

/// Months from `start` to `end`, rounded to the nearest whole month
/// (a 2025-07-01 → 2027-06-30 contract is a 24-month term). `None` when the
/// renewal does not come after the start.
pub fn term_months(start: Date, end: Date) -> Option<i64> {
    if end <= start {
        return None;
    }
    let span = start
        .0
        .until((jiff::Unit::Month, end.0))
        .ok()?
        .round(
            jiff::SpanRound::new()
                .smallest(jiff::Unit::Month)
                .largest(jiff::Unit::Month)
                .relative(start.0)
                .mode(jiff::RoundMode::HalfExpand),
        )
        .ok()?;
    Some(i64::from(span.get_months()))
}
