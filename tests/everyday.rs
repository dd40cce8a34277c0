//! Everyday commands: `init`, `who`, `completions`, `man`, `--version`.

use std::path::Path;

use crate::common::{comanage, fixture, stderr_of, stdout_of};

const NORTHWIND: &str = "examples/northwind-manufacturing.scope.yaml";

/// Commands a freshly written starter scope must pass, each with exit 0.
/// `comanage lint` joins this list as one more line once it is built.
const STARTER_CHECKS: &[&[&str]] = &[&["validate"], &["lint", "--deny-warnings"]];

/// Runs `comanage` in `dir` with `args`.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    comanage().current_dir(dir).args(args).output().unwrap()
}

#[test]
fn init_writes_a_scope_that_passes_the_checks_and_answers_who() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_in(dir.path(), &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(dir.path().join("scope.yaml").is_file());
    assert!(
        stderr_of(&output).contains("edit scope.yaml")
            && stderr_of(&output).contains("comanage lint"),
        "{}",
        stderr_of(&output)
    );
    for check in STARTER_CHECKS {
        let output = run_in(dir.path(), check);
        assert_eq!(
            output.status.code(),
            Some(0),
            "`comanage {}` on the starter:\n{}{}",
            check.join(" "),
            stdout_of(&output),
            stderr_of(&output)
        );
    }
    let output = run_in(dir.path(), &["who", "patching"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let answer = stdout_of(&output);
    assert!(answer.starts_with("Patch management"), "{answer}");
    assert!(
        answer.contains("owner       Your managed service provider (msp), 24x7"),
        "{answer}"
    );
    assert!(
        answer.contains("backup      Internal IT (internal)"),
        "{answer}"
    );
}

#[test]
fn init_starter_text() {
    // COMANAGE_TODAY fixes the dates, so the whole file is stable.
    let output = comanage()
        .args([
            "init",
            "-f",
            "-",
            "--client",
            "Harbor Dental",
            "--provider",
            "Lakeside Managed IT",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr_of(&output),
        "",
        "nothing written, so no next-steps hint"
    );
    let text = stdout_of(&output);
    assert!(text.contains("start: 2026-11-22\n  renewal: 2027-11-22\n  reviewed: 2026-11-22"));
    insta::assert_snapshot!("init-starter", text);
}

#[test]
fn init_refuses_to_overwrite_and_force_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scope.yaml");
    std::fs::write(&path, "my careful work\n").unwrap();

    let output = run_in(dir.path(), &["init"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr_of(&output);
    assert!(message.contains("scope.yaml already exists"), "{message}");
    assert!(message.contains("--force"), "{message}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my careful work\n");

    let output = run_in(dir.path(), &["init", "--force", "--quiet"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "", "--quiet drops the hint");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# yaml-language-server")
    );
    assert_eq!(run_in(dir.path(), &["validate"]).status.code(), Some(0));
    // No temporary file is left beside the scope.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["scope.yaml"]);
}

#[test]
fn init_writes_to_another_path_and_rejects_empty_names() {
    let dir = tempfile::tempdir().unwrap();
    // A new client's folder is created.
    let output = run_in(dir.path(), &["init", "-f", "clients/acme/scope.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("edit clients/acme/scope.yaml"));
    assert!(dir.path().join("clients/acme/scope.yaml").is_file());

    std::fs::write(dir.path().join("file"), "").unwrap();
    let output = run_in(dir.path(), &["init", "-f", "file/scope.yaml"]);
    assert_eq!(output.status.code(), Some(2), "a file is in the way");
    assert!(
        stderr_of(&output).contains("cannot create the directory file"),
        "{}",
        stderr_of(&output)
    );

    let output = run_in(dir.path(), &["init", "-f", "x.yaml", "--client", "  "]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("--client is empty"),
        "{}",
        stderr_of(&output)
    );
    assert!(!dir.path().join("x.yaml").exists());
}

#[test]
fn init_schema_writes_the_file_the_schema_comment_names() {
    let dir = tempfile::tempdir().unwrap();
    let output = run_in(
        dir.path(),
        &["init", "--schema", "-f", "clients/acme/scope.yaml"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("wrote clients/acme/scope.schema.json"));
    let scope = std::fs::read_to_string(dir.path().join("clients/acme/scope.yaml")).unwrap();
    let comment = scope.lines().next().unwrap();
    let target = comment
        .strip_prefix("# yaml-language-server: $schema=")
        .expect("the first line is the schema comment");
    let written = std::fs::read_to_string(dir.path().join("clients/acme").join(target)).unwrap();
    assert_eq!(written, comanage::schema::SCHEMA_TEXT);

    let output = run_in(dir.path(), &["schema", "-o", "copy.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("wrote copy.json"));
    let copy = std::fs::read_to_string(dir.path().join("copy.json")).unwrap();
    assert_eq!(copy, comanage::schema::SCHEMA_TEXT);
    let output = run_in(dir.path(), &["schema", "-o", "missing-dir/x.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("missing-dir"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn hostile_client_names_round_trip() {
    let names = [
        "Acme: the \"real\" one",
        "Smith & Sons # since 1901",
        "- leading dash",
        "O'Brien's 'Dental'",
        "two\nlines",
        "back\\slash and ${PROVIDER}",
        "yes",
        "2026-01-01",
        "Ærøskøbing Zahnärzte 歯科 🦷",
        "esc\u{1b}[31mape\u{7}",
        "  padded  ",
        "[not, a, list]",
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, name) in names.iter().enumerate() {
        let file = format!("{i}.scope.yaml");
        let provider = format!("{name} provider");
        // The `=` form passes a value that starts with `-`.
        let client_arg = format!("--client={name}");
        let provider_arg = format!("--provider={provider}");
        let output = run_in(
            dir.path(),
            &["init", "-q", "-f", &file, &client_arg, &provider_arg],
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name:?}: {}",
            stderr_of(&output)
        );
        let output = run_in(dir.path(), &["validate", &file]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name:?}: {}",
            stdout_of(&output)
        );
        let bytes = std::fs::read(dir.path().join(&file)).unwrap();
        let document = comanage::scope::load_bytes(&file, bytes).unwrap();
        assert_eq!(document.scope.engagement.client, *name);
        assert_eq!(
            document.scope.engagement.provider.as_deref(),
            Some(provider.as_str())
        );
    }
}

/// Runs `who` on the Northwind example.
fn who(args: &[&str]) -> std::process::Output {
    comanage()
        .args(["-f", NORTHWIND, "who"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn who_answers_in_human_form() {
    let cases = [
        ("patching", "who-patching"),
        ("backup", "who-backup"),
        ("Plant-floor technology", "who-plant-floor-service"),
    ];
    for (query, name) in cases {
        let output = who(&[query]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{query}: {}",
            stderr_of(&output)
        );
        assert_eq!(stderr_of(&output), "");
        insta::assert_snapshot!(name, stdout_of(&output));
    }
}

#[test]
fn who_answers_in_json() {
    for (query, name) in [
        ("patching", "who-patching-json"),
        ("Plant-floor technology", "who-plant-floor-json"),
    ] {
        let output = who(&[query, "--format", "json"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{query}: {}",
            stderr_of(&output)
        );
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        insta::assert_json_snapshot!(name, json);
    }
}

#[test]
fn who_patching_finds_patch_management_and_its_owner() {
    let output = who(&["--format", "json", "patching"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let functions = json["functions"].as_array().unwrap();
    assert_eq!(functions.len(), 1);
    assert_eq!(functions[0]["id"], "patch-management");
    assert_eq!(
        functions[0]["owners"][0]["name"],
        "Bluewater Managed Services"
    );
    assert_eq!(functions[0]["backup"]["id"], "internal");
}

#[test]
fn who_without_a_match_suggests_and_exits_1() {
    let output = who(&["zebra", "printers"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_of(&output), "");
    insta::assert_snapshot!("who-no-match", stderr_of(&output));

    let output = who(&["vpn"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr_of(&output),
        "no function, service or party matches `vpn`\nhelp: `comanage report` lists every function, service and party\n"
    );
}

#[test]
fn who_exit_codes() {
    // An invalid scope: its diagnostics, like validate, and exit 1.
    let output = comanage()
        .args(["-f", "examples/broken.scope.yaml", "who", "patching"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_of(&output), "");
    assert!(
        stderr_of(&output).contains("examples/broken.scope.yaml:"),
        "{}",
        stderr_of(&output)
    );
    // No such file: exit 2, naming it.
    let output = comanage()
        .args(["-f", "nowhere.yaml", "who", "x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("nowhere.yaml: no such file"));
    // No query: a usage error.
    let output = comanage().args(["-f", NORTHWIND, "who"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn who_reads_standard_input() {
    let scope = std::fs::read(NORTHWIND).unwrap();
    let output = comanage()
        .args(["-f", "-", "who", "patch-management"])
        .write_stdin(scope)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout_of(&output).starts_with("Patch management (OS and third-party)"));
}

#[test]
fn who_escapes_hostile_text_and_shows_lint_problems_plainly() {
    let output = comanage()
        .args([
            "-f",
            &fixture("everyday/hostile.scope.yaml"),
            "who",
            "security",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\r'));
    insta::assert_snapshot!("who-hostile", text);
}

#[test]
fn bash_sources_the_completions() {
    let binary = assert_cmd::cargo::cargo_bin("comanage");
    let script = format!(
        "source <('{}' completions bash) && complete -p comanage",
        binary.display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("comanage"));
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = comanage().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout_of(&output);
        assert!(
            script.contains("comanage") && script.contains("who"),
            "{shell}"
        );
    }
    let output = comanage().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn man_prints_a_roff_page() {
    let output = comanage().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = stdout_of(&output);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq"),
        "{}",
        &page[..page.len().min(200)]
    );
    assert!(page.contains(".TH comanage 1"));
    assert!(page.contains("who"));
}

#[test]
fn version_names_the_release() {
    comanage()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("comanage {}\n", env!("CARGO_PKG_VERSION")));
}
