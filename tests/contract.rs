//! The schema is the whole contract: every value the typed model cannot hold
//! is a schema error at the value, with a help line, never an internal error.

use crate::common::{comanage, fixture, stdout_of};

/// Each of these passed a lenient reading of the schema once and then failed
/// in the typed model with an internal error at 1:1.
#[test]
fn values_beyond_the_model_are_schema_errors_at_the_value() {
    let cases = [
        ("float-version", "1:10"),
        ("float-tier", "15:15"),
        ("huge-tier", "15:15"),
        ("endless-duration", "11:55"),
        ("long-duration", "14:39"),
        ("impossible-date", "4:12"),
    ];
    for (case, place) in cases {
        let output = comanage()
            .args(["validate", &fixture(&format!("validate/{case}.scope.yaml"))])
            .output()
            .unwrap();
        let stdout = stdout_of(&output);
        assert_eq!(output.status.code(), Some(1), "{case}: {stdout}");
        assert!(!stdout.contains("please report"), "{case}: {stdout}");
        assert!(stdout.contains("help:"), "{case}: {stdout}");
        assert!(
            stdout.contains(&format!("{case}.scope.yaml:{place}]")),
            "{case}: expected at {place}: {stdout}"
        );
        insta::assert_snapshot!(format!("contract-{case}"), stdout);
    }
}

#[test]
fn the_largest_values_the_model_holds_are_valid() {
    comanage()
        .args(["validate", &fixture("validate/largest-values.scope.yaml")])
        .assert()
        .success();
}
