//! `unused-party`: a party nothing refers to.

use std::collections::HashSet;

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;
use crate::source::pointer;

/// The rule.
pub static RULE: Rule = Rule {
    id: "unused-party",
    default_level: LintLevel::Warn,
    summary: "a party appears in no reference at all",
    docs: Docs {
        what: "Fires for each party under `parties:` that no owner, backup, RACI list, decision, \
               authority field, escalation tier or cadence meeting names.",
        why: "A party with no role is either a leftover (a provider from the previous contract) \
              or a sign that its work was never written down. Both mislead readers of the scope.",
        example: "parties:\n  old-msp: { name: Previous provider, role: provider }",
        use_instead: "# remove the party, or give it its duties:\nservices:\n  onsite:\n    owner: old-msp\n    functions:\n      hardware-disposal: {}",
        fix: "Remove the party, or reference it where it has a role. Set `unused-party: allow` \
              under `lint:` if you keep parties for their contacts only.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let used: HashSet<&str> = cx.references.iter().map(|r| r.id).collect();
    for (party_id, party) in &cx.scope.parties {
        if used.contains(party_id.as_str()) {
            continue;
        }
        out.push(
            cx.at_key(
                pointer(["parties", party_id]),
                format!(
                    "party `{party_id}` ({}) is not referenced anywhere in the scope",
                    party.name
                ),
            )
            .with_label("unused")
            .with_help("remove the party, or name it where it has a role (owner, backup, RACI, escalation, cadence)"),
        );
    }
}
