//! Unit tests of the report builder on small hand-written scopes and
//! hand-made findings (independent of which lint rules exist).

use super::model::{Provision, build, term_months};
use crate::diagnostics::{Diagnostic, Level};
use crate::scope::{Date, Document, load_bytes};
use crate::source::Span;

const SCOPE: &str = "\
version: 1
engagement:
  client: Acme
  provider: Lakeside
  start: 2026-01-01
  renewal: 2027-01-01
  reviewed: 2026-10-01
parties:
  it: { name: Acme IT, role: internal }
  msp: { name: Lakeside, role: provider, hours: 24x7 }
  boss: { name: Board, role: leadership }
services:
  ops:
    name: Operations
    owner: msp
    functions:
      patching: { critical: true, backup: it, hours: 24x7, consulted: [it], informed: [boss] }
      backups: { critical: true, responsible: [it, msp] }
      erp: { owner: it, critical: true, backup: it, hours: 24x7 }
      onboarding: { owner: it, hours: extended, escalation: night }
      ghost: { owner: nobody, informed: [also-nobody] }
  misc:
    functions:
      orphan: { owner: [] }
";

fn doc(text: &str) -> Document {
    match load_bytes("t.yaml", text.as_bytes().to_vec()) {
        Ok(document) => document,
        Err(rejected) => panic!("test scope must load: {:?}", rejected.diagnostics),
    }
}

fn with_escalation() -> Document {
    doc(&format!(
        "{SCOPE}escalation:\n  night:\n    - {{ tier: 1, party: it, respond: 90m }}\n    - {{ tier: 2, party: msp, resolve: 1440m }}\n"
    ))
}

fn date(text: &str) -> Date {
    text.parse().expect("test date")
}

#[test]
fn header_counts_days_and_term() {
    let report = build(&with_escalation(), date("2026-11-22"), &[]);
    let h = &report.engagement;
    assert_eq!(h.term_months, Some(12));
    assert_eq!(h.days_to_renewal, Some(40));
    assert_eq!(h.days_since_review, Some(52));
    assert_eq!((h.services, h.functions, h.critical), (2, 6, 3));
    let past = build(&with_escalation(), date("2027-01-11"), &[]);
    assert_eq!(past.engagement.days_to_renewal, Some(-10));
}

#[test]
fn terms_round_to_whole_months() {
    assert_eq!(
        term_months(date("2025-07-01"), date("2027-06-30")),
        Some(24)
    );
    assert_eq!(term_months(date("2026-01-01"), date("2026-01-10")), Some(0));
    assert_eq!(term_months(date("2026-01-01"), date("2025-01-01")), None);
}

#[test]
fn ownership_counts_critical_without_backup() {
    let report = build(&with_escalation(), date("2026-11-22"), &[]);
    let by_id = |id: &str| {
        report
            .ownership
            .iter()
            .find(|o| o.party.id == id)
            .cloned()
            .expect("party listed")
    };
    let msp = by_id("msp");
    assert_eq!(
        (msp.owned, msp.critical, msp.critical_without_backup),
        (2, 2, 1)
    );
    // erp names its own owner as backup: that is no backup.
    let it = by_id("it");
    assert_eq!(
        (it.owned, it.critical, it.critical_without_backup),
        (2, 1, 1)
    );
    assert_eq!(it.backing_up, 2);
    // An undefined owner is no party of the tally: its function is unowned,
    // so the owned counts and the unowned add up to the functions.
    assert!(report.ownership.iter().all(|o| o.party.id != "nobody"));
    let unowned: Vec<&str> = report.unowned.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(unowned, ["ghost", "orphan"]);
    assert_eq!(report.unknown_owners.len(), 1);
    assert_eq!(report.unknown_owners[0].function.id, "ghost");
    assert_eq!(report.unknown_owners[0].parties, ["nobody"]);
    let owned: usize = report.ownership.iter().map(|o| o.owned).sum();
    assert_eq!(owned + report.unowned.len(), report.engagement.functions);
}

