//! Property tests of the rulings (DESIGN.md 1.3, revision 2) on random
//! scopes written as YAML and loaded the way `comanage lint` loads them.
//!
//! Party ids come from a small pool with two defined parties (`a`, `b`) and
//! two undefined ones (`g`, `h`), function ids from a pool small enough that
//! the same id often appears in several services, and waivers name real
//! rules, the engine's own rules and one misspelt id, with `until` dates
//! around today.

use std::collections::HashSet;
use std::fmt::Write as _;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use super::{LintOptions, check};
use crate::diagnostics::Diagnostic;
use crate::scope::load_bytes;

const TODAY: &str = "2026-11-22";
const PARTY_IDS: [&str; 4] = ["a", "b", "g", "h"];
const DEFINED: [&str; 2] = ["a", "b"];
const WAIVED_RULES: [&str; 6] = [
    "missing-backup",
    "backup-is-owner",
    "unknown-rule",
    "expired-waiver",
    "unused-waiver",
    "missing-bakup",
];
/// `until` dates: the day before today, today, the day after.
const UNTIL: [&str; 3] = ["2026-11-21", "2026-11-22", "2026-11-23"];

/// A function as the generator draws it.
#[derive(Debug, Clone)]
struct FunctionModel {
    id: &'static str,
    owner: Option<Vec<&'static str>>,
    backup: Option<&'static str>,
    responsible: Vec<&'static str>,
    critical: bool,
    hours: Option<&'static str>,
    waive: Vec<(&'static str, Option<&'static str>)>,
}

/// A service as the generator draws it.
#[derive(Debug, Clone)]
struct ServiceModel {
    owner: Option<Vec<&'static str>>,
    functions: Vec<FunctionModel>,
}

/// A scope: services, and the tiers of the `default` path.
#[derive(Debug, Clone)]
struct ScopeModel {
    services: Vec<ServiceModel>,
    tiers: Vec<(&'static str, Option<&'static str>)>,
}

fn party() -> impl Strategy<Value = &'static str> {
    select(&PARTY_IDS[..])
}

fn owner() -> impl Strategy<Value = Option<Vec<&'static str>>> {
    option::of(vec(party(), 1..3))
}

fn hours() -> impl Strategy<Value = Option<&'static str>> {
    option::of(select(vec!["business", "extended", "24x7"]))
}

fn function() -> impl Strategy<Value = FunctionModel> {
    (
        select(vec!["f1", "f2", "f3"]),
        owner(),
        option::of(party()),
        vec(party(), 0..3),
        any::<bool>(),
        hours(),
        vec(
            (select(&WAIVED_RULES[..]), option::of(select(&UNTIL[..]))),
            0..3,
        ),
    )
        .prop_map(
            |(id, owner, backup, responsible, critical, hours, mut waive)| {
                // A waive map has each rule id once.
                let mut seen = HashSet::new();
                waive.retain(|(rule, _)| seen.insert(*rule));
                FunctionModel {
                    id,
                    owner,
                    backup,
                    responsible,
                    critical,
                    hours,
                    waive,
                }
            },
        )
}

fn scope() -> impl Strategy<Value = ScopeModel> {
    let service = (owner(), vec(function(), 0..3)).prop_map(|(owner, mut functions)| {
        // Function ids are keys of one map: unique within a service.
        let mut seen = HashSet::new();
        functions.retain(|f| seen.insert(f.id));
        ServiceModel { owner, functions }
    });
    (vec(service, 1..4), vec((party(), hours()), 0..3))
        .prop_map(|(services, tiers)| ScopeModel { services, tiers })
}

/// How an owner list is written: as drawn, or with every id repeated
/// (`[a, a, g, g]`), which must mean the same.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Owners {
    AsDrawn,
    Repeated,
}

fn write_owner(out: &mut String, indent: &str, owner: Option<&Vec<&str>>, form: Owners) {
    let Some(ids) = owner else { return };
    let written: Vec<&str> = match (form, ids.as_slice()) {
        (Owners::AsDrawn, [one]) => {
            let _ = writeln!(out, "{indent}owner: {one}");
            return;
        }
        (Owners::AsDrawn, _) => ids.clone(),
        (Owners::Repeated, _) => ids.iter().flat_map(|id| [*id, *id]).collect(),
    };
    let _ = writeln!(out, "{indent}owner: [{}]", written.join(", "));
}

