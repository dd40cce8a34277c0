//! DESIGN.md section 8, "Untrusted input": a scope file and the repository
//! it lives in may come from another company. Each test builds what an
//! attacker would send (a repository whose configuration runs a command, a
//! FIFO where a file should be, a scope hidden from a directory search) and
//! runs the real binary on it.

mod exits;
mod files;
mod git;
mod messages;
mod skips;

use std::path::Path;
use std::time::Duration;

/// Long enough for any debug build on a busy machine, short enough that a
/// command that waits for ever fails the test instead of hanging it.
pub const HANG_GUARD: Duration = Duration::from_secs(90);

/// `comanage args…` run in `dir`, within the hang guard.
pub fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    crate::common::comanage()
        .current_dir(dir)
        .args(args)
        .timeout(HANG_GUARD)
        .output()
        .expect("runs")
}

/// A scope that validates and lints clean, to copy into temporary places.
pub fn good_scope() -> String {
    std::fs::read_to_string(crate::common::root().join("examples/harbor-dental.scope.yaml"))
        .expect("example")
}

/// An executable shell script at `path`.
pub fn script(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}\n")).expect("write script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}
/// Makes a FIFO at `path` with `mkfifo`.
pub fn fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A scope that does not parse.
pub const BROKEN: &str = "version: 1\nengagement: [\n";

/// `comanage` run as an unprivileged user when the tests run as root (who
/// may read any directory), so that permission bits take effect.
pub fn comanage_unprivileged() -> assert_cmd::Command {
    let mut cmd = if unsafe { libc::geteuid() } == 0 {
        let mut cmd = assert_cmd::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("comanage"));
        cmd
    } else {
        assert_cmd::Command::cargo_bin("comanage").expect("binary is built")
    };
    cmd.env("COMANAGE_TODAY", "2026-11-22")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100");
    cmd
}
