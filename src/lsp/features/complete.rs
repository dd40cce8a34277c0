//! Completion: party ids where a party is named, path ids at `escalation:`,
//! service ids at a decision's `service:`, rule ids in `lint:` and `waive:`,
//! levels, and the values of `role`, `hours`, `every`, `baseline`.
//!
//! It works on the text being typed, which usually does not parse: the
//! place comes from the lines ([`super::context`]), the ids from the last
//! version that loaded, or from a scan of the text.

use super::context::{self, Place};
use super::locate::{AUTHORITY_FIELDS, PARTY_FIELDS};
use super::{Completion, CompletionKind};
use crate::lint::rules::REGISTRY;
use crate::scope::Document;
use crate::source::Span;

/// The completions at byte `offset` of `text`. `last_good` is the last
/// version of the document that loaded: its ids and names are offered;
/// without it (or when it has none of a kind) ids are scanned from `text`.
/// Empty where nothing is known to fit (or inside a comment).
pub fn completion(text: &str, last_good: Option<&Document>, offset: usize) -> Vec<Completion> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return Vec::new();
    }
    let replace = word_at(text, offset);
    let Some(place) = context::place(text, replace.start) else {
        return Vec::new();
    };
    let Some(wanted) = wanted(&place) else {
        return Vec::new();
    };
    let candidates: Vec<(String, Option<String>)> = match wanted {
        Wanted::Ids(kind) => ids(kind, text, last_good),
        Wanted::Rules => REGISTRY
            .iter()
            .map(|rule| (rule.id.to_owned(), Some(rule.summary.to_owned())))
            .collect(),
        Wanted::Values(values) => values
            .iter()
            .map(|(value, detail)| ((*value).to_owned(), Some((*detail).to_owned())))
            .collect(),
    };
    let kind = match wanted {
        Wanted::Ids(kind) => kind,
        Wanted::Rules => CompletionKind::Rule,
        Wanted::Values(_) => CompletionKind::Value,
    };
    candidates
        .into_iter()
        .map(|(label, detail)| Completion {
            label,
            kind,
            detail,
            replace,
        })
        .collect()
}

