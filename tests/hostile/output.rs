//! Scope text that tries to drive or fool the terminal: every human output
//! shows controls, lone carriage returns, bidirectional overrides and
//! isolates, line separators and zero-width characters as visible escapes
//! (`\u{202e}`), in messages and snippets alike.

use crate::common::{comanage, fixture, stderr_of, stdout_of};

/// Characters that must never reach a terminal raw from the spoofing
/// fixtures (a CR is allowed only as the end of a CRLF line).
const RAW: [char; 11] = [
    '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{2028}',
    '\u{2029}', '\u{200b}', '\u{0}',
];

/// Asserts that `text` holds none of [`RAW`] and no lone carriage return.
fn assert_inert(what: &str, text: &str) {
    for c in RAW {
        assert!(
            !text.contains(c),
            "{what} prints {:?} raw:\n{text}",
            c.escape_unicode().to_string()
        );
    }
    let lone_cr = text
        .char_indices()
        .any(|(at, c)| c == '\r' && !text[at + 1..].starts_with('\n'));
    assert!(!lone_cr, "{what} prints a lone carriage return:\n{text}");
}

/// `comanage args…` with its standard output and standard error.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let output = comanage().args(args).output().expect("the binary runs");
    (output.status.code(), stdout_of(&output), stderr_of(&output))
}

