//! DESIGN.md section 8, "Untrusted input": a scope file and the repository
//! it lives in may come from another company. Each test builds what an
//! attacker would send (a repository whose configuration runs a command, a
//! FIFO where a file should be, a scope hidden from a directory search) and
//! runs the real binary on it.

mod git;

use std::path::Path;
use std::time::Duration;

/// Long enough for any debug build on a busy machine, short enough that a
/// command that waits for ever fails the test instead of hanging it.
pub const HANG_GUARD: Duration = Duration::from_secs(90);

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
