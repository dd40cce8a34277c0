//! The editor shows exactly what `comanage lint` prints: over every scope
//! file in tests/fixtures and examples, the diagnostics the server publishes
//! against `lint --format json` (rule, level, message, range) and
//! `lint --format sarif` (the related locations, which the JSON records do
//! not carry).

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Value, json};

use super::client::{Client, uri_of};
use super::text::lines;
use crate::common::{comanage, root, stdout_of};

/// Every UTF-8 scope file under `tests/fixtures` and `examples`, relative
/// to the root, sorted. (A file that is not UTF-8 cannot travel in an LSP
/// message, which is JSON text: the editor decodes it first.)
fn scope_files() -> Vec<String> {
    let mut files = Vec::new();
    for dir in ["tests/fixtures", "examples"] {
        collect(&root(), Path::new(dir), &mut files);
    }
    files.sort();
    files
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    for entry in std::fs::read_dir(root.join(dir)).expect("fixture directory") {
        let entry = entry.expect("directory entry");
        let relative = dir.join(entry.file_name());
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().expect("file type").is_dir() {
            collect(root, &relative, files);
        } else if comanage::inputs::is_scope_file_name(&name)
            && std::str::from_utf8(&std::fs::read(entry.path()).expect("read fixture")).is_ok()
        {
            files.push(relative.to_string_lossy().into_owned());
        }
    }
}

/// `lint --format FORMAT` over all files at once, as JSON.
fn lint(files: &[String], format: &str) -> Value {
    let output = comanage()
        .args(["lint", "--format", format])
        .args(files)
        .output()
        .expect("lint runs");
    serde_json::from_str(&stdout_of(&output)).expect("lint prints JSON")
}

/// The 1-based (line, column in characters) of an LSP position (UTF-16) in
/// `text`, counted as lint counts: lines end at LF, CRLF or a lone CR.
fn line_col(text: &str, position: &Value) -> (u64, u64) {
    let line = position["line"].as_u64().expect("line") as usize;
    let units = position["character"].as_u64().expect("character") as usize;
    let content = lines(text)[line];
    let mut seen = 0;
    let mut chars = 0;
    for c in content.chars() {
        if seen >= units {
            break;
        }
        seen += c.len_utf16();
        chars += 1;
    }
    (line as u64 + 1, chars + 1)
}

/// The 1-based UTF-16 (line, column) of an LSP position, as SARIF counts.
fn sarif_line_col(position: &Value) -> (u64, u64) {
    let line = position["line"].as_u64().expect("line");
    let column = position["character"].as_u64().expect("character");
    (line + 1, column + 1)
}

/// What the editor's message of a record is: the message, then the help.
fn editor_message(record: &Value) -> String {
    let sanitize = |text: &str| comanage::terminal::sanitize(text).into_owned();
    let mut message = sanitize(record["message"].as_str().expect("message"));
    if let Some(help) = record["help"].as_str() {
        message.push_str("\nhelp: ");
        message.push_str(&sanitize(help));
    }
    message
}

#[test]
fn diagnostics_are_lints_findings_for_every_fixture() {
    let files = scope_files();
    assert!(files.len() > 100, "found only {} scope files", files.len());
    let records = lint(&files, "json");
    let sarif = lint(&files, "sarif");
    let mut by_file: HashMap<&str, Vec<&Value>> = HashMap::new();
    for record in records.as_array().expect("an array") {
        if record["suppressed"].is_null() {
            by_file
                .entry(record["file"].as_str().expect("file"))
                .or_default()
                .push(record);
        }
    }
    let mut related_by_file: HashMap<&str, Vec<&Value>> = HashMap::new();
    for result in sarif["runs"][0]["results"].as_array().expect("results") {
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        related_by_file.entry(uri).or_default().push(result);
    }

    let (mut client, _) = Client::initialized(json!({}));
    let mut compared = 0;
    for file in &files {
        let text = std::fs::read_to_string(root().join(file)).expect("read fixture");
        let uri = uri_of(file);
        client.open(&uri, &text);
        // The server, like lint, does not count a byte order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let published = client.diagnostics(&uri);
        let expected = by_file.remove(file.as_str()).unwrap_or_default();
        let results = related_by_file.remove(file.as_str()).unwrap_or_default();
        assert_eq!(
            published.len(),
            expected.len(),
            "{file}: the server published {published:#?}\nlint printed {expected:#?}"
        );
        assert_eq!(
            results.len(),
            expected.len(),
            "{file}: SARIF and JSON disagree"
        );
        for ((diagnostic, record), result) in published.iter().zip(&expected).zip(&results) {
            let context = format!("{file}: {diagnostic:#}\nagainst {record:#}");
            assert_eq!(diagnostic["code"], record["rule"], "{context}");
            assert_eq!(diagnostic["source"], "comanage", "{context}");
            let severity = if record["level"] == "error" { 1 } else { 2 };
            assert_eq!(diagnostic["severity"], severity, "{context}");
            assert_eq!(diagnostic["message"], editor_message(record), "{context}");
            let start = line_col(text, &diagnostic["range"]["start"]);
            let end = line_col(text, &diagnostic["range"]["end"]);
            assert_eq!(
                start,
                (
                    record["line"].as_u64().unwrap(),
                    record["column"].as_u64().unwrap()
                ),
                "{context}"
            );
            assert_eq!(
                end,
                (
                    record["end_line"].as_u64().unwrap(),
                    record["end_column"].as_u64().unwrap()
                ),
                "{context}"
            );
            let related = diagnostic["relatedInformation"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let locations = result["relatedLocations"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            assert_eq!(
                related.len(),
                locations.len(),
                "{context}\nSARIF: {result:#}"
            );
            for (info, location) in related.iter().zip(&locations) {
                assert_eq!(info["location"]["uri"], uri.as_str());
                let region = &location["physicalLocation"]["region"];
                let start = sarif_line_col(&info["location"]["range"]["start"]);
                assert_eq!(
                    start,
                    (
                        region["startLine"].as_u64().unwrap(),
                        region["startColumn"].as_u64().unwrap()
                    ),
                    "{context}"
                );
                let label =
                    comanage::terminal::sanitize(location["message"]["text"].as_str().unwrap())
                        .into_owned();
                assert_eq!(info["message"], label, "{context}");
            }
            compared += 1;
        }
    }
    assert!(
        by_file.is_empty(),
        "lint reported files the server was not given: {by_file:?}"
    );
    assert!(compared > 150, "only {compared} findings compared");
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
