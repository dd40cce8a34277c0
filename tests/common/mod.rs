//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use assert_cmd::Command;

/// The `comanage` binary, with a fixed date, no colour and a fixed width so
/// output is the same on every machine.
pub fn comanage() -> Command {
    let mut cmd = Command::cargo_bin("comanage").expect("binary is built");
    cmd.env("COMANAGE_TODAY", "2026-11-22")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .current_dir(root());
    cmd
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `tests/fixtures/`, relative to the repository root (so it
/// reads the same in snapshots everywhere).
pub fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// Standard output of a finished command as text.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error of a finished command as text.
pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
