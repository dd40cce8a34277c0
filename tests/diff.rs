//! `comanage diff` and `comanage show` on fixture pairs: every rendering
//! snapshotted, exit codes, and hostile text.

use crate::common::{comanage, fixture, stderr_of, stdout_of};

const BASE: &str = "diff/base.scope.yaml";

/// The variants compared with the base scope.
const VARIANTS: [&str; 6] = [
    "ownership-move",
    "rename",
    "tier-change",
    "service-removal",
    "durations",
    "hours-change",
];

fn diff_output(variant: &str, format: &str) -> std::process::Output {
    comanage()
        .args([
            "diff",
            &fixture(BASE),
            &fixture(&format!("diff/{variant}.scope.yaml")),
            "--format",
            format,
        ])
        .output()
        .unwrap()
}

#[test]
fn every_variant_in_every_format() {
    for variant in VARIANTS {
        for format in ["human", "markdown", "json"] {
            let output = diff_output(variant, format);
            assert_eq!(
                output.status.code(),
                Some(0),
                "{variant} {format}: {}",
                stderr_of(&output)
            );
            insta::assert_snapshot!(format!("diff-{variant}-{format}"), stdout_of(&output));
        }
    }
}

#[test]
fn equal_durations_written_differently_are_no_change() {
    let output = diff_output("durations", "json");
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        document,
        serde_json::json!({ "changes": [], "sign_off": [] })
    );
    comanage()
        .args([
            "diff",
            &fixture(BASE),
            &fixture("diff/durations.scope.yaml"),
            "--exit-code",
        ])
        .assert()
        .code(0)
        .stdout("no changes in scope\n");
}

#[test]
fn rename_is_one_change_with_both_pointers() {
    let output = diff_output("rename", "json");
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let changes = &document["changes"];
    let renamed: Vec<&serde_json::Value> = changes
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "function-renamed")
        .collect();
    assert_eq!(renamed.len(), 1, "{changes:#}");
    assert_eq!(
        renamed[0]["old_pointer"],
        "/services/backups/functions/backup-checks"
    );
    assert_eq!(
        renamed[0]["pointer"],
        "/services/security/functions/backup-monitoring"
    );
    assert!(!changes.to_string().contains("function-added"));
    assert!(!changes.to_string().contains("function-removed"));
}

#[test]
fn exit_code_flag_fails_on_any_change() {
    let base = fixture(BASE);
    let rename = fixture("diff/rename.scope.yaml");
    comanage().args(["diff", &base, &rename]).assert().code(0);
    comanage()
        .args(["diff", &base, &rename, "--exit-code"])
        .assert()
        .code(1);
    comanage()
        .args(["diff", &base, &base, "--exit-code"])
        .assert()
        .code(0);
}

#[test]
fn fail_on_compares_impact_levels() {
    let base = fixture(BASE);
    // rename: only minor changes; hostile: one info change; service removal: major.
    let cases = [
        ("rename", "major", 0),
        ("rename", "minor", 1),
        ("rename", "info", 1),
        ("hostile", "minor", 0),
        ("hostile", "info", 1),
        ("service-removal", "major", 1),
    ];
    for (variant, level, code) in cases {
        let output = comanage()
            .args([
                "diff",
                &base,
                &fixture(&format!("diff/{variant}.scope.yaml")),
                "--fail-on",
                level,
            ])
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(code),
            "{variant} --fail-on {level}"
        );
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let hostile = fixture("diff/hostile.scope.yaml");
    for format in ["human", "markdown"] {
        let output = comanage()
            .args([
                "diff",
                &fixture(BASE),
                &hostile,
                "--format",
                format,
                "--color",
                "always",
            ])
            .output()
            .unwrap();
        let text = stdout_of(&output);
        assert!(!text.contains("\u{1b}[2J"), "{format}: {text:?}");
        // Markdown renders HTML: tags from the scope must arrive as text.
        assert!(
            format == "human" || !text.contains("<b>"),
            "{format}: {text:?}"
        );
    }
    let shown = stdout_of(&comanage().args(["show", &hostile]).output().unwrap());
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
    insta::assert_snapshot!(
        "diff-hostile-markdown",
        stdout_of(&diff_output("hostile", "markdown"))
    );
}

