//! Hostile and oversized inputs through the real binary: every command must
//! finish, exit 0, 1 or 2 as the input deserves, name the file, and never
//! panic.
//!
//! Large inputs are generated into a temporary directory rather than
//! committed. The time bounds are sanity checks against hangs and runaway
//! (quadratic) work in a debug build on a busy machine, never performance
//! assertions: BENCHMARKS.md holds the measured figures.
//!
//! The alias bomb, flow-style deep nesting, the `!!python/object/apply` tag on
//! a value and Latin-1 text are validated in `validate.rs`; here they also go
//! through `lint` and `diff`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::{comanage, fixture, stderr_of, stdout_of};

/// Generous bound for one command on one input (a debug build).
const BOUND: Duration = Duration::from_secs(20);

/// Bound for the 100,000-function scope: about 15 MB of YAML, which a debug
/// build (unoptimised) needs several seconds to check.
const BOUND_LARGE: Duration = Duration::from_secs(90);

/// A finished command.
struct Run {
    code: Option<i32>,
    /// Standard output and standard error together.
    text: String,
}

/// Runs `comanage args...` (optionally with `stdin`), and checks that it
/// finished within `bound` without a panic.
fn run_with(args: &[&str], stdin: Option<Vec<u8>>, bound: Duration) -> Run {
    let mut cmd = comanage();
    // Wide enough that no message wraps inside a long temporary path.
    cmd.env("COLUMNS", "400").args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    let started = Instant::now();
    let output = cmd.output().expect("the binary runs");
    let elapsed = started.elapsed();
    let (stdout, stderr) = (stdout_of(&output), stderr_of(&output));
    assert!(
        !stderr.contains("panicked"),
        "comanage {args:?} panicked:\n{stderr}"
    );
    assert!(
        elapsed < bound,
        "comanage {args:?} took {elapsed:?} (sanity bound {bound:?})"
    );
    Run {
        code: output.status.code(),
        text: format!("{stdout}{stderr}"),
    }
}

fn run(args: &[&str]) -> Run {
    run_with(args, None, BOUND)
}

/// Asserts the exit code and that the output names `name` and says `says`.
fn expect(run: &Run, code: i32, name: &str, says: &str) {
    let head: String = run.text.chars().take(4000).collect();
    assert_eq!(run.code, Some(code), "{head}");
    assert!(
        run.text.contains(name),
        "output does not name {name}:\n{head}"
    );
    assert!(
        run.text.contains(says),
        "output does not say {says:?}:\n{head}"
    );
}

/// Writes `bytes` to `dir/name` and returns the path as text.
fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).expect("the temporary directory is writable");
    path.to_str().expect("temporary paths are UTF-8").to_owned()
}

/// A small scope that lints clean with `--deny-warnings`.
const CLEAN: &str = "\
version: 1
engagement: { client: Hostile Co, renewal: 2099-01-01 }
parties:
  internal: { name: Internal IT, role: internal }
  msp: { name: The MSP, role: provider, hours: 24x7 }
  leadership: { name: Leaders, role: leadership }
authority: { tie-breaker: leadership }
cadence:
  - { name: Weekly sync, every: week, parties: [msp, internal] }
services:
  security:
    owner: msp
    functions:
      patch-management: { backup: internal }
";

/// The same scope with `n` functions in services of 50, lint-clean.
fn scope_of(functions: usize) -> String {
    let mut text = CLEAN.replace("      patch-management: { backup: internal }\n", "");
    text.truncate(text.rfind("  security:").expect("CLEAN has a service"));
    for f in 0..functions {
        if f % 50 == 0 {
            let owner = if f % 100 == 0 { "msp" } else { "internal" };
            text.push_str(&format!(
                "  service-{}:\n    owner: {owner}\n    functions:\n",
                f / 50
            ));
        }
        let backup = if f % 100 < 50 { "internal" } else { "msp" };
        text.push_str(&format!("      function-{f}: {{ backup: {backup}"));
        if f % 4 == 0 {
            text.push_str(", critical: true, recovery: 4h");
        }
        if f % 7 == 0 {
            text.push_str(", informed: [leadership]");
        }
        text.push_str(" }\n");
    }
    text
}

#[test]
fn the_clean_scope_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "clean.scope.yaml", CLEAN);
    let lint = run(&["lint", "--deny-warnings", &path]);
    expect(&lint, 0, "1 file checked", "no problems");
    let generated = write(dir.path(), "generated.scope.yaml", scope_of(120));
    let lint = run(&["lint", "--deny-warnings", &generated]);
    expect(&lint, 0, "1 file checked", "no problems");
}