/// The model as a scope file.
fn yaml(model: &ScopeModel, form: Owners) -> String {
    let mut out = String::from(
        "version: 1\nengagement: { client: Harbor Dental Group }\nparties:\n  \
         a: { name: Harbor IT, role: internal }\n  \
         b: { name: Lakeside, role: provider, hours: 24x7 }\n\
         authority: { tie-breaker: a }\n\
         cadence:\n  - { name: Weekly sync, every: week, parties: [a, b] }\n",
    );
    if !model.tiers.is_empty() {
        out.push_str("escalation:\n  default:\n");
        for (i, (party, hours)) in model.tiers.iter().enumerate() {
            let _ = write!(out, "    - {{ tier: {}, party: {party}", i + 1);
            if let Some(hours) = hours {
                let _ = write!(out, ", hours: {hours}");
            }
            out.push_str(" }\n");
        }
    }
    out.push_str("services:\n");
    for (s, service) in model.services.iter().enumerate() {
        let _ = writeln!(out, "  s{s}:");
        write_owner(&mut out, "    ", service.owner.as_ref(), form);
        out.push_str("    functions:\n");
        if service.functions.is_empty() {
            out.truncate(out.len() - 1);
            out.push_str(" {}\n");
        }
        for f in &service.functions {
            let _ = writeln!(out, "      {}:", f.id);
            write_owner(&mut out, "        ", f.owner.as_ref(), form);
            if let Some(backup) = f.backup {
                let _ = writeln!(out, "        backup: {backup}");
            }
            if !f.responsible.is_empty() {
                let _ = writeln!(out, "        responsible: [{}]", f.responsible.join(", "));
            }
            let _ = writeln!(out, "        critical: {}", f.critical);
            if let Some(hours) = f.hours {
                let _ = writeln!(out, "        hours: {hours}");
            }
            if !f.waive.is_empty() {
                out.push_str("        waive:\n");
                for (rule, until) in &f.waive {
                    let _ = write!(out, "          {rule}: {{ reason: r");
                    if let Some(until) = until {
                        let _ = write!(out, ", until: {until}");
                    }
                    out.push_str(" }\n");
                }
            }
        }
    }
    out
}

fn lint(model: &ScopeModel, form: Owners) -> Vec<Diagnostic> {
    let text = yaml(model, form);
    let document = load_bytes("scope.yaml", text.clone().into_bytes())
        .unwrap_or_else(|e| panic!("the generated scope loads: {e:?}\n{text}"));
    let today = TODAY.parse().expect("a date");
    check(&document, &LintOptions { today })
}

fn count(findings: &[Diagnostic], rule: &str) -> usize {
    findings.iter().filter(|f| f.rule == rule).count()
}

/// Unknown ids, once per field: what `unknown-party` must count.
fn distinct_unknown(model: &ScopeModel) -> usize {
    let unknown = |ids: &[&str]| {
        let set: HashSet<&str> = ids.iter().copied().collect();
        set.iter().filter(|id| !DEFINED.contains(id)).count()
    };
    let owner = |o: &Option<Vec<&str>>| o.as_deref().map_or(0, unknown);
    let tiers = model.tiers.iter().filter(|(p, _)| !DEFINED.contains(p));
    let mut total = tiers.count();
    for service in &model.services {
        total += owner(&service.owner);
        for f in &service.functions {
            total += owner(&f.owner) + unknown(&f.responsible);
            total += usize::from(f.backup.is_some_and(|b| !DEFINED.contains(&b)));
        }
    }
    total
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_repeated_owner_id_means_the_same_as_one(model in scope()) {
        let key = |findings: Vec<Diagnostic>| {
            let mut keys: Vec<(String, String)> =
                findings.into_iter().map(|f| (f.rule, f.message)).collect();
            keys.sort();
            keys
        };
        prop_assert_eq!(
            key(lint(&model, Owners::AsDrawn)),
            key(lint(&model, Owners::Repeated))
        );
    }

    #[test]
    fn unknown_party_counts_distinct_ids_per_field(model in scope()) {
        let findings = lint(&model, Owners::AsDrawn);
        prop_assert_eq!(count(&findings, "unknown-party"), distinct_unknown(&model));
    }

    #[test]
    fn a_function_id_in_several_services_is_one_finding(model in scope()) {
        let findings = lint(&model, Owners::AsDrawn);
        let mut ids: Vec<&str> = model
            .services
            .iter()
            .flat_map(|s| s.functions.iter().map(|f| f.id))
            .collect();
        ids.sort_unstable();
        let repeated: HashSet<&str> = ids.windows(2).filter(|w| w[0] == w[1]).map(|w| w[0]).collect();
        let found = findings
            .iter()
            .filter(|f| f.rule == "double-owned-function" && f.message.contains(" and again in "))
            .count();
        prop_assert_eq!(found, repeated.len());
    }

    #[test]
    fn waivers_expire_after_their_day_and_engine_rule_waivers_are_never_unused(
        model in scope()
    ) {
        let findings = lint(&model, Owners::AsDrawn);
        let waivers = model.services.iter().flat_map(|s| &s.functions).flat_map(|f| &f.waive);
        let (mut expired, mut misspelt) = (0, 0);
        for (rule, until) in waivers {
            if *rule == "missing-bakup" {
                misspelt += 1;
            } else if *until == Some(UNTIL[0]) {
                expired += 1;
            }
        }
        prop_assert_eq!(count(&findings, "expired-waiver"), expired);
        prop_assert_eq!(count(&findings, "unknown-rule"), misspelt);
        for finding in findings.iter().filter(|f| f.rule == "unused-waiver") {
            for engine in ["unknown-rule", "expired-waiver", "unused-waiver"] {
                let waiver_of = format!("waiver of `{engine}`");
                prop_assert!(!finding.message.contains(&waiver_of), "{}", finding.message);
            }
        }
    }
}
