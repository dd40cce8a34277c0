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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::{Date, load_bytes};
    use crate::whatif::{Change, transform};

    const SCOPE: &str = "\
version: 1
engagement: { client: Test }
parties:
  internal: { name: Internal IT, role: internal }
  msp: { name: Provider, role: provider, hours: 24x7 }
  vendor: { name: Vendor, role: vendor }
services:
  ops:
    functions:
      patching: { owner: msp }
      shared: { owner: [msp, internal] }
      erp: { owner: internal, escalation: vendor-only }
  hosted:
    owner: msp
    functions:
      mail: {}
decisions:
  budget: { decides: msp }
authority: { tie-breaker: internal }
escalation:
  default:
    - { tier: 1, party: msp }
    - { tier: 2, party: internal }
    - { tier: 3, party: ghost }
  vendor-only:
    - { tier: 1, party: vendor }
cadence:
  - { name: Sync, every: week, parties: [msp, internal, vendor] }
";

    fn run(without: &str) -> (Document, Comparison) {
        let document = load_bytes("t.yaml", SCOPE.as_bytes().to_vec()).unwrap();
        let change = Change {
            without: vec![without.to_owned()],
            reassign: Vec::new(),
        };
        let options = LintOptions {
            today: "2026-12-01".parse::<Date>().unwrap(),
        };
        let comparison = compare(&document, transform(&document.scope, &change), &options);
        (document, comparison)
    }

    fn labelled<'a>(document: &'a Document, finding: &Diagnostic) -> &'a str {
        &document.source.text()[finding.primary.span.range()]
    }

    fn new_of<'c>(comparison: &'c Comparison, rule: &str) -> Vec<&'c Diagnostic> {
        comparison.new.iter().filter(|d| d.rule == rule).collect()
    }

    #[test]
    fn an_unowned_function_is_shown_at_the_owner_it_had_or_at_its_key() {
        let (document, comparison) = run("msp");
        let unowned = new_of(&comparison, "unowned-function");
        let places: Vec<(&str, &str)> = unowned
            .iter()
            .map(|d| (d.pointer.as_str(), labelled(&document, d)))
            .collect();
        assert_eq!(
            places,
            [
                ("/services/ops/functions/patching", "msp"),
                ("/services/hosted/functions/mail", "mail"),
            ]
        );
    }

    #[test]
    fn a_finding_under_a_shifted_list_matches_its_current_self() {
        // `ghost` is unknown before and after; its tier moves from index 2
        // to 1 in the changed scope, and is still the same finding.
        let (document, comparison) = run("msp");
        assert!(new_of(&comparison, "unknown-party").is_empty());
        assert!(
            comparison
                .gone
                .iter()
                .all(|d| d.pointer != "/escalation/default/2/party")
        );
        let current = lint::check(
            &document,
            &LintOptions {
                today: "2026-12-01".parse::<Date>().unwrap(),
            },
        );
        assert!(
            current
                .iter()
                .any(|d| d.rule == "unknown-party" && d.pointer == "/escalation/default/2/party")
        );
    }

    #[test]
    fn an_emptied_path_is_shown_at_its_key() {
        let (document, comparison) = run("vendor");
        let emptied = new_of(&comparison, "escalation-order");
        assert_eq!(emptied.len(), 1);
        assert_eq!(emptied[0].pointer, "/escalation/vendor-only");
        assert_eq!(labelled(&document, emptied[0]), "vendor-only");
    }

    #[test]
    fn a_decision_left_undecided_is_shown_at_decides() {
        let (document, comparison) = run("msp");
        let undecided = new_of(&comparison, "undecided-decision");
        assert_eq!(undecided.len(), 1);
        assert_eq!(undecided[0].pointer, "/decisions/budget/decides");
        assert_eq!(labelled(&document, undecided[0]), "msp");
    }

    #[test]
    fn findings_that_the_change_removes_are_gone() {
        let (_, comparison) = run("msp");
        let gone: Vec<(&str, &str)> = comparison
            .gone
            .iter()
            .map(|d| (d.rule.as_str(), d.pointer.as_str()))
            .collect();
        assert!(
            gone.contains(&(
                "double-owned-function",
                "/services/ops/functions/shared/owner"
            )),
            "{gone:?}"
        );
    }

    #[test]
    fn no_change_brings_nothing_new_and_removes_nothing() {
        let document = load_bytes("t.yaml", SCOPE.as_bytes().to_vec()).unwrap();
        let options = LintOptions {
            today: "2026-12-01".parse::<Date>().unwrap(),
        };
        let same = transform(&document.scope, &Change::default());
        let comparison = compare(&document, same, &options);
        assert!(comparison.new.is_empty() && comparison.gone.is_empty());
    }
}
