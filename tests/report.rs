//! `comanage report`: every format on the shipped examples, the HTML matrix
//! checked against the scope, hostile text rendered inert, `-o`, and errors.

use crate::common::{comanage, fixture, root, stderr_of, stdout_of};

const FORMATS: [&str; 5] = ["table", "markdown", "html", "csv", "json"];
const HOSTILE: &str = "tests/fixtures/report/hostile.scope.yaml";

fn report(path: &str, format: &str) -> String {
    let output = comanage()
        .args(["report", path, "--format", format])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    stdout_of(&output)
}

/// Every format of both examples, as reviewed snapshots.
#[test]
fn every_format_of_the_examples() {
    for example in ["northwind-manufacturing", "harbor-dental"] {
        let path = format!("examples/{example}.scope.yaml");
        for format in FORMATS {
            insta::assert_snapshot!(format!("report-{example}-{format}"), report(&path, format));
        }
    }
}

/// The default format is the table, and the `-f` file is the default path.
#[test]
fn defaults_to_the_table_of_the_f_file() {
    let output = comanage()
        .args(["-f", "examples/harbor-dental.scope.yaml", "report"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&output),
        report("examples/harbor-dental.scope.yaml", "table")
    );
}

/// The table wraps to the terminal width instead of running past it.
#[test]
fn table_fits_80_and_200_columns() {
    for width in [80, 200] {
        let output = comanage()
            .env("COLUMNS", width.to_string())
            .args(["report", "examples/northwind-manufacturing.scope.yaml"])
            .output()
            .unwrap();
        let text = stdout_of(&output);
        let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= width, "{width} columns: a line is {widest} wide");
        assert!(text.contains("Patch management"));
    }
}

/// Each HTML matrix cell shows exactly the letters the scope gives: A for the
/// owner, R for `responsible` (the owner when none), C, I, and B for backup.
#[test]
fn html_raci_cells_match_the_scope() {
    let path = "examples/northwind-manufacturing.scope.yaml";
    let html = scraper::Html::parse_document(&report(path, "html"));
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let parties: Vec<String> = html
        .select(&sel("table.raci"))
        .next()
        .expect("a RACI table")
        .select(&sel("th.party"))
        .map(|th| th.text().collect())
        .collect();
    let rows: Vec<(String, Vec<String>)> = html
        .select(&sel("table.raci tbody tr:not(.svc)"))
        .map(|tr| {
            let name = tr
                .select(&sel("td.fn"))
                .next()
                .and_then(|td| td.value().attr("title"))
                .expect("function name")
                .to_owned();
            let cells = tr
                .select(&sel("td.cell"))
                .map(|td| {
                    td.select(&sel(".pill"))
                        .map(|p| p.text().collect::<String>())
                        .collect()
                })
                .collect();
            (name, cells)
        })
        .collect();

    let bytes = std::fs::read(root().join(path)).unwrap();
    let scope = comanage::scope::load_bytes(path, bytes).unwrap().scope;
    let names: Vec<&str> = scope.parties.values().map(|p| p.name.as_str()).collect();
    assert_eq!(parties, names);
    let functions: Vec<_> = scope.functions().collect();
    assert_eq!(rows.len(), functions.len());
    for ((service_id, id, function), (name, cells)) in functions.into_iter().zip(rows) {
        assert_eq!(name, function.display_name(id));
        let service = &scope.services[service_id];
        let owner = function
            .owner
            .as_ref()
            .or(service.owner.as_ref())
            .and_then(|o| o.single())
            .expect("every example function has one owner");
        for (party, cell) in scope.parties.keys().zip(cells) {
            let mut expected = String::new();
            let responsible = if function.responsible.is_empty() {
                party == owner
            } else {
                function.responsible.contains(party)
            };
            for (letter, on) in [
                ('R', responsible),
                ('A', party == owner),
                ('C', function.consulted.contains(party)),
                ('I', function.informed.contains(party)),
                ('B', function.backup.as_ref() == Some(party)),
            ] {
                if on {
                    expected.push(letter);
                }
            }
            assert_eq!(cell, expected, "{id} × {party}");
        }
    }
}

