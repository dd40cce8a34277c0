//! `comanage log` on real histories.

use comanage::git::Repo;

use super::scratch::{FILE, Scratch, history, log};
use crate::common::{self, stderr_of, stdout_of};

/// A snapshot kept with the other integration tests' in `tests/snapshots/`.
fn snapshot(name: &str, text: String) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn log_shows_meaning_changes_through_a_move() {
    let repo = history();
    let output = log(&repo, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    // Blank lines between groups are blank: no trailing spaces anywhere.
    assert!(text.contains("\n\n"), "{text}");
    assert!(!text.lines().any(|l| l.ends_with(' ')), "{text:?}");
    snapshot("log-human", text);
}

#[test]
fn log_all_lists_commits_without_meaning_changes() {
    let repo = history();
    let output = log(&repo, &["--all"]);
    let text = stdout_of(&output);
    assert!(
        text.contains("Write recovery in minutes (as scope.yaml)\n  no change in scope"),
        "{text}"
    );
    assert!(
        text.contains("Move the scope under clients/harbor"),
        "{text}"
    );
    // A commit that touched only other files is never part of the scope's log.
    assert!(!text.contains("Update the README"), "{text}");
    assert!(!stdout_of(&log(&repo, &[])).contains("Write recovery"));
}

#[test]
fn log_markdown_and_json() {
    let repo = history();
    snapshot(
        "log-markdown",
        stdout_of(&log(&repo, &["--format", "markdown", "-n", "3"])),
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&log(&repo, &["--format", "json", "--all"])))
            .expect("json");
    let statuses: Vec<(&str, &str)> = json
        .as_array()
        .expect("array")
        .iter()
        .map(|c| {
            (
                c["subject"].as_str().unwrap_or(""),
                c["status"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("Renew until mid-2028", "changed"),
            ("Move the scope under clients/harbor", "unchanged"),
            ("Drop the joiners-and-leavers service", "changed"),
            ("Half-finished edit", "invalid"),
            ("Give the MSP 30 minutes to respond", "changed"),
            ("Rename patch-management to patching", "changed"),
            ("Write recovery in minutes", "unchanged"),
            ("Internal IT takes over patching", "changed"),
            ("Start the scope with Lakeside", "created"),
        ]
    );
    let first = &json[0];
    assert_eq!(first["path"], FILE);
    assert_eq!(first["date"], "2026-08-03");
    assert_eq!(first["changes"][0]["pointer"], "/engagement/renewal");
    assert_eq!(json[2]["changes"][0]["kind"], "service-removed");
    assert_eq!(json[8]["path"], "scope.yaml");
}

#[test]
fn log_follows_one_function_through_its_rename() {
    let repo = history();
    let output = log(&repo, &["--function", "patching"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    snapshot("log-function", stdout_of(&output));
}

#[test]
fn log_limits_and_dates() {
    let repo = history();
    let subjects = |args: &[&str]| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&log(
            &repo,
            &[&["--format", "json"], args].concat(),
        )))
        .expect("json");
        json.as_array()
            .expect("array")
            .iter()
            .map(|c| c["subject"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(
        subjects(&["-n", "2"]),
        [
            "Renew until mid-2028",
            "Drop the joiners-and-leavers service"
        ]
    );
    assert_eq!(
        subjects(&["--since", "2026-04-01", "--until", "2026-06-01"]),
        [
            "Half-finished edit",
            "Give the MSP 30 minutes to respond",
            "Rename patch-management to patching"
        ]
    );
    // A revision: the commits after it (not its own); the same as the day
    // after it here.
    repo.git(&["tag", "v1", "HEAD~5"]);
    let after_v1 = subjects(&["--since", "v1"]);
    assert_eq!(
        after_v1.last().map(String::as_str),
        Some("Give the MSP 30 minutes to respond")
    );
    assert_eq!(after_v1, subjects(&["--since", "2026-04-07"]));
    // The oldest commit in range is still compared with the one before it.
    let oldest = stdout_of(&log(
        &repo,
        &["--since", "2026-04-06", "--until", "2026-04-06"],
    ));
    assert!(oldest.contains("renamed to `patching`"), "{oldest}");
}

#[test]
fn log_escapes_untrusted_commit_text() {
    let repo = history();
    repo.edit(FILE, "renewal: 2028-06-30", "renewal: 2029-06-30");
    repo.commit(
        "2026-09-01",
        "Renew \x1b[31mnow\x1b[0m <script>*x*</script>",
    );
    let human = stdout_of(&log(&repo, &["-n", "1"]));
    assert!(!human.contains('\x1b'), "{human:?}");
    assert!(human.contains("\\u{1b}[31mnow"), "{human}");
    let markdown = stdout_of(&log(&repo, &["-n", "1", "--format", "markdown"]));
    assert!(
        markdown.contains("&lt;script&gt;\\*x\\*&lt;/script&gt;"),
        "{markdown}"
    );
}

#[test]
fn log_errors_name_the_fix() {
    let repo = history();
    let unknown = log(&repo, &["--function", "patchng"]);
    assert_eq!(unknown.status.code(), Some(2));
    let text = stderr_of(&unknown);
    assert!(
        text.contains("no function `patchng`") && text.contains("did you mean `patching`?"),
        "{text}"
    );

    repo.write("draft.scope.yaml", &repo.read(FILE));
    let draft = repo
        .comanage()
        .args(["log", "-f", "draft.scope.yaml"])
        .output()
        .expect("runs");
    assert_eq!(draft.status.code(), Some(2));
    assert!(
        stderr_of(&draft).contains("never committed"),
        "{}",
        stderr_of(&draft)
    );

    let missing = repo
        .comanage()
        .args(["log", "-f", "nope.yaml"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr_of(&missing).contains("nope.yaml: no such file"),
        "{}",
        stderr_of(&missing)
    );

    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("scope.yaml"), repo.read(FILE)).expect("write");
    let not_repo = common::comanage()
        .current_dir(outside.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            outside.path().parent().expect("parent"),
        )
        .arg("log")
        .output()
        .expect("runs");
    assert_eq!(not_repo.status.code(), Some(2));
    let text = stderr_of(&not_repo);
    assert!(
        text.contains("not a git repository") && text.contains("pass file paths"),
        "{text}"
    );
}

/// Interleaved branches: each commit is compared with its own parent, so a
/// change made on one branch never shows as reverted by the other (a clean
/// merge adds nothing of its own, and git lists no merge here). A deleted
/// and re-added file is created again.
#[test]
fn log_compares_each_commit_with_its_parent_across_merges() {
    let repo = Scratch::new();
    let example = std::fs::read_to_string(common::root().join("examples/harbor-dental.scope.yaml"))
        .expect("example");
    repo.write("scope.yaml", &example);
    repo.commit("2026-01-05", "Start the scope");
    repo.git(&["checkout", "-q", "-b", "tiers"]);
    repo.edit(
        "scope.yaml",
        "respond: 15m, resolve: 8h",
        "respond: 30m, resolve: 8h",
    );
    repo.commit("2026-01-06", "Loosen tier 1");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit("scope.yaml", "renewal: 2027-06-30", "renewal: 2028-06-30");
    repo.commit("2026-01-07", "Renew");
    repo.git_on("2026-01-08", &["merge", "-q", "--no-edit", "tiers"]);
    repo.git(&["rm", "-q", "scope.yaml"]);
    repo.commit("2026-01-09", "Retire the scope");
    repo.write("scope.yaml", &example);
    repo.commit("2026-01-10", "Bring the scope back");

    let output = repo
        .comanage()
        .args(["log", "--all"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    snapshot("log-merges", stdout_of(&output));

    let versions = Repo::discover(repo.path())
        .expect("repo")
        .history("scope.yaml", &Default::default())
        .expect("history");
    let summary: Vec<(&str, bool)> = versions
        .iter()
        .map(|v| (v.subject.as_str(), v.bytes.is_some()))
        .collect();
    assert_eq!(
        summary,
        [
            ("Bring the scope back", true),
            ("Retire the scope", false),
            ("Renew", true),
            ("Loosen tier 1", true),
            ("Start the scope", true),
        ]
    );
}

/// A history whose versions share blobs, as real ones do: a revert and the
/// revert of that revert, a broken edit reverted, a branch merged back and
/// a move (the same blob under a new name).
fn shared_blobs() -> Scratch {
    let repo = Scratch::new();
    let example = std::fs::read_to_string(common::root().join("examples/harbor-dental.scope.yaml"))
        .expect("example");
    repo.write("scope.yaml", &example);
    repo.commit("2026-01-05", "Start the scope");
    repo.edit(
        "scope.yaml",
        "respond: 15m, resolve: 8h",
        "respond: 30m, resolve: 8h",
    );
    repo.commit("2026-01-06", "Loosen tier 1");
    repo.git_on("2026-01-07", &["revert", "--no-edit", "HEAD"]);
    repo.git_on("2026-01-08", &["revert", "--no-edit", "HEAD"]);
    let good = repo.read("scope.yaml");
    repo.write("scope.yaml", &format!("{good}\n  unfinished: [\n"));
    repo.commit("2026-01-09", "Half-finished edit");
    repo.git_on("2026-01-10", &["revert", "--no-edit", "HEAD"]);
    repo.git(&["checkout", "-q", "-b", "renewal"]);
    repo.edit("scope.yaml", "renewal: 2027-06-30", "renewal: 2028-06-30");
    repo.commit("2026-01-11", "Renew");
    repo.git(&["checkout", "-q", "main"]);
    repo.edit("scope.yaml", "recovery: 4h", "recovery: 240m");
    repo.commit("2026-01-12", "Write recovery in minutes");
    repo.git_on("2026-01-13", &["merge", "-q", "--no-edit", "renewal"]);
    std::fs::create_dir_all(repo.path().join("clients/harbor")).expect("mkdir");
    repo.git(&["mv", "scope.yaml", FILE]);
    repo.commit("2026-01-14", "Move the scope under clients/harbor");
    repo.edit(FILE, "recovery: 240m", "recovery: 4h");
    repo.commit("2026-01-15", "Back to recovery in hours");
    repo
}

/// Loading each shared blob once changes nothing a user sees: every
/// commit is still compared with its own parent's version.
#[test]
fn log_of_versions_that_share_blobs() {
    let repo = shared_blobs();
    let output = log(&repo, &["--all"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    snapshot("log-shared-blobs", stdout_of(&output));
}

/// Each distinct blob of the history is loaded (parsed and checked) once,
/// however many versions name it.
#[test]
fn log_loads_each_distinct_blob_once() {
    let repo = shared_blobs();
    // Every blob the log compares: each commit's version and its parent's.
    let raw = repo.git(&[
        "log",
        "--follow",
        "--no-abbrev",
        "--raw",
        "--format=",
        "--",
        FILE,
    ]);
    let named: Vec<&str> = raw
        .lines()
        .filter_map(|line| line.strip_prefix(':'))
        .flat_map(|line| line.split(' ').skip(2).take(2))
        .filter(|hash| hash.bytes().any(|b| b != b'0'))
        .collect();
    let distinct: std::collections::HashSet<&str> = named.iter().copied().collect();
    assert!(
        distinct.len() + 8 <= named.len(),
        "the history shares blobs: {named:?}"
    );
    let repo_handle = Repo::discover(repo.path()).expect("repo");
    let options = comanage::git::semantic::LogOptions {
        all: true,
        ..Default::default()
    };
    let log = comanage::git::semantic::log(&repo_handle, FILE, &options).expect("log");
    assert_eq!(log.entries.len(), 10, "{:?}", log.entries);
    assert_eq!(log.loads, distinct.len());
    // Following one function reads the same blobs, each once too.
    let options = comanage::git::semantic::LogOptions {
        function: Some("patch-management".to_owned()),
        all: true,
        ..Default::default()
    };
    let log = comanage::git::semantic::log(&repo_handle, FILE, &options).expect("log");
    assert_eq!(log.loads, distinct.len());
}
