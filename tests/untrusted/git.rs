//! A repository's configuration never starts a program, no git call waits
//! for ever, and git's own reason reaches the user.

use std::path::Path;
use std::process::Command;

use super::{HANG_GUARD, good_scope, script};
use crate::common::{self, stderr_of};
use crate::git::scratch::{Scratch, isolate};

/// A one-commit repository with `scope.yaml`, staged and committed.
fn repository() -> Scratch {
    let repo = Scratch::new();
    repo.write("scope.yaml", &good_scope());
    repo.commit("2026-01-05", "Start the scope with Lakeside");
    repo
}

/// Every command line that reads the scope through git.
const THROUGH_GIT: &[&[&str]] = &[
    &["diff", ":scope.yaml"],
    &["diff", ":0:scope.yaml", "HEAD"],
    &["diff", "HEAD"],
    &["diff", "HEAD:scope.yaml", "scope.yaml"],
    &["report", "--since", ":scope.yaml"],
    &["report", "--since", "HEAD"],
    &["log"],
];

/// Runs each of [`THROUGH_GIT`] in `repo`; none may take longer than the
/// hang guard or leave `marker` behind.
fn assert_nothing_runs(repo: &Scratch, marker: &Path) {
    for args in THROUGH_GIT {
        let output = repo
            .comanage()
            .args(*args)
            .timeout(HANG_GUARD)
            .output()
            .expect("runs");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr_of(&output)
        );
        assert!(
            !marker.exists(),
            "{args:?} started the program the repository configured"
        );
    }
}

#[test]
fn an_fsmonitor_program_is_never_started() {
    let repo = repository();
    let outside = tempfile::tempdir().expect("temp dir");
    let marker = outside.path().join("fsmonitor-ran");
    let program = outside.path().join("fsmonitor.sh");
    // `cat` reads the requests comanage writes to `git cat-file`: run, this
    // program both leaves the marker and makes git wait for ever.
    script(
        &program,
        &format!("touch '{}'\ncat >/dev/null", marker.display()),
    );
    repo.git(&["config", "core.fsmonitor", &program.to_string_lossy()]);
    assert_nothing_runs(&repo, &marker);
}

#[test]
fn hooks_are_never_started() {
    let repo = repository();
    let outside = tempfile::tempdir().expect("temp dir");
    let marker = outside.path().join("hook-ran");
    let hooks = outside.path().join("hooks");
    std::fs::create_dir(&hooks).expect("mkdir");
    for hook in [
        "post-checkout",
        "post-index-change",
        "reference-transaction",
        "pre-auto-gc",
        "post-rewrite",
    ] {
        script(
            &hooks.join(hook),
            &format!("touch '{}'\ncat >/dev/null", marker.display()),
        );
    }
    repo.git(&["config", "core.hooksPath", &hooks.to_string_lossy()]);
    assert_nothing_runs(&repo, &marker);
}

/// A partial clone of `repo` whose promisor remote is a command that leaves
/// `marker`, with the `ext::` transport allowed: a missing blob, fetched
/// lazily, would run it.
fn hostile_partial_clone(repo: &Scratch, into: &Path, marker: &Path) {
    repo.git(&["config", "uploadpack.allowFilter", "true"]);
    let url = format!("file://{}", repo.path().display());
    let status = isolate(Command::new("git").args([
        "clone",
        "-q",
        "--filter=blob:none",
        "--no-checkout",
        &url,
    ]))
    .arg(into)
    .status()
    .expect("git runs");
    assert!(status.success());
    let command = format!("ext::sh -c touch% {}", marker.display());
    for (key, value) in [
        ("remote.origin.url", command.as_str()),
        ("protocol.ext.allow", "always"),
    ] {
        let status = isolate(Command::new("git").args(["config", key, value]))
            .current_dir(into)
            .status()
            .expect("git runs");
        assert!(status.success());
    }
}

#[test]
fn a_partial_clone_never_fetches_and_says_what_is_missing() {
    let repo = repository();
    let outside = tempfile::tempdir().expect("temp dir");
    let marker = outside.path().join("promisor-ran");
    let clone = outside.path().join("clone");
    hostile_partial_clone(&repo, &clone, &marker);
    std::fs::write(clone.join("mine.yaml"), good_scope()).expect("write");
    for args in [
        &["diff", "HEAD:scope.yaml", "mine.yaml"][..],
        &["diff", "HEAD", "mine.yaml"],
        &["report", "mine.yaml", "--since", "HEAD:scope.yaml"],
    ] {
        let output = common::comanage()
            .current_dir(&clone)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(args)
            .timeout(HANG_GUARD)
            .output()
            .expect("runs");
        let text = stderr_of(&output);
        assert!(!marker.exists(), "{args:?} ran the promisor remote");
        assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
        assert!(
            text.contains("is not in this repository") && !text.contains("does not exist"),
            "{args:?}: {text}"
        );
    }
}

#[test]
fn git_says_why_a_revision_cannot_be_read() {
    let repo = repository();
    for (rev, reason) in [
        ("@{u}", "no upstream configured for branch 'main'"),
        ("HEAD@{100}", "only has 1 entries"),
    ] {
        let output = repo
            .comanage()
            .args(["diff", rev])
            .timeout(HANG_GUARD)
            .output()
            .expect("runs");
        let text = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{rev}: {text}");
        assert!(
            text.contains(&format!("unknown revision `{rev}`")) && text.contains(reason),
            "{rev}: {text}"
        );
        assert!(!text.contains("could not understand"), "{rev}: {text}");
    }
}

#[test]
fn a_commit_found_by_its_message_is_a_revision() {
    let repo = repository();
    repo.edit("scope.yaml", "renewal: 2027-06-30", "renewal: 2028-06-30");
    repo.commit("2026-02-02", "Renew until mid-2028");
    let output = repo
        .comanage()
        .args(["diff", ":/Start the scope", "HEAD"])
        .timeout(HANG_GUARD)
        .output()
        .expect("runs");
    let text = crate::common::stdout_of(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(
        text.contains("2027-06-30") && text.contains("2028-06-30"),
        "{text}"
    );

    let output = repo
        .comanage()
        .args(["diff", ":/no commit says this"])
        .output()
        .expect("runs");
    let text = stderr_of(&output);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text.contains("unknown revision `:/no commit says this`") && !text.contains("no file"),
        "{text}"
    );
}
