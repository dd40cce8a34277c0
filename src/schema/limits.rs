//! The checks a JSON Schema cannot state, run with the schema check so that
//! every value the typed model would refuse is reported at the value itself.
//!
//! JSON has one number type: standard validators read `3.0` as the integer 3,
//! while the YAML file wrote a float that the model cannot hold as a tier or a
//! version. And a duration's length is a sum of its parts, which no `pattern`
//! can bound. Both are checked here, walking the document beside its schema.

use serde_json::Value as Json;

use super::resolve;
use crate::diagnostics::Diagnostic;
use crate::scope::describe;
use crate::scope::values::{DURATION_PATTERN, Duration, MAX_DURATION_TEXT, is_duration_shaped};
use crate::source::{SourceMap, push_escaped};
use crate::yaml::{self, Node, Value};

/// Every value of `document` that satisfies its schema but not the model.
pub(super) fn check(schema: &Json, document: &Node, map: &SourceMap) -> Vec<Diagnostic> {
    // Walking beside the schema resolves a `$ref` at every node; almost every
    // file has no value the walk could report, and this plain scan of the
    // tree says so at a fraction of the cost. Only a file that has one pays
    // for the JSON form the walk reads.
    if !has_candidate(document) {
        return Vec::new();
    }
    let document = yaml::to_json(document);
    let mut out = Vec::new();
    let mut pointer = String::new();
    walk(schema, schema, &document, &mut pointer, map, &mut out);
    out
}

/// Whether `node` holds a number written with a fraction part or a
/// duration too long for the model: the only values [`walk`] reports.
fn has_candidate(node: &Node) -> bool {
    match &node.value {
        // What JSON holds as a float (`Number::is_f64`); a non-finite one is
        // null there.
        Value::Float(x) => x.is_finite(),
        Value::Str(text) => is_duration_shaped(text) && text.parse::<Duration>().is_err(),
        Value::Map(entries) => entries.iter().any(|entry| has_candidate(&entry.value)),
        Value::Seq(items) => items.iter().any(has_candidate),
        _ => false,
    }
}

fn walk(
    root: &Json,
    node: &Json,
    value: &Json,
    pointer: &mut String,
    map: &SourceMap,
    out: &mut Vec<Diagnostic>,
) {
    let node = resolve(root, node);
    match value {
        Json::Number(number) if number.is_f64() && is_integer_schema(node) => {
            let x = number.as_f64().unwrap_or(f64::NAN);
            // Out of range, `minimum`/`maximum` report it; a fraction, `type`.
            if x.fract() == 0.0 && within(node, x) {
                out.push(whole_number(pointer, x, map));
            }
        }
        Json::String(text)
            if node.get("pattern").and_then(Json::as_str) == Some(DURATION_PATTERN)
                && is_duration_shaped(text)
                && text.parse::<Duration>().is_err() =>
        {
            out.push(too_long(pointer, text, map));
        }
        Json::Object(entries) => {
            let properties = node.get("properties");
            let rest = node.get("additionalProperties").filter(|a| a.is_object());
            for (key, child) in entries {
                let Some(child_schema) = properties.and_then(|p| p.get(key)).or(rest) else {
                    continue;
                };
                let len = pointer.len();
                pointer.push('/');
                push_escaped(pointer, key);
                walk(root, child_schema, child, pointer, map, out);
                pointer.truncate(len);
            }
        }
        Json::Array(items) => {
            let Some(item_schema) = node.get("items").filter(|i| i.is_object()) else {
                return;
            };
            for (index, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&index.to_string());
                walk(root, item_schema, item, pointer, map, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

fn is_integer_schema(node: &Json) -> bool {
    node.get("type").and_then(Json::as_str) == Some("integer")
}

/// Whether `x` lies within the schema's `minimum` and `maximum`.
fn within(node: &Json, x: f64) -> bool {
    let bound = |key| node.get(key).and_then(Json::as_f64);
    bound("minimum").is_none_or(|low| x >= low) && bound("maximum").is_none_or(|high| x <= high)
}

fn field(pointer: &str) -> String {
    describe::segments(pointer).pop().unwrap_or_default()
}

fn whole_number(pointer: &str, x: f64, map: &SourceMap) -> Diagnostic {
    let field = field(pointer);
    Diagnostic::error(
        "schema",
        format!("`{field}` must be a whole number, not the decimal number `{x:?}`"),
        map.value_span(pointer),
    )
    .with_pointer(pointer)
    .with_label("written as a decimal number")
    .with_help(format!(
        "write `{field}: {x}` without a decimal point or exponent"
    ))
}

fn too_long(pointer: &str, text: &str, map: &SourceMap) -> Diagnostic {
    let field = field(pointer);
    Diagnostic::error(
        "schema",
        format!(
            "`{field}` cannot be {text}: durations are at most {MAX_DURATION_TEXT} (100 years)"
        ),
        map.value_span(pointer),
    )
    .with_pointer(pointer)
    .with_label("longer than 100 years")
    .with_help(format!(
        "write `{field}` as a realistic target, such as 4h or 2d; check for a typing mistake"
    ))
}
