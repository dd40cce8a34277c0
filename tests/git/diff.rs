//! `comanage diff` with git revisions: tags, `REV:path`, the working tree,
//! renamed files, and revisions that look like options.

use super::scratch::{FILE, history};
use crate::common::{stderr_of, stdout_of};

#[test]
fn diff_between_two_tags_lists_exactly_the_semantic_changes() {
    let repo = history();
    // v1: after the ownership move; v2: after the rename and the looser tier.
    repo.git(&["tag", "v1", "HEAD~8"]);
    repo.git(&["tag", "v2", "HEAD~4"]);
    let output = repo
        .comanage()
        .args(["diff", "v1", "v2", "-f", FILE, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let changes = document["changes"].as_array().unwrap();
    let kinds: Vec<&str> = changes
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    // "recovery: 4h" -> "240m" is the same duration: no change.
    assert_eq!(
        kinds,
        ["function-renamed", "respond-changed"],
        "{changes:#?}"
    );
    assert_eq!(changes[1]["impact"], "major");

    let human = repo
        .comanage()
        .args(["diff", "v1", "v2", "-f", FILE])
        .output()
        .unwrap();
    insta::assert_snapshot!("diff-v1-v2", stdout_of(&human));
}

#[test]
fn diff_without_arguments_compares_head_with_the_working_tree() {
    let repo = history();
    repo.edit(FILE, "renewal: 2028-06-30", "renewal: 2029-06-30");
    let output = repo
        .comanage()
        .args(["diff", "-f", FILE, "--exit-code"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert!(stdout_of(&output).contains("2029-06-30"));
    // One revision: that revision against the working tree, through the move.
    let output = repo
        .comanage()
        .args(["diff", "HEAD~4", "-f", FILE, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(text.contains("service-removed"), "{text}");
    assert!(text.contains("2029-06-30"), "{text}");
}

#[test]
fn a_revision_that_looks_like_an_option_never_reaches_git() {
    let repo = history();
    let target = repo.path().join("leak");
    let option = format!("--output={}", target.display());
    for args in [
        vec!["diff", "-f", FILE, "--", option.as_str()],
        vec!["diff", "-f", FILE, "--", option.as_str(), "HEAD"],
    ] {
        let output = repo.comanage().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr_of(&output).contains("unknown revision"),
            "{}",
            stderr_of(&output)
        );
        assert!(!target.exists(), "{args:?} created a file");
    }
}

#[test]
fn diff_outside_a_repository_explains_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scope.yaml"), "version: 1\n").unwrap();
    let output = crate::common::comanage()
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .arg("diff")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("not a git repository"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn report_since_a_revision_shows_what_changed() {
    let repo = history();
    repo.git(&["tag", "v1", "HEAD~8"]);
    let output = repo
        .comanage()
        .args(["report", "-f", FILE, "--since", "v1", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let summaries: Vec<&str> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["summary"].as_str().unwrap())
        .collect();
    assert!(
        summaries
            .iter()
            .any(|s| s.contains("renamed to `patching`")),
        "{summaries:#?}"
    );
    assert!(
        summaries.iter().any(|s| s.contains("2028-06-30")),
        "{summaries:#?}"
    );
    // A revision where the scope does not validate is refused clearly.
    let output = repo
        .comanage()
        .args(["report", "-f", FILE, "--since", "HEAD~3"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("does not validate"),
        "{}",
        stderr_of(&output)
    );
}

/// The HTML "What changed" slide is titled with the revision and its day,
/// and names parties and functions by name; a date that names no revision
/// compares with the last commit of the scope on or before that day.
#[test]
fn report_since_titles_the_slide_and_accepts_a_date() {
    let repo = history();
    repo.git(&["tag", "v1", "HEAD~8"]);
    let output = repo
        .comanage()
        .args(["report", "-f", FILE, "--since", "v1", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let html = stdout_of(&output);
    assert!(html.contains("<h2>Since v1 (2026-02-02)"), "no title");
    assert!(!html.contains("since the last review"));
    let slide = html.split("<table class=\"changes\">").nth(1).unwrap();
    let slide = slide.split("</table>").next().unwrap();
    assert!(slide.contains("<span class=\"who\">"), "no name: {slide}");
    assert!(!slide.contains('`'), "raw markdown: {slide}");
    let json = |since: &str| {
        let output = repo
            .comanage()
            .args(["report", "-f", FILE, "--since", since, "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    // 2026-02-20: the last commit of the scope before it is 2026-02-02's (v1).
    let by_date = json("2026-02-20");
    assert_eq!(by_date["since"]["date"], "2026-02-02");
    assert_eq!(by_date["changes"], json("v1")["changes"]);
    // A date before the scope's first commit says so, exit 2.
    let output = repo
        .comanage()
        .args(["report", "-f", FILE, "--since", "2025-01-01"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("no commit of"),
        "{}",
        stderr_of(&output)
    );
}
