//! `comanage lint`, `rules` and `explain`: every rule on a fixture that fires
//! it and one that does not, the output formats, levels, waivers, exit codes.

use comanage::lint::rules::REGISTRY;
use serde_json::Value;

use crate::common::{comanage, fixture, root, stderr_of, stdout_of};

/// The findings `comanage lint --format json` reports for `path`.
fn findings(path: &str) -> Vec<Value> {
    let output = comanage()
        .args(["lint", "--format", "json", path])
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).expect("lint --format json prints JSON")
}

fn rules_of(findings: &[Value], suppressed: bool) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f["suppressed"].is_null() != suppressed)
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn every_rule_has_a_fixture_that_fires_it_and_one_that_does_not() {
    for rule in REGISTRY {
        let fires = fixture(&format!("lint/{}/fires.scope.yaml", rule.id));
        let passes = fixture(&format!("lint/{}/passes.scope.yaml", rule.id));
        let fired = findings(&fires);
        assert!(
            rules_of(&fired, false).iter().any(|r| r == rule.id),
            "{} does not fire on {fires}: {fired:#?}",
            rule.id
        );
        let passed = findings(&passes);
        assert!(
            rules_of(&passed, false).is_empty(),
            "{passes} should lint clean: {passed:#?}"
        );

        let human = comanage().args(["lint", &fires]).output().unwrap();
        // Exit 1 when any unwaived finding is an error (a `deny` rule).
        let denied = rules_of(&fired, false).iter().any(|r| {
            comanage::lint::rules::find(r)
                .is_some_and(|r| r.default_level == comanage::scope::LintLevel::Deny)
        });
        let expected_exit = i32::from(denied);
        assert_eq!(human.status.code(), Some(expected_exit), "{fires}");
        insta::assert_snapshot!(
            format!("{}-human", rule.id),
            format!("{}{}", stdout_of(&human), stderr_of(&human))
        );
        insta::assert_json_snapshot!(format!("{}-json", rule.id), fired);
        insta::assert_json_snapshot!(format!("{}-passes-json", rule.id), passed);
    }
}

#[test]
fn every_fixture_directory_is_a_rule() {
    let dir = root().join("tests/fixtures/lint");
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            let name = entry.file_name().into_string().unwrap();
            assert!(
                comanage::lint::rules::find(&name).is_some(),
                "tests/fixtures/lint/{name} is not a rule id"
            );
        }
    }
}

#[test]
fn good_examples_lint_without_errors_and_the_waived_finding_is_kept_in_json() {
    for example in [
        "examples/harbor-dental.scope.yaml",
        "examples/northwind-manufacturing.scope.yaml",
        "examples/cedar-law.scope.yaml",
    ] {
        let output = comanage().args(["lint", example]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stdout_of(&output));
    }
    let northwind = findings("examples/northwind-manufacturing.scope.yaml");
    assert_eq!(rules_of(&northwind, true), ["missing-backup"]);
    assert!(
        northwind[0]["suppressed"]
            .as_str()
            .unwrap()
            .contains("vendor")
    );
}

