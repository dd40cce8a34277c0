//! SARIF 2.1.0 output, the format GitHub code scanning and other static
//! analysis dashboards read (DESIGN.md section 3, CI integrations).
//!
//! `tool.driver.rules` describes every rule from the registry (plus `parse`
//! and `schema` for loading errors); each result points at its rule by id and
//! index, carries the physical location of the offending value relative to
//! `%SRCROOT%` in UTF-16 columns, and a fingerprint of its rule and pointer.
//! Code scanning ignores `suppressions`, so waived findings are left out
//! unless [`SarifOptions::include_suppressed`] asks for them.

mod descriptors;
mod location;

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::diagnostics::Level;
use crate::findings::FileFindings;

/// Where the project lives: the driver's `informationUri`.
pub const INFORMATION_URI: &str = "https://comanage.dev";

/// How to write the SARIF log.
#[derive(Debug, Clone, Default)]
pub struct SarifOptions {
    /// The directory artifact URIs are relative to (`%SRCROOT%`): the
    /// repository root in CI. Absolute; `None` takes the current directory.
    pub root: Option<PathBuf>,
    /// Keep waived findings, with `suppressions` (`status: accepted`).
    pub include_suppressed: bool,
}

/// All findings of all files as one SARIF log.
pub fn render(files: &[FileFindings], options: &SarifOptions) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = location::normalise(options.root.as_deref().unwrap_or(&cwd));
    let rule_ids = descriptors::ids();

    let mut results = Vec::new();
    for file in files {
        let artifact = location::artifact_location(file.source.name(), &cwd, &root);
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (diagnostic, record) in file.diagnostics.iter().zip(file.records()) {
            if record.suppressed.is_some() && !options.include_suppressed {
                continue;
            }
            let occurrence = seen.entry((record.rule, record.pointer)).or_default();
            *occurrence += 1;
            let span = diagnostic.primary.span;
            let mut result = json!({
                "ruleId": record.rule,
                "level": sarif_level(record.level),
                "message": { "text": message_text(record.message, record.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": location::region(&file.source, span.start, span.end()),
                    },
                    "logicalLocations": [{ "fullyQualifiedName": record.pointer, "kind": "member" }],
                }],
                "partialFingerprints": {
                    location::FINGERPRINT_KEY:
                        location::fingerprint(record.rule, record.pointer, *occurrence),
                },
            });
            if let Some(index) = rule_ids.iter().position(|id| *id == record.rule) {
                result["ruleIndex"] = json!(index);
            }
            let related: Vec<Value> = diagnostic
                .related
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    json!({
                        "id": i,
                        "message": { "text": label.message },
                        "physicalLocation": {
                            "artifactLocation": artifact,
                            "region": location::region(&file.source, label.span.start, label.span.end()),
                        }
                    })
                })
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(reason) = record.suppressed {
                result["suppressions"] = json!([{
                    "kind": "inSource",
                    "status": "accepted",
                    "justification": reason,
                }]);
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
                    "informationUri": INFORMATION_URI,
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors::all(),
                }
            },
            "originalUriBaseIds": {
                location::SRCROOT: { "uri": location::root_uri(&root) },
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
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
