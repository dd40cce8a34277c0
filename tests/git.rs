//! `comanage log` and the git access behind it, on real repositories made in
//! temporary directories. Author and committer dates are fixed, so commit
//! hashes (and the snapshots that show them) are the same on every machine.

use std::path::Path;
use std::process::Command;

use comanage::git::{GitError, Repo, resolve_in};
use tempfile::TempDir;

use crate::common::{self, stderr_of, stdout_of};

/// A scratch repository with a fixed identity and no outside configuration.
struct Scratch {
    dir: TempDir,
}

fn isolate(cmd: &mut Command) -> &mut Command {
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Dana Ruiz")
        .env("GIT_AUTHOR_EMAIL", "dana@harbordental.example")
        .env("GIT_COMMITTER_NAME", "Dana Ruiz")
        .env("GIT_COMMITTER_EMAIL", "dana@harbordental.example")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
}

impl Scratch {
    fn new() -> Self {
        let scratch = Scratch {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        scratch.git(&["init", "-q", "-b", "main"]);
        scratch
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs git in the repository; panics when it fails.
    fn git(&self, args: &[&str]) -> String {
        let output = isolate(Command::new("git").args(args).current_dir(self.path()))
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            stderr_of(&output)
        );
        stdout_of(&output)
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.path().join(path)).expect("read")
    }