#[test]
fn nul_bytes_are_a_parse_error_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let quoted = write(
        dir.path(),
        "quoted-nul.scope.yaml",
        CLEAN.replace("Hostile Co", "\"Hostile\0Co\""),
    );
    let plain = write(
        dir.path(),
        "plain-nul.scope.yaml",
        CLEAN.replace("Hostile Co", "Hostile\0Co"),
    );
    let only = write(dir.path(), "only-nul.scope.yaml", b"\0\0\0");
    for (path, place) in [
        (&quoted, "quoted-nul.scope.yaml:2:31"),
        (&plain, "plain-nul.scope.yaml:2:30"),
        (&only, "only-nul.scope.yaml:1:1"),
    ] {
        for command in ["validate", "lint"] {
            expect(&run(&[command, path]), 1, place, "unexpected character");
        }
    }
    let clean = write(dir.path(), "clean.scope.yaml", CLEAN);
    expect(
        &run(&["diff", &plain, &clean]),
        1,
        "plain-nul.scope.yaml:2:30",
        "cannot diff",
    );
}

#[test]
fn text_that_is_not_utf8_is_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    // A multi-byte character cut off by the end of the file.
    let mut cut = CLEAN.as_bytes().to_vec();
    cut.extend_from_slice(b"# caf\xc3");
    let cut = write(dir.path(), "cut.scope.yaml", cut);
    // What Windows PowerShell's `>` writes: UTF-16 with a byte-order mark.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(CLEAN.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16 = write(dir.path(), "utf16.scope.yaml", utf16);
    let latin1 = fixture("validate/latin1.scope.yaml");
    let clean = write(dir.path(), "clean.scope.yaml", CLEAN);
    for path in [&cut, &utf16, &latin1] {
        let name = Path::new(path).file_name().unwrap().to_str().unwrap();
        expect(&run(&["validate", path]), 1, name, "not UTF-8");
        expect(&run(&["lint", path]), 1, name, "not UTF-8");
        expect(&run(&["diff", path, &clean]), 1, name, "not UTF-8");
        expect(&run(&["diff", &clean, path]), 1, name, "not UTF-8");
        expect(
            &run(&["who", "-f", path, "patch-management"]),
            1,
            name,
            "not UTF-8",
        );
    }
}

#[test]
fn alias_bombs_and_deep_brackets_stop_lint_and_diff_too() {
    let dir = tempfile::tempdir().unwrap();
    let clean = write(dir.path(), "clean.scope.yaml", CLEAN);
    for (case, says) in [
        ("alias-bomb", "aliases expand"),
        ("deep-nesting", "nested more than 64 levels"),
        ("python-tag", "tags are not supported in a scope file"),
    ] {
        let path = fixture(&format!("validate/{case}.scope.yaml"));
        let name = format!("{case}.scope.yaml");
        expect(&run(&["lint", &path]), 1, &name, says);
        expect(&run(&["diff", &path, &clean]), 1, &name, says);
        expect(&run(&["diff", &clean, &path]), 1, &name, says);
    }
}

#[test]
fn ten_thousand_levels_of_block_nesting_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Block sequences nested on one line: `- - - - x`.
    let inline = write(
        dir.path(),
        "inline-block.scope.yaml",
        format!("version: 1\nengagement:\n  {}x\n", "- ".repeat(10_000)),
    );
    // Block sequences and mappings nested by indentation (3,000 levels is
    // already 4.5 MB of leading spaces).
    let mut dashes = String::from("version: 1\nengagement:\n");
    let mut keys = dashes.clone();
    for level in 0..3_000 {
        dashes.push_str(&format!("{}-\n", " ".repeat(level)));
        keys.push_str(&format!("{}k{level}:\n", " ".repeat(level + 1)));
    }
    let dashes = write(dir.path(), "indented-dashes.scope.yaml", dashes);
    let keys = write(dir.path(), "indented-keys.scope.yaml", keys);
    for path in [&inline, &dashes, &keys] {
        let name = Path::new(path).file_name().unwrap().to_str().unwrap();
        for command in ["validate", "lint"] {
            expect(
                &run(&[command, path]),
                1,
                name,
                "nested more than 64 levels",
            );
        }
    }
}

