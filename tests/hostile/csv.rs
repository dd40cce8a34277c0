//! `report --format csv`: cells that a spreadsheet would run as a formula
//! are prefixed with `'` (DESIGN.md section 8), and the CSV is byte-faithful
//! to a pipe but free of terminal controls on a terminal.

use crate::common::{comanage, fixture, stdout_of};

/// A scope whose function names try every way past a first-character check.
const FORMULAS: &str = r#"version: 1
engagement: { client: Formula Co, renewal: 2099-01-01 }
parties:
  internal: { name: "\0=HYPERLINK(\"http://evil.example\",\"x\")", role: internal }
  msp: { name: "  +cmd|' /C calc'!A0", role: provider, hours: 24x7 }
services:
  ops:
    name: "\u00a0@SUM(1)"
    owner: msp
    functions:
      nul: { name: "\0\0-1+1", backup: internal }
      zero-width: { name: "\u200b\ufeff=1", backup: internal }
      fullwidth: { name: "＝HYPERLINK(1)", backup: internal }
      fullwidth-at: { name: " ＠SUM(1)", backup: internal }
      tab: { name: " \tx", backup: internal }
      plain: { name: "  Patching = fine", backup: internal }
"#;

#[test]
fn every_formula_disguise_is_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("formulas.scope.yaml");
    std::fs::write(&path, FORMULAS).unwrap();
    let output = comanage()
        .args(["report", "--format", "csv", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let csv = stdout_of(&output);
    for cell in [
        "'\0=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")",
        "'  +cmd|' /C calc'!A0",
        "'\u{a0}@SUM(1)",
        "'\0\0-1+1",
        "'\u{200b}\u{feff}=1",
        "'＝HYPERLINK(1)",
        "' ＠SUM(1)",
        "' \tx",
    ] {
        assert!(csv.contains(cell), "no {cell:?} in\n{csv}");
    }
    assert!(csv.contains(",  Patching = fine,"), "{csv}");
    assert!(!csv.contains("'  Patching"), "{csv}");
}

/// Through a pipe the CSV keeps the scope's text exactly (a script or a
/// spreadsheet import gets the real names).
#[test]
fn csv_to_a_pipe_is_byte_faithful() {
    let output = comanage()
        .args(["report", "--format", "csv"])
        .arg(fixture("hostile/spoof-output.scope.yaml"))
        .output()
        .unwrap();
    let csv = stdout_of(&output);
    assert!(
        csv.contains("Internal\u{1b}]52;c;cm0gLXJmIH4=\u{7}IT"),
        "{csv:?}"
    );
    assert!(csv.contains("\"Lead\rOVERWRITTEN\""), "{csv:?}");
}

/// On a terminal (a pseudo-terminal made by `script`) the same CSV shows
/// OSC 52, OSC 8, the bell and the lone CR as visible escapes.
#[cfg(target_os = "linux")]
#[test]
fn csv_to_a_terminal_is_free_of_controls() {
    let bin = env!("CARGO_BIN_EXE_comanage");
    let scope = crate::common::root().join(fixture("hostile/spoof-output.scope.yaml"));
    let command = format!(
        "stty -onlcr; COMANAGE_TODAY=2026-11-22 '{bin}' report --format csv '{}'",
        scope.display()
    );
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("`script` (util-linux) runs a command on a pseudo-terminal");
    let shown = stdout_of(&output);
    assert!(output.status.success(), "{output:?}");
    assert!(
        shown.contains(r"Internal\u{1b}]52;c;cm0gLXJmIH4=\u{7}IT"),
        "{shown:?}"
    );
    assert!(
        shown.contains(r"\u{1b}]8;;http://evil.example"),
        "{shown:?}"
    );
    assert!(shown.contains(r"Lead\rOVERWRITTEN"), "{shown:?}");
    assert!(
        !shown.contains('\u{1b}'),
        "raw ESC on the terminal: {shown:?}"
    );
    assert!(
        !shown.contains('\u{7}'),
        "raw BEL on the terminal: {shown:?}"
    );
    assert!(
        !shown.contains('\u{202e}'),
        "raw override on the terminal: {shown:?}"
    );
    // Rows still end in CRLF, as CSV wants.
    assert!(shown.contains("yes,B,RA,I\r\n"), "{shown:?}");
}