#[test]
fn the_broken_example_reports_each_problem_and_exits_1() {
    let output = comanage()
        .args(["lint", "examples/broken.scope.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("broken-example", stdout_of(&output));
}

#[test]
fn exit_codes_follow_the_levels() {
    let warning_only = fixture("lint/missing-backup/fires.scope.yaml");
    let clean = fixture("lint/missing-backup/passes.scope.yaml");
    let error = fixture("lint/unowned-function/fires.scope.yaml");
    let code = |args: &[&str]| comanage().args(args).output().unwrap().status.code();
    assert_eq!(code(&["lint", &clean]), Some(0));
    assert_eq!(code(&["lint", &warning_only]), Some(0));
    assert_eq!(code(&["lint", "--deny-warnings", &warning_only]), Some(1));
    assert_eq!(code(&["lint", &error]), Some(1));
    assert_eq!(
        code(&["lint", "tests/fixtures/lint/no-such.scope.yaml"]),
        Some(2)
    );
}

#[test]
fn a_file_that_does_not_parse_is_reported_and_the_others_are_still_linted() {
    let output = comanage()
        .args([
            "lint",
            "--format",
            "json",
            &fixture("validate/syntax-error.scope.yaml"),
            &fixture("lint/unowned-function/fires.scope.yaml"),
            &fixture("lint/unowned-function/passes.scope.yaml"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let rules = rules_of(&records, false);
    assert_eq!(rules, ["parse", "unowned-function"]);

    let human = comanage()
        .args([
            "lint",
            &fixture("validate/syntax-error.scope.yaml"),
            &fixture("lint/unowned-function/passes.scope.yaml"),
        ])
        .output()
        .unwrap();
    assert!(stderr_of(&human).contains("2 files checked: 1 error, 0 warnings"));
}

#[test]
fn a_directory_is_searched_for_scope_files_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    for client in ["beta", "alpha"] {
        let sub = dir.path().join(client);
        std::fs::create_dir(&sub).unwrap();
        std::fs::copy(
            root().join("tests/fixtures/lint/unowned-function/fires.scope.yaml"),
            sub.join("scope.yaml"),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("notes.yaml"), "not: a scope\n").unwrap();
    let output = comanage()
        .current_dir(dir.path())
        .args(["lint", "--format", "json", "."])
        .output()
        .unwrap();
    let records: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let files: Vec<&str> = records
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 2);
    assert!(
        files[0].contains("alpha") && files[1].contains("beta"),
        "{files:?}"
    );
}

#[test]
fn the_lint_map_sets_levels() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/lint/missing-backup/fires.scope.yaml"))
            .unwrap();
    let path = dir.path().join("scope.yaml");
    std::fs::write(&path, format!("{text}lint:\n  missing-backup: deny\n")).unwrap();
    let records = findings(path.to_str().unwrap());
    assert_eq!(records[0]["level"], "error");
    std::fs::write(&path, format!("{text}lint:\n  missing-backup: allow\n")).unwrap();
    assert!(findings(path.to_str().unwrap()).is_empty());
}

#[test]
fn github_format_prints_workflow_commands() {
    let output = comanage()
        .args([
            "lint",
            "--format",
            "github",
            &fixture("lint/unknown-party/fires.scope.yaml"),
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!("github", stdout_of(&output));
}

#[test]
fn sarif_output_matches_the_sarif_2_1_0_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/sarif-2.1.0.schema.json")).unwrap(),
    )
    .unwrap();
    // The OASIS SARIF 2.1.0 schema, vendored from the serde-sarif crate's
    // sources, with one fix: the two `language` patterns of the published
    // file have a stray `]` that makes them invalid regexes, so they read
    // `^[a-zA-Z]{2}(-[a-zA-Z]{2})?$` here, as the spec text intends.
    let validator = jsonschema::draft7::new(&schema).expect("the SARIF schema compiles");
    for path in [
        fixture("lint/double-owned-function/fires.scope.yaml"),
        fixture("lint/expired-waiver/passes.scope.yaml"),
        fixture("validate/syntax-error.scope.yaml"),
        fixture("sarif/many-findings.scope.yaml"),
        "examples/northwind-manufacturing.scope.yaml".to_owned(),
    ] {
        let output = comanage()
            .args(["lint", "--format", "sarif", "--include-suppressed", &path])
            .output()
            .unwrap();
        let log: Value = serde_json::from_slice(&output.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
        assert_eq!(log["version"], "2.1.0");
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert!(rules.len() >= REGISTRY.len());
    }
    let output = comanage()
        .args([
            "lint",
            "--format",
            "sarif",
            "--include-suppressed",
            &fixture("lint/expired-waiver/passes.scope.yaml"),
        ])
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "missing-backup");
    assert_eq!(result["suppressions"][0]["kind"], "inSource");
}

#[test]
fn rules_lists_every_rule_and_explain_documents_one() {
    let output = comanage().arg("rules").output().unwrap();
    let text = stdout_of(&output);
    for rule in REGISTRY {
        assert!(text.contains(rule.id), "{}", rule.id);
    }
    insta::assert_snapshot!("rules", text);
    let output = comanage()
        .args(["explain", "coverage-gap"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!("explain-coverage-gap", stdout_of(&output));
    let output = comanage()
        .args(["explain", "coverage-gaps"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("did you mean `coverage-gap`?"));
}

#[test]
fn hostile_text_in_a_scope_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/lint/unused-party/fires.scope.yaml"))
            .unwrap()
            .replace(
                "name: Previous provider",
                "name: \"Evil \\e[31mred\\e[0m \\e]8;;http://x\\e\\\\\"",
            );
    let path = dir.path().join("scope.yaml");
    std::fs::write(&path, text).unwrap();
    for format in ["human", "github"] {
        let output = comanage()
            .args(["lint", "--format", format, path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            !output.stdout.contains(&0x1b),
            "{format}: {}",
            stdout_of(&output)
        );
        assert!(stdout_of(&output).contains("Evil"), "{format}");
    }
}

#[test]
fn ci_examples_and_the_pre_commit_hooks_are_yaml_that_run_comanage_lint() {
    for path in [
        ".pre-commit-hooks.yaml",
        "examples/ci/github-actions.yml",
        "examples/ci/gitlab-ci.yml",
    ] {
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        comanage::yaml::parse(&text).unwrap_or_else(|e| panic!("{path}: {e:?}"));
        assert!(text.contains("comanage lint"), "{path}");
    }
}
