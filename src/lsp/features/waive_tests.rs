use super::*;
use crate::lsp::features::apply_edits;
use crate::lsp::features::test_support::load;

fn item(pointer: &str) -> Vec<String> {
    item_of(pointer).unwrap()
}

fn waived(text: &str, pointer: &str, rule: &str) -> String {
    let edit = waive_edit(text, &item(pointer), rule).unwrap();
    let after = apply_edits(text, &[edit]);
    load(&after);
    after
}

const HEAD: &str =
    "version: 1\nengagement: { client: C }\nparties:\n  msp: { name: M, role: provider }\n";

#[test]
fn the_item_is_the_innermost_waivable_one() {
    assert_eq!(
        item("/services/s/functions/f/backup"),
        ["services", "s", "functions", "f"]
    );
    assert_eq!(item("/services/s/owner"), ["services", "s"]);
    assert_eq!(item("/parties/msp"), ["parties", "msp"]);
    assert_eq!(item("/decisions/d/decides/0"), ["decisions", "d"]);
    assert_eq!(
        item("/services/a~1b/functions/f"),
        ["services", "a/b", "functions", "f"]
    );
    assert_eq!(item_of("/authority/tie-breaker"), None);
    assert_eq!(item_of(""), None);
}

#[test]
fn a_block_item_gets_a_block_waiver_at_its_indentation() {
    let text = format!(
        "{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f:\n        critical: true  # important\n      g: {{}}\n"
    );
    let after = waived(&text, "/services/s/functions/f", "missing-backup");
    assert_eq!(
        after,
        text.replace(
            "# important\n",
            "# important\n        waive:\n          missing-backup:\n            reason: \"TODO: why missing-backup does not apply here\"\n"
        )
    );
}

#[test]
fn four_space_indentation_is_kept() {
    let text = format!(
        "{HEAD}services:\n    s:\n        owner: msp\n        functions:\n            f:\n                critical: true\n"
    );
    let after = waived(&text, "/services/s/functions/f", "missing-backup");
    assert!(after.ends_with("                critical: true\n                waive:\n                    missing-backup:\n                        reason: \"TODO: why missing-backup does not apply here\"\n"), "{after}");
}

#[test]
fn a_flow_item_gets_a_flow_waiver() {
    let text = format!(
        "{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f: {{ critical: true }}\n"
    );
    let after = waived(&text, "/services/s/functions/f/critical", "missing-backup");
    assert!(after.contains("f: { critical: true, waive: { missing-backup: { reason: \"TODO: why missing-backup does not apply here\" } } }\n"), "{after}");
    let nested = format!(
        "{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f: {{ critical: true, informed: [ msp ] }}\n"
    );
    let after = waived(&nested, "/services/s/functions/f", "missing-backup");
    assert!(
        after.contains("informed: [ msp ], waive: { missing-backup: "),
        "{after}"
    );
}

#[test]
fn an_empty_flow_item_gets_the_waiver_inside() {
    let text = format!("{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f: {{}}\n");
    let after = waived(&text, "/services/s/functions/f", "unused-waiver");
    assert!(
        after.contains("f: { waive: { unused-waiver: { reason: "),
        "{after}"
    );
}

#[test]
fn an_existing_waive_map_gets_one_more_entry() {
    let text = format!(
        "{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f:\n        critical: true\n        waive:\n          missing-backup:\n            reason: vendor on call\n        notes: n\n"
    );
    let after = waived(&text, "/services/s/functions/f", "coverage-gap");
    assert!(after.contains("            reason: vendor on call\n          coverage-gap:\n            reason: \"TODO: why coverage-gap does not apply here\"\n        notes: n\n"), "{after}");
    let flow = format!(
        "{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f:\n        critical: true\n        waive: {{ missing-backup: {{ reason: r }} }}\n"
    );
    let after = waived(&flow, "/services/s/functions/f", "coverage-gap");
    assert!(
        after.contains("waive: { missing-backup: { reason: r }, coverage-gap: { reason: "),
        "{after}"
    );
}

#[test]
fn crlf_and_a_missing_last_newline_are_respected() {
    let text = format!(
        "{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f:\n        critical: true"
    )
    .replace('\n', "\r\n");
    let after = waived(&text, "/services/s/functions/f", "missing-backup");
    assert!(after.ends_with("critical: true\r\n        waive:\r\n          missing-backup:\r\n            reason: \"TODO: why missing-backup does not apply here\"\r\n"), "{after:?}");
}

#[test]
fn refused_when_already_waived_or_an_alias() {
    let text = format!(
        "{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f: &f {{ critical: true, waive: {{ missing-backup: {{ reason: r }} }} }}\n      g: *f\n"
    );
    assert_eq!(
        waive_edit(&text, &item("/services/s/functions/f"), "missing-backup"),
        None
    );
    assert_eq!(
        waive_edit(&text, &item("/services/s/functions/g"), "coverage-gap"),
        None
    );
    assert_eq!(
        waive_edit("a: [", &item("/parties/p"), "unused-party"),
        None
    );
}

#[test]
fn a_file_with_lone_cr_line_breaks_gets_lone_cr() {
    let text = format!(
        "{HEAD}services:\n  s:\n    owner: msp\n    functions:\n      f:\n        critical: true\n"
    )
    .replace('\n', "\r");
    let after = waived(&text, "/services/s/functions/f", "missing-backup");
    assert!(after.ends_with("critical: true\r        waive:\r          missing-backup:\r            reason: \"TODO: why missing-backup does not apply here\"\r"), "{after:?}");
}

#[test]
fn an_item_with_a_merge_key_is_laid_out_from_its_own_lines() {
    let text = format!(
        "{HEAD}services:\n  t:\n    functions:\n      base: &b {{ owner: msp, backup: msp }}\n  s:\n    functions:\n      f:\n        <<: *b\n        critical: true\n      g: {{ <<: *b }}\n"
    );
    let after = waived(&text, "/services/s/functions/f/backup", "backup-is-owner");
    assert!(
        after.contains("        critical: true\n        waive:\n          backup-is-owner:\n"),
        "{after}"
    );
    assert!(
        after.contains("base: &b { owner: msp, backup: msp }\n"),
        "{after}"
    );
    let after = waived(&text, "/services/s/functions/g/backup", "backup-is-owner");
    assert!(
        after.contains("g: { <<: *b, waive: { backup-is-owner: "),
        "{after}"
    );
}