/// The id-like word around `offset` (letters, digits, `-`, `_`).
fn word_at(text: &str, offset: usize) -> Span {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let bytes = text.as_bytes();
    let mut start = offset;
    while start > 0 && is_word(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = offset;
    while end < bytes.len() && is_word(bytes[end]) {
        end += 1;
    }
    Span::new(start, end - start)
}

/// What fits at a place.
#[derive(Debug, Clone, Copy)]
enum Wanted {
    Ids(CompletionKind),
    Rules,
    Values(&'static [(&'static str, &'static str)]),
}

const LEVELS: &[(&str, &str)] = &[
    ("allow", "the rule does not run"),
    ("warn", "findings are warnings"),
    ("deny", "findings are errors"),
];
const ROLES: &[(&str, &str)] = &[
    ("internal", "the client's own IT staff"),
    ("provider", "the managed service provider"),
    ("vendor", "a third-party vendor"),
    ("leadership", "the client's leadership"),
    ("business", "a business unit or department"),
];
const HOURS: &[(&str, &str)] = &[
    ("business", "weekday working hours"),
    ("extended", "early and late hours, and Saturdays"),
    ("24x7", "around the clock, every day"),
];
const EVERY: &[(&str, &str)] = &[
    ("week", "every week"),
    ("2weeks", "every other week"),
    ("month", "every month"),
    ("quarter", "every quarter"),
    ("year", "every year"),
];
const BASELINES: &[(&str, &str)] = &[(
    "standard",
    "the fourteen functions that most often fall between the teams",
)];
const BOOLS: &[(&str, &str)] = &[("true", "yes"), ("false", "no (the default)")];

/// Whether the value of `key` names a party (a list item stands for its
/// key): the fields the locator knows, and a tier's `party`.
fn names_a_party(key: &str) -> bool {
    PARTY_FIELDS.contains(&key) || AUTHORITY_FIELDS.contains(&key) || key == "party"
}

fn wanted(place: &Place) -> Option<Wanted> {
    let keys: Vec<&str> = place.keys.iter().map(String::as_str).collect();
    let (&last, outer) = keys.split_last()?;
    if !place.at_value {
        return match keys.as_slice() {
            ["lint"] | [.., "waive"] => Some(Wanted::Rules),
            _ => None,
        };
    }
    let nested = !outer.is_empty();
    Some(match last {
        _ if outer == ["lint"] => Wanted::Values(LEVELS),
        key if names_a_party(key) && nested => Wanted::Ids(CompletionKind::Party),
        "parties" if outer.first() == Some(&"cadence") => Wanted::Ids(CompletionKind::Party),
        "escalation" if nested => Wanted::Ids(CompletionKind::Path),
        "service" if outer.first() == Some(&"decisions") => Wanted::Ids(CompletionKind::Service),
        "role" if nested => Wanted::Values(ROLES),
        "hours" if nested => Wanted::Values(HOURS),
        "every" if nested => Wanted::Values(EVERY),
        "critical" if nested => Wanted::Values(BOOLS),
        "baseline" if !nested => Wanted::Values(BASELINES),
        _ => return None,
    })
}

/// The ids of one kind with a detail each: from `last_good` when it has
/// some, else scanned from `text`.
fn ids(
    kind: CompletionKind,
    text: &str,
    last_good: Option<&Document>,
) -> Vec<(String, Option<String>)> {
    if let Some(doc) = last_good {
        let scope = &doc.scope;
        let found: Vec<(String, Option<String>)> = match kind {
            CompletionKind::Party => scope
                .parties
                .iter()
                .map(|(id, p)| {
                    (
                        id.clone(),
                        Some(format!("{} ({})", p.name, p.role.as_str())),
                    )
                })
                .collect(),
            CompletionKind::Path => scope
                .escalation
                .iter()
                .map(|(id, tiers)| (id.clone(), Some(tier_count(tiers.len()))))
                .collect(),
            CompletionKind::Service => scope
                .services
                .iter()
                .map(|(id, s)| (id.clone(), Some(s.display_name(id).to_owned())))
                .collect(),
            CompletionKind::Rule | CompletionKind::Value => Vec::new(),
        };
        if !found.is_empty() {
            return found;
        }
    }
    let section = match kind {
        CompletionKind::Party => "parties",
        CompletionKind::Path => "escalation",
        CompletionKind::Service => "services",
        CompletionKind::Rule | CompletionKind::Value => return Vec::new(),
    };
    scan_section_keys(text, section)
        .into_iter()
        .map(|id| (id, None))
        .collect()
}

fn tier_count(n: usize) -> String {
    if n == 1 {
        "1 tier".to_owned()
    } else {
        format!("{n} tiers")
    }
}

/// The keys one level under the top-level `section:` of `text`, read line
/// by line (best effort, for text that does not parse): block keys at the
/// first indentation below it, up to the next top-level line.
fn scan_section_keys(text: &str, section: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Linear in the keys, however many a hostile file has.
    let mut seen = std::collections::HashSet::new();
    let mut inside = false;
    let mut indent = None;
    for line in text.split(['\n', '\r']) {
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let column = line.len() - content.len();
        if column == 0 {
            inside = content
                .strip_prefix(section)
                .is_some_and(|rest| rest.trim_end() == ":" || rest.starts_with(": #"));
            indent = None;
            continue;
        }
        if !inside || content.starts_with('-') {
            continue;
        }
        let level = *indent.get_or_insert(column);
        if column != level {
            continue;
        }
        if let Some((key, _)) = content.split_once(':') {
            let key = key.trim_matches(['"', '\'']);
            if crate::lsp::features::rename::check_id(key).is_ok() && seen.insert(key) {
                out.push(key.to_owned());
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "complete_tests.rs"]
mod tests;
