//! `lint --format sarif` as GitHub code scanning reads it: URIs relative to
//! `%SRCROOT%`, UTF-16 columns, fingerprints that survive line moves, waived
//! findings left out, and no SARIF at all when an input cannot be read.

use serde_json::Value;

use crate::common::{comanage, fixture, root, stdout_of};

const MANY: &str = "sarif/many-findings.scope.yaml";

fn sarif_in(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, Value) {
    let output = comanage()
        .current_dir(dir)
        .args(["lint", "--format", "sarif"])
        .args(args)
        .output()
        .unwrap();
    let log = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code(), log)
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

fn artifact(result: &Value) -> &Value {
    &result["locations"][0]["physicalLocation"]["artifactLocation"]
}

#[test]
fn uris_are_relative_to_the_repository_root_from_any_directory() {
    let (code, log) = sarif_in(
        &root().join("tests"),
        &["fixtures/sarif/many-findings.scope.yaml"],
    );
    assert_eq!(code, Some(1));
    let base = &log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    assert!(base.as_str().unwrap().starts_with("file:///"), "{base}");
    assert!(base.as_str().unwrap().ends_with('/'), "{base}");
    for result in results(&log) {
        assert_eq!(
            artifact(result)["uri"],
            "tests/fixtures/sarif/many-findings.scope.yaml"
        );
        assert_eq!(artifact(result)["uriBaseId"], "%SRCROOT%");
    }
    let (_, from_root) = sarif_in(&root(), &[&fixture(MANY)]);
    assert_eq!(
        artifact(&results(&from_root)[0]),
        artifact(&results(&log)[0])
    );
}

#[test]
fn outside_a_repository_uris_are_relative_to_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures").join(MANY),
        dir.path().join("x.scope.yaml"),
    )
    .unwrap();
    let output = comanage()
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .args(["lint", "--format", "sarif", "x.scope.yaml"])
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(artifact(&results(&log)[0])["uri"], "x.scope.yaml");
    let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap()
        .to_owned();
    let canonical = dir.path().canonicalize().unwrap();
    assert!(
        base.ends_with(&format!("{}/", canonical.display())),
        "{base}"
    );
}

#[test]
fn standard_input_has_an_encoded_relative_uri() {
    let text = std::fs::read_to_string(root().join("tests/fixtures").join(MANY)).unwrap();
    let output = comanage()
        .args(["lint", "--format", "sarif", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(artifact(&results(&log)[0])["uri"], "%3Cstdin%3E");
}

#[test]
fn columns_are_utf16_code_units() {
    let (_, log) = sarif_in(&root(), &[&fixture(MANY)]);
    assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
    let json = comanage()
        .args(["lint", "--format", "json", &fixture(MANY)])
        .output()
        .unwrap();
    let records: Vec<Value> = serde_json::from_slice(&json.stdout).unwrap();
    // `backup: interal` sits after "🔥🔥" on its line: two characters that
    // are two UTF-16 code units each.
    let record = records
        .iter()
        .find(|r| r["message"].as_str().unwrap().contains("`interal`"))
        .unwrap();
    let result = results(&log)
        .iter()
        .find(|r| r["message"]["text"].as_str().unwrap().contains("`interal`"))
        .unwrap();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], record["line"]);
    assert_eq!(
        region["startColumn"].as_u64().unwrap(),
        record["column"].as_u64().unwrap() + 2
    );
}

#[test]
fn fingerprints_survive_line_moves() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("tests/fixtures").join(MANY)).unwrap();
    let path = dir.path().join("scope.yaml");
    let fingerprints = |text: &str| -> Vec<(String, u64)> {
        std::fs::write(&path, text).unwrap();
        let (_, log) = sarif_in(dir.path(), &["scope.yaml"]);
        results(&log)
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["comanageRulePointer/v1"]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let before = fingerprints(&text);
    let after = fingerprints(&format!("# moved\n# down\n{text}"));
    assert_eq!(before.len(), after.len());
    for ((a, line_a), (b, line_b)) in before.iter().zip(&after) {
        assert_eq!(a, b);
        assert_eq!(line_a + 2, *line_b);
    }
    let mut unique: Vec<&String> = before.iter().map(|(f, _)| f).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        before.len(),
        "fingerprints are unique per result"
    );
}

#[test]
fn waived_findings_are_left_out_unless_asked_for() {
    let northwind = "examples/northwind-manufacturing.scope.yaml";
    let (code, log) = sarif_in(&root(), &[northwind]);
    assert_eq!(code, Some(0));
    assert!(results(&log).is_empty(), "{log}");
    let (_, log) = sarif_in(&root(), &["--include-suppressed", northwind]);
    let waived = &results(&log)[0];
    assert_eq!(waived["ruleId"], "missing-backup");
    let suppression = &waived["suppressions"][0];
    assert_eq!(suppression["kind"], "inSource");
    assert_eq!(suppression["status"], "accepted");
    assert!(suppression["justification"].as_str().unwrap().len() > 10);
}

#[test]
fn a_run_that_cannot_read_an_input_prints_no_sarif() {
    let empty = tempfile::tempdir().unwrap();
    for args in [
        vec![fixture(MANY), "missing.scope.yaml".to_owned()],
        vec![empty.path().display().to_string()],
    ] {
        let output = comanage()
            .args(["lint", "--format", "sarif"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stdout_of(&output), "", "{args:?}");
    }
}

#[test]
fn loading_errors_have_documented_rules() {
    let (_, log) = sarif_in(&root(), &[&fixture("validate/syntax-error.scope.yaml")]);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for id in ["parse", "schema"] {
        let rule = rules.iter().find(|r| r["id"] == id).unwrap();
        assert!(rule["fullDescription"]["text"].is_string(), "{rule}");
        assert!(rule["help"]["markdown"].is_string(), "{rule}");
        assert_ne!(rule["name"], id);
    }
    assert!(log["runs"][0]["tool"]["driver"]["informationUri"].is_string());
}
