//! `comanage lint` over several files ends with a table of counts per file.

use crate::common::{comanage, stderr_of};

#[test]
fn several_files_end_with_a_per_file_table_before_the_summary() {
    let output = comanage().args(["lint", "examples/"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("lint-several-files-table", stderr_of(&output));
}

#[test]
fn one_file_has_no_table_and_quiet_has_neither() {
    let one = comanage()
        .args(["lint", "examples/harbor-dental.scope.yaml"])
        .output()
        .unwrap();
    assert_eq!(stderr_of(&one), "1 file checked: no problems\n");
    let quiet = comanage()
        .args(["lint", "-q", "examples/"])
        .output()
        .unwrap();
    assert_eq!(stderr_of(&quiet), "");
}

#[test]
fn scope_yml_files_are_found_by_directory_search() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(crate::common::root().join("examples/harbor-dental.scope.yaml"))
            .unwrap();
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    std::fs::write(dir.path().join("a/scope.yml"), &text).unwrap();
    std::fs::write(dir.path().join("b.scope.yml"), &text).unwrap();
    std::fs::write(dir.path().join("other.yml"), &text).unwrap();
    let output = comanage()
        .current_dir(dir.path())
        .args(["lint", "."])
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert!(stderr.contains("a/scope.yml"), "{stderr}");
    assert!(stderr.contains("b.scope.yml"), "{stderr}");
    assert!(!stderr.contains("other.yml"), "{stderr}");
    assert!(
        stderr.ends_with("2 files checked: no problems\n"),
        "{stderr}"
    );
}