#[test]
fn fifty_megabytes_under_the_cap_are_read() {
    let dir = tempfile::tempdir().unwrap();
    // 50 MB of comment lines after a clean scope.
    let line = format!("# {}\n", "x".repeat(78));
    let lines = format!("{CLEAN}{}", line.repeat(50_000_000 / line.len()));
    assert!(lines.len() > 50_000_000 && lines.len() < 64 << 20);
    let lines = write(dir.path(), "many-lines.scope.yaml", lines);
    expect(&run(&["validate", &lines]), 0, "1 file valid", "");
    expect(
        &run(&["lint", "--deny-warnings", &lines]),
        0,
        "1 file checked",
        "no problems",
    );

    // 50 MB on one line, then an error after it: the diagnostic must still
    // name the right line.
    let one_line = format!("{CLEAN}# {}\nownr: msp\n", "x".repeat(50_000_000));
    let one_line = write(dir.path(), "one-line.scope.yaml", one_line);
    expect(
        &run(&["validate", &one_line]),
        1,
        "one-line.scope.yaml:16:1",
        "unknown key `ownr`",
    );
}

/// The snippet guard skips lines over 400 bytes only when the error itself
/// is on one; the line of context above it is still drawn whole.
#[test]
fn a_long_line_next_to_an_error_is_not_drawn_whole() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{CLEAN}# {}\nownr: msp\n", "x".repeat(1_000_000));
    let path = write(dir.path(), "long-context.scope.yaml", text);
    let validate = run(&["validate", &path]);
    expect(
        &validate,
        1,
        "long-context.scope.yaml:16:1",
        "unknown key `ownr`",
    );
    assert!(
        validate.text.len() < 20_000,
        "{} bytes of output for one unknown key",
        validate.text.len()
    );
}

#[test]
fn seventy_megabytes_over_the_cap_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("# {}\n", "x".repeat(78));
    let text = format!("{CLEAN}{}", line.repeat(70_000_000 / line.len()));
    let path = write(dir.path(), "huge.scope.yaml", &text);
    let clean = write(dir.path(), "clean.scope.yaml", CLEAN);
    for args in [
        vec!["validate", path.as_str()],
        vec!["lint", path.as_str()],
        vec!["diff", path.as_str(), clean.as_str()],
        vec!["who", "-f", path.as_str(), "patch-management"],
    ] {
        expect(&run(&args), 2, "huge.scope.yaml", "larger than 64 MiB");
    }
    let stdin = run_with(&["validate", "-"], Some(text.into_bytes()), BOUND);
    assert_eq!(stdin.code, Some(2), "{}", stdin.text);
    assert!(stdin.text.contains("larger than 64 MiB"), "{}", stdin.text);
}

#[test]
fn a_megabyte_name_is_just_a_long_name() {
    let dir = tempfile::tempdir().unwrap();
    let long = "n".repeat(1_000_000);
    let path = write(
        dir.path(),
        "long-name.scope.yaml",
        CLEAN.replace(
            "{ backup: internal }",
            &format!("{{ backup: internal, name: {long} }}"),
        ),
    );
    expect(&run(&["validate", &path]), 0, "1 file valid", "");
    expect(
        &run(&["lint", "--deny-warnings", &path]),
        0,
        "1 file checked",
        "no problems",
    );
    let clean = write(dir.path(), "clean.scope.yaml", CLEAN);
    let diff = run(&["diff", &clean, &path]);
    expect(&diff, 0, "patch-management", "name");
    let who = run(&["who", "-f", &path, "patch-management"]);
    expect(&who, 0, &long, "The MSP");
}

#[test]
fn a_megabyte_function_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let long = "n".repeat(1_000_000);
    // A plain key of over 1024 characters is not YAML at all...
    let plain = write(
        dir.path(),
        "long-plain-id.scope.yaml",
        CLEAN.replace("patch-management", &long),
    );
    expect(
        &run(&["validate", &plain]),
        1,
        "long-plain-id.scope.yaml:14:",
        "invalid YAML",
    );
    // ...but an explicit `? key` is, and the schema refuses the id.
    let explicit = write(
        dir.path(),
        "long-explicit-id.scope.yaml",
        CLEAN.replace(
            "      patch-management: { backup: internal }",
            &format!("      ? {long}\n      : {{ backup: internal }}"),
        ),
    );
    expect(
        &run(&["validate", &explicit]),
        1,
        "long-explicit-id.scope.yaml:14:9",
        "",
    );
    expect(
        &run(&["lint", &explicit]),
        1,
        "long-explicit-id.scope.yaml:14:9",
        "",
    );
}

