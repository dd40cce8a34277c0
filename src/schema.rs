//! The JSON Schema of the format, and checking a document against it.
//!
//! The schema is generated from the Rust types ([`generate`]) and committed at
//! `schema/scope.schema.json` for editors; a test fails when the two differ.
//! Validation uses the committed copy, so what the editor shows and what
//! `comanage validate` enforces are the same document.
//!
//! Every violation is reported, each at the exact value (an unknown key at the
//! key, a missing key at the mapping that lacks it), the way taplo walks a
//! schema error's instance path back to a text range.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::Value as Json;

use crate::diagnostics::Diagnostic;
use crate::scope::describe;
use crate::scope::values::DATE_PATTERN;
use crate::source::{SourceMap, push_escaped};
use crate::suggest;
use crate::yaml::{Node, Value};

mod generate;
mod limits;
mod tree;

pub use generate::{STANDARD_FORMATS, generate};

/// The committed schema, as editors see it.
pub const SCHEMA_TEXT: &str = include_str!("../schema/scope.schema.json");

struct Compiled {
    schema: Json,
    validator: Validator<tree::Tree>,
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        // The committed schema is checked by a test; failing here means the
        // binary itself was built from a broken tree.
        let schema: Json = serde_json::from_str(SCHEMA_TEXT).expect("committed schema is JSON");
        let validator = jsonschema::options_for::<tree::Tree>()
            .should_validate_formats(true)
            .build(&schema)
            .expect("committed schema compiles");
        Compiled { schema, validator }
    })
}

/// Checks the parsed tree `document` against the schema; one diagnostic per
/// violation, in file order.
pub fn check(document: &Node, map: &SourceMap) -> Vec<Diagnostic> {
    let compiled = compiled();
    let mut out = Vec::new();
    if let Some(diagnostic) = check_version(document, map) {
        out.push(diagnostic);
    }
    for error in compiled.validator.iter_errors(document) {
        let pointer = error.instance_path().as_str().to_owned();
        if is_version_error(&pointer, error.kind()) {
            continue;
        }
        out.extend(describe_error(&compiled.schema, &error, &pointer, map));
    }
    out.extend(limits::check(&compiled.schema, document, map));
    out.sort_by_key(|d| (d.primary.span.start, d.message.clone()));
    out.dedup();
    for diagnostic in &mut out {
        diagnostic.label_anchor(map);
    }
    out
}

fn is_version_error(pointer: &str, kind: &ValidationErrorKind) -> bool {
    match kind {
        ValidationErrorKind::Required { property } => pointer.is_empty() && property == "version",
        ValidationErrorKind::Maximum { .. } => pointer == "/version",
        _ => false,
    }
}

/// The format version gets its own messages: a missing one says what to add,
/// a newer one says which versions this build understands.
fn check_version(document: &Node, map: &SourceMap) -> Option<Diagnostic> {
    let Value::Map(root) = &document.value else {
        return None;
    };
    // Point at the first key written, not the whole document.
    let first_key = root
        .iter()
        .filter_map(|entry| {
            map.get(&crate::source::pointer([&entry.key]))
                .and_then(|l| l.key)
        })
        .min()
        .map_or(crate::source::Span::new(0, 0), |span| span);
    let version = root.iter().find(|entry| entry.key == "version");
    let number = version.and_then(|entry| match entry.value.value {
        Value::Int(i) => Some(serde_json::Number::from(i)),
        Value::Float(x) => serde_json::Number::from_f64(x),
        _ => None,
    });
    match (version, number) {
        (None, _) => Some(
            Diagnostic::error("schema", "the scope has no `version`", first_key)
                .with_label("no `version` in this document")
                .with_help("add `version: 1` as the first line of the file"),
        ),
        // `2.0` is a newer version written as a float: named as one.
        (Some(_), Some(n)) if n.as_f64().is_some_and(|v| v > 1.0 && v.fract() == 0.0) => Some(
            Diagnostic::error(
                "schema",
                format!("scope format version {n} is newer than this comanage understands"),
                map.value_span("/version"),
            )
            .with_pointer("/version")
            .with_label("this build understands version 1 only")
            .with_help(format!(
                "upgrade comanage (this is {}), or write the file in format version 1",
                env!("CARGO_PKG_VERSION")
            )),
        ),
        _ => None,
    }
}

