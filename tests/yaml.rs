//! YAML as users write it: findings through aliases and merge keys, the
//! memory aliases may cost, and the edge cases of the YAML test suite.

use crate::common::{comanage, fixture, stdout_of};

fn lint(name: &str) -> (Option<i32>, String) {
    let output = comanage()
        .args(["lint", &fixture(&format!("yaml/{name}.scope.yaml"))])
        .output()
        .unwrap();
    (output.status.code(), stdout_of(&output))
}

/// A finding about a value reached through `*alias` is placed at the alias,
/// in the function it is about, with "defined here" at the anchor.
#[test]
fn a_finding_through_an_alias_is_placed_at_the_alias() {
    let (code, stdout) = lint("alias-unknown-party");
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("alias-unknown-party.scope.yaml:17:19]"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("defined here").count(), 1, "{stdout}");
    insta::assert_snapshot!("yaml-alias-unknown-party", stdout);
}

/// Through `<<: *anchor`, the finding is placed at the merge key.
#[test]
fn a_finding_through_a_merge_key_is_placed_at_the_merge_key() {
    let (code, stdout) = lint("merge-unknown-party");
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("merge-unknown-party.scope.yaml:14:9]"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("defined here").count(), 1, "{stdout}");
    insta::assert_snapshot!("yaml-merge-unknown-party", stdout);
}

/// Schema errors go through the same source map.
#[test]
fn a_schema_error_through_an_alias_is_placed_at_the_alias() {
    let output = comanage()
        .args(["validate", &fixture("yaml/alias-schema-error.scope.yaml")])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("alias-schema-error.scope.yaml:12:61]"),
        "{stdout}"
    );
    insta::assert_snapshot!("yaml-alias-schema-error", stdout);
}

#[test]
fn clean_aliases_and_merge_keys_give_no_findings() {
    let (code, stdout) = lint("alias-clean");
    assert_eq!(code, Some(0), "{stdout}");
    assert_eq!(stdout, "");
}

/// One 1 MB string anchored and aliased 1,000 times once expanded to a
/// gigabyte in every command. Aliases are budgeted by the bytes they copy:
/// each command refuses the file within 256 MiB of address space (the limit
/// is set on the child with `ulimit -v`, so the test fails by the child
/// being killed or aborting, not by the test runner running out).
#[test]
fn a_large_value_aliased_many_times_stays_within_memory() {
    let dir = tempfile::tempdir().unwrap();
    let big = "x".repeat(1_000_000);
    let mut text = format!(
        "version: 1\nengagement:\n  client: &big \"{big}\"\nparties:\n  msp: {{ name: M, role: provider }}\nservices:\n  s:\n    owner: msp\n    functions:\n"
    );
    for f in 0..1000 {
        text.push_str(&format!("      f{f}: {{ notes: *big }}\n"));
    }
    let path = dir.path().join("aliased.scope.yaml");
    let raw_len = text.len();
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let binary = assert_cmd::cargo::cargo_bin("comanage");
    let commands: [&[&str]; 6] = [
        &["validate", path],
        &["lint", path],
        &["show", path],
        &["diff", path, path],
        &["report", "-f", path],
        &["who", "-f", path, "f1"],
    ];
    for args in commands {
        let started = std::time::Instant::now();
        let output = std::process::Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 262144 && exec \"$0\" \"$@\"")
            .arg(&binary)
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            stdout_of(&output),
            crate::common::stderr_of(&output)
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "{args:?}: hang guard"
        );
        let shown = &text[..text.len().min(2000)];
        // `show` prints a file that does not load unchanged, with exit 1.
        if args[0] == "show" {
            assert_eq!(output.status.code(), Some(1), "{args:?}: {shown}");
            assert_eq!(output.stdout.len(), raw_len, "{args:?}");
            continue;
        }
        assert!(
            matches!(output.status.code(), Some(1 | 2)),
            "{args:?} ended with {:?}: {shown}",
            output.status,
        );
        assert!(
            text.contains("alias (`*name`) copies its whole anchored value"),
            "{args:?}: {shown}"
        );
    }
}

/// A file with old Mac line endings (CR only): human, JSON and SARIF output
/// give the same line and column, the line YAML reads.
#[test]
fn a_cr_only_file_has_one_position_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let text = "version: 1\rengagement:\r  client: H\rparties:\r  msp: { name: M, role: provider }\rservices:\r  s:\r    owner: msp\r    functions:\r      f: { ownr: msp }\r";
    let path = dir.path().join("mac.scope.yaml");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let run = |format: &str| {
        let output = comanage()
            .args(["lint", "--format", format, path])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}");
        stdout_of(&output)
    };
    let human = run("human");
    assert!(human.contains("mac.scope.yaml:10:12]"), "{human}");
    assert!(human.contains(" 10 │       f: { ownr: msp }"), "{human}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(
        (json[0]["line"].as_u64(), json[0]["column"].as_u64()),
        (Some(10), Some(12))
    );
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(10), Some(12)),
        "{region}"
    );
}

