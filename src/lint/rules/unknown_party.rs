//! `unknown-party`: a reference to a party that is not defined.

use std::collections::HashSet;

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule, reference_help};
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "unknown-party",
    default_level: LintLevel::Deny,
    summary: "a party reference (owner, backup, RACI, decides, authority, tier, cadence) names no defined party",
    docs: Docs {
        what: "Fires once for every distinct party id that is not a key of `parties:`, in \
               each field that names it (`owner: [ghost, ghost]` is one finding, \
               `owner: [ghost, spook]` two). The fields are function and service owners, \
               backups, the `responsible`, `consulted` and `informed` lists of functions and \
               decisions, `decides`, the three `authority` fields, each escalation tier's \
               `party` and each cadence meeting's `parties`.",
        why: "A typo in a party id (`mps` for `msp`) silently unassigns the work: the function \
              looks owned in review, but the owner it names does not exist, has no contacts and \
              no hours. In a contract annex that is a function nobody signed up for.",
        example: "parties:\n  msp: { name: Lakeside Managed IT, role: provider }\nservices:\n  security:\n    functions:\n      patch-management: { owner: mps }",
        use_instead: "parties:\n  msp: { name: Lakeside Managed IT, role: provider }\nservices:\n  security:\n    functions:\n      patch-management: { owner: msp }",
        fix: "Correct the id to one defined under `parties:` (the help line suggests the closest), \
              or define the missing party there.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // `owner: [g, g]` is one reference to `g`: only the first of a field's
    // repeated ids is reported. Unknown references are rare, so the set of
    // field pointers stays small.
    let mut reported: HashSet<(String, &str)> = HashSet::new();
    for reference in cx.references {
        if cx.scope.parties.contains_key(reference.id)
            || !reported.insert((reference.field_pointer(), reference.id))
        {
            continue;
        }
        let pointer = reference.pointer();
        let item = crate::scope::describe::item(&pointer);
        let id = reference.id;
        out.push(
            cx.at_value(
                pointer,
                format!("{item}: {} `{id}` is not a defined party", reference.role),
            )
            .with_label("unknown party")
            .with_help(reference_help(id, cx.party_ids(), "party", "parties")),
        );
    }
}