fn describe_error(
    schema: &Json,
    error: &ValidationError<'_>,
    pointer: &str,
    map: &SourceMap,
) -> Vec<Diagnostic> {
    let field = describe::segments(pointer).pop().unwrap_or_default();
    let instance = error.instance();
    let at_value = |message: String, label: &str| {
        let location = map.get(pointer);
        let span = match location {
            Some(location) if location.value.len == 0 => location.key.unwrap_or(location.value),
            Some(location) => location.value,
            None => map.value_span(pointer),
        };
        Diagnostic::error("schema", message, span)
            .with_pointer(pointer)
            .with_label(label)
    };
    let one = match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let known = known_keys(schema, pointer);
            return unexpected
                .iter()
                .map(|key| {
                    let mut key_pointer = pointer.to_owned();
                    key_pointer.push('/');
                    push_escaped(&mut key_pointer, key);
                    let help = suggest::did_you_mean(key, known.iter().map(String::as_str))
                        .unwrap_or_else(|| {
                            format!("the keys allowed here are: {}", known.join(", "))
                        });
                    Diagnostic::error(
                        "schema",
                        format!("unknown key `{key}` in {}", describe::item(&key_pointer)),
                        map.key_span(&key_pointer),
                    )
                    .with_pointer(key_pointer)
                    .with_label("unknown key")
                    .with_help(help)
                })
                .collect();
        }
        ValidationErrorKind::Required { property } => {
            let property = property.as_str().unwrap_or_default();
            Diagnostic::error(
                "schema",
                format!(
                    "{} has no `{property}`, which is required",
                    describe::item(pointer)
                ),
                map.key_span(pointer),
            )
            .with_pointer(pointer)
            .with_label(format!("`{property}` missing here"))
            .with_help(required_help(property))
        }
        ValidationErrorKind::PropertyNames { error: inner } => {
            let key = inner.instance().as_str().unwrap_or_default().to_owned();
            let mut key_pointer = pointer.to_owned();
            key_pointer.push('/');
            push_escaped(&mut key_pointer, &key);
            Diagnostic::error(
                "schema",
                format!("`{key}` is not a valid id"),
                map.key_span(&key_pointer),
            )
            .with_pointer(key_pointer)
            .with_label("invalid id")
            .with_help(format!(
                "ids are 1 to 64 characters of a-z, 0-9 and `-`, starting with a letter: try `{}`",
                id_like(&key)
            ))
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => type_word(&format!("{t:?}")),
                TypeKind::Multiple(ts) => ts
                    .into_iter()
                    .map(|t| type_word(&format!("{t:?}")))
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            let found = found_word(instance);
            if pointer.is_empty() {
                return vec![
                    at_value(format!("a scope must be a mapping of keys such as `version:` and `parties:`, not {found}"), "expected a mapping")
                        .with_help("start the file with `version: 1`; run `comanage init` for a starter file"),
                ];
            }
            let mut d = at_value(
                format!("`{field}` must be {expected}, not {found}"),
                &format!("expected {expected}"),
            );
            if let Some(help) = type_help(&field, instance) {
                d = d.with_help(help);
            }
            d
        }
        ValidationErrorKind::Enum { options } => {
            let options: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(Json::as_str).collect())
                .unwrap_or_default();
            let value = scalar_text(instance);
            let help = match suggest::closest(&value, options.iter().copied()) {
                Some(close) => format!(
                    "did you mean `{close}`? `{field}` is one of: {}",
                    options.join(", ")
                ),
                None => format!("`{field}` is one of: {}", options.join(", ")),
            };
            at_value(
                format!("`{value}` is not a valid `{field}`"),
                "not one of the allowed values",
            )
            .with_help(help)
        }
        ValidationErrorKind::Pattern { pattern } if pattern.as_str() == DATE_PATTERN => {
            let value = scalar_text(instance);
            at_value(format!("`{value}` is not a valid date"), "not a date")
                .with_help(format!("write `{field}` as YYYY-MM-DD, such as 2027-01-31"))
        }
        ValidationErrorKind::Pattern { .. } => {
            let value = scalar_text(instance);
            at_value(format!("`{value}` is not a duration"), "not a duration").with_help(format!(
                "write `{field}` as a number and a unit (m, h, d, w), such as 15m, 4h, 2d or 1h30m"
            ))
        }
        ValidationErrorKind::Format { .. } => {
            let value = scalar_text(instance);
            at_value(format!("`{value}` is not a valid date"), "not a date")
                .with_help(format!("write `{field}` as YYYY-MM-DD, such as 2027-01-31"))
        }
        ValidationErrorKind::Minimum { limit } | ValidationErrorKind::Maximum { limit } => {
            let below = matches!(error.kind(), ValidationErrorKind::Minimum { .. });
            at_value(
                format!("`{field}` cannot be {}", scalar_text(instance)),
                "out of range",
            )
            .with_help(if field == "tier" && below {
                "tier numbers start at 1 and increase along the path".to_owned()
            } else if field == "tier" {
                format!("tier numbers run from 1 to {limit}, increasing along the path")
            } else {
                format!("the limit here is {limit}")
            })
        }
        ValidationErrorKind::MinLength { .. } => at_value(
            format!("`{field}` cannot be empty"),
            "empty",
        )
        .with_help(if field == "reason" {
            "say why the rule does not apply here; a waiver without a reason cannot be reviewed"
                .to_owned()
        } else {
            format!("give `{field}` a value, or remove it")
        }),
        ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => {
            let allowed = allowed_values(schema, pointer);
            if allowed.is_empty() {
                at_value(
                    format!(
                        "`{field}` must be a party id or a list of party ids, not {}",
                        found_word(instance)
                    ),
                    "expected a party id",
                )
                .with_help(format!("write one party id, such as `{field}: msp`"))
            } else {
                let value = scalar_text(instance);
                let choices = allowed.join(", ");
                let help = match suggest::closest(&value, allowed.iter().map(String::as_str)) {
                    Some(close) => {
                        format!("did you mean `{close}`? `{field}` is one of: {choices}")
                    }
                    None => format!("`{field}` is one of: {choices}"),
                };
                at_value(
                    format!("`{value}` is not a valid `{field}`"),
                    "not one of the allowed values",
                )
                .with_help(help)
            }
        }
        _ => at_value(error.to_string(), "invalid value"),
    };
    vec![one]
}