/// The diagnostic for a 1 MB id prints the id whole, so one bad key makes a
/// megabyte of terminal output.
#[test]
fn a_megabyte_function_id_gets_a_short_message() {
    let dir = tempfile::tempdir().unwrap();
    let long = "n".repeat(1_000_000);
    let explicit = write(
        dir.path(),
        "long-explicit-id.scope.yaml",
        CLEAN.replace(
            "      patch-management: { backup: internal }",
            &format!("      ? {long}\n      : {{ backup: internal }}"),
        ),
    );
    let validate = run(&["validate", &explicit]);
    assert!(
        validate.text.len() < 20_000,
        "{} bytes of output for one bad id",
        validate.text.len()
    );
}

#[test]
fn foreign_tags_are_refused_wherever_they_are() {
    let dir = tempfile::tempdir().unwrap();
    for (name, tagged) in [
        ("python", "!!python/object/apply:os.system [\"echo pwned\"]"),
        (
            "python-map",
            "!!python/object/new:os.system { backup: internal }",
        ),
        ("custom", "!include other.yaml"),
        ("binary", "!!binary aGVsbG8="),
    ] {
        let text = CLEAN.replace("{ backup: internal }", tagged);
        let path = write(dir.path(), &format!("{name}.scope.yaml"), text);
        // The parser reports the place after the tag, on the same line.
        let place = format!("{name}.scope.yaml:14:");
        expect(
            &run(&["validate", &path]),
            1,
            &place,
            "tags are not supported in a scope file",
        );
        expect(
            &run(&["lint", &path]),
            1,
            &place,
            "tags are not supported in a scope file",
        );
    }
    // Core tags are fine.
    let core = CLEAN.replace("backup: internal", "backup: !!str internal");
    let core = write(dir.path(), "core.scope.yaml", core);
    expect(
        &run(&["lint", "--deny-warnings", &core]),
        0,
        "1 file checked",
        "no problems",
    );
}

/// A scope that shares defaults through an anchor and merge keys.
const MERGED: &str = "\
version: 1
engagement: { client: Hostile Co, renewal: 2099-01-01 }
parties:
  internal: { name: Internal IT, role: internal }
  msp: { name: The MSP, role: provider, hours: 24x7 }
  leadership: { name: Leaders, role: leadership }
authority: { tie-breaker: leadership }
cadence:
  - { name: Weekly sync, every: week, parties: [msp, internal] }
services:
  security:
    functions:
      patch-management: &msp-owned
        owner: msp
        backup: internal
      monitoring:
        <<: *msp-owned
        critical: true
      alerting:
        <<: [*msp-owned, { hours: 24x7 }]
        name: Alerting
      helpdesk:
        <<: *msp-owned
        owner: internal
        backup: msp
";

/// MERGED written out without merge keys.
const EXPANDED: &str = "\
version: 1
engagement: { client: Hostile Co, renewal: 2099-01-01 }
parties:
  internal: { name: Internal IT, role: internal }
  msp: { name: The MSP, role: provider, hours: 24x7 }
  leadership: { name: Leaders, role: leadership }
authority: { tie-breaker: leadership }
cadence:
  - { name: Weekly sync, every: week, parties: [msp, internal] }
services:
  security:
    functions:
      patch-management: { owner: msp, backup: internal }
      monitoring: { owner: msp, backup: internal, critical: true }
      alerting: { owner: msp, backup: internal, hours: 24x7, name: Alerting }
      helpdesk: { owner: internal, backup: msp }
";

#[test]
fn merge_keys_work_and_local_keys_win() {
    let dir = tempfile::tempdir().unwrap();
    let merged = write(dir.path(), "merged.scope.yaml", MERGED);
    let expanded = write(dir.path(), "expanded.scope.yaml", EXPANDED);
    expect(&run(&["validate", &merged]), 0, "1 file valid", "");
    expect(
        &run(&["lint", "--deny-warnings", &merged]),
        0,
        "1 file checked",
        "no problems",
    );
    // The same scope, semantically.
    expect(&run(&["diff", &expanded, &merged]), 0, "no changes", "");

    let who = run(&["who", "-f", &merged, "alerting"]);
    expect(&who, 0, "The MSP (msp)", "needs       24x7 coverage");
    let who = run(&["who", "-f", &merged, "helpdesk"]);
    expect(
        &who,
        0,
        "owner       Internal IT (internal)",
        "backup      The MSP (msp)",
    );

    // Lint sees merged values: without the shared backup, the critical
    // function that merges it has none.
    let no_backup = MERGED.replacen("        backup: internal\n", "", 1);
    let no_backup = write(dir.path(), "no-backup.scope.yaml", no_backup);
    expect(
        &run(&["lint", "--deny-warnings", &no_backup]),
        1,
        "missing-backup",
        "`monitoring`",
    );
}