/// 20,000 unknown keys once took 49 s to render (each snippet was found by
/// scanning the file from its start). The bound is a hang guard for a debug
/// build on a busy machine, not a measurement.
#[test]
fn twenty_thousand_unknown_keys_are_reported_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "version: 1\nengagement: { client: H }\nparties:\n  msp: { name: M, role: provider }\nservices:\n  s:\n    owner: msp\n    functions:\n      f:\n",
    );
    for key in 0..20_000 {
        text.push_str(&format!("        k{key}: 1\n"));
    }
    let path = dir.path().join("keys.scope.yaml");
    std::fs::write(&path, text).unwrap();
    let started = std::time::Instant::now();
    let output = comanage()
        .args(["validate", path.to_str().unwrap()])
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(output.status.code(), Some(1));
    let stdout = stdout_of(&output);
    assert_eq!(stdout.matches("unknown key `k").count(), 20_000);
    assert!(
        stdout.contains("keys.scope.yaml:20009:9]"),
        "the last key's place"
    );
    assert!(
        elapsed < std::time::Duration::from_secs(60),
        "took {elapsed:?}"
    );
}

/// Valid YAML that the format refuses says so in the format's words; the
/// non-specific tag `!` is core YAML and accepted.
#[test]
fn tags_and_complex_keys_are_refused_in_the_formats_words() {
    let base = "version: 1\nengagement: { client: H }\nparties:\n  msp: { name: M, role: provider }\nservices: {}\n";
    let run = |text: String| {
        let output = comanage()
            .args(["validate", "-"])
            .write_stdin(text)
            .output()
            .unwrap();
        (output.status.code(), stdout_of(&output))
    };
    let (code, stdout) = run(base.replace("client: H", "client: ! H"));
    assert_eq!(code, Some(0), "{stdout}");
    for tag in ["!!set", "!!binary", "!foo"] {
        let (code, stdout) = run(base.replace("client: H", &format!("client: {tag} H")));
        assert_eq!(code, Some(1), "{tag}");
        assert!(
            stdout.contains("tags are not supported in a scope file"),
            "{tag}: {stdout}"
        );
        assert!(!stdout.contains("invalid YAML"), "{tag}: {stdout}");
    }
    let (code, stdout) = run(format!("{base}? [a, b]\n: x\n"));
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("a scope file's keys are plain text"),
        "{stdout}"
    );
    let (code, stdout) = run("%YAML 1.2\n---\n".to_owned());
    assert_eq!(code, Some(1));
    assert!(stdout.contains("the file has no content"), "{stdout}");
}

/// A flow list left open is reported by the parser on a later line, in words
/// about indentation; the help names the `[` and where it was opened, and a
/// label marks it.
#[test]
fn an_unclosed_flow_list_is_named_in_the_help() {
    let path = fixture("yaml/unclosed-flow.scope.yaml");
    let output = comanage().args(["validate", &path]).output().unwrap();
    let stdout = stdout_of(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("unclosed-flow.scope.yaml:15:9]"),
        "{stdout}"
    );
    assert!(stdout.contains("this `[` is never closed"), "{stdout}");
    insta::assert_snapshot!("yaml-unclosed-flow", stdout);

    let output = comanage()
        .args(["validate", "--format", "json", &path])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostic = &json[0];
    assert_eq!(diagnostic["rule"], "parse");
    assert_eq!(
        (diagnostic["line"].as_u64(), diagnostic["column"].as_u64()),
        (Some(15), Some(9))
    );
    assert_eq!(
        diagnostic["help"],
        "the `[` opened at 14:20 is not closed before this place: add `]` after its last item"
    );
}

/// A `{` still open when the file ends: the parser places the error at the
/// `{` itself, and the help says how to close it.
#[test]
fn an_unclosed_flow_mapping_at_the_end_says_how_to_close_it() {
    let output = comanage()
        .args(["validate", "--format", "json", "-"])
        .write_stdin("version: 1\nengagement: {client: H\n")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{json}");
    let diagnostic = &json[0];
    assert_eq!(diagnostic["message"], "invalid YAML: unclosed bracket '{'");
    assert_eq!(
        (diagnostic["line"].as_u64(), diagnostic["column"].as_u64()),
        (Some(2), Some(13))
    );
    assert_eq!(
        diagnostic["help"],
        "the file ends before this bracket is closed: add `]` or `}` after its last item",
        "{json}"
    );
}

/// When every bracket is closed, a syntax error keeps the general help.
#[test]
fn a_syntax_error_with_closed_brackets_keeps_the_general_help() {
    let output = comanage()
        .args(["validate", &fixture("yaml/flow-closed-error.scope.yaml")])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(!stdout.contains("never closed"), "{stdout}");
    assert!(
        stdout.contains("help: check the indentation and quoting around this place"),
        "{stdout}"
    );
}
