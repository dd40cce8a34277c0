//! Man pages (`comanage man --dir`) checked with mandoc, and `comanage
//! explain <TAB>` completing rule ids in the shells that are installed.
//! Each check is skipped, with a note, when its program is missing.

use std::process::Command;

use crate::common::{comanage, root, stderr_of, stdout_of};

/// Whether `program` runs (`program --version`).
fn installed(program: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: {program} is not installed");
    }
    found
}

#[test]
fn man_writes_a_mandoc_clean_page_for_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let output = comanage()
        .args(["man", "--dir", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for sub in [
        "validate",
        "lint",
        "diff",
        "log",
        "show",
        "report",
        "who",
        "init",
        "schema",
        "rules",
        "explain",
        "completions",
        "man",
    ] {
        assert!(
            names.contains(&format!("comanage-{sub}.1")),
            "{sub}: {names:?}"
        );
    }
    assert!(names.contains(&"comanage.1".to_owned()));
    let main = std::fs::read_to_string(out.join("comanage.1")).unwrap();
    // Every page the main page refers to exists.
    for name in &names {
        let stem = name.trim_end_matches(".1").replace('-', "\\-");
        assert!(main.contains(&stem), "comanage.1 does not mention {stem}");
    }
    let lint = std::fs::read_to_string(out.join("comanage-lint.1")).unwrap();
    for section in [
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(lint.contains(section), "{section}");
    }
    assert!(lint.contains("COMANAGE_TODAY") && lint.contains("NO_COLOR"));
    assert!(lint.contains("\\-\\-new\\-from\\-rev"));
    assert!(
        lint.contains("2026-11-22"),
        "the date of .TH follows --today"
    );

    if !installed("mandoc") {
        return;
    }
    for name in &names {
        let check = Command::new("mandoc")
            .args(["-T", "lint", "-W", "warning"])
            .arg(out.join(name))
            .output()
            .unwrap();
        assert!(
            check.status.success() && check.stdout.is_empty() && check.stderr.is_empty(),
            "{name}: {}{}",
            stdout_of(&check),
            stderr_of(&check)
        );
    }
}

/// The directory with the built `comanage`, to put first on PATH.
fn bin_dir() -> String {
    let bin = assert_cmd::cargo::cargo_bin("comanage");
    let dir = bin.parent().unwrap().display().to_string();
    format!("{dir}:{}", std::env::var("PATH").unwrap_or_default())
}

fn shell(program: &str, script: &str) -> String {
    let output = Command::new(program)
        .args(["-c", script])
        .env("PATH", bin_dir())
        .current_dir(root())
        .output()
        .unwrap();
    assert!(output.status.success(), "{program}: {}", stderr_of(&output));
    stdout_of(&output)
}

#[test]
fn explain_completes_rule_ids_in_bash() {
    if !installed("bash") {
        return;
    }
    let words = shell(
        "bash",
        r#"source <(comanage completions bash)
COMP_WORDS=(comanage explain cov); COMP_CWORD=2
COMP_LINE="comanage explain cov"; COMP_POINT=${#COMP_LINE}
_comanage comanage cov explain
printf '%s\n' "${COMPREPLY[@]}""#,
    );
    assert_eq!(words.lines().collect::<Vec<_>>(), ["coverage-gap"]);
}

#[test]
fn explain_completes_rule_ids_in_fish() {
    if !installed("fish") {
        return;
    }
    let words = shell(
        "fish",
        "comanage completions fish | source; complete -C 'comanage explain unknown-'",
    );
    let ids: Vec<&str> = words
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "unknown-escalation-path",
            "unknown-party",
            "unknown-rule",
            "unknown-service"
        ]
    );
}

#[test]
fn explain_offers_rule_ids_in_zsh() {
    if !installed("zsh") {
        return;
    }
    // Loads the script into zsh's completion system and prints the `explain`
    // argument spec of the function it defines: zsh parses the script, and
    // the spec offers each id as a value. `-D`: no dump file (zsh would
    // replace the dump file by renaming a temporary one over it).
    let spec = shell(
        "zsh",
        "autoload -U compinit && compinit -u -D && source <(comanage completions zsh) && functions _comanage",
    );
    for rule in comanage::lint::rules::REGISTRY {
        assert!(spec.contains(&format!("{}\\:", rule.id)), "{}", rule.id);
    }
}
