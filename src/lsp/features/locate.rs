//! What is written at an offset: every id of the scope that an editor
//! feature acts on, found on the parsed YAML tree with its exact span.
//!
//! One walk classifies each key and scalar by where it sits (its path from
//! the root), so hover, definition, references and rename agree on what a
//! party reference is. The places are those `lint::references` reads.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex, PoisonError};

use crate::scope::Document;
use crate::source::Span;
use crate::yaml::{self, Node, Value};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A party (`parties:` key, or a reference to one).
    Party,
    /// An escalation path.
    Path,
    /// A service.
    Service,
    /// A function (only its key: functions are not referenced by id).
    Function,
    /// A lint rule id in `lint:` or a `waive:` entry.
    Rule,
}

/// One id written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// What it names.
    pub kind: Kind,
    /// The id.
    pub id: String,
    /// The id's text, inside its quotes when it is quoted.
    pub span: Span,
    /// True for the key that defines it (`parties: { msp: … }`).
    pub declaration: bool,
    /// For a function key, its service id; else empty.
    pub service: String,
    /// True when the id was reached through an alias or a merge key: its
    /// span is then the anchored original, written elsewhere.
    pub via_alias: bool,
}

/// The keys whose value is a party id or a list of them, in a function,
/// service or decision.
pub const PARTY_FIELDS: [&str; 6] = [
    "owner",
    "backup",
    "responsible",
    "consulted",
    "informed",
    "decides",
];

/// The fields of `authority:`, each one party id.
pub const AUTHORITY_FIELDS: [&str; 3] = ["tie-breaker", "scope-changes", "out-of-scope"];

/// Every classified id of `text`, in file order (aliased copies included,
/// marked `via_alias`). Empty when the text does not parse.
///
/// The answers for the last few texts are kept by content: an editor asks
/// hover, definition and references of one version many times, and
/// parsing a 10,000-function scope for each would be felt.
pub fn occurrences(text: &str) -> Arc<Vec<Occurrence>> {
    let key = (text.len(), content_hash(text));
    let cache = || CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, found)) = cache().iter().find(|(k, _)| *k == key) {
        return Arc::clone(found);
    }
    // Parsed without the lock held: another document need not wait.
    let found = Arc::new(walk_text(text));
    let mut cache = cache();
    if !cache.iter().any(|(k, _)| *k == key) {
        if cache.len() == CACHED_TEXTS {
            cache.remove(0);
        }
        cache.push((key, Arc::clone(&found)));
    }
    found
}

/// How many texts' occurrences are kept (a few open documents).
const CACHED_TEXTS: usize = 4;

/// Occurrences by (length, content hash) of the text, oldest first.
type Cache = Vec<((usize, u64), Arc<Vec<Occurrence>>)>;

static CACHE: Mutex<Cache> = Mutex::new(Vec::new());

fn content_hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

fn walk_text(text: &str) -> Vec<Occurrence> {
    let Ok(root) = yaml::parse(text) else {
        return Vec::new();
    };
    let mut walk = Walk {
        text,
        path: Vec::new(),
        out: Vec::new(),
    };
    walk.node(&root, false);
    walk.out
}

/// The occurrence under `offset` in the document, if any. An offset just
/// after the id's last byte counts (the cursor after a word is on it).
pub fn at(doc: &Document, offset: usize) -> Option<Occurrence> {
    occurrence_at(&occurrences(doc.source.text()), offset).cloned()
}

/// The occurrence of `all` under `offset`: one that contains it, else one
/// that ends at it.
pub fn occurrence_at(all: &[Occurrence], offset: usize) -> Option<&Occurrence> {
    let mut touching = None;
    for occurrence in all {
        let span = occurrence.span;
        if span.start <= offset && offset < span.end() {
            return Some(occurrence);
        }
        if span.end() == offset && touching.is_none() {
            touching = Some(occurrence);
        }
    }
    touching
}

