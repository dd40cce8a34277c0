//! The findings a change adds and removes: the current and the changed scope
//! linted with the same options, matched by (rule, pointer).

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::lint::{self, LintOptions};
use crate::pointer_map::PointerMap;
use crate::scope::{Document, PartyRefs, Scope};

use super::transform::Transformed;

/// What the change does to the findings.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Findings of the changed scope that the current one has not, with
    /// pointers and labels in the current file; waived ones included.
    pub new: Vec<Diagnostic>,
    /// Findings of the current scope that the change makes disappear.
    pub gone: Vec<Diagnostic>,
    /// The changed scope, handed back after linting.
    pub changed: Scope,
}

/// Lints `document` and its changed scope with the same options (the file's
/// `lint:` levels and waivers apply to both) and compares the findings.
pub fn compare(document: &Document, changed: Transformed, options: &LintOptions) -> Comparison {
    let current = lint::check(document, options);
    // The changed scope is linted against the current file's source map: keys
    // are where they were, and the pointer map moves labels of shifted lists.
    let shadow = Document {
        source: document.source.clone(),
        map: document.map.clone(),
        scope: changed.scope,
    };
    let mut after = lint::check(&shadow, options);
    for finding in &mut after {
        place_in_current(document, &shadow, &changed.pointers, finding);
    }

    let mut before_keys = counts(&current);
    let mut after_keys = counts(&after);
    let new = after
        .into_iter()
        .filter(|finding| !take(&mut before_keys, finding))
        .collect();
    let gone = current
        .into_iter()
        .filter(|finding| !take(&mut after_keys, finding))
        .collect();
    Comparison {
        new,
        gone,
        changed: shadow.scope,
    }
}

type Key = (String, String);

fn counts(findings: &[Diagnostic]) -> HashMap<Key, usize> {
    let mut out = HashMap::with_capacity(findings.len());
    for finding in findings {
        *out.entry((finding.rule.clone(), finding.pointer.clone()))
            .or_insert(0) += 1;
    }
    out
}

/// Whether `finding` has a match left in `keys`, using it up.
fn take(keys: &mut HashMap<Key, usize>, finding: &Diagnostic) -> bool {
    // Looking up by a borrowed pair would need an allocation-free key type;
    // findings are few next to the scope, so the clone is cheap.
    let key = (finding.rule.clone(), finding.pointer.clone());
    match keys.get_mut(&key) {
        Some(count) if *count > 0 => {
            *count -= 1;
            true
        }
        _ => false,
    }
}

/// Moves a finding of the changed scope to the current file: its pointer
/// translated through the shifted lists, its label at the place it is about.
fn place_in_current(
    current: &Document,
    changed: &Document,
    pointers: &PointerMap,
    finding: &mut Diagnostic,
) {
    let original = pointers.translate(&finding.pointer);
    let map = &current.map;
    finding.primary.span =
        PointerMap::relabel(map, finding.primary.span, &finding.pointer, &original);
    match finding.rule.as_str() {
        // A function left unowned is shown at the owner it had; one that
        // inherited, at its key (where the rule puts it).
        "unowned-function" => {
            if let Some((service, function)) = function_at(current, &original)
                && !names_nobody(
                    current.scope.services[service].functions[function]
                        .owner
                        .as_ref(),
                )
            {
                finding.primary.span = map.value_span(&format!("{original}/owner"));
            }
        }
        // A path emptied by the change is shown at its key.
        "escalation-order" => {
            let emptied = path_at(changed, &finding.pointer).is_some_and(|tiers| tiers == 0)
                && path_at(current, &original).is_some_and(|tiers| tiers > 0);
            if emptied {
                finding.primary.span = map.key_span(&original);
            }
        }
        _ => {}
    }
    finding.pointer = original;
}

/// The service and function ids of a function's pointer.
fn function_at<'d>(document: &'d Document, pointer: &str) -> Option<(&'d str, &'d str)> {
    let mut segments = pointer.strip_prefix("/services/")?.split('/');
    let service = segments.next()?;
    let function = match (segments.next(), segments.next(), segments.next()) {
        (Some("functions"), Some(function), None) => function,
        _ => return None,
    };
    let (service, entry) = document.scope.services.get_key_value(service)?;
    let (function, _) = entry.functions.get_key_value(function)?;
    Some((service.as_str(), function.as_str()))
}

/// The number of tiers of the path at `pointer`, if it names one.
fn path_at(document: &Document, pointer: &str) -> Option<usize> {
    let id = pointer.strip_prefix("/escalation/")?;
    document.scope.escalation.get(id).map(Vec::len)
}

/// Whether `refs` names nobody (absent, or `[]`).
pub fn names_nobody(refs: Option<&PartyRefs>) -> bool {
    refs.is_none_or(|refs| refs.ids().is_empty())
}
