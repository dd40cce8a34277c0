//! SARIF 2.1.0 output, the format GitHub code scanning and other static
//! analysis dashboards read.
//!
//! `tool.driver.rules` describes every rule from the registry (plus `parse`
//! and `schema` for loading errors); each result points at its rule by id and
//! index, carries the physical location of the offending value and, when a
//! waiver silences it, a suppression with the waiver's reason.

use serde_json::{Value, json};

use super::rule::Rule;
use super::rules::REGISTRY;
use crate::diagnostics::Level;
use crate::findings::FileFindings;
use crate::scope::LintLevel;

/// The ids of the pseudo-rules for loading errors, with their descriptions.
const LOADING_RULES: [(&str, &str); 2] = [
    (
        "parse",
        "the file is not valid YAML, or not one YAML document",
    ),
    (
        "schema",
        "the file does not match the scope format (JSON Schema)",
    ),
];

/// All findings of all files as one SARIF log.
pub fn render(files: &[FileFindings]) -> String {
    let mut rule_ids: Vec<&str> = REGISTRY.iter().map(|rule| rule.id).collect();
    rule_ids.extend(LOADING_RULES.iter().map(|(id, _)| *id));
    let mut descriptors: Vec<Value> = REGISTRY.iter().map(|rule| descriptor(rule)).collect();
    descriptors.extend(LOADING_RULES.iter().map(|(id, text)| {
        json!({
            "id": id,
            "shortDescription": { "text": text },
            "defaultConfiguration": { "level": "error" },
        })
    }));

    let mut results = Vec::new();
    for file in files {
        let uri = artifact_uri(file.source.name());
        for (diagnostic, record) in file.diagnostics.iter().zip(file.records()) {
            let mut result = json!({
                "ruleId": record.rule,
                "level": sarif_level(record.level),
                "message": { "text": message_text(record.message, record.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": {
                            "startLine": record.line,
                            "startColumn": record.column,
                            "endLine": record.end_line,
                            "endColumn": record.end_column,
                        }
                    },
                    "logicalLocations": [{ "fullyQualifiedName": record.pointer, "kind": "member" }],
                }],
            });
            if let Some(index) = rule_ids.iter().position(|id| *id == record.rule) {
                result["ruleIndex"] = json!(index);
            }
            let related: Vec<Value> = diagnostic
                .related
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let (line, column) = file.source.line_col(label.span.start);
                    let (end_line, end_column) = file.source.line_col(label.span.end());
                    json!({
                        "id": i,
                        "message": { "text": label.message },
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri },
                            "region": {
                                "startLine": line, "startColumn": column,
                                "endLine": end_line, "endColumn": end_column,
                            }
                        }
                    })
                })
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(reason) = record.suppressed {
                result["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
            }
            results.push(result);
        }
    }

    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "comanage",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

/// The reporting descriptor of one rule, with its documentation as help.
fn descriptor(rule: &Rule) -> Value {
    let docs = &rule.docs;
    let markdown = format!(
        "{}\n\n**Why it matters.** {}\n\n**Example**\n\n```yaml\n{}\n```\n\n**Use instead**\n\n```yaml\n{}\n```\n\n**Fix.** {}",
        docs.what, docs.why, docs.example, docs.use_instead, docs.fix
    );
    json!({
        "id": rule.id,
        "name": pascal_case(rule.id),
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": docs.what },
        "help": { "text": format!("{} {}", docs.why, docs.fix), "markdown": markdown },
        "defaultConfiguration": { "level": match rule.default_level {
            LintLevel::Deny => "error",
            LintLevel::Warn => "warning",
            LintLevel::Allow => "none",
        } },
    })
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
    }
}

fn message_text(message: &str, help: Option<&str>) -> String {
    match help {
        Some(help) => format!("{message}\nhelp: {help}"),
        None => message.to_owned(),
    }
}

/// The file name as a relative URI with forward slashes (what code scanning
/// matches against the repository).
fn artifact_uri(name: &str) -> String {
    let name = name.replace('\\', "/");
    let name = name.strip_prefix("./").unwrap_or(&name);
    let mut out = String::with_capacity(name.len());
    for byte in name.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char);
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// `unowned-function` -> `UnownedFunction`.
fn pascal_case(id: &str) -> String {
    id.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_percent_encoded() {
        assert_eq!(
            artifact_uri("./clients/a b.scope.yaml"),
            "clients/a%20b.scope.yaml"
        );
        assert_eq!(artifact_uri("dir\\x.yaml"), "dir/x.yaml");
    }

    #[test]
    fn names_are_pascal_case() {
        assert_eq!(pascal_case("unowned-function"), "UnownedFunction");
    }
}