/// The page is self-contained: no script, no external resource.
#[test]
fn html_is_self_contained() {
    let html = report("examples/harbor-dental.scope.yaml", "html");
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"));
    assert!(!lower.contains("<link"));
    assert!(!lower.contains("src="));
    assert!(!lower.contains("@import"));
    assert!(lower.contains("@page"));
    assert!(lower.contains("<svg"));
}

#[test]
fn hostile_html_is_inert() {
    let html = report(HOSTILE, "html");
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "raw script tag");
    assert!(!lower.contains("<img"), "raw img tag");
    assert!(!html.contains('\u{1b}'));
    // The text is still shown, as text.
    let doc = scraper::Html::parse_document(&html);
    let h1 = scraper::Selector::parse("h1").unwrap();
    let title: String = doc.select(&h1).next().unwrap().text().collect();
    assert_eq!(title, "<script>alert(1)</script> \"Quoted\" & 'Co'");
}

#[test]
fn hostile_table_is_inert() {
    for color in ["never", "always"] {
        let output = comanage()
            .args(["--color", color, "report", HOSTILE])
            .output()
            .unwrap();
        let text = stdout_of(&output);
        assert!(
            !text.contains("\u{1b}[31mRed"),
            "{color}: scope escape passed through"
        );
        assert!(
            !text.contains("\u{1b}]8"),
            "{color}: hyperlink escape passed through"
        );
        assert!(!text.contains('\u{7}'));
        assert!(text.contains("\\u{1b}[31mRed Provider"));
        if color == "never" {
            assert!(!text.contains('\u{1b}'));
        }
    }
}

#[test]
fn hostile_markdown_is_inert() {
    let text = report(HOSTILE, "markdown");
    assert!(!text.contains('\u{1b}'));
    assert!(!text.contains('\u{7}'));
    assert!(!text.to_lowercase().contains("<script"));
    assert!(!text.contains("<img"));
    assert!(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // A `|` in a name cannot add a column: every matrix row has as many
    // unescaped pipes as the header.
    let matrix: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("## RACI"))
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .collect();
    let pipes = |l: &str| l.replace("\\|", "").matches('|').count();
    assert!(matrix.len() > 3);
    assert!(
        matrix.iter().all(|l| pipes(l) == pipes(matrix[0])),
        "{matrix:#?}"
    );
    assert!(!text.contains("alert(1)</script>\nsecond"));
}

#[test]
fn hostile_csv_is_neutralised() {
    let text = report(HOSTILE, "csv");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut fields = Vec::new();
    for record in reader.records() {
        fields.extend(record.unwrap().iter().map(str::to_owned));
    }
    for field in &fields {
        let first = field.chars().next();
        assert!(
            !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
            "live formula cell: {field:?}"
        );
    }
    for expected in [
        "'=HYPERLINK(\"http://x\")",
        "'+cmd",
        "'@SUM(1)",
        "'-2+3",
        "'\tcell",
    ] {
        assert!(fields.iter().any(|f| f == expected), "missing {expected:?}");
    }
}

#[test]
fn hostile_json_keeps_text_exact_and_escaped() {
    let text = report(HOSTILE, "json");
    assert!(!text.contains('\u{1b}'));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["engagement"]["provider"],
        "\u{1b}[31mRed Provider\u{1b}[0m"
    );
}

/// `-o` writes the whole report to the file, nothing to standard output, and
/// leaves no temporary file behind.
#[test]
fn output_file_is_written_and_stdout_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("qbr.html");
    let output = comanage()
        .args([
            "report",
            "examples/harbor-dental.scope.yaml",
            "--format",
            "html",
            "-o",
        ])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "");
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written, report("examples/harbor-dental.scope.yaml", "html"));
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "a temporary file was left behind");
}

