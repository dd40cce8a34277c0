//! What a rule is: its id, default level, documentation and check.
//!
//! Every rule lives in its own file under `rules/` and declares one
//! [`Rule`] value; the registry in `rules/mod.rs` lists them. The engine,
//! `comanage rules`, `comanage explain` and the docs all read that one list,
//! so a rule cannot exist without its documentation.

use super::references::PartyReference;
use crate::diagnostics::Diagnostic;
use crate::scope::{Date, LintLevel, Scope};
use crate::source::{SourceMap, Span};

/// One lint rule.
#[derive(Debug)]
pub struct Rule {
    /// The kebab-case id used in output, the `lint:` map and `waive:`.
    pub id: &'static str,
    /// The level when the file's `lint:` map does not set one.
    pub default_level: LintLevel,
    /// One line: what fires the rule (shown by `comanage rules`).
    pub summary: &'static str,
    /// The full documentation (shown by `comanage explain`).
    pub docs: Docs,
    /// How the rule finds problems.
    pub check: Check,
}

/// The documentation of a rule, in the sections `comanage explain` prints.
#[derive(Debug)]
pub struct Docs {
    /// What the rule checks, precisely.
    pub what: &'static str,
    /// Why it matters in a co-managed engagement.
    pub why: &'static str,
    /// A YAML fragment that fires the rule.
    pub example: &'static str,
    /// The same fragment, fixed.
    pub use_instead: &'static str,
    /// How to fix a finding.
    pub fix: &'static str,
}

/// How a rule finds problems.
#[derive(Debug, Clone, Copy)]
pub enum Check {
    /// Reads the scope and reports findings (rule id and level are filled in
    /// by the engine).
    Scope(fn(&Context<'_>, &mut Vec<Diagnostic>)),
    /// Computed by the engine itself, because it needs the other rules'
    /// results: the rules about the `lint:` map and about waivers.
    Engine,
}

/// What a rule's check reads.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The typed scope.
    pub scope: &'a Scope,
    /// Where each node of the scope is written.
    pub map: &'a SourceMap,
    /// The date taken as today.
    pub today: Date,
    /// Every party reference in the scope, listed once for the rules that
    /// need them (`unknown-party`, `unused-party`).
    pub references: &'a [PartyReference<'a>],
}

impl Context<'_> {
    /// A finding labelled on the value at `pointer` (the `msp` of
    /// `owner: msp`).
    pub fn at_value(&self, pointer: String, message: impl Into<String>) -> Diagnostic {
        let span = self.map.value_span(&pointer);
        Diagnostic::error("", message, span).with_pointer(pointer)
    }

    /// A finding labelled on the key that holds the node at `pointer` (the
    /// `patch-management:` of a function).
    pub fn at_key(&self, pointer: String, message: impl Into<String>) -> Diagnostic {
        let span = self.map.key_span(&pointer);
        Diagnostic::error("", message, span).with_pointer(pointer)
    }

    /// A finding on field `key` of the item at `item`: labelled on its value
    /// when the field is `written`, else on the item's key (the field is
    /// absent and the item itself is what the finding is about).
    pub fn at_field_or_item(
        &self,
        item: String,
        key: &str,
        written: bool,
        message: impl Into<String>,
    ) -> Diagnostic {
        if written {
            self.at_value(format!("{item}/{key}"), message)
        } else {
            self.at_key(item, message)
        }
    }

    /// A finding about the node at `pointer`, labelled on `span`.
    pub fn at(&self, pointer: String, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error("", message, span).with_pointer(pointer)
    }

    /// A finding about something the scope lacks altogether, labelled on the
    /// first key of the file (there is no better place to point at).
    pub fn at_top(&self, message: impl Into<String>) -> Diagnostic {
        let span = self.map.first_key_span();
        Diagnostic::error("", message, span).with_pointer(String::new())
    }

    /// The party ids defined in the scope, for suggestions and help lines.
    pub fn party_ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.scope.parties.keys().map(String::as_str)
    }
}

/// A help line for a reference to `id` that names nothing among `known`: the
/// closest known id, or the list of them.
pub fn reference_help<'a>(
    id: &str,
    known: impl Iterator<Item = &'a str> + Clone,
    what: &str,
    section: &str,
) -> String {
    if let Some(close) = crate::suggest::closest(id, known.clone()) {
        return format!("did you mean `{close}`?");
    }
    let list: Vec<&str> = known.collect();
    if list.is_empty() {
        format!("define {what} `{id}` under `{section}:`")
    } else {
        format!(
            "define {what} `{id}` under `{section}:`, or use one of: {}",
            list.join(", ")
        )
    }
}

/// The JSON pointer of function `function` in service `service`.
pub fn function_pointer(service: &str, function: &str) -> String {
    crate::source::pointer(["services", service, "functions", function])
}
