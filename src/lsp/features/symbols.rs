//! Go to definition and find references, for party, escalation path and
//! service ids.

use super::locate::{self, Kind, Occurrence};
use crate::scope::Document;
use crate::source::Span;

/// The kinds of id that have a definition and references.
pub fn is_symbol(kind: Kind) -> bool {
    matches!(kind, Kind::Party | Kind::Path | Kind::Service)
}

/// Where the id at `offset` is defined: the key under `parties:`,
/// `escalation:` or `services:`. `None` when the cursor is on no such id,
/// or the id is defined nowhere.
pub fn definition(doc: &Document, offset: usize) -> Option<Span> {
    let all = locate::occurrences(doc.source.text());
    let found = locate::occurrence_at(&all, offset).filter(|o| is_symbol(o.kind))?;
    all.iter()
        .find(|o| o.declaration && o.kind == found.kind && o.id == found.id)
        .map(|o| o.span)
}

/// Every place the id at `offset` is written, in file order, with its
/// definition when `include_declaration`. A value reached through an alias
/// is listed once, at the anchored original.
pub fn references(doc: &Document, offset: usize, include_declaration: bool) -> Vec<Span> {
    let all = locate::occurrences(doc.source.text());
    let Some(found) = locate::occurrence_at(&all, offset).filter(|o| is_symbol(o.kind)) else {
        return Vec::new();
    };
    let mut spans: Vec<Span> = same_symbol(&all, found)
        .filter(|o| include_declaration || !o.declaration)
        .map(|o| o.span)
        .collect();
    spans.sort_by_key(|span| span.start);
    spans.dedup();
    spans
}

/// The occurrences of the same id and kind as `found`.
pub fn same_symbol<'a>(
    all: &'a [Occurrence],
    found: &'a Occurrence,
) -> impl Iterator<Item = &'a Occurrence> {
    all.iter()
        .filter(move |o| o.kind == found.kind && o.id == found.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::features::test_support::{NORTHWIND, load, nth};

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn a_reference_leads_to_the_party_key() {
        let doc = load(NORTHWIND);
        let offset = nth(NORTHWIND, "owner: msp", 0) + "owner: m".len();
        let span = definition(&doc, offset).unwrap();
        assert_eq!(span.start, nth(NORTHWIND, "  msp:\n", 0) + 2);
        assert_eq!(&NORTHWIND[span.range()], "msp");
    }

    #[test]
    fn a_path_reference_leads_to_the_path() {
        let doc = load(NORTHWIND);
        let offset = nth(NORTHWIND, "escalation: security", 0) + "escalation: ".len();
        let span = definition(&doc, offset).unwrap();
        assert_eq!(
            span.start,
            nth(NORTHWIND, "  security:\n    - { tier", 0) + 2
        );
    }

    #[test]
    fn no_definition_off_an_id() {
        let doc = load(NORTHWIND);
        assert_eq!(definition(&doc, nth(NORTHWIND, "version", 0)), None);
        // A rule id has no definition in the file.
        assert_eq!(definition(&doc, nth(NORTHWIND, "missing-backup:", 0)), None);
    }

    #[test]
    fn references_cover_block_and_flow_lists_with_or_without_the_key() {
        let doc = load(NORTHWIND);
        let at_key = nth(NORTHWIND, "  plant:\n", 0) + 2;
        let with = references(&doc, at_key, true);
        let without = references(&doc, at_key, false);
        assert_eq!(with.len(), without.len() + 1);
        assert!(with.contains(&Span::new(at_key, 5)));
        assert!(texts(NORTHWIND, &with).iter().all(|t| *t == "plant"));
        let flow =
            nth(NORTHWIND, "informed: [leadership, plant]", 0) + "informed: [leadership, ".len();
        assert!(without.contains(&Span::new(flow, 5)));
    }

    #[test]
    fn an_aliased_reference_is_listed_once() {
        let text = "version: 1\nengagement: { client: C }\nparties:\n  msp: { name: M, role: provider }\nservices:\n  s:\n    functions:\n      a: &f { owner: msp }\n      b: *f\n";
        let doc = load(text);
        let spans = references(&doc, nth(text, "msp", 0), true);
        assert_eq!(spans.len(), 2, "the key and the anchored original");
    }
}
