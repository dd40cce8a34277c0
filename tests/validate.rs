//! `comanage validate`: every bad-input class, rendered as users see it.

use crate::common::{comanage, fixture, stderr_of, stdout_of};

/// Each bad input gets a diagnostic with file:line:col, a label and a help
/// line, and exit code 1.
#[test]
fn bad_inputs_are_reported_with_place_and_fix() {
    let cases = [
        "duplicate-key",
        "no-version",
        "future-version",
        "quoted-version",
        "syntax-error",
        "python-tag",
        "not-a-mapping",
        "empty",
        "comment-only",
        "latin1",
        "crlf-error",
        "two-documents",
        "alias-bomb",
        "deep-nesting",
        "hostile-escape",
    ];
    for case in cases {
        let output = comanage()
            .args(["validate", &fixture(&format!("validate/{case}.scope.yaml"))])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "{case}: {}",
            stdout_of(&output)
        );
        insta::assert_snapshot!(format!("validate-{case}"), stdout_of(&output));
    }
}

#[test]
fn good_inputs_exit_zero() {
    for case in ["minimal", "bom-crlf"] {
        comanage()
            .args(["validate", &fixture(&format!("validate/{case}.scope.yaml"))])
            .assert()
            .success()
            .stdout("")
            .stderr("1 file valid\n");
    }
}

#[test]
fn every_shipped_example_but_the_broken_one_is_valid() {
    let mut checked = 0;
    for entry in std::fs::read_dir(crate::common::root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".scope.yaml") {
            continue;
        }
        let assert = comanage()
            .args(["validate", path.to_str().unwrap()])
            .assert();
        if name == "broken.scope.yaml" {
            assert.code(1);
        } else {
            assert.success();
        }
        checked += 1;
    }
    assert!(
        checked >= 4,
        "expected the shipped examples, found {checked}"
    );
}

#[test]
fn the_broken_example_reports_every_problem() {
    let output = comanage()
        .args(["validate", "examples/broken.scope.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("validate-broken-example", stdout_of(&output));
}

#[test]
fn json_records_carry_rule_place_pointer_and_help() {
    let output = comanage()
        .args([
            "validate",
            "--format",
            "json",
            &fixture("validate/crlf-error.scope.yaml"),
            &fixture("validate/duplicate-key.scope.yaml"),
            &fixture("validate/minimal.scope.yaml"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let records: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    insta::assert_json_snapshot!("validate-json", records);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = std::fs::read_to_string(fixture("validate/minimal.scope.yaml")).unwrap();
    comanage()
        .args(["validate", "-"])
        .write_stdin(text)
        .assert()
        .success();
    let output = comanage()
        .args(["validate", "-"])
        .write_stdin("version: 1\nengagement: {}\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout_of(&output).contains("<stdin>:2:1"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn the_file_option_names_the_default_path() {
    comanage()
        .args(["-f", &fixture("validate/minimal.scope.yaml"), "validate"])
        .assert()
        .success();
}

#[test]
fn unreadable_paths_exit_two_with_a_fix() {
    let missing = comanage()
        .args(["validate", "no/such/scope.yaml"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    insta::assert_snapshot!("validate-missing-file", stderr_of(&missing));

    let empty_dir = tempfile::tempdir().unwrap();
    let dir = comanage()
        .args(["validate", empty_dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(dir.status.code(), Some(2));
    assert!(
        stderr_of(&dir).contains("no scope files found"),
        "{}",
        stderr_of(&dir)
    );
}

#[test]
fn a_directory_is_searched_for_scope_files() {
    let dir = tempfile::tempdir().unwrap();
    let client = dir.path().join("clients/harbor");
    std::fs::create_dir_all(&client).unwrap();
    std::fs::copy(
        fixture("validate/minimal.scope.yaml"),
        client.join("scope.yaml"),
    )
    .unwrap();
    std::fs::copy(
        fixture("validate/minimal.scope.yaml"),
        dir.path().join("b.scope.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.yaml"), "not: a scope\n").unwrap();
    comanage()
        .args(["validate", dir.path().to_str().unwrap()])
        .assert()
        .success()
        .stderr("2 files valid\n");
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let output = comanage()
        .args(["validate", &fixture("validate/hostile-escape.scope.yaml")])
        .output()
        .unwrap();
    assert!(!output.stdout.contains(&0x1b), "raw escape byte in output");
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let output = comanage().arg("schema").output().unwrap();
    assert!(output.status.success());
    let committed = std::fs::read(crate::common::root().join("schema/scope.schema.json")).unwrap();
    assert_eq!(output.stdout, committed);
}

#[test]
fn usage_errors_exit_two() {
    comanage()
        .args(["validate", "--format", "xml"])
        .assert()
        .code(2);
    comanage().arg("frobnicate").assert().code(2);
}

#[test]
fn the_readme_example_is_a_valid_scope_that_lints_clean() {
    let readme = std::fs::read_to_string(crate::common::root().join("README.md")).unwrap();
    let opening = "```yaml\n# yaml-language-server";
    let start = readme.find(opening).expect("README has a scope example") + "```yaml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    for args in [&["validate", "-"][..], &["lint", "--deny-warnings", "-"]] {
        comanage()
            .args(args)
            .write_stdin(&readme[start..end])
            .assert()
            .success();
    }
}
