//! `comanage lint --new-from-rev REV` on real repositories: only findings the
//! scope did not have at REV, following renames that `diff` detects.

use serde_json::Value;

use super::scratch::Scratch;
use crate::common::{self, stderr_of, stdout_of};

/// A repository whose committed scope has one old warning (`imaging` is
/// critical without a backup); the working tree renames `imaging` and adds
/// an unknown party.
fn repo_with_an_old_warning() -> Scratch {
    let repo = Scratch::new();
    let example = std::fs::read_to_string(common::root().join("examples/harbor-dental.scope.yaml"))
        .expect("example");
    repo.write("scope.yaml", &example);
    repo.edit(
        "scope.yaml",
        "imaging: { name: Dental imaging workstations, backup: msp, critical: true }",
        "imaging: { name: Dental imaging workstations, critical: true }",
    );
    repo.commit("2026-01-05", "Start the scope");
    repo.edit("scope.yaml", "      imaging: {", "      dental-imaging: {");
    repo.edit(
        "scope.yaml",
        "consulted: [leadership] }",
        "consulted: [leadership, accountants] }",
    );
    repo
}

fn rules(output: &std::process::Output) -> Vec<String> {
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).expect("JSON");
    records
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["rule"].as_str().unwrap(),
                r["pointer"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn only_findings_the_revision_did_not_have_are_shown_and_counted() {
    let repo = repo_with_an_old_warning();
    let all = repo
        .comanage()
        .args(["lint", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        rules(&all),
        [
            "missing-backup /services/line-of-business/functions/dental-imaging",
            "unknown-party /services/line-of-business/functions/vendor-contracts/consulted/1",
        ]
    );
    let new = repo
        .comanage()
        .args(["lint", "--format", "json", "--new-from-rev", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(new.status.code(), Some(1), "{}", stderr_of(&new));
    // The warning on the renamed function is old; the unknown party is new.
    assert_eq!(
        rules(&new),
        ["unknown-party /services/line-of-business/functions/vendor-contracts/consulted/1"]
    );

    let human = repo
        .comanage()
        .args(["lint", "--new-from-rev", "HEAD"])
        .output()
        .unwrap();
    assert!(stdout_of(&human).contains("accountants"));
    assert!(!stdout_of(&human).contains("missing-backup"));
    assert!(
        stderr_of(&human).ends_with("1 file checked: 1 error, 0 warnings, new since HEAD\n"),
        "{}",
        stderr_of(&human)
    );
    for format in ["sarif", "github"] {
        let output = repo
            .comanage()
            .args(["lint", "--format", format, "--new-from-rev", "HEAD"])
            .output()
            .unwrap();
        let text = stdout_of(&output);
        let reported: Vec<String> = if format == "sarif" {
            let log: Value = serde_json::from_str(&text).expect("SARIF");
            log["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["ruleId"].as_str().unwrap().to_owned())
                .collect()
        } else {
            text.lines()
                .filter_map(|l| l.split("title=").nth(1)?.split("::").next())
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(reported, ["unknown-party"], "{format}: {text}");
        assert_eq!(output.status.code(), Some(1), "{format}");
    }
}

#[test]
fn old_warnings_do_not_fail_under_deny_warnings() {
    let repo = repo_with_an_old_warning();
    repo.edit(
        "scope.yaml",
        "consulted: [leadership, accountants] }",
        "consulted: [leadership] }",
    );
    let plain = repo
        .comanage()
        .args(["lint", "--deny-warnings"])
        .output()
        .unwrap();
    assert_eq!(plain.status.code(), Some(1));
    let new = repo
        .comanage()
        .args(["lint", "--deny-warnings", "--new-from-rev", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(new.status.code(), Some(0), "{}", stderr_of(&new));
    assert_eq!(stdout_of(&new), "");
}

#[test]
fn a_scope_missing_at_the_revision_makes_every_finding_new() {
    let repo = repo_with_an_old_warning();
    std::fs::create_dir_all(repo.path().join("clients")).unwrap();
    std::fs::copy(
        repo.path().join("scope.yaml"),
        repo.path().join("clients/new.scope.yaml"),
    )
    .unwrap();
    let output = repo
        .comanage()
        .args([
            "lint",
            "--format",
            "json",
            "--new-from-rev",
            "HEAD",
            "clients/new.scope.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(rules(&output).len(), 2, "{}", stderr_of(&output));
}

#[test]
fn an_unknown_revision_or_standard_input_cannot_run() {
    let repo = repo_with_an_old_warning();
    let output = repo
        .comanage()
        .args(["lint", "--format", "sarif", "--new-from-rev", "no-such-rev"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout_of(&output),
        "",
        "no SARIF when the run cannot finish"
    );
    assert!(
        stderr_of(&output).contains("no-such-rev"),
        "{}",
        stderr_of(&output)
    );
    let stdin = repo
        .comanage()
        .args(["lint", "--new-from-rev", "HEAD", "-"])
        .write_stdin(repo.read("scope.yaml"))
        .output()
        .unwrap();
    assert_eq!(stdin.status.code(), Some(2));
}
