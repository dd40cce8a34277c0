use super::*;
use crate::lint::{self, LintOptions};
use crate::lsp::features::apply_edits;
use crate::lsp::features::test_support::{NORTHWIND, nth};
use crate::scope;
use crate::source::SourceFile;

/// The findings `lint` gives for `text`: the loader's when it does not load.
fn findings(text: &str) -> Vec<Diagnostic> {
    match scope::load(SourceFile::new("scope.yaml", text)) {
        Ok(doc) => lint::check(
            &doc,
            &LintOptions {
                today: "2026-12-01".parse().unwrap(),
            },
        ),
        Err(rejected) => rejected.diagnostics,
    }
}

/// The actions at the first `needle` of `text`.
fn actions_at(text: &str, needle: &str) -> (Vec<Diagnostic>, Vec<Action>) {
    let diagnostics = findings(text);
    let at = nth(text, needle, 0);
    let actions = code_actions(text, &diagnostics, Span::new(at, 0));
    (diagnostics, actions)
}

fn preferred(actions: &[Action]) -> &Action {
    actions
        .iter()
        .find(|a| a.preferred)
        .expect("a preferred fix")
}

#[test]
fn an_unknown_party_gets_its_did_you_mean() {
    let text = NORTHWIND.replacen("    owner: msp\n", "    owner: mps\n", 1);
    let (diagnostics, actions) = actions_at(&text, "mps");
    let fix = preferred(&actions);
    assert_eq!(fix.title, "Replace `mps` with `msp`");
    assert_eq!(diagnostics[fix.diagnostic.unwrap()].rule, "unknown-party");
    assert_eq!(apply_edits(&text, &fix.edits), NORTHWIND);
}

#[test]
fn a_quoted_value_keeps_its_quotes() {
    let text = NORTHWIND.replacen("    owner: msp\n", "    owner: \"mps\"\n", 1);
    let (_, actions) = actions_at(&text, "mps");
    let after = apply_edits(&text, &preferred(&actions).edits);
    assert!(after.contains("    owner: \"msp\"\n"));
}

#[test]
fn an_unknown_key_an_enum_value_and_a_rule_id() {
    let text = NORTHWIND.replacen("    owner: msp\n", "    ownr: msp\n", 1);
    let (_, actions) = actions_at(&text, "ownr");
    assert_eq!(apply_edits(&text, &preferred(&actions).edits), NORTHWIND);

    let text = NORTHWIND.replacen("role: provider", "role: providr", 1);
    let (_, actions) = actions_at(&text, "providr");
    assert_eq!(apply_edits(&text, &preferred(&actions).edits), NORTHWIND);

    let text = NORTHWIND.replacen("missing-backup:", "missing-bakup:", 1);
    let (diagnostics, actions) = actions_at(&text, "missing-bakup");
    let fix = preferred(&actions);
    assert_eq!(diagnostics[fix.diagnostic.unwrap()].rule, "unknown-rule");
    assert_eq!(apply_edits(&text, &fix.edits), NORTHWIND);
}

#[test]
fn no_fix_without_a_suggestion_nor_away_from_the_finding() {
    let text = NORTHWIND.replacen("    owner: msp\n", "    owner: zzzzzz\n", 1);
    let (_, actions) = actions_at(&text, "zzzzzz");
    assert!(actions.iter().all(|a| !a.preferred));
    let (_, elsewhere) = actions_at(&text, "version");
    assert!(elsewhere.is_empty());
}

#[test]
fn a_rule_finding_can_be_waived_on_its_function() {
    let text = NORTHWIND.replacen(
        "        backup: msp\n        critical: true\n",
        "        critical: true\n",
        1,
    );
    // The finding is on `critical: true` of that function.
    let diagnostics = findings(&text);
    let at = nth(&text, "security-monitoring:", 0);
    let at = at + text[at..].find("true").unwrap();
    let actions = code_actions(&text, &diagnostics, Span::new(at, 4));
    let waive = actions
        .iter()
        .find(|a| a.title == "Waive `missing-backup` here (on function `security-monitoring`)")
        .expect("a waive action");
    assert!(!waive.preferred);
    let after = apply_edits(&text, &waive.edits);
    let still: Vec<String> = findings(&after)
        .into_iter()
        .filter(|d| d.rule == "missing-backup" && d.suppressed.is_none())
        .map(|d| d.pointer)
        .collect();
    assert!(!still.contains(&diagnostics[waive.diagnostic.unwrap()].pointer));
    assert!(after.contains("        waive:\n          missing-backup:\n            reason: \"TODO: why missing-backup does not apply here\"\n"));
}

#[test]
fn schema_errors_and_waived_findings_get_no_waive_action() {
    let text = NORTHWIND.replacen("    owner: msp\n", "    ownr: msp\n", 1);
    let (_, actions) = actions_at(&text, "ownr");
    assert!(actions.iter().all(|a| !a.title.starts_with("Waive")));
    let (diagnostics, actions) = actions_at(NORTHWIND, "dark-web-monitoring:");
    assert!(diagnostics.iter().any(|d| d.suppressed.is_some()));
    assert!(actions.iter().all(|a| !a.title.contains("missing-backup")));
}

#[test]
fn suggestions_are_read_from_the_help_line_only_when_plain() {
    assert_eq!(suggestion("did you mean `msp`?"), Some("msp"));
    assert_eq!(
        suggestion("did you mean `owner`? `x` is one of: a, b"),
        Some("owner")
    );
    assert_eq!(suggestion("define party `x` under `parties:`"), None);
    assert_eq!(suggestion("did you mean `a b`?"), None);
    assert_eq!(suggestion("did you mean `msp"), None);
}