/// The subschema that applies to the value at `pointer`.
fn subschema<'a>(schema: &'a Json, pointer: &str) -> Option<&'a Json> {
    let mut node = resolve(schema, schema);
    for segment in describe::segments(pointer) {
        let next = node
            .get("properties")
            .and_then(|p| p.get(&segment))
            .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()))
            .or_else(|| node.get("items"));
        node = resolve(schema, next?);
    }
    Some(node)
}

/// The keys the schema allows at the object `pointer` names.
fn known_keys(schema: &Json, pointer: &str) -> Vec<String> {
    subschema(schema, pointer)
        .and_then(|node| node.get("properties"))
        .and_then(Json::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// The fixed values an enumeration at `pointer` allows (`oneOf` of `const`s,
/// as schemars writes documented enums), or none when it is not one.
fn allowed_values(schema: &Json, pointer: &str) -> Vec<String> {
    let Some(node) = subschema(schema, pointer) else {
        return Vec::new();
    };
    let branches = node
        .get("oneOf")
        .or_else(|| node.get("anyOf"))
        .and_then(Json::as_array);
    let mut out = Vec::new();
    for branch in branches.into_iter().flatten() {
        let branch = resolve(schema, branch);
        if let Some(value) = branch.get("const").and_then(Json::as_str) {
            out.push(value.to_owned());
        }
        if let Some(values) = branch.get("enum").and_then(Json::as_array) {
            out.extend(values.iter().filter_map(Json::as_str).map(str::to_owned));
        }
    }
    out
}

/// Follows a local `$ref` (`#/definitions/Name`).
fn resolve<'a>(root: &'a Json, node: &'a Json) -> &'a Json {
    if let Some(Json::Array(all)) = node.get("allOf")
        && let [only] = all.as_slice()
    {
        return resolve(root, only);
    }
    match node.get("$ref").and_then(Json::as_str) {
        Some(reference) => reference
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .unwrap_or(node),
        None => node,
    }
}

fn required_help(property: &str) -> String {
    match property {
        "functions" => "add `functions:` with the service's functions (it may be `{}`)".to_owned(),
        "role" => {
            "add `role:` with one of internal, provider, vendor, leadership, business".to_owned()
        }
        "engagement" => "add `engagement:` with at least `client: <the client's name>`".to_owned(),
        "parties" => "add `parties:` naming at least the internal team and the provider".to_owned(),
        "services" => "add `services:` with the services and their functions".to_owned(),
        "client" => "add `client:` with the client business's name".to_owned(),
        "name" => "add `name:` with a display name".to_owned(),
        "party" => "add `party:` with the id of the party that handles this tier".to_owned(),
        "tier" => "add `tier:` with the tier's number (1, 2, 3…)".to_owned(),
        "every" => "add `every:` with one of week, 2weeks, month, quarter, year".to_owned(),
        "reason" => "add `reason:` saying why the rule does not apply here".to_owned(),
        other => format!("add `{other}:`"),
    }
}

fn type_word(debug_name: &str) -> String {
    match debug_name {
        "Object" => "a mapping".to_owned(),
        "Array" => "a list".to_owned(),
        "String" => "text".to_owned(),
        "Integer" => "a whole number".to_owned(),
        "Number" => "a number".to_owned(),
        "Boolean" => "true or false".to_owned(),
        "Null" => "empty".to_owned(),
        other => other.to_lowercase(),
    }
}

fn found_word(value: &Json) -> String {
    match value {
        Json::Null => "empty".to_owned(),
        Json::Bool(b) => format!("the boolean `{b}`"),
        Json::Number(n) => format!("the number `{n}`"),
        Json::String(s) => format!("the text \"{s}\""),
        Json::Array(_) => "a list".to_owned(),
        Json::Object(_) => "a mapping".to_owned(),
    }
}

fn type_help(field: &str, value: &Json) -> Option<String> {
    match (field, value) {
        ("version", Json::String(_)) => Some("write `version: 1` without quotes".to_owned()),
        ("critical", Json::String(_)) => {
            Some("write `critical: true` or `critical: false`, without quotes".to_owned())
        }
        (_, Json::Null) => Some(format!("give `{field}` a value, or remove the line")),
        (_, Json::Number(_)) => Some(format!(
            "put the value of `{field}` in quotes if it is meant as text"
        )),
        _ => None,
    }
}

fn scalar_text(value: &Json) -> String {
    match value {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A valid id close to `key`: lowercase, other characters to `-`.
fn id_like(key: &str) -> String {
    let mut out: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out.insert(0, 'x');
    }
    out.truncate(64);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regenerate with `COMANAGE_UPDATE_SCHEMA=1 cargo test committed_schema`.
    #[test]
    fn committed_schema_is_current() {
        let generated = generate();
        if std::env::var_os("COMANAGE_UPDATE_SCHEMA").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/scope.schema.json");
            std::fs::write(path, &generated).unwrap();
            return;
        }
        assert!(
            generated == SCHEMA_TEXT,
            "schema/scope.schema.json is stale: run `COMANAGE_UPDATE_SCHEMA=1 cargo test committed_schema`"
        );
    }
}