#[test]
fn unwritable_output_is_an_error_naming_the_file() {
    let output = comanage()
        .args([
            "report",
            "examples/harbor-dental.scope.yaml",
            "-o",
            "no/such/dir/qbr.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("no/such/dir/qbr.txt"));
    assert_eq!(stdout_of(&output), "");
}

/// A scope that does not validate gets its diagnostics and exit 1, no report.
#[test]
fn invalid_scope_prints_diagnostics_and_exits_1() {
    let output = comanage()
        .args(["report", "examples/broken.scope.yaml", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_of(&output), "");
    let stderr = stderr_of(&output);
    assert!(stderr.contains("examples/broken.scope.yaml:"), "{stderr}");
    assert!(stderr.contains("no report"), "{stderr}");
}

#[test]
fn missing_file_exits_2() {
    let output = comanage()
        .args(["report", &fixture("report/nope.scope.yaml")])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("no such file"));
}

/// Days to renewal follow `--today`.
#[test]
fn days_to_renewal_honour_today() {
    let json = |today: &str| {
        let output = comanage()
            .args([
                "--today",
                today,
                "report",
                "examples/harbor-dental.scope.yaml",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        value["engagement"]["days_to_renewal"].as_i64().unwrap()
    };
    assert_eq!(json("2027-06-20"), 10);
    assert_eq!(json("2027-07-10"), -10);
}

/// An undefined owner is shown as such and counted as unowned: no RACI
/// column or chart share of its own, a hatched "unknown party" mark, and
/// the owned counts plus the unowned add up to the functions.
#[test]
fn undefined_owner_is_an_unknown_party_and_unowned() {
    let path = fixture("report/unknown-owner.scope.yaml");
    let html = report(&path, "html");
    assert!(!html.contains("<th class=\"party\">nobody</th>"));
    assert!(html.contains(
        "Wi-Fi management<span class=\"unknown\">unknown party <code>nobody</code></span>"
    ));
    assert!(
        html.contains("<span class=\"unknown\">unknown party <code>nobody</code> <b>1</b></span>")
    );
    assert!(html.contains("<div class=\"v\">1</div><div class=\"l\">Unowned functions</div><div class=\"note\">1 owned by an unknown party</div>"));
    let markdown = report(&path, "markdown");
    assert!(
        markdown.contains("Wi-Fi management (unknown party `nobody`)"),
        "{markdown}"
    );
    let table = report(&path, "table");
    assert!(
        table.contains("Unowned: Wi-Fi management (unknown party `nobody`)"),
        "{table}"
    );
    let json: serde_json::Value = serde_json::from_str(&report(&path, "json")).unwrap();
    let owned: u64 = json["ownership"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["owned"].as_u64().unwrap())
        .sum();
    let unowned = json["unowned"].as_array().unwrap().len() as u64;
    assert_eq!(
        owned + unowned,
        json["engagement"]["functions"].as_u64().unwrap()
    );
    assert_eq!(json["raci"]["parties"].as_array().unwrap().len(), 2);
}

/// A 200 KB party name is rendered in the terminal table in linear time
/// (a hang guard, not a benchmark: the bound is generous for a debug build).
#[test]
fn huge_party_name_table_is_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.scope.yaml");
    let name = "A".repeat(200_000);
    std::fs::write(
        &path,
        format!(
            "version: 1\nengagement: {{ client: Acme }}\nparties:\n  it: {{ name: {name}, role: internal }}\nservices:\n  ops:\n    owner: it\n    functions:\n      patching: {{ critical: true }}\n"
        ),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let output = comanage()
        .args(["report", "--format", "table"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    let text = stdout_of(&output);
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 100, "a line is {widest} wide");
    // The whole name is there, cut into lines: nothing is dropped.
    let letters: usize = text
        .lines()
        .filter(|l| l.starts_with("Party") || l.contains("┆"))
        .map(|l| l.matches('A').count())
        .sum();
    assert!(letters >= 200_000, "{letters} of the name's letters shown");
}
