//! `lint DIR` never skips a scope file without saying so.

use std::path::Path;

use super::{BROKEN, comanage_unprivileged, good_scope, run_in};
use crate::common::stderr_of;
use crate::git::scratch::Scratch;

fn lint_dir(dir: &Path) -> std::process::Output {
    run_in(dir, &["lint", "."])
}

#[test]
fn ignore_files_outside_a_work_tree_hide_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("scope.yaml"), good_scope()).expect("write");
    std::fs::create_dir(dir.path().join("client")).expect("mkdir");
    std::fs::write(dir.path().join("client/acme.scope.yaml"), BROKEN).expect("write");
    std::fs::write(dir.path().join(".gitignore"), "client/\n").expect("write");
    std::fs::write(dir.path().join(".ignore"), "acme.scope.yaml\n").expect("write");
    let out = lint_dir(dir.path());
    let text = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(!text.contains("no problems"), "{text}");
    assert!(
        crate::common::stdout_of(&out).contains("acme.scope.yaml"),
        "the ignored scope was not checked"
    );
}

#[test]
fn ignored_linked_and_hidden_scopes_are_named() {
    let repo = Scratch::new();
    repo.write("scope.yaml", &good_scope());
    repo.write("old/acme.scope.yaml", BROKEN);
    repo.write(".gitignore", "old/\n");
    repo.write(".hidden/scope.yaml", BROKEN);
    std::os::unix::fs::symlink("old/acme.scope.yaml", repo.path().join("linked.scope.yaml"))
        .expect("link");
    let out = lint_dir(repo.path());
    let text = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    for note in [
        "note: skipped ./old/acme.scope.yaml: ignored by git",
        "note: skipped ./.hidden/scope.yaml: ignored by git or in a hidden directory",
        "note: skipped ./linked.scope.yaml: a symbolic link",
    ] {
        assert!(text.contains(note), "{note:?} missing from:\n{text}");
    }
}

#[test]
fn an_unreadable_directory_is_named_and_fails_the_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = dir.path().join("clients");
    std::fs::create_dir_all(base.join("locked")).expect("mkdir");
    std::fs::write(base.join("scope.yaml"), good_scope()).expect("write");
    std::fs::write(base.join("locked/scope.yaml"), BROKEN).expect("write");
    use std::os::unix::fs::PermissionsExt;
    for (path, mode) in [(dir.path(), 0o755), (&base, 0o755)] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    std::fs::set_permissions(
        base.join("scope.yaml"),
        std::fs::Permissions::from_mode(0o644),
    )
    .expect("chmod");
    std::fs::set_permissions(base.join("locked"), std::fs::Permissions::from_mode(0o000))
        .expect("chmod");
    for command in ["lint", "validate"] {
        let out = comanage_unprivileged()
            .current_dir(&base)
            .args([command, "."])
            .output()
            .expect("runs");
        let text = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{command}: {text}");
        assert!(
            text.contains("note: could not search ./locked: permission denied"),
            "{command}: {text}"
        );
        assert!(!text.contains("no problems"), "{command}: {text}");
    }
    std::fs::set_permissions(base.join("locked"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod back, so the temporary directory can be removed");
}