#[test]
fn a_side_that_does_not_validate_stops_the_diff() {
    let output = comanage()
        .args(["diff", &fixture(BASE), "examples/broken.scope.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("examples/broken.scope.yaml:"), "{stderr}");
    assert!(
        stderr.contains("cannot diff: NEW does not validate"),
        "{stderr}"
    );
    assert_eq!(stdout_of(&output), "");
}

#[test]
fn unreadable_side_and_missing_arguments_exit_two() {
    comanage()
        .args(["diff", &fixture(BASE), "no/such.scope.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "there is no file `no/such.scope.yaml` either",
        ));
    // One argument compares against the `-f` file in the working tree.
    comanage()
        .args(["diff", &fixture(BASE), "-f", "no/such.scope.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no/such.scope.yaml"));
}

#[test]
fn show_prints_one_fact_per_line() {
    let output = comanage().args(["show", &fixture(BASE)]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!("show-base", stdout_of(&output));
}

#[test]
fn show_is_the_same_for_equal_meaning() {
    let show = |name: &str| stdout_of(&comanage().args(["show", &fixture(name)]).output().unwrap());
    let (base, durations) = (show(BASE), show("diff/durations.scope.yaml"));
    // Durations print normalised; only what is written differently and
    // means the same (list order, explicit defaults) remains.
    assert!(durations.contains("function patch-management: recovery = 1h30m"));
    assert!(durations.contains("escalation default / tier 1: resolve = 8h"));
    assert!(base.contains("function backup-checks: recovery = 1d"));
    assert!(durations.contains("function backup-checks: recovery = 1d"));
}

#[test]
fn show_prints_a_file_that_does_not_validate_unchanged() {
    let raw =
        std::fs::read_to_string(crate::common::root().join("examples/broken.scope.yaml")).unwrap();
    // Unchanged on standard output, its problems on standard error, exit 1
    // as for any scope that does not load.
    comanage()
        .args(["show", "examples/broken.scope.yaml"])
        .assert()
        .code(1)
        .stdout(raw)
        .stderr(predicates::str::contains("examples/broken.scope.yaml:"));
}

/// The documented textconv set-up makes `git diff` print facts, not YAML.
#[test]
fn show_works_as_a_git_textconv_driver() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", dir.path())
            .output()
            .expect("git is installed");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            stderr_of(&output)
        );
        stdout_of(&output)
    };
    let copy = |name: &str| {
        let from = crate::common::root().join(fixture(&format!("diff/{name}.scope.yaml")));
        std::fs::copy(from, dir.path().join("acme.scope.yaml")).unwrap();
    };
    git(&["init", "-q"]);
    copy("base");
    std::fs::write(
        dir.path().join(".gitattributes"),
        "*.scope.yaml diff=comanage\n",
    )
    .unwrap();
    git(&["add", "."]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "-qm",
        "base",
    ]);
    copy("ownership-move");
    let binary = assert_cmd::cargo::cargo_bin("comanage");
    let textconv = format!("diff.comanage.textconv='{}' show", binary.display());
    let shown = git(&["-c", &textconv, "diff", "--no-color", "-U0"]);
    assert!(
        shown.contains("\n-service security / function patch-management: owner = msp\n"),
        "{shown}"
    );
    assert!(
        shown.contains("\n+service security / function patch-management: owner = internal\n"),
        "{shown}"
    );
    assert!(shown.contains("\n+service line-of-business / function firewall-review: owner = internal (service default)\n"), "{shown}");
}

#[test]
fn quiet_exit_code_prints_nothing() {
    let (base, moved) = (fixture(BASE), fixture("diff/ownership-move.scope.yaml"));
    for format in ["human", "markdown", "json"] {
        comanage()
            .args([
                "-q",
                "diff",
                &base,
                &moved,
                "--exit-code",
                "--format",
                format,
            ])
            .assert()
            .code(1)
            .stdout("");
    }
    comanage()
        .args(["-q", "diff", &base, &moved, "--fail-on", "major"])
        .assert()
        .code(1)
        .stdout("");
    comanage()
        .args(["-q", "diff", &base, &base, "--exit-code"])
        .assert()
        .code(0)
        .stdout("");
}
