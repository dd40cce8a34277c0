//! The canonical text form of a scope: one line per fact, for `comanage show`
//! and through it for `git diff` (as a textconv driver).
//!
//! ```text
//! version = 1
//! engagement: client = Harbor Dental Group
//! party msp: hours = 24x7
//! service security / function patch-management: owner = msp
//! service security / function imaging: owner = internal (service default)
//! escalation standard / tier 1: respond = 15m
//! meeting "Weekly operations sync": every = week
//! ```
//!
//! Every line names its item in full, so a line-based diff of two canonical
//! forms shows what changed and where, whatever the file's layout. Values
//! are normalised (durations `1h30m`, one party id per owner written as
//! written), file order is kept, and a function that inherits its owner gets
//! an `owner = … (service default)` line, so a change of a service's default
//! owner shows on each function it moves. Text from the scope is printed with
//! control characters and line breaks escaped, one fact per line.

use serde_json::{Map, Value};

use crate::scope::{PartyRefs, Scope};
use crate::terminal::sanitize;

/// The canonical text of `scope`.
pub fn render(scope: &Scope) -> String {
    let mut root = match serde_json::to_value(scope) {
        Ok(Value::Object(map)) => map,
        _ => return String::new(),
    };
    add_inherited_owners(scope, &mut root);
    let mut out = String::new();
    object(&mut out, "", &root);
    out
}

/// Puts `owner = "<ids> (service default)"` first in each function that
/// names no owner of its own while its service does.
fn add_inherited_owners(scope: &Scope, root: &mut Map<String, Value>) {
    let Some(Value::Object(services)) = root.get_mut("services") else {
        return;
    };
    for (service_id, service) in &scope.services {
        let Some(default) = service.owner.as_ref().map(PartyRefs::ids) else {
            continue;
        };
        if default.is_empty() {
            continue;
        }
        let Some(Value::Object(functions)) = services
            .get_mut(service_id)
            .and_then(|s| s.get_mut("functions"))
        else {
            continue;
        };
        for (function_id, function) in &service.functions {
            let own = function.owner.as_ref().is_some_and(|o| !o.ids().is_empty());
            if let (false, Some(Value::Object(fields))) = (own, functions.get_mut(function_id)) {
                let mut with_owner = Map::new();
                let text = format!("{} (service default)", default.join(", "));
                with_owner.insert("owner".into(), Value::String(text));
                with_owner.extend(
                    std::mem::take(fields)
                        .into_iter()
                        .filter(|(k, _)| k != "owner"),
                );
                *fields = with_owner;
            }
        }
    }
}

/// The label of an item inside `parent`: "service security",
/// "service security / function patching".
fn nested(parent: &str, item: &str) -> String {
    if parent.is_empty() {
        item.to_owned()
    } else {
        format!("{parent} / {item}")
    }
}

/// The word an item of the map or list `key` is called by, when `key` holds
/// items rather than fields.
fn item_word(key: &str) -> Option<&'static str> {
    Some(match key {
        "parties" => "party",
        "services" => "service",
        "functions" => "function",
        "decisions" => "decision",
        "waive" => "waiver",
        "escalation" => "escalation",
        "contacts" => "contact",
        "cadence" => "meeting",
        _ => return None,
    })
}

fn object(out: &mut String, label: &str, map: &Map<String, Value>) {
    for (key, value) in map {
        match (item_word(key), value) {
            (Some(word), Value::Object(items)) => {
                for (id, item) in items {
                    entry(out, &nested(label, &format!("{word} {}", text(id))), item);
                }
            }
            (Some(word), Value::Array(items)) if items.iter().any(Value::is_object) => {
                for (i, item) in items.iter().enumerate() {
                    // A named item is labelled by its name, which then
                    // need not be repeated as a fact of its own.
                    let (name, rest) = match item {
                        Value::Object(fields) => match fields.get("name") {
                            Some(Value::String(name)) => (
                                format!("\"{}\"", text(name)),
                                Value::Object(without(fields, "name")),
                            ),
                            _ => ((i + 1).to_string(), item.clone()),
                        },
                        _ => ((i + 1).to_string(), item.clone()),
                    };
                    entry(out, &nested(label, &format!("{word} {name}")), &rest);
                }
            }
            (None, Value::Object(fields)) => object(out, &nested(label, key), fields),
            _ => fact(out, label, key, value),
        }
    }
}

/// One item: an object of fields, or (an escalation path) a list of tiers.
fn entry(out: &mut String, label: &str, value: &Value) {
    match value {
        // An item with no facts still exists: one line names it.
        Value::Object(fields) if fields.is_empty() => {
            out.push_str(label);
            out.push('\n');
        }
        Value::Object(fields) => object(out, label, fields),
        Value::Array(tiers) => {
            if tiers.is_empty() {
                out.push_str(&format!("{label}: no tiers\n"));
            }
            for (i, tier) in tiers.iter().enumerate() {
                let number = tier
                    .get("tier")
                    .map_or_else(|| (i + 1).to_string(), Value::to_string);
                match tier {
                    Value::Object(fields) => {
                        let rest = Value::Object(without(fields, "tier"));
                        entry(out, &nested(label, &format!("tier {number}")), &rest);
                    }
                    other => fact(out, label, &i.to_string(), other),
                }
            }
        }
        other => fact(out, label, "value", other),
    }
}

/// `fields` without `key`.
fn without(fields: &Map<String, Value>, key: &str) -> Map<String, Value> {
    fields
        .iter()
        .filter(|(k, _)| *k != key)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// "label: key = value", or "key = value" at the top.
fn fact(out: &mut String, label: &str, key: &str, value: &Value) {
    if !label.is_empty() {
        out.push_str(label);
        out.push_str(": ");
    }
    out.push_str(&format!("{key} = {}\n", scalar(value)));
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => text(s),
        Value::Array(items) if items.is_empty() => "[]".to_owned(),
        Value::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(", "),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{k}: {}", scalar(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

/// Scope text on one line: line breaks as `\n`, control characters visible.
fn text(s: &str) -> String {
    sanitize(&s.replace('\\', "\\\\").replace('\n', "\\n")).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(yaml: &str) -> String {
        let document = crate::scope::load_bytes("t.yaml", yaml.as_bytes().to_vec()).unwrap();
        render(&document.scope)
    }

    #[test]
    fn every_item_gets_a_line_even_without_facts() {
        let text = shown(
            "version: 1\nengagement: {client: C}\nparties:\n  it: {name: IT, role: internal, contacts: [{name: Ann}]}\n\
             services:\n  s:\n    functions:\n      f: {}\n      g: {recovery: 90m, notes: \"two\\nlines\\u001b[2J\"}\n",
        );
        assert_eq!(
            text,
            "version = 1\nengagement: client = C\nparty it: name = IT\nparty it: role = internal\n\
             party it / contact \"Ann\"\nservice s / function f\n\
             service s / function g: recovery = 1h30m\nservice s / function g: notes = two\\nlines\\u{1b}[2J\n"
        );
    }

    #[test]
    fn inherited_owners_are_spelled_out_first() {
        let text = shown(
            "version: 1\nengagement: {client: C}\nparties: {}\nservices:\n  s:\n    owner: it\n    functions:\n      f: {name: F}\n",
        );
        assert!(text.contains("service s / function f: owner = it (service default)\nservice s / function f: name = F\n"), "{text}");
    }
}
