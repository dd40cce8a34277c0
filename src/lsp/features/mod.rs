//! The editor features of `comanage lsp` as pure functions over a document's
//! text (DESIGN.md section 9): hover, completion, go to definition, find
//! references, rename and code actions.
//!
//! Every position here is a byte offset into the document text (for a loaded
//! [`crate::scope::Document`], into `doc.source.text()`, which has no byte
//! order mark), and every range a [`Span`] of bytes. The server converts
//! them to and from the position encoding the client negotiated.

mod actions;
mod complete;
mod context;
mod hover;
mod locate;
mod markdown;
mod rename;
mod symbols;
mod waive;

#[cfg(test)]
mod robust_tests;
#[cfg(test)]
mod test_support;

pub use actions::code_actions;
pub use complete::completion;
pub use hover::hover;
pub use rename::{prepare_rename, rename};
pub use symbols::{definition, references};

use crate::source::Span;

/// What to show when the pointer rests on something: Markdown, and the
/// range it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// The id or key hovered.
    pub range: Span,
    /// The text to show, as Markdown; scope text in it is escaped.
    pub markdown: String,
}

/// What kind of thing a completion inserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    /// A party id.
    Party,
    /// An escalation path id.
    Path,
    /// A service id.
    Service,
    /// A lint rule id.
    Rule,
    /// One of a field's allowed values (a level, a role, hours…).
    Value,
}

/// One completion candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The text inserted (and shown).
    pub label: String,
    /// What it is.
    pub kind: CompletionKind,
    /// A short description: a party's name, a rule's summary…
    pub detail: Option<String>,
    /// The partial word under the cursor, which the label replaces (empty at
    /// the cursor when nothing is typed yet).
    pub replace: Span,
}

/// One text change: replace the bytes of `span` with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced (empty for an insertion).
    pub span: Span,
    /// What replaces them.
    pub new_text: String,
}

/// A code action: a titled set of edits, usually the fix of one finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// What the action does, as the editor's menu shows it.
    pub title: String,
    /// The edits, which do not overlap.
    pub edits: Vec<Edit>,
    /// Whether this is the fix to apply without asking (a "did you mean").
    pub preferred: bool,
    /// The index, in the diagnostics passed in, of the finding it fixes.
    pub diagnostic: Option<usize>,
}

/// `text` with `edits` applied: what the editor shows after a rename or a
/// code action. An edit that overlaps an earlier one, or does not fall on
/// character boundaries of `text`, is left out (the features never make
/// one).
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|edit| edit.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in sorted {
        let fits = at <= edit.span.start
            && edit.span.end() <= text.len()
            && text.is_char_boundary(edit.span.start)
            && text.is_char_boundary(edit.span.end());
        if !fits {
            continue;
        }
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.new_text);
        at = edit.span.end();
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order_and_bad_ones_are_left_out() {
        let edit = |start, len, new_text: &str| Edit {
            span: Span::new(start, len),
            new_text: new_text.to_owned(),
        };
        let text = "owner: msp, backup: msp";
        let edits = [
            edit(20, 3, "it"),
            edit(7, 3, "it"),
            edit(8, 1, "x"),
            edit(90, 1, "y"),
        ];
        assert_eq!(apply_edits(text, &edits), "owner: it, backup: it");
        assert_eq!(apply_edits("é", &[edit(1, 0, "x")]), "é");
    }
}
