//! Messages say what is true: no "no problems" when a file was not read, no
//! "not a git repository" for a FIFO, a bare repository or `GIT_DIR`.

use std::process::Command;

use super::{fifo, good_scope, run_in};
use crate::common::{self, stderr_of};
use crate::git::scratch::{Scratch, isolate};

#[test]
fn a_missing_file_is_never_no_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("scope.yaml"), good_scope()).expect("write");
    for args in [
        &["lint", "nothere.yaml"][..],
        &["lint", "nothere.yaml", "scope.yaml"],
    ] {
        let out = run_in(dir.path(), args);
        let text = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
        assert!(!text.contains("no problems"), "{args:?}: {text}");
        assert!(text.contains("1 could not be read"), "{args:?}: {text}");
    }
}

#[test]
fn a_fifo_or_device_is_not_called_a_revision() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("scope.yaml"), good_scope()).expect("write");
    fifo(&dir.path().join("pipe"));
    for old in ["/dev/zero", "pipe"] {
        let out = run_in(dir.path(), &["diff", old, "scope.yaml"]);
        let text = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{old}: {text}");
        assert!(!text.contains("not a git repository"), "{old}: {text}");
        assert!(text.contains("not a regular file"), "{old}: {text}");
    }
}

#[test]
fn a_bare_repository_is_called_bare() {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = isolate(Command::new("git").args(["init", "-q", "--bare", "hub.git"]))
        .current_dir(dir.path())
        .status()
        .expect("git runs");
    assert!(status.success());
    std::fs::write(dir.path().join("scope.yaml"), good_scope()).expect("write");
    let out = common::comanage()
        .current_dir(dir.path().join("hub.git/objects"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["diff", "HEAD", "../../scope.yaml"])
        .output()
        .expect("runs");
    let text = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("bare git repository"), "{text}");
    assert!(!text.contains("not a git repository"), "{text}");
}

#[test]
fn git_dir_relative_to_the_caller_is_kept() {
    let repo = Scratch::new();
    repo.write("clients/acme/scope.yaml", &good_scope());
    repo.commit("2026-01-05", "Start the scope");
    let out = repo
        .comanage()
        .env("GIT_DIR", ".git")
        .args(["diff", "HEAD", "-f", "clients/acme/scope.yaml"])
        .output()
        .expect("runs");
    let text = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(common::stdout_of(&out).contains("no changes"), "{text}");
}

#[test]
fn report_into_a_directory_names_a_file_to_use() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("scope.yaml"), good_scope()).expect("write");
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let out = run_in(dir.path(), &["report", "scope.yaml", "-o", "out"]);
    let text = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(!text.contains("{shown}"), "{text}");
    assert!(text.contains("such as out/"), "{text}");
}
