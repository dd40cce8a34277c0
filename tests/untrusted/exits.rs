//! Every command that reads a scope exits 1 with the scope's diagnostics
//! when it does not load (DESIGN.md section 2); 2 is for a command that
//! could not run.

use super::{BROKEN, good_scope, run_in};
use crate::common::{stderr_of, stdout_of};
use crate::git::scratch::Scratch;

#[test]
fn a_scope_that_does_not_load_is_exit_1_with_its_diagnostics() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("broken.yaml"), BROKEN).expect("write");
    std::fs::write(dir.path().join("scope.yaml"), good_scope()).expect("write");
    for args in [
        &["diff", "broken.yaml", "scope.yaml"][..],
        &["diff", "scope.yaml", "broken.yaml"],
        &["report", "broken.yaml"],
        &["who", "-f", "broken.yaml", "patching"],
        &["show", "broken.yaml"],
    ] {
        let out = run_in(dir.path(), args);
        let text = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
        assert!(text.contains("broken.yaml:2:"), "{args:?}: {text}");
    }
    // `show` still prints the file as it is, for a pipe.
    let out = run_in(dir.path(), &["show", "broken.yaml"]);
    assert_eq!(stdout_of(&out), BROKEN);
}

#[test]
fn report_since_a_revision_that_does_not_load_is_exit_1() {
    let repo = Scratch::new();
    repo.write("scope.yaml", BROKEN);
    repo.commit("2026-01-05", "A broken start");
    repo.write("scope.yaml", &good_scope());
    let out = repo
        .comanage()
        .args(["report", "--since", "HEAD"])
        .output()
        .expect("runs");
    let text = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("HEAD:scope.yaml:2:"), "{text}");
}
