//! `comanage what-if`: what falls through the cracks when a party leaves or
//! its work moves (DESIGN.md 7).
//!
//! [`transform`] changes the typed scope in memory; [`compare`] lints the
//! current and the changed scope with the same options and keeps the findings
//! that appear or disappear, shown at their place in the current file;
//! [`summary`] says what the removed parties held. [`answer`] puts it together
//! for the renderings ([`human`], [`markdown`], [`json`]).

pub mod compare;
pub mod human;
pub mod json;
pub mod markdown;
pub mod summary;
pub mod transform;

use crate::diagnostics::{Diagnostic, Level, Tally};
use crate::lint::{LintOptions, rules::REGISTRY};
use indexmap::IndexMap;

use crate::scope::{Document, Id};
use crate::source::SourceFile;

pub use compare::{Comparison, compare};
pub use summary::{Fallback, Held};
pub use transform::{Change, Transformed, transform};

/// Everything `what-if` reports about one change.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The current file.
    pub source: SourceFile,
    /// What each removed party held, in the order given.
    pub removed: Vec<Held>,
    /// Functions that fall back to their service's owner.
    pub fallbacks: Vec<Fallback>,
    /// The new findings in a few words each ("no tie-breaker").
    pub consequences: Vec<String>,
    /// New findings, grouped by rule, errors first; waived ones included.
    pub new: Vec<Diagnostic>,
    /// Findings the change makes disappear, in file order.
    pub gone: Vec<Diagnostic>,
    /// Party id -> display name, in the current scope.
    pub party_names: IndexMap<Id, String>,
    /// Whether the change only removes parties (`--without`).
    pub only_removals: bool,
}

impl Answer {
    /// The counts of the new findings (waived ones not counted).
    pub fn new_tally(&self) -> Tally {
        Tally::of(&self.new)
    }

    /// Whether a new finding is an (unwaived) error.
    pub fn has_new_errors(&self) -> bool {
        self.new_tally().errors > 0
    }

    /// The findings that disappear, waived ones left out (as `lint` leaves
    /// them out of human output).
    pub fn open_gone(&self) -> Vec<&Diagnostic> {
        self.gone
            .iter()
            .filter(|d| d.suppressed.is_none())
            .collect()
    }

    /// The display name of party `id` in the current scope (the id when it
    /// has none).
    pub fn party_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.party_names.get(id).map_or(id, String::as_str)
    }
}

/// The answer for `change` applied to `document`, linted with `options`.
/// The parties of `change` must be defined in the scope.
pub fn answer(document: &Document, change: &Change, options: &LintOptions) -> Answer {
    let current = &document.scope;
    let removed = change
        .without
        .iter()
        .map(|id| summary::held(current, id, None))
        .chain(
            change
                .reassign
                .iter()
                .map(|(from, to)| summary::held(current, from, Some(to))),
        )
        .collect();
    let Comparison {
        mut new,
        gone,
        changed,
    } = compare(document, transform(current, change), options);
    let fallbacks = summary::fallbacks(current, &changed);
    let consequences = summary::consequences(current, &changed, &new);
    // Grouped by rule, errors first, rules in registry order; file order
    // within a rule (the sort is stable).
    let rank = |rule: &str| {
        REGISTRY
            .iter()
            .position(|r| r.id == rule)
            .unwrap_or(usize::MAX)
    };
    new.sort_by_key(|d| (d.level != Level::Error, rank(&d.rule)));
    Answer {
        source: document.source.clone(),
        removed,
        fallbacks,
        consequences,
        new,
        gone,
        party_names: current
            .parties
            .iter()
            .map(|(id, party)| (id.clone(), party.name.clone()))
            .collect(),
        only_removals: change.reassign.is_empty(),
    }
}
