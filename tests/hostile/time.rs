//! Human rendering stays linear in the number of findings. miette's reader
//! scanned the file from its start for every snippet, so 20,000 unknown
//! party references took 23.6 s in human output against 0.18 s in JSON (a
//! release build). The bound is a hang guard for a debug build on a busy
//! machine, not a performance assertion: BENCHMARKS.md has the figures.

use std::time::Duration;

use super::{run_with, write};

/// `n` functions whose owners are all undefined parties, in services of 50.
pub fn unknown_owners(n: usize) -> String {
    let mut text = String::from(
        "version: 1\nengagement: { client: Q, renewal: 2099-01-01 }\nparties:\n  \
         msp: { name: M, role: provider }\n  internal: { name: I, role: internal }\nservices:\n",
    );
    for f in 0..n {
        if f % 50 == 0 {
            text.push_str(&format!("  s{}:\n    owner: msp\n    functions:\n", f / 50));
        }
        text.push_str(&format!(
            "      f{f}: {{ owner: ghost{f}, backup: internal }}\n"
        ));
    }
    text
}

#[test]
fn twenty_thousand_snippets_render_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "unknown.scope.yaml", unknown_owners(20_000));
    let lint = run_with(&["lint", &path], None, Duration::from_secs(120));
    assert_eq!(lint.code, Some(1));
    assert_eq!(lint.text.matches("is not a defined party").count(), 20_000);
    assert!(
        lint.text.contains("owner: ghost19999"),
        "the last snippet is drawn"
    );
}