#[test]
fn raci_letters_and_backup() {
    let report = build(&with_escalation(), date("2026-11-22"), &[]);
    let raci = &report.raci;
    let ids: Vec<&str> = raci.parties.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["it", "msp", "boss"]);
    let ghost = raci
        .rows
        .iter()
        .find(|r| r.function == "ghost")
        .expect("row");
    assert_eq!(ghost.unknown, ["nobody", "also-nobody"]);
    let row = |f: &str| {
        raci.rows
            .iter()
            .find(|r| r.function == f)
            .expect("row present")
    };
    let cells = |f: &str| -> Vec<(String, bool)> {
        row(f)
            .cells
            .iter()
            .map(|c| (c.letters.clone(), c.backup))
            .collect()
    };
    // Owner with no `responsible` is R and A.
    assert_eq!(cells("patching")[0], ("C".to_owned(), true));
    assert_eq!(cells("patching")[1], ("RA".to_owned(), false));
    assert_eq!(cells("patching")[2], ("I".to_owned(), false));
    // An explicit `responsible` list replaces the owner's R.
    assert_eq!(cells("backups")[0], ("R".to_owned(), false));
    assert_eq!(cells("backups")[1], ("RA".to_owned(), false));
    assert!(cells("orphan").iter().all(|(l, b)| l.is_empty() && !b));
    // Undefined ids get no column (and no letters in one).
    assert!(cells("ghost").iter().all(|(l, b)| l.is_empty() && !b));
    assert!(row("patching").critical);
    assert_eq!(row("patching").service_name, "Operations");
}

#[test]
fn coverage_owner_escalation_or_gap() {
    let report = build(&with_escalation(), date("2026-11-22"), &[]);
    let status = |f: &str| {
        let row = report
            .coverage
            .iter()
            .find(|c| c.function.id == f)
            .expect("coverage row");
        (row.status, row.provided_by.clone())
    };
    assert_eq!(
        status("patching"),
        (Provision::Owner, vec!["Lakeside".to_owned()])
    );
    assert_eq!(status("erp"), (Provision::Gap, vec![]));
    assert_eq!(
        status("onboarding"),
        (Provision::Escalation, vec!["tier 2: Lakeside".to_owned()])
    );
    assert_eq!(report.coverage.len(), 3);
}

#[test]
fn ladders_normalise_durations() {
    let report = build(&with_escalation(), date("2026-11-22"), &[]);
    let ladder = &report.escalation[0];
    assert_eq!(ladder.path, "night");
    assert_eq!(ladder.functions, 1);
    assert_eq!(ladder.tiers[0].respond.as_deref(), Some("1h30m"));
    assert_eq!(ladder.tiers[1].resolve.as_deref(), Some("1d"));
    assert_eq!(ladder.tiers[0].hours.as_str(), "business");
}

#[test]
fn findings_are_counted_by_rule_and_listed_in_file_order() {
    let document = with_escalation();
    let at = |needle: &str| {
        let start = document.source.text().find(needle).expect("text present");
        Span {
            start,
            len: needle.len(),
        }
    };
    let findings = vec![
        Diagnostic::error("unowned-function", "no owner", at("orphan"))
            .with_pointer("/services/ops/functions/orphan"),
        Diagnostic::error("missing-backup", "critical, no backup", at("backups"))
            .with_pointer("/services/ops/functions/backups")
            .with_level(Level::Warning),
        Diagnostic::error("missing-backup", "critical, no backup", at("erp"))
            .with_pointer("/services/ops/functions/erp")
            .with_level(Level::Warning),
        Diagnostic {
            suppressed: Some("vendor on call".to_owned()),
            ..Diagnostic::error("coverage-gap", "no one at night", at("patching"))
        },
    ];
    let report = build(&document, date("2026-11-22"), &findings);
    let f = &report.findings;
    assert_eq!((f.errors, f.warnings, f.waived), (1, 2, 1));
    let rules: Vec<(&str, usize)> = f
        .by_rule
        .iter()
        .map(|r| (r.rule.as_str(), r.count))
        .collect();
    assert_eq!(rules, [("unowned-function", 1), ("missing-backup", 2)]);
    let order: Vec<&str> = f.first.iter().map(|l| l.rule.as_str()).collect();
    assert_eq!(
        order,
        ["missing-backup", "missing-backup", "unowned-function"]
    );
    assert_eq!(f.first[0].item, "function `backups` in service `ops`");
    assert_eq!(f.first[0].line, 18);
}

#[test]
fn report_serializes_every_key() {
    let report = build(&with_escalation(), date("2026-11-22"), &[]);
    let json = serde_json::to_value(&report).expect("serializes");
    for key in [
        "engagement",
        "ownership",
        "unowned",
        "raci",
        "decisions",
        "authority",
        "escalation",
        "coverage",
        "findings",
        "changes",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert!(json["changes"].is_null());
    assert!(json["authority"]["tie_breaker"].is_null());
}
