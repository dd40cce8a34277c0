//! Property test: no mutation of a valid scope reaches the internal error
//! that means the schema and the typed model disagree.
//!
//! Each case replaces a few scalars of a shipped example (values and keys
//! alike) with text chosen to sit on the model's edges: floats that look like
//! integers, integers beyond `u32`, durations beyond the maximum, impossible
//! dates, tags, collections where scalars belong.

use proptest::prelude::*;

use super::load::load;
use crate::source::{SourceFile, Span};
use crate::yaml::{self, Node, Value};

/// The marker of the internal-error diagnostic (see `load`).
const INTERNAL: &str = "does not fit the format";

const EXAMPLE: &str = include_str!("../../examples/northwind-manufacturing.scope.yaml");

/// Replacement texts on the edges of the model.
const EDGES: &[&str] = &[
    "1.0",
    "3.0",
    "2.0",
    "0.0",
    "1e3",
    "1.5",
    "-1",
    "0",
    "-0",
    "+1",
    "01",
    "0x10",
    "0o7",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999999",
    "1e400",
    ".inf",
    "-.inf",
    ".nan",
    "~",
    "null",
    "true",
    "false",
    "\"1\"",
    "''",
    "[]",
    "{}",
    "[msp, msp]",
    "[msp, ghost]",
    "{ a: 1 }",
    "2026-02-30",
    "2026-02-29",
    "2028-02-29",
    "2026-13-01",
    "0000-01-01",
    "9999-12-31",
    "\"2026-01-01\"",
    "99999999999999999999999h",
    "876001h",
    "876000h",
    "52560001m",
    "5214w2d",
    "5214w3d",
    "0m",
    "1h30m",
    "1h1h",
    "90m",
    "msp",
    "internal",
    "business",
    "24x7",
    "provider",
    "week",
    "deny",
    "!!str 1",
    "!!int 1",
    "!!float 1",
    "!!float 1.0",
    "!!int 1.0",
    "! 1",
    "!!null ''",
    "!!bool true",
    "1_000",
    "1.",
    ".5",
];

/// The fields whose values the typed model parses further than the YAML
/// types: numbers, dates and durations.
const TYPED_FIELDS: &[&str] = &[
    "version", "tier", "recovery", "respond", "resolve", "start", "renewal", "reviewed", "until",
];

/// The spans of every scalar of the tree (keys included), and separately
/// those of the typed fields' values.
fn scalar_spans(node: &Node, all: &mut Vec<Span>, typed: &mut Vec<Span>) {
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|item| scalar_spans(item, all, typed)),
        Value::Map(entries) => {
            for entry in entries {
                all.push(entry.key_span);
                if TYPED_FIELDS.contains(&entry.key.as_str()) {
                    typed.push(entry.value.span);
                }
                scalar_spans(&entry.value, all, typed);
            }
        }
        _ => all.push(node.span),
    }
}

fn replacement() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(EDGES).prop_map(str::to_owned),
        1 => "[0-9a-z.:+-]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mutated_scopes_never_reach_the_internal_error(
        edits in proptest::collection::vec(
            (any::<bool>(), any::<prop::sample::Index>(), replacement()),
            1..4,
        )
    ) {
        let root = yaml::parse(EXAMPLE).expect("the example parses");
        let (mut all, mut typed) = (Vec::new(), Vec::new());
        scalar_spans(&root, &mut all, &mut typed);
        let mut chosen: Vec<(Span, String)> = edits
            .into_iter()
            .map(|(typed_field, index, text)| {
                let spans = if typed_field { &typed } else { &all };
                (spans[index.index(spans.len())], text)
            })
            .collect();
        chosen.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        chosen.dedup_by_key(|(span, _)| span.start);
        let mut text = EXAMPLE.to_owned();
        for (span, replacement) in &chosen {
            text.replace_range(span.range(), replacement);
        }
        if let Err(rejected) = load(SourceFile::new("mutated.yaml", text.clone())) {
            for diagnostic in &rejected.diagnostics {
                prop_assert!(
                    !diagnostic.message.contains(INTERNAL),
                    "{}\n---\n{text}",
                    diagnostic.message
                );
            }
        }
    }
}
