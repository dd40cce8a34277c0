//! `missing-baseline-function`: a function the baseline requires is absent.

use std::collections::HashSet;

use crate::diagnostics::Diagnostic;
use crate::lint::rule::{Check, Context, Docs, Rule};
use crate::scope::LintLevel;

/// The rule.
pub static RULE: Rule = Rule {
    id: "missing-baseline-function",
    default_level: LintLevel::Deny,
    summary: "`baseline: standard` and a baseline function id appears in no service",
    docs: Docs {
        what: "With `baseline: standard`, fires once for each of the fourteen standard function \
               ids (patch-management, backup-monitoring, backup-verification, \
               disaster-recovery-testing, security-monitoring, after-hours-monitoring, helpdesk, \
               onboarding, offboarding, firewall-review, license-management, vendor-contracts, \
               cloud-configuration, security-awareness-training) that appears in no service.",
        why: "These are the functions that most often fall between the internal team and the \
              provider: restore tests, offboarding, licence tracking. Declaring the baseline \
              turns \"did we forget one?\" into a check that runs on every change.",
        example: "baseline: standard\nservices:\n  backups:\n    owner: msp\n    functions:\n      backup-monitoring: {}",
        use_instead: "baseline: standard\nservices:\n  backups:\n    owner: msp\n    functions:\n      backup-monitoring: {}\n      backup-verification: {}\n      disaster-recovery-testing: { owner: internal }",
        fix: "Add the function, under its id, to the service that owns it, with an owner. If \
              the function truly does not exist in this business, add it anyway with a note, \
              or remove `baseline: standard`.",
    },
    check: Check::Scope(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(baseline) = cx.scope.baseline else {
        return;
    };
    let present: HashSet<&str> = cx.scope.functions().map(|(_, id, _)| id).collect();
    for (id, what) in baseline.functions() {
        if present.contains(id) {
            continue;
        }
        out.push(
            cx.at_value(
                "/baseline".to_owned(),
                format!(
                    "the {} baseline requires function `{id}` ({what}), which appears in no service",
                    baseline.as_str()
                ),
            )
            .with_label(format!("requires `{id}`"))
            .with_help(format!(
                "add `{id}:` with an owner to the service responsible for it"
            )),
        );
    }
}