struct Walk<'t> {
    text: &'t str,
    /// Keys and list indexes from the root to the current node.
    path: Vec<String>,
    out: Vec<Occurrence>,
}

impl Walk<'_> {
    fn node(&mut self, node: &Node, via_alias: bool) {
        let via_alias = via_alias || node.via.is_some();
        match &node.value {
            Value::Map(entries) => {
                for entry in entries {
                    let via_alias = via_alias || entry.via.is_some();
                    if let Some((kind, service)) = key_kind(&self.path) {
                        self.push(kind, &entry.key, entry.key_span, service, via_alias, true);
                    }
                    self.path.push(entry.key.clone());
                    self.node(&entry.value, via_alias);
                    self.path.pop();
                }
            }
            Value::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.path.push(i.to_string());
                    self.node(item, via_alias);
                    self.path.pop();
                }
            }
            Value::Str(id) => {
                if let Some(kind) = value_kind(&self.path) {
                    self.push(kind, id, node.span, String::new(), via_alias, false);
                }
            }
            _ => {}
        }
    }

    fn push(
        &mut self,
        kind: Kind,
        id: &str,
        span: Span,
        service: String,
        via_alias: bool,
        is_key: bool,
    ) {
        let declaration = is_key && kind != Kind::Rule;
        self.out.push(Occurrence {
            kind,
            id: id.to_owned(),
            span: unquoted(self.text, span),
            declaration,
            service,
            via_alias,
        });
    }
}

/// The span of a scalar's text without its quotes.
pub fn unquoted(text: &str, span: Span) -> Span {
    let written = text.get(span.range()).unwrap_or("");
    let quoted = written.len() >= 2
        && ((written.starts_with('"') && written.ends_with('"'))
            || (written.starts_with('\'') && written.ends_with('\'')));
    if quoted {
        Span::new(span.start + 1, span.len - 2)
    } else {
        span
    }
}

/// The path segments as `&str`, for matching.
fn segments(path: &[String]) -> Vec<&str> {
    path.iter().map(String::as_str).collect()
}

/// What a key of the mapping at `path` names, with the service of a
/// function key.
fn key_kind(path: &[String]) -> Option<(Kind, String)> {
    let kind = match segments(path).as_slice() {
        ["parties"] => Kind::Party,
        ["escalation"] => Kind::Path,
        ["services"] => Kind::Service,
        ["services", service, "functions"] => {
            return Some((Kind::Function, (*service).to_owned()));
        }
        ["lint"] => Kind::Rule,
        [.., "waive"] if is_waivable(&path[..path.len() - 1]) => Kind::Rule,
        _ => return None,
    };
    Some((kind, String::new()))
}

/// Whether `path` is an item that may carry `waive:`.
pub fn is_waivable(path: &[String]) -> bool {
    matches!(
        segments(path).as_slice(),
        ["parties", _] | ["services", _] | ["services", _, "functions", _] | ["decisions", _]
    )
}

