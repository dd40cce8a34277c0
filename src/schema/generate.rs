//! The schema generated from the Rust types, made acceptable to strict
//! validators.
//!
//! schemars describes Rust integers with `format` values of its own (`uint32`,
//! `int64`…) that no JSON Schema draft defines; strict validators (ajv
//! `--strict`) refuse them and lenient ones ignore them, so the range they
//! imply would be enforced by nobody. They are rewritten here as `minimum` /
//! `maximum`, which every validator enforces.

use serde_json::{Value as Json, json};

use crate::scope::model::Scope;

/// The `format` values of JSON Schema draft 7, the only ones the committed
/// schema may use.
pub const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// The schema generated from the model, pretty-printed with a final newline.
pub fn generate() -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<Scope>().to_value();
    drop_null_alternatives(&mut schema);
    integer_formats_to_ranges(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The range of values a schemars integer `format` stands for.
fn integer_range(format: &str) -> Option<(i128, i128)> {
    Some(match format {
        "uint8" => (0, i128::from(u8::MAX)),
        "uint16" => (0, i128::from(u16::MAX)),
        "uint32" | "uint" => (0, i128::from(u32::MAX)),
        "uint64" => (0, i128::from(u64::MAX)),
        "int8" => (i128::from(i8::MIN), i128::from(i8::MAX)),
        "int16" => (i128::from(i16::MIN), i128::from(i16::MAX)),
        "int32" | "int" => (i128::from(i32::MIN), i128::from(i32::MAX)),
        "int64" => (i128::from(i64::MIN), i128::from(i64::MAX)),
        _ => return None,
    })
}

/// Replaces every schemars integer `format` by the `minimum` and `maximum` it
/// implies, keeping a tighter bound the model already sets.
fn integer_formats_to_ranges(schema: &mut Json) {
    match schema {
        Json::Object(object) => {
            let range = object
                .get("format")
                .and_then(Json::as_str)
                .and_then(integer_range);
            if let Some((low, high)) = range {
                object.remove("format");
                let tighter =
                    |existing: Option<&Json>, bound: i128, pick: fn(i128, i128) -> i128| {
                        existing
                            .and_then(Json::as_i64)
                            .map_or(bound, |e| pick(i128::from(e), bound))
                    };
                let low = tighter(object.get("minimum"), low, i128::max);
                let high = tighter(object.get("maximum"), high, i128::min);
                object.insert("minimum".to_owned(), number(low));
                object.insert("maximum".to_owned(), number(high));
            }
            for value in object.values_mut() {
                integer_formats_to_ranges(value);
            }
        }
        Json::Array(items) => items.iter_mut().for_each(integer_formats_to_ranges),
        _ => {}
    }
}

/// `value` as a JSON integer (`u64::MAX` does not fit an `i64`).
fn number(value: i128) -> Json {
    i64::try_from(value).map_or_else(
        |_| json!(u64::try_from(value).unwrap_or(u64::MAX)),
        |v| json!(v),
    )
}

/// Optional fields are optional by being absent: an empty `owner:` is a
/// mistake to report, not a null to accept. schemars renders `Option<T>` as
/// "T or null"; this strips the null alternative everywhere.
fn drop_null_alternatives(schema: &mut Json) {
    match schema {
        Json::Object(object) => {
            if let Some(Json::Array(types)) = object.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let single = types[0].clone();
                    object.insert("type".to_owned(), single);
                }
            }
            if let Some(Json::Array(branches)) = object.get("anyOf") {
                let rest: Vec<Json> = branches
                    .iter()
                    .filter(|b| b.get("type").and_then(Json::as_str) != Some("null"))
                    .cloned()
                    .collect();
                if rest.len() == 1 && branches.len() == 2 {
                    object.remove("anyOf");
                    if let Json::Object(inner) = &rest[0] {
                        for (key, value) in inner {
                            object.entry(key.clone()).or_insert_with(|| value.clone());
                        }
                    }
                }
            }
            for value in object.values_mut() {
                drop_null_alternatives(value);
            }
        }
        Json::Array(items) => items.iter_mut().for_each(drop_null_alternatives),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keywords of JSON Schema draft 7 (validation, annotation and core).
    const DRAFT7_KEYWORDS: &[&str] = &[
        "$schema",
        "$id",
        "$ref",
        "$comment",
        "definitions",
        "title",
        "description",
        "default",
        "examples",
        "readOnly",
        "writeOnly",
        "type",
        "enum",
        "const",
        "multipleOf",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "items",
        "additionalItems",
        "maxItems",
        "minItems",
        "uniqueItems",
        "contains",
        "maxProperties",
        "minProperties",
        "required",
        "properties",
        "patternProperties",
        "additionalProperties",
        "dependencies",
        "propertyNames",
        "if",
        "then",
        "else",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "format",
        "contentEncoding",
        "contentMediaType",
    ];

    /// Every keyword of the schema object `node` and the schemas below it.
    fn check_schema_object(node: &Json, at: &str, problems: &mut Vec<String>) {
        let Json::Object(object) = node else {
            problems.push(format!("{at}: a schema must be an object, not {node}"));
            return;
        };
        for (key, value) in object {
            let here = format!("{at}/{key}");
            if !DRAFT7_KEYWORDS.contains(&key.as_str()) {
                problems.push(format!("{here}: `{key}` is not a draft-07 keyword"));
            }
            match key.as_str() {
                "format" => {
                    let format = value.as_str().unwrap_or_default();
                    if !STANDARD_FORMATS.contains(&format) {
                        problems.push(format!("{here}: `{format}` is not a standard format"));
                    }
                }
                "properties" | "definitions" | "patternProperties" => {
                    for (name, schema) in value.as_object().into_iter().flatten() {
                        check_schema_object(schema, &format!("{here}/{name}"), problems);
                    }
                }
                "items"
                | "additionalProperties"
                | "additionalItems"
                | "propertyNames"
                | "contains"
                | "not"
                | "if"
                | "then"
                | "else"
                    if value.is_object() =>
                {
                    check_schema_object(value, &here, problems);
                }
                "allOf" | "anyOf" | "oneOf" => {
                    for (index, schema) in value.as_array().into_iter().flatten().enumerate() {
                        check_schema_object(schema, &format!("{here}/{index}"), problems);
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn the_schema_uses_only_standard_keywords_and_formats() {
        let schema: Json = serde_json::from_str(&generate()).unwrap();
        let mut problems = Vec::new();
        check_schema_object(&schema, "#", &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn the_keyword_check_catches_a_custom_format() {
        let schema = json!({ "properties": { "n": { "type": "integer", "format": "uint32" } } });
        let mut problems = Vec::new();
        check_schema_object(&schema, "#", &mut problems);
        assert_eq!(
            problems,
            ["#/properties/n/format: `uint32` is not a standard format"]
        );
    }

    #[test]
    fn integer_formats_become_ranges() {
        let mut schema = json!({ "type": "integer", "format": "uint32", "minimum": 1 });
        integer_formats_to_ranges(&mut schema);
        assert_eq!(
            schema,
            json!({ "type": "integer", "minimum": 1, "maximum": 4_294_967_295_u32 })
        );
    }
}
