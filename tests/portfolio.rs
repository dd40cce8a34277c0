//! `comanage report` over many scopes: the portfolio view, in every format,
//! on the shipped examples (a directory with one scope that does not load).

use crate::common::{comanage, stderr_of, stdout_of};

const FORMATS: [&str; 5] = ["table", "markdown", "html", "csv", "json"];

fn portfolio(args: &[&str]) -> std::process::Output {
    comanage().arg("report").args(args).output().unwrap()
}

/// Every format of the examples directory, as reviewed snapshots; the broken
/// example is a row that says so, and the exit code is 1.
#[test]
fn every_format_of_the_examples_directory() {
    for format in FORMATS {
        let output = portfolio(&["examples", "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
        let stderr = stderr_of(&output);
        assert!(
            stderr.contains("1 of 4 scopes does not load"),
            "{format}: {stderr}"
        );
        insta::assert_snapshot!(format!("portfolio-examples-{format}"), stdout_of(&output));
    }
}

/// The JSON is DESIGN.md's shape: `scopes` rows with their keys, `totals`,
/// worst first, and the totals add up.
#[test]
fn json_shape_order_and_totals() {
    let output = portfolio(&["examples", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let scopes = value["scopes"].as_array().unwrap();
    assert_eq!(scopes.len(), 4);
    for key in [
        "file",
        "client",
        "functions",
        "critical_without_backup",
        "unowned",
        "coverage_gaps",
        "errors",
        "warnings",
        "renewal_in_days",
        "reviewed_days_ago",
        "loaded",
    ] {
        assert!(scopes.iter().all(|s| s.get(key).is_some()), "{key} missing");
    }
    // The scope that does not load comes first, with its first error.
    assert_eq!(scopes[0]["file"], "examples/broken.scope.yaml");
    assert_eq!(scopes[0]["loaded"], false);
    assert!(
        scopes[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("examples/broken.scope.yaml:7:12: ")
    );
    // Then no more errors, so by days to renewal.
    let renewal: Vec<i64> = scopes[1..]
        .iter()
        .map(|s| s["renewal_in_days"].as_i64().unwrap())
        .collect();
    assert!(renewal.is_sorted(), "{renewal:?}");
    for key in ["functions", "errors", "warnings", "unowned"] {
        let sum: u64 = scopes.iter().map(|s| s[key].as_u64().unwrap()).sum();
        assert_eq!(value["totals"][key].as_u64(), Some(sum), "{key}");
    }
    assert_eq!(value["totals"]["scopes"], 4);
    assert_eq!(value["totals"]["not_loaded"], 1);
}

/// Each row's counts are the client's own report's numbers.
#[test]
fn rows_agree_with_each_clients_report() {
    let output = portfolio(&["examples", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for row in value["scopes"].as_array().unwrap().iter().skip(1) {
        let file = row["file"].as_str().unwrap();
        let own = portfolio(&[file, "--format", "json"]);
        let report: serde_json::Value = serde_json::from_slice(&own.stdout).unwrap();
        assert_eq!(row["client"], report["engagement"]["client"]);
        assert_eq!(row["functions"], report["engagement"]["functions"]);
        assert_eq!(
            row["renewal_in_days"],
            report["engagement"]["days_to_renewal"]
        );
        assert_eq!(row["errors"], report["findings"]["errors"]);
        assert_eq!(row["warnings"], report["findings"]["warnings"]);
        assert_eq!(
            row["unowned"].as_u64(),
            Some(report["unowned"].as_array().unwrap().len() as u64)
        );
    }
}

/// The HTML page links every loaded row to its client's section, which holds
/// that client's full report; the page stays self-contained.
#[test]
fn html_rows_link_to_each_clients_section() {
    let output = portfolio(&["examples", "--format", "html"]);
    let html = stdout_of(&output);
    for (client, anchor) in [
        ("Harbor Dental Group", "harbor-dental-group"),
        ("Cedar &#38; Hale LLP", "cedar-hale-llp"),
        (
            "Northwind Precision Manufacturing",
            "northwind-precision-manufacturing",
        ),
    ] {
        assert!(
            html.contains(&format!("<a class=\"who\" href=\"#{anchor}\">{client}</a>")),
            "{client}: no link"
        );
        let section = html
            .split(&format!("<div class=\"client\" id=\"{anchor}\">"))
            .nth(1)
            .unwrap_or_else(|| panic!("{client}: no section"));
        let section = section
            .split("</div>\n\n<div class=\"client\"")
            .next()
            .unwrap();
        assert!(section.contains(&format!("<h1>{client}</h1>")), "{client}");
        assert!(section.contains("RACI matrix"), "{client}");
    }
    assert!(html.contains("does not load"));
    let lower = html.to_lowercase();
    for external in ["<script", "<link", "src=", "@import"] {
        assert!(!lower.contains(external), "{external}");
    }
}

/// Several files on the command line are a portfolio too; one file is still
/// the single-scope report.
#[test]
fn several_files_are_a_portfolio_and_one_is_a_report() {
    let two = portfolio(&[
        "examples/harbor-dental.scope.yaml",
        "examples/cedar-law.scope.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(two.status.code(), Some(0), "{}", stderr_of(&two));
    let value: serde_json::Value = serde_json::from_slice(&two.stdout).unwrap();
    assert_eq!(value["scopes"].as_array().unwrap().len(), 2);
    let one = portfolio(&["examples/harbor-dental.scope.yaml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert!(value.get("engagement").is_some());
}

/// A file that cannot be read is a row too, and the command exits 2.
#[test]
fn unreadable_file_is_a_row_and_exit_2() {
    let output = portfolio(&[
        "examples/harbor-dental.scope.yaml",
        "examples/nope.scope.yaml",
        "--format",
        "csv",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let csv = stdout_of(&output);
    assert!(
        csv.contains("examples/nope.scope.yaml: no such file"),
        "{csv}"
    );
    assert!(csv.contains("Harbor Dental Group"), "{csv}");
}

/// `--since` compares one scope; with a portfolio it is a usage error.
#[test]
fn since_with_a_portfolio_is_refused() {
    let output = portfolio(&["examples", "--since", "HEAD"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("--since compares one scope"));
    assert_eq!(stdout_of(&output), "");
}

/// `-o` writes the portfolio and says so on standard error; `-q` keeps quiet.
#[test]
fn output_file_says_wrote_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("portfolio.html");
    let output = portfolio(&[
        "examples",
        "--format",
        "html",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains(&format!("wrote {}", target.display())));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Portfolio")
    );
    let quiet = comanage()
        .args(["-q", "report", "examples/harbor-dental.scope.yaml", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(stderr_of(&quiet), "");
}

/// A client name with a line break and one with a 200 KB word: the table
/// keeps each name on its row (no forged line) and stays prompt.
#[test]
fn hostile_client_names_stay_in_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let scope = |client: &str| {
        format!(
            "version: 1\nengagement: {{ client: \"{client}\" }}\n\
             parties: {{ msp: {{ name: MSP, role: provider }} }}\n\
             services: {{ ops: {{ owner: msp, functions: {{ patching: {{}} }} }} }}\n"
        )
    };
    std::fs::write(dir.path().join("a.scope.yaml"), scope("Acme\\nFORGED row")).unwrap();
    std::fs::write(dir.path().join("b.scope.yaml"), scope(&"x".repeat(200_000))).unwrap();
    let started = std::time::Instant::now();
    let output = comanage()
        .env("COLUMNS", "100")
        .args([
            "report",
            "--today",
            "2026-12-01",
            dir.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "hang guard"
    );
    let stdout = stdout_of(&output);
    assert!(
        !stdout
            .lines()
            .any(|line| line.trim_start_matches(['│', ' ']).starts_with("FORGED")),
        "{stdout}"
    );
    assert!(stdout.contains(r"Acme\nFORGED row"), "{stdout}");
}