/// What a string value at `path` names.
fn value_kind(path: &[String]) -> Option<Kind> {
    // A list item stands for its field.
    let field_path = match path.last() {
        Some(last) if last.parse::<usize>().is_ok() => &path[..path.len() - 1],
        _ => path,
    };
    let listed = field_path.len() < path.len();
    match segments(field_path).as_slice() {
        ["services", _, "owner"] => Some(Kind::Party),
        ["services", _, "functions", _, "escalation"] if !listed => Some(Kind::Path),
        ["services", _, "functions", _, field] if PARTY_FIELDS.contains(field) => Some(Kind::Party),
        ["decisions", _, "service"] if !listed => Some(Kind::Service),
        ["decisions", _, field] if PARTY_FIELDS.contains(field) => Some(Kind::Party),
        ["authority", field] if AUTHORITY_FIELDS.contains(field) && !listed => Some(Kind::Party),
        ["escalation", _, tier, "party"] if tier.parse::<usize>().is_ok() && !listed => {
            Some(Kind::Party)
        }
        ["cadence", meeting, "parties"] if meeting.parse::<usize>().is_ok() && listed => {
            Some(Kind::Party)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::features::test_support::{NORTHWIND, nth};

    fn kinds_at(text: &str, needle: &str, n: usize) -> Option<(Kind, String, bool)> {
        let offset = nth(text, needle, n);
        occurrence_at(&occurrences(text), offset).map(|o| (o.kind, o.id.clone(), o.declaration))
    }

    #[test]
    fn finds_party_keys_and_every_kind_of_reference() {
        let text = NORTHWIND;
        assert_eq!(
            kinds_at(text, "msp:", 0),
            Some((Kind::Party, "msp".into(), true))
        );
        // `owner: msp` of the security service.
        assert_eq!(
            kinds_at(text, "owner: msp", 0).map(|k| k.0),
            None,
            "the key `owner` itself is not an id"
        );
        let offset = nth(text, "owner: msp", 0) + "owner: ".len();
        let all = occurrences(text);
        let found = occurrence_at(&all, offset).unwrap();
        assert_eq!((found.kind, found.id.as_str()), (Kind::Party, "msp"));
        assert!(!found.declaration);
        let offset =
            nth(text, "informed: [leadership, plant]", 0) + "informed: [leadership, ".len();
        let all = occurrences(text);
        let found = occurrence_at(&all, offset).unwrap();
        assert_eq!((found.kind, found.id.as_str()), (Kind::Party, "plant"));
        assert_eq!(&text[found.span.range()], "plant");
    }

    #[test]
    fn finds_paths_services_functions_and_rules() {
        let text = NORTHWIND;
        let offset = nth(text, "escalation: security", 0) + "escalation: ".len();
        let all = occurrences(text);
        let found = occurrence_at(&all, offset).unwrap();
        assert_eq!((found.kind, found.id.as_str()), (Kind::Path, "security"));
        let all = occurrences(text);
        let found = occurrence_at(&all, nth(text, "patch-management:", 0)).unwrap();
        assert_eq!(found.kind, Kind::Function);
        assert_eq!(found.service, "security");
        let all = occurrences(text);
        let found = occurrence_at(&all, nth(text, "missing-backup:", 0)).unwrap();
        assert_eq!(
            (found.kind, found.id.as_str()),
            (Kind::Rule, "missing-backup")
        );
    }

    #[test]
    fn a_quoted_id_spans_its_text_only() {
        let text =
            "parties:\n  msp: { name: M, role: provider }\nauthority:\n  tie-breaker: \"msp\"\n";
        let all = occurrences(text);
        let reference = all.iter().find(|o| !o.declaration).unwrap();
        assert_eq!(&text[reference.span.range()], "msp");
        assert_eq!(text.as_bytes()[reference.span.start - 1], b'"');
    }

    #[test]
    fn an_alias_copy_points_at_the_anchored_original() {
        let text = "services:\n  s:\n    functions:\n      a: &f { owner: msp }\n      b: *f\n";
        let all = occurrences(text);
        let refs: Vec<_> = all.iter().filter(|o| o.kind == Kind::Party).collect();
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].span, refs[1].span);
        assert!(!refs[0].via_alias);
        assert!(refs[1].via_alias);
    }

    #[test]
    fn a_text_is_walked_once_and_another_text_anew() {
        let one = "parties:\n  msp: {}\n";
        let other = "parties:\n  mps: {}\n";
        assert!(Arc::ptr_eq(&occurrences(one), &occurrences(one)));
        assert_eq!(occurrences(other)[0].id, "mps");
        assert_eq!(occurrences(one)[0].id, "msp");
    }

    #[test]
    fn text_that_does_not_parse_has_no_occurrences() {
        assert!(occurrences("parties: [\n").is_empty());
    }
}