#[test]
fn merge_keys_of_the_wrong_shape_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (name, merge) in [("scalar", "5"), ("list-of-scalars", "[1, 2]")] {
        let text = CLEAN.replace("{ backup: internal }", &format!("{{ <<: {merge} }}"));
        let path = write(dir.path(), &format!("{name}.scope.yaml"), text);
        expect(
            &run(&["validate", &path]),
            1,
            &format!("{name}.scope.yaml"),
            "merge key",
        );
    }
}

/// An alias to an anchor that does not exist is a typo, not a bomb.
#[test]
fn an_unknown_alias_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let text = CLEAN.replace("{ backup: internal }", "{ <<: *defaults }");
    let path = write(dir.path(), "unknown-alias.scope.yaml", text);
    let validate = run(&["validate", &path]);
    assert_eq!(validate.code, Some(1), "{}", validate.text);
    assert!(validate.text.contains("defaults"), "{}", validate.text);
    assert!(
        !validate.text.contains("expand to more data"),
        "{}",
        validate.text
    );
}

#[test]
fn a_hundred_thousand_functions_validate_and_lint() {
    let dir = tempfile::tempdir().unwrap();
    let text = scope_of(100_000);
    let path = write(dir.path(), "large.scope.yaml", &text);
    let validate = run_with(&["validate", &path], None, BOUND_LARGE);
    expect(&validate, 0, "1 file valid", "");
    let lint = run_with(&["lint", "--deny-warnings", &path], None, BOUND_LARGE);
    expect(&lint, 0, "1 file checked", "no problems");
    let who = run_with(&["who", "-f", &path, "function-99999"], None, BOUND_LARGE);
    expect(&who, 0, "service-1999", "owner");
}

/// `diff` pairs functions with a linear search per function: quadratic, so
/// 100,000 functions take minutes (5 min in a debug build, see the report).
#[test]
fn a_hundred_thousand_functions_diff() {
    let dir = tempfile::tempdir().unwrap();
    let old = scope_of(100_000);
    let new = old.replace(
        "function-500: { backup: internal",
        "function-500: { backup: msp",
    );
    let old = write(dir.path(), "old.scope.yaml", old);
    let new = write(dir.path(), "new.scope.yaml", new);
    let diff = run_with(&["diff", &old, &new], None, BOUND_LARGE);
    expect(&diff, 0, "function-500", "backup");
}

/// Each finding's place is looked up in the source map; a linear scan of
/// each mapping made one service with many findings quadratic (80,000 took
/// 150 s in a release build before large mappings were indexed).
#[test]
fn fifty_thousand_findings_in_one_service_are_reported_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = CLEAN.replace("      patch-management: { backup: internal }\n", "");
    for f in 0..50_000 {
        text.push_str(&format!("      function-{f}: {{ critical: true }}\n"));
    }
    let path = write(dir.path(), "one-service.scope.yaml", text);
    let lint = run(&["lint", "--format", "json", &path]);
    assert_eq!(lint.code, Some(0), "warnings only");
    assert_eq!(lint.text.matches("\"missing-backup\"").count(), 50_000);
}

/// Standard input is `<stdin>` in every message, the size check's included.
#[test]
fn standard_input_over_the_cap_is_named_stdin() {
    let text = format!("{CLEAN}{}", "#\n".repeat(35_000_000));
    let stdin = run_with(&["validate", "-"], Some(text.into_bytes()), BOUND);
    assert_eq!(stdin.code, Some(2), "{}", stdin.text);
    assert!(stdin.text.contains("<stdin>"), "{}", stdin.text);
}

/// Each waiver scans every finding (`waivers::apply`), so waivers times
/// findings: 8,000 waived functions take 0.6 s, 16,000 take 2.6 s and
/// 32,000 take 13 s in a release build.
#[test]
fn thirty_thousand_waivers_are_applied_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = CLEAN.replace("      patch-management: { backup: internal }\n", "");
    text.truncate(text.rfind("  security:").expect("CLEAN has a service"));
    for f in 0..30_000 {
        if f % 50 == 0 {
            text.push_str(&format!(
                "  service-{}:\n    owner: msp\n    functions:\n",
                f / 50
            ));
        }
        text.push_str(&format!(
            "      function-{f}: {{ critical: true, waive: {{ missing-backup: {{ reason: the vendor covers it }} }} }}\n"
        ));
    }
    let path = write(dir.path(), "waived.scope.yaml", text);
    let lint = run(&["lint", &path]);
    expect(&lint, 0, "no problems", "30000 waived");
}

mod csv;
mod output;
mod time;
