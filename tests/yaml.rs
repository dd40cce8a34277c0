//! YAML as users write it: findings through aliases and merge keys, the
//! memory aliases may cost, and the edge cases of the YAML test suite.

use crate::common::{comanage, fixture, stdout_of};

fn lint(name: &str) -> (Option<i32>, String) {
    let output = comanage()
        .args(["lint", &fixture(&format!("yaml/{name}.scope.yaml"))])
        .output()
        .unwrap();
    (output.status.code(), stdout_of(&output))
}

/// A finding about a value reached through `*alias` is placed at the alias,
/// in the function it is about, with "defined here" at the anchor.
#[test]
fn a_finding_through_an_alias_is_placed_at_the_alias() {
    let (code, stdout) = lint("alias-unknown-party");
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("alias-unknown-party.scope.yaml:17:19]"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("defined here").count(), 1, "{stdout}");
    insta::assert_snapshot!("yaml-alias-unknown-party", stdout);
}

/// Through `<<: *anchor`, the finding is placed at the merge key.
#[test]
fn a_finding_through_a_merge_key_is_placed_at_the_merge_key() {
    let (code, stdout) = lint("merge-unknown-party");
    assert_eq!(code, Some(1), "{stdout}");
    assert!(
        stdout.contains("merge-unknown-party.scope.yaml:14:9]"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("defined here").count(), 1, "{stdout}");
    insta::assert_snapshot!("yaml-merge-unknown-party", stdout);
}

/// Schema errors go through the same source map.
#[test]
fn a_schema_error_through_an_alias_is_placed_at_the_alias() {
    let output = comanage()
        .args(["validate", &fixture("yaml/alias-schema-error.scope.yaml")])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("alias-schema-error.scope.yaml:12:61]"),
        "{stdout}"
    );
    insta::assert_snapshot!("yaml-alias-schema-error", stdout);
}

#[test]
fn clean_aliases_and_merge_keys_give_no_findings() {
    let (code, stdout) = lint("alias-clean");
    assert_eq!(code, Some(0), "{stdout}");
    assert_eq!(stdout, "");
}
