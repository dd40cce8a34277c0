//! The rule registry: every lint rule, one file each.
//!
//! [`REGISTRY`] is the single list the engine, `comanage rules`,
//! `comanage explain` and the docs read. Its order is the table's order in
//! DESIGN.md section 3: errors about ownership first, housekeeping last.

use super::rule::Rule;

mod backup_is_owner;
mod contested_decision;
mod coverage_gap;
mod double_owned_function;
mod empty_service;
mod escalation_order;
pub mod expired_waiver;
mod missing_backup;
mod missing_baseline_function;
mod no_review_cadence;
mod no_tie_breaker;
mod owner_not_in_escalation;
mod renewal_due;
mod review_overdue;
mod undecided_decision;
mod unknown_escalation_path;
mod unknown_party;
pub mod unknown_rule;
mod unknown_service;
mod unowned_function;
mod unused_party;
pub mod unused_waiver;

/// Every rule, in documentation order.
pub static REGISTRY: [&Rule; 22] = [
    &unowned_function::RULE,
    &double_owned_function::RULE,
    &unknown_party::RULE,
    &unknown_service::RULE,
    &unknown_escalation_path::RULE,
    &undecided_decision::RULE,
    &contested_decision::RULE,
    &missing_baseline_function::RULE,
    &coverage_gap::RULE,
    &escalation_order::RULE,
    &missing_backup::RULE,
    &backup_is_owner::RULE,
    &owner_not_in_escalation::RULE,
    &no_tie_breaker::RULE,
    &no_review_cadence::RULE,
    &review_overdue::RULE,
    &renewal_due::RULE,
    &empty_service::RULE,
    &unused_party::RULE,
    &unknown_rule::RULE,
    &expired_waiver::RULE,
    &unused_waiver::RULE,
];

/// The rule with id `id`.
pub fn find(id: &str) -> Option<&'static Rule> {
    REGISTRY.iter().copied().find(|rule| rule.id == id)
}

#[cfg(test)]
mod tests {
    use super::REGISTRY;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in REGISTRY {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
            assert!(
                rule.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.id
            );
            let docs = &rule.docs;
            for (section, text) in [
                ("what", docs.what),
                ("why", docs.why),
                ("example", docs.example),
                ("use_instead", docs.use_instead),
                ("fix", docs.fix),
            ] {
                assert!(!text.trim().is_empty(), "{} has no {section}", rule.id);
            }
            assert_ne!(docs.example, docs.use_instead, "{}", rule.id);
        }
    }
}