/// `ownr: msp   \r        # owner: msp`: on a terminal the lone CR would
/// move the cursor back and the comment would overwrite the typo.
#[test]
fn a_lone_carriage_return_in_a_snippet_is_escaped() {
    let path = fixture("hostile/lone-cr.scope.yaml");
    let (code, stdout, stderr) = run(&["validate", &path]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert_inert("validate", &stdout);
    assert!(stdout.contains("ownr: msp   \\r\n"), "{stdout}");
    insta::assert_snapshot!("hostile-lone-cr", stdout);
}

/// Bidirectional overrides, isolates and zero-width characters written raw
/// in the file ("Trojan Source") are escaped in the message, in the snippet
/// and in the help, and the label still underlines the whole value.
#[test]
fn bidi_and_zero_width_characters_are_escaped_in_snippets() {
    let path = fixture("hostile/trojan-source.scope.yaml");
    let (code, stdout, stderr) = run(&["lint", &path]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert_inert("lint", &stdout);
    assert!(
        stdout.contains(r#"owner: "ms\u{202e}p""#),
        "snippet: {stdout}"
    );
    assert!(
        stdout.contains(r"owner `ms\u{202e}p` is not a defined party"),
        "message: {stdout}"
    );
    assert!(stdout.contains(r"\u{2066}msp\u{2069}\u{200b}"), "{stdout}");
    // The heading names the place in the file, not in the escaped text.
    assert!(
        stdout.contains("trojan-source.scope.yaml:17:16]"),
        "{stdout}"
    );
    insta::assert_snapshot!("hostile-trojan-source", stdout);
}

/// `--format github` follows GitHub's workflow-command escaping (`%`, CR
/// and LF percent-encoded, and `:` and `,` in properties) and writes every
/// other character a terminal would obey as its code point, the same for
/// every name: no Rust escapes, no raw CR.
#[test]
fn github_annotations_escape_scope_text_one_way() {
    let path = fixture("hostile/spoof-output.scope.yaml");
    let dir = tempfile::tempdir().unwrap();
    // An unused party whose name holds an escape, a bell and a lone CR.
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "authority:",
        "  spare: { name: \"Spare\\e[31m\\a\\rX, y: z\", role: business }\nauthority:",
    );
    let scope = dir.path().join("spoof.scope.yaml");
    std::fs::write(&scope, text).unwrap();
    let (code, stdout, stderr) = run(&["lint", "--format", "github", scope.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    let line = stdout
        .lines()
        .find(|l| l.contains("unused-party"))
        .unwrap_or_else(|| panic!("no unused-party annotation:\n{stdout}"));
    assert!(line.starts_with("::warning file="), "{line}");
    assert!(line.contains("SpareU+001B[31mU+0007%0DX, y: z"), "{line}");
    assert!(!line.contains(r"\u{"), "Rust escapes in {line}");
    assert!(!stdout.contains('\r'), "raw CR in {stdout:?}");
    assert_inert("lint --format github", &stdout);
}

/// A newline in `engagement.client` would start a forged line under the
/// report's heading.
#[test]
fn the_report_table_keeps_each_scope_value_on_its_line() {
    let path = fixture("hostile/spoof-output.scope.yaml");
    let (code, stdout, stderr) = run(&["report", &path]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert_inert("report", &stdout);
    assert!(
        stdout.contains(r"Quarterly business review · Spoof Co\nFORGED: all clear"),
        "{stdout}"
    );
    assert!(!stdout.lines().any(|l| l.starts_with("FORGED")), "{stdout}");
    assert!(stdout.contains(r"MSP\u{202e}(reversed)"), "{stdout}");
}

#[test]
fn who_escapes_every_scope_value() {
    let path = fixture("hostile/spoof-output.scope.yaml");
    let (code, stdout, stderr) = run(&["-f", &path, "who", "patching"]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert_inert("who", &stdout);
    assert!(stdout.contains(r"Patching\u{202e} gnihctaP"), "{stdout}");
    assert!(stdout.contains(r"Secu\u{200b}rity\u{2066}"), "{stdout}");
    assert!(stdout.contains(r"\u{1b}]52;c;"), "{stdout}");
}

#[test]
fn diff_escapes_every_scope_value() {
    let old = fixture("hostile/spoof-output.scope.yaml");
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(&old).unwrap().replace(
        r#"name: "Patching\u202e gnihctaP""#,
        r#"name: "EDR\u202e\u2029x""#,
    );
    let new = dir.path().join("new.scope.yaml");
    std::fs::write(&new, text).unwrap();
    let (code, stdout, stderr) = run(&["diff", &old, new.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains(r"name Patching\u{202e} gnihctaP → EDR\u{202e}\u{2029}x"),
        "{stdout}"
    );
    assert_inert("diff", &stdout);
}

#[test]
fn explain_escapes_the_rule_it_does_not_know() {
    let (code, stdout, stderr) = run(&["explain", "unknown\u{202e}rule\u{1b}[2J"]);
    assert_eq!(code, Some(2), "{stdout}{stderr}");
    assert_inert("explain", &format!("{stdout}{stderr}"));
    assert!(stderr.contains(r"unknown\u{202e}rule\u{1b}[2J"), "{stderr}");
}

/// `show` is git's textconv driver: `git diff` shows its output on the
/// user's terminal even though comanage writes to a pipe, so it is always
/// free of controls, for a valid file (canonical form) and an invalid one
/// (the file's text).
#[test]
fn show_is_free_of_controls_even_to_a_pipe() {
    let valid = fixture("hostile/spoof-output.scope.yaml");
    let (code, stdout, stderr) = run(&["show", &valid]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert_inert("show (valid)", &stdout);
    assert!(stdout.contains(r"Patching\u{202e} gnihctaP"), "{stdout}");

    let dir = tempfile::tempdir().unwrap();
    let invalid = dir.path().join("invalid.scope.yaml");
    std::fs::write(
        &invalid,
        "version: 1\n# \u{1b}]52;c;cm0gLXJmIH4=\u{7} \u{202e}\r\nservices: [\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(&["show", invalid.to_str().unwrap()]);
    // Exit 1: a scope that does not load is a problem (DESIGN.md section 2).
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert_inert("show (invalid)", &stdout);
    assert!(
        stdout.contains(r"# \u{1b}]52;c;cm0gLXJmIH4=\u{7} \u{202e}"),
        "{stdout}"
    );
    // A CRLF line ending is a line ending, not a control.
    assert!(stdout.contains("\r\nservices: ["), "{stdout:?}");
}

/// Runs git in `dir` with no user or system configuration.
fn git(dir: &std::path::Path, args: &[&str]) {
    let output = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Spoof",
            "-c",
            "user.email=spoof@example.com",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

/// `log` shows commit subjects and the changes of each commit: both are
/// someone else's text.
#[test]
fn log_escapes_subjects_and_changes() {
    let dir = tempfile::tempdir().unwrap();
    let scope = std::fs::read_to_string(fixture("hostile/spoof-output.scope.yaml")).unwrap();
    std::fs::write(dir.path().join("scope.yaml"), &scope).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "first \u{202e}txet"]);
    let edited = scope.replace(
        r#"name: "Patching\u202e gnihctaP""#,
        r#"name: "EDR\u2066\u200bx""#,
    );
    std::fs::write(dir.path().join("scope.yaml"), edited).unwrap();
    git(
        dir.path(),
        &["commit", "-q", "-am", "rename\u{1b}[2K\rall clear"],
    );
    let output = comanage()
        .current_dir(dir.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .args(["-f", "scope.yaml", "log"])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_inert("log", &stdout);
    assert!(stdout.contains(r"rename\u{1b}[2K\rall clear"), "{stdout}");
    assert!(stdout.contains(r"EDR\u{2066}\u{200b}x"), "{stdout}");
}