    /// Replaces `from` by `to` in `path` (which must contain it).
    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert!(text.contains(from), "{path} lacks {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    /// Commits everything, on `day` (YYYY-MM-DD) at noon UTC.
    fn commit(&self, day: &str, message: &str) {
        self.git(&["add", "-A"]);
        let date = format!("{day}T12:00:00Z");
        let output = isolate(Command::new("git").args(["commit", "-q", "-m", message]))
            .current_dir(self.path())
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .output()
            .expect("git runs");
        assert!(output.status.success(), "commit: {}", stderr_of(&output));
    }

    /// `comanage` run in the repository.
    fn comanage(&self) -> assert_cmd::Command {
        let mut cmd = common::comanage();
        cmd.current_dir(self.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        cmd
    }
}

const FILE: &str = "clients/harbor/scope.yaml";

/// Ten commits of the dental practice's scope: an ownership move, a commit
/// touching only other files, a reformat, a function rename, a loosened
/// tier, a broken edit, a service removal, a `git mv` into a folder, and a
/// renewal.
fn history() -> Scratch {
    let repo = Scratch::new();
    repo.write("README.md", "Our IT scope.\n");
    repo.commit("2026-01-02", "Start the repository");
    let example = std::fs::read_to_string(common::root().join("examples/harbor-dental.scope.yaml"))
        .expect("example");
    repo.write("scope.yaml", &example);
    repo.commit("2026-01-05", "Start the scope with Lakeside");
    repo.edit(
        "scope.yaml",
        "name: Patch management (OS and third-party)\n        backup: internal",
        "name: Patch management (OS and third-party)\n        owner: internal\n        backup: msp",
    );
    repo.commit("2026-02-02", "Internal IT takes over patching");
    repo.write("README.md", "Our IT scope, see scope.yaml.\n");
    repo.commit("2026-02-16", "Update the README");
    repo.edit("scope.yaml", "recovery: 4h", "recovery: 240m");
    repo.commit("2026-03-02", "Write recovery in minutes");
    repo.edit("scope.yaml", "      patch-management:", "      patching:");
    repo.commit("2026-04-06", "Rename patch-management to patching");
    repo.edit(
        "scope.yaml",
        "respond: 15m, resolve: 8h",
        "respond: 30m, resolve: 8h",
    );
    repo.commit("2026-05-04", "Give the MSP 30 minutes to respond");
    let good = repo.read("scope.yaml");
    repo.write("scope.yaml", &format!("{good}\n  unfinished: [\n"));
    repo.commit("2026-06-01", "Half-finished edit");
    let start = good.find("  people:\n").expect("people service");
    let end = good.find("\ndecisions:").expect("decisions");
    repo.write(
        "scope.yaml",
        &format!("{}{}", &good[..start], &good[end + 1..]),
    );
    repo.commit("2026-06-15", "Drop the joiners-and-leavers service");
    std::fs::create_dir_all(repo.path().join("clients/harbor")).expect("mkdir");
    repo.git(&["mv", "scope.yaml", FILE]);
    repo.commit("2026-07-06", "Move the scope under clients/harbor");
    repo.edit(FILE, "renewal: 2027-06-30", "renewal: 2028-06-30");
    repo.commit("2026-08-03", "Renew until mid-2028");
    repo
}

fn log(repo: &Scratch, args: &[&str]) -> std::process::Output {
    repo.comanage()
        .args(["log", "-f", FILE])
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn log_shows_meaning_changes_through_a_move() {
    let repo = history();
    let output = log(&repo, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    insta::assert_snapshot!("log-human", stdout_of(&output));
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
    insta::assert_snapshot!(
        "log-markdown",
        stdout_of(&log(&repo, &["--format", "markdown", "-n", "3"]))
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
    insta::assert_snapshot!("log-function", stdout_of(&output));
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

#[test]
fn shallow_clones_ask_for_the_full_history() {
    let repo = history();
    let clones = tempfile::tempdir().expect("temp dir");
    let url = format!("file://{}", repo.path().display());
    let status =
        isolate(Command::new("git").args(["clone", "-q", "--depth", "1", &url, "shallow"]))
            .current_dir(clones.path())
            .status()
            .expect("git runs");
    assert!(status.success());
    let shallow = clones.path().join("shallow");
    let output = common::comanage()
        .current_dir(&shallow)
        .args(["log", "-f", FILE])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let text = stderr_of(&output);
    assert!(
        text.contains("shallow clone") && text.contains("git fetch --unshallow"),
        "{text}"
    );

    let err = resolve_in(&shallow, "HEAD~3", FILE).expect_err("history is cut off");
    assert!(
        matches!(err, GitError::UnknownRevision { ref help, .. } if help.contains("git fetch --unshallow")),
        "{err:?}"
    );
    // What the clone has is still readable.
    let (label, _) = resolve_in(&shallow, "HEAD", FILE).expect("HEAD is there");
    assert_eq!(label, format!("HEAD:{FILE}"));
}

#[test]
fn resolve_reads_revisions_paths_and_files() {
    let repo = history();
    let dir = repo.path();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("utf-8");

    let (label, bytes) = resolve_in(dir, "HEAD~1", FILE).expect("before the renewal");
    assert_eq!(label, format!("HEAD~1:{FILE}"));
    assert!(text(bytes).contains("renewal: 2027-06-30"));
    // Before the move, the file was scope.yaml at the root.
    let (label, bytes) = resolve_in(dir, "HEAD~4", FILE).expect("before the move");
    assert_eq!(label, "HEAD~4:scope.yaml");
    assert!(text(bytes).contains("respond: 30m"));
    let (label, bytes) = resolve_in(dir, "HEAD~9:scope.yaml", FILE).expect("REV:path");
    assert_eq!(label, "HEAD~9:scope.yaml");
    assert!(text(bytes).contains("patch-management:"));
    let (label, bytes) = resolve_in(dir, FILE, FILE).expect("a file on disk");
    assert_eq!(label, FILE);
    assert!(text(bytes).contains("renewal: 2028-06-30"));
    // Subdirectory-relative paths after `:` with ./
    let (_, bytes) =
        resolve_in(&dir.join("clients"), "HEAD:./harbor/scope.yaml", "x").expect("./path");
    assert!(text(bytes).contains("renewal: 2028-06-30"));

    let err = resolve_in(dir, "v2025", FILE).expect_err("no such tag");
    assert!(
        matches!(err, GitError::UnknownRevision { ref rev, .. } if rev == "v2025"),
        "{err:?}"
    );
    let err = resolve_in(dir, "HEAD~10", FILE).expect_err("before the scope existed");
    assert!(
        matches!(err, GitError::FileAbsent { ref rev, ref path, .. } if rev == "HEAD~10" && path == FILE),
        "{err:?}"
    );
    let err = resolve_in(dir, "HEAD:nope.yaml", FILE).expect_err("no such path");
    assert!(
        matches!(err, GitError::FileAbsent { ref path, .. } if path == "nope.yaml"),
        "{err:?}"
    );
    let outside = tempfile::tempdir().expect("temp dir");
    let err = Repo::discover(outside.path());
    assert!(
        matches!(err, Err(GitError::NotARepository { .. })) || is_inside_a_repo(outside.path()),
        "{err:?}"
    );
}

fn is_inside_a_repo(dir: &Path) -> bool {
    Command::new("git")
        .args(["rev-parse", "--git-dir"])
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn revisions_that_look_like_options_stay_revisions() {
    let repo = history();
    let target = tempfile::tempdir().expect("temp dir");
    let probe = target.path().join("x");
    let option = format!("--output={}", probe.display());
    for spec in [
        option.clone(),
        format!("{option}:{FILE}"),
        format!("{option}:scope.yaml"),
    ] {
        let err = resolve_in(repo.path(), &spec, FILE).expect_err("not a revision");
        assert!(
            matches!(err, GitError::UnknownRevision { .. }),
            "{spec}: {err:?}"
        );
    }
    let output = repo
        .comanage()
        .args(["log", &format!("--file={option}"), "--function", &option])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(!probe.exists(), "git took a revision as an option");
    assert_eq!(std::fs::read_dir(target.path()).expect("dir").count(), 0);
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
    let merge = isolate(Command::new("git").args(["merge", "-q", "--no-edit", "tiers"]))
        .current_dir(repo.path())
        .env("GIT_AUTHOR_DATE", "2026-01-08T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-08T12:00:00Z")
        .output()
        .expect("git runs");
    assert!(merge.status.success(), "{}", stderr_of(&merge));
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
    insta::assert_snapshot!("log-merges", stdout_of(&output));

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
