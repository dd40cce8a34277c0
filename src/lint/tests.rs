//! Unit tests of the engine: levels, waivers and their precedence.

use super::{LintOptions, check};
use crate::diagnostics::{Diagnostic, Level};
use crate::scope::load_bytes;

const BASE: &str = "version: 1
engagement: { client: Harbor Dental Group }
parties:
  internal: { name: Harbor IT, role: internal }
  msp: { name: Lakeside, role: provider, hours: 24x7 }
authority: { tie-breaker: internal }
cadence:
  - { name: Weekly sync, every: week, parties: [msp, internal] }
services:
";

fn lint(services: &str) -> Vec<Diagnostic> {
    let text = format!("{BASE}{services}");
    let document = load_bytes("scope.yaml", text.into_bytes()).expect("valid scope");
    let today = "2026-11-22".parse().unwrap();
    check(&document, &LintOptions { today })
}

fn rules(findings: &[Diagnostic]) -> Vec<(&str, bool)> {
    findings
        .iter()
        .map(|f| (f.rule.as_str(), f.suppressed.is_some()))
        .collect()
}

#[test]
fn the_function_waiver_reason_wins_over_the_service_waiver() {
    let findings = lint(
        "  security:
    owner: msp
    waive: { missing-backup: { reason: service reason } }
    functions:
      patching:
        critical: true
        waive: { missing-backup: { reason: function reason } }
      edr: { critical: true }
",
    );
    assert_eq!(
        rules(&findings),
        [("missing-backup", true), ("missing-backup", true)]
    );
    assert_eq!(findings[0].suppressed.as_deref(), Some("function reason"));
    assert_eq!(findings[1].suppressed.as_deref(), Some("service reason"));
}

#[test]
fn a_waiver_of_an_allowed_rule_is_not_reported() {
    let findings = lint(
        "  security:
    owner: msp
    functions:
      patching:
        waive: { missing-backup: { reason: r, until: 2020-01-01 } }
lint: { missing-backup: allow }
",
    );
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn an_expired_waiver_is_reported_and_the_rule_fires_again() {
    let findings = lint(
        "  security:
    owner: msp
    functions:
      patching:
        critical: true
        waive: { missing-backup: { reason: r, until: 2026-11-21 } }
",
    );
    assert_eq!(
        rules(&findings),
        [("missing-backup", false), ("expired-waiver", false)]
    );
    // The last day of a waiver still counts.
    let findings = lint(
        "  security:
    owner: msp
    functions:
      patching:
        critical: true
        waive: { missing-backup: { reason: r, until: 2026-11-22 } }
",
    );
    assert_eq!(rules(&findings), [("missing-backup", true)]);
}

#[test]
fn the_lint_map_changes_levels_and_unknown_ids_are_reported_with_a_suggestion() {
    let findings = lint(
        "  security:
    owner: msp
    functions:
      patching: { critical: true }
lint: { missing-backup: deny, unused-partys: allow }
",
    );
    assert_eq!(
        rules(&findings),
        [("missing-backup", false), ("unknown-rule", false)]
    );
    assert_eq!(findings[0].level, Level::Error);
    assert_eq!(findings[1].pointer, "/lint/unused-partys");
    assert_eq!(
        findings[1].help.as_deref(),
        Some("did you mean `unused-party`?")
    );
}

#[test]
fn waivers_of_the_engine_rules_silence_their_findings() {
    let findings = lint(
        "  security:
    owner: msp
    functions:
      patching:
        backup: internal
        waive:
          missing-backup: { reason: kept for the audit trail }
          unused-waiver: { reason: the audit wants both }
",
    );
    assert_eq!(rules(&findings), [("unused-waiver", true)]);
}

#[test]
fn findings_come_in_file_order() {
    let findings = lint(
        "  security:
    functions:
      patching: { critical: true }
      edr: { owner: nobody }
",
    );
    let starts: Vec<usize> = findings.iter().map(|f| f.primary.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
    assert_eq!(
        rules(&findings),
        [
            ("unowned-function", false),
            ("missing-backup", false),
            ("unknown-party", false)
        ]
    );
}
