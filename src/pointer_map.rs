//! Pointers of a derived document, translated back to the document it was
//! derived from.
//!
//! A scope changed in memory (a party removed, its tiers and meetings gone)
//! keeps every map key where it was, but its lists shift: with tier 1 of a
//! path removed, `/escalation/standard/0` of the changed scope is
//! `/escalation/standard/1` of the file. [`PointerMap`] records, per list that
//! lost items, which original index each remaining item had, and turns a
//! pointer of the changed scope into the pointer of the same node in the
//! original, so findings about the changed scope can be shown in the file the
//! user has open. Any command that compares a scope with a version of itself
//! derived in memory can use it.

use std::collections::HashMap;

use crate::source::{SourceMap, Span};

/// For each list of a derived document whose items were removed or merged:
/// the original index of each remaining item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PointerMap {
    /// Pointer of the list in the derived document -> original index of each
    /// of its items, in order.
    lists: HashMap<String, Vec<usize>>,
}

impl PointerMap {
    /// An empty map: every pointer translates to itself.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that the list at `pointer` (in derived coordinates) now holds
    /// the items that had the indices `kept` in the original. A list that
    /// kept every item in place needs no record.
    pub fn record(&mut self, pointer: String, kept: Vec<usize>) {
        let unchanged = kept.iter().enumerate().all(|(new, &old)| new == old);
        if !unchanged {
            self.lists.insert(pointer, kept);
        }
    }

    /// Adds the records of `other` (lists of another part of the document).
    pub fn extend(&mut self, other: PointerMap) {
        self.lists.extend(other.lists);
    }

    /// Whether no list shifted.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// The pointer in the original document of the node at `pointer` in the
    /// derived one.
    pub fn translate(&self, pointer: &str) -> String {
        if self.lists.is_empty() || pointer.is_empty() {
            return pointer.to_owned();
        }
        let mut derived = String::with_capacity(pointer.len());
        let mut original = String::with_capacity(pointer.len());
        for segment in pointer.split('/').skip(1) {
            let remapped = self
                .lists
                .get(&derived)
                .zip(segment.parse::<usize>().ok())
                .and_then(|(kept, index)| kept.get(index));
            derived.push('/');
            derived.push_str(segment);
            original.push('/');
            match remapped {
                Some(old) => original.push_str(&old.to_string()),
                None => original.push_str(segment),
            }
        }
        original
    }

    /// `span`, computed by looking `derived` up in the original file's `map`,
    /// moved to the same kind of place (key or value) at `original`: a
    /// finding about a shifted list item is then labelled at that item.
    pub fn relabel(map: &SourceMap, span: Span, derived: &str, original: &str) -> Span {
        if derived == original {
            return span;
        }
        if span == map.key_span(derived) && span != map.value_span(derived) {
            map.key_span(original)
        } else {
            map.value_span(original)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_lists_translate_nested_pointers() {
        let mut map = PointerMap::new();
        // Tier 0 of `standard` was removed; of the meetings, 0 was removed,
        // and in the remaining first meeting (originally 1) party 0 went.
        map.record("/escalation/standard".into(), vec![1, 2]);
        map.record("/cadence".into(), vec![1]);
        map.record("/cadence/0/parties".into(), vec![1, 2]);
        assert_eq!(
            map.translate("/escalation/standard/0/party"),
            "/escalation/standard/1/party"
        );
        assert_eq!(
            map.translate("/cadence/0/parties/1"),
            "/cadence/1/parties/2"
        );
        assert_eq!(map.translate("/escalation/other/0"), "/escalation/other/0");
        assert_eq!(map.translate(""), "");
    }

    #[test]
    fn lists_that_kept_their_order_are_not_recorded() {
        let mut map = PointerMap::new();
        map.record("/cadence".into(), vec![0, 1]);
        map.record("/escalation/a".into(), vec![0]);
        assert!(map.is_empty());
    }

    #[test]
    fn labels_move_to_the_same_kind_of_place() {
        let text = "escalation:\n  p:\n    - { tier: 1, party: a }\n    - { tier: 2, party: b }\n";
        let source = SourceMap::build(crate::yaml::parse(text).unwrap());
        let derived = "/escalation/p/0/party";
        let original = "/escalation/p/1/party";
        let span = source.value_span(derived);
        let moved = PointerMap::relabel(&source, span, derived, original);
        assert_eq!(&text[moved.range()], "b");
        let key = source.key_span(derived);
        let moved = PointerMap::relabel(&source, key, derived, original);
        assert_eq!(&text[moved.range()], "party");
        assert_eq!(
            &text[moved.range()],
            &text[source.key_span(original).range()]
        );
    }
}
