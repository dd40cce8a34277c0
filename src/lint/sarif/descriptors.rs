//! `tool.driver.rules`: one reporting descriptor per rule of the registry,
//! and one for each pseudo-rule of loading errors (`parse`, `schema`).
//!
//! GitHub code scanning requires `shortDescription`, `fullDescription` and
//! `help` on every descriptor (the Multitool's GH2012), so the pseudo-rules
//! carry the same sections as the real ones.

use serde_json::{Value, json};

use crate::lint::rule::Rule;
use crate::lint::rules::REGISTRY;
use crate::scope::LintLevel;

/// A loading error's pseudo-rule: id, summary, what it means, how to fix it.
struct LoadingRule {
    id: &'static str,
    /// A name that differs from the id (SARIF1001 compares them ignoring case).
    name: &'static str,
    summary: &'static str,
    what: &'static str,
    fix: &'static str,
}

/// The pseudo-rules of loading errors, reported by `validate` and `lint`.
const LOADING_RULES: [LoadingRule; 2] = [
    LoadingRule {
        id: "parse",
        name: "ParseError",
        summary: "the file is not valid YAML, or not one YAML document",
        what: "The scope file could not be read as one YAML document: a syntax error, text that \
               is not UTF-8, a tag other than YAML's core ones, more than one document, or a \
               file over the size, nesting or alias limits.",
        fix: "Correct the YAML at the reported place; `comanage validate` lists every problem \
              of the file at once.",
    },
    LoadingRule {
        id: "schema",
        name: "SchemaError",
        summary: "the file does not match the scope format (JSON Schema)",
        what: "The file is YAML but not a scope of format version 1: an unknown or misspelt \
               key, a missing required field, a value of the wrong type, or an id that is not \
               kebab-case.",
        fix: "Follow the message and its \"did you mean\"; `comanage schema -o \
              scope.schema.json` gives editors the format for completion.",
    },
];

/// The ids of all descriptors, in the order [`all`] lists them (a result's
/// `ruleIndex` is its rule's position here).
pub fn ids() -> Vec<&'static str> {
    REGISTRY
        .iter()
        .map(|rule| rule.id)
        .chain(LOADING_RULES.iter().map(|rule| rule.id))
        .collect()
}

/// Every descriptor: the registry's rules, then `parse` and `schema`.
pub fn all() -> Vec<Value> {
    REGISTRY
        .iter()
        .map(|rule| rule_descriptor(rule))
        .chain(LOADING_RULES.iter().map(loading_descriptor))
        .collect()
}

/// The reporting descriptor of one rule, with its documentation as help.
fn rule_descriptor(rule: &Rule) -> Value {
    let docs = &rule.docs;
    let markdown = format!(
        "{}\n\n**Why it matters.** {}\n\n**Example**\n\n```yaml\n{}\n```\n\n**Use instead**\n\n```yaml\n{}\n```\n\n**Fix.** {}",
        docs.what, docs.why, docs.example, docs.use_instead, docs.fix
    );
    json!({
        "id": rule.id,
        "name": pascal_case(rule.id),
        "shortDescription": { "text": sentence(rule.summary) },
        "fullDescription": { "text": docs.what },
        "help": { "text": format!("{} {}", docs.why, docs.fix), "markdown": markdown },
        "defaultConfiguration": { "level": match rule.default_level {
            LintLevel::Deny => "error",
            LintLevel::Warn => "warning",
            LintLevel::Allow => "none",
        } },
    })
}

fn loading_descriptor(rule: &LoadingRule) -> Value {
    json!({
        "id": rule.id,
        "name": rule.name,
        "shortDescription": { "text": sentence(rule.summary) },
        "fullDescription": { "text": rule.what },
        "help": {
            "text": rule.fix,
            "markdown": format!("{}\n\n**Fix.** {}", rule.what, rule.fix),
        },
        "defaultConfiguration": { "level": "error" },
    })
}

/// A summary as a sentence: capitalised, ending with a full stop (SARIF
/// plain-text messages are sentences; the Multitool checks the full stop).
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with('.') {
        out.push('.');
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
    fn names_are_pascal_case() {
        assert_eq!(pascal_case("unowned-function"), "UnownedFunction");
    }

    #[test]
    fn summaries_become_sentences() {
        assert_eq!(
            sentence("a function has no owner"),
            "A function has no owner."
        );
        assert_eq!(sentence("Done."), "Done.");
    }

    #[test]
    fn every_descriptor_has_the_sections_code_scanning_requires() {
        let all = all();
        assert_eq!(all.len(), ids().len());
        for descriptor in all {
            for key in ["shortDescription", "fullDescription"] {
                assert!(descriptor[key]["text"].is_string(), "{descriptor}");
            }
            assert!(descriptor["help"]["text"].is_string(), "{descriptor}");
            assert!(descriptor["help"]["markdown"].is_string(), "{descriptor}");
        }
    }
}
