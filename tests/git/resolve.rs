//! Reading versions for `comanage diff` (`resolve`), shallow clones, and
//! revisions that look like options.

use std::path::Path;
use std::process::Command;

use comanage::git::{GitError, HistoryOptions, Repo, resolve_in};

use super::scratch::{FILE, history, isolate};
use crate::common::{self, stderr_of, stdout_of};

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

    // A deeper clone shows what it has, then says what is missing.
    let status = isolate(Command::new("git").args(["clone", "-q", "--depth", "3", &url, "deeper"]))
        .current_dir(clones.path())
        .status()
        .expect("git runs");
    assert!(status.success());
    let output = common::comanage()
        .current_dir(clones.path().join("deeper"))
        .args(["log", "-f", FILE])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout_of(&output).starts_with("6548e46 2026-08-03 Dana Ruiz: Renew until mid-2028\n"),
        "{}",
        stdout_of(&output)
    );
    assert!(
        stderr_of(&output).contains("git fetch --unshallow"),
        "{}",
        stderr_of(&output)
    );
    let recent = common::comanage()
        .current_dir(clones.path().join("deeper"))
        .args(["log", "-f", FILE, "-n", "1"])
        .output()
        .expect("runs");
    assert_eq!(recent.status.code(), Some(0), "{}", stderr_of(&recent));

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

#[test]
fn paths_and_history_through_the_library() {
    let repo = history();
    let sub = repo.path().join("clients");
    let (found, path) =
        Repo::for_file_in(&sub, "../clients/./harbor/scope.yaml").expect("in the repo");
    assert_eq!(path, FILE);
    assert!(!found.is_shallow());
    // A file that does not exist (any more) still has a place in the repo.
    let (_, gone) = Repo::for_file_in(&sub, "old/scope.yaml").expect("in the repo");
    assert_eq!(gone, "clients/old/scope.yaml");
    let outside = tempfile::tempdir().expect("temp dir");
    let err = found.path_in_repo(&outside.path().join("scope.yaml"));
    assert!(
        matches!(err, Err(GitError::OutsideRepository { .. })),
        "{err:?}"
    );
    assert!(matches!(
        Repo::for_file("-"),
        Err(GitError::NoHistoryForStdin)
    ));

    let all = found
        .history(FILE, &HistoryOptions::default())
        .expect("history");
    assert_eq!(
        all.len(),
        9,
        "every commit that touched the file, README-only ones excluded"
    );
    assert_eq!(all[0].subject, "Renew until mid-2028");
    assert_eq!(all[8].path, "scope.yaml");
    assert!(all.iter().all(|v| v.bytes.is_some() && v.short.len() >= 7));
    let window = HistoryOptions {
        since: Some("2026-03-01".parse().expect("date")),
        until: Some("2026-05-31".parse().expect("date")),
        limit: Some(2),
    };
    let subjects: Vec<String> = found
        .history(FILE, &window)
        .expect("history")
        .into_iter()
        .map(|v| v.subject)
        .collect();
    assert_eq!(
        subjects,
        [
            "Give the MSP 30 minutes to respond",
            "Rename patch-management to patching"
        ]
    );
    let blob = found.read_at("HEAD~9", FILE).expect("the first version");
    assert_eq!(blob.path_at_rev, "scope.yaml");
    assert_eq!(blob.commit.len(), 40);
}
