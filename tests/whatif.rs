//! `comanage what-if` on the shipped examples and fixtures: the summary, the
//! new and gone findings, the renderings, exit codes and errors.
//!
//! Expectations are computed from the scope's data (through the library)
//! wherever the examples decide them, so the tests follow the examples.

use std::collections::BTreeSet;

use serde_json::Value;

use comanage::scope::{Document, Scope, load_bytes};

use crate::common::{comanage, fixture, root, stderr_of, stdout_of};

const NORTHWIND: &str = "examples/northwind-manufacturing.scope.yaml";
const GONE: &str = "whatif/gone.scope.yaml";

fn load(path: &str) -> Document {
    let bytes = std::fs::read(root().join(path)).expect("the scope exists");
    load_bytes(path, bytes).expect("the scope loads")
}

fn what_if(args: &[&str]) -> std::process::Output {
    comanage().arg("what-if").args(args).output().unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let output = what_if(&all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).expect("what-if prints JSON")
}

/// `(rule, pointer)` of every unwaived finding in `list` (`new` or `gone`).
fn open(answer: &Value, list: &str) -> BTreeSet<(String, String)> {
    answer[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"].is_null())
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["pointer"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn function_pointer(service: &str, function: &str) -> String {
    format!("/services/{service}/functions/{function}")
}

/// The functions whose owners (DESIGN.md 1.3) are exactly `{party}`.
fn owned_only_by(scope: &Scope, party: &str) -> BTreeSet<String> {
    scope
        .services
        .iter()
        .flat_map(|(sid, service)| {
            service
                .functions
                .iter()
                .filter(move |(_, f)| scope.owners(service, f) == [party])
                .map(move |(fid, _)| function_pointer(sid, fid))
        })
        .collect()
}

#[test]
fn without_the_provider() {
    let document = load(NORTHWIND);
    let scope = &document.scope;
    let answer = json(&[NORTHWIND, "--without", "msp"]);

    let removed = &answer["removed"][0];
    let owned: Vec<_> = scope
        .services
        .values()
        .flat_map(|s| s.functions.values().map(move |f| (s, f)))
        .filter(|(s, f)| scope.owners(s, f).contains(&"msp"))
        .collect();
    assert_eq!(removed["party"], "msp");
    assert_eq!(removed["owns"], owned.len());
    assert_eq!(
        removed["critical"],
        owned.iter().filter(|(_, f)| f.critical).count()
    );
    assert_eq!(
        removed["backups"],
        scope
            .functions()
            .filter(|(_, _, f)| f.backup.as_deref() == Some("msp"))
            .count()
    );
    assert_eq!(
        removed["meetings"],
        scope
            .cadence
            .iter()
            .filter(|m| m.parties.iter().any(|p| p == "msp"))
            .count()
    );

    // Every function only the provider owned is now unowned, and nothing else.
    let unowned: BTreeSet<String> = open(&answer, "new")
        .into_iter()
        .filter(|(rule, _)| rule == "unowned-function")
        .map(|(_, pointer)| pointer)
        .collect();
    assert_eq!(unowned, owned_only_by(scope, "msp"));
    assert!(!unowned.is_empty());

    // Each is labelled at its `owner` value when it had one, else at its key.
    let text = document.source.text();
    for finding in answer["new"].as_array().unwrap() {
        if finding["rule"] != "unowned-function" {
            continue;
        }
        let pointer = finding["pointer"].as_str().unwrap();
        let line = finding["line"].as_u64().unwrap() as usize;
        let column = finding["column"].as_u64().unwrap() as usize;
        let written = &text.lines().nth(line - 1).unwrap()[column - 1..];
        let function = pointer.rsplit('/').next().unwrap();
        let own = document.map.get(&format!("{pointer}/owner"));
        if own.is_some() {
            assert!(written.starts_with("msp"), "{pointer}: {written}");
        } else {
            assert!(written.starts_with(function), "{pointer}: {written}");
        }
    }

    for format in ["human", "markdown"] {
        let output = what_if(&[NORTHWIND, "--without", "msp", "--format", format]);
        assert_eq!(output.status.code(), Some(0));
        insta::assert_snapshot!(format!("whatif-without-msp-{format}"), stdout_of(&output));
    }
}

#[test]
fn exit_code_follows_new_errors() {
    let output = what_if(&[NORTHWIND, "--without", "msp", "--exit-code"]);
    assert_eq!(output.status.code(), Some(1));
    // The exit code is 1 exactly when a new finding is an error.
    let output = what_if(&[&fixture(GONE), "--reassign", "dayshift=msp", "--exit-code"]);
    let answer = json(&[&fixture(GONE), "--reassign", "dayshift=msp"]);
    let errors = answer["new"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["level"] == "error" && f["suppressed"].is_null())
        .count();
    assert_eq!(output.status.code(), Some(i32::from(errors > 0)));
}

#[test]
fn without_the_internal_team() {
    let document = load(NORTHWIND);
    let answer = json(&[NORTHWIND, "--without", "internal"]);
    assert_eq!(answer["removed"][0]["party"], "internal");
    let new = open(&answer, "new");
    // Each function only the internal team owned is either unowned now or
    // falls back to its service's owner; never both.
    let fallbacks: BTreeSet<String> = answer["fallbacks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    for pointer in owned_only_by(&document.scope, "internal") {
        let unowned = new.contains(&("unowned-function".to_owned(), pointer.clone()));
        assert!(unowned != fallbacks.contains(&pointer), "{pointer}");
    }
    // Decisions only the internal team decides are left undecided, at `decides`.
    for (id, decision) in &document.scope.decisions {
        if decision
            .decides
            .as_ref()
            .is_some_and(|d| d.ids() == ["internal"])
        {
            let key = (
                "undecided-decision".to_owned(),
                format!("/decisions/{id}/decides"),
            );
            assert!(new.contains(&key), "{id}");
        }
    }
    // With no internal party, no meeting brings both teams together.
    assert!(new.iter().any(|(rule, _)| rule == "no-review-cadence"));
}

#[test]
fn without_leadership_there_is_no_tie_breaker() {
    let document = load(NORTHWIND);
    let answer = json(&[NORTHWIND, "--without", "leadership"]);
    let tie_breaker = document
        .scope
        .authority
        .as_ref()
        .and_then(|a| a.tie_breaker.as_deref());
    let new = open(&answer, "new");
    assert_eq!(
        new.iter().any(|(rule, _)| rule == "no-tie-breaker"),
        tie_breaker == Some("leadership")
    );
    let output = what_if(&[NORTHWIND, "--without", "leadership"]);
    insta::assert_snapshot!("whatif-without-leadership-human", stdout_of(&output));
}

#[test]
fn without_a_vendor_on_escalation_tiers_its_functions_fall_back() {
    let document = load(NORTHWIND);
    let scope = &document.scope;
    let answer = json(&[NORTHWIND, "--without", "secvendor"]);
    let paths = scope
        .escalation
        .values()
        .filter(|tiers| tiers.iter().any(|t| t.party == "secvendor"))
        .count();
    assert!(paths > 0, "the example has the vendor on a tier");
    assert_eq!(answer["removed"][0]["tiers"], paths);

    // Functions the vendor owned in a service with its own owner fall back.
    let expected: Vec<String> = scope
        .services
        .iter()
        .filter(|(_, s)| {
            s.owner
                .as_ref()
                .is_some_and(|o| !o.ids().contains(&"secvendor"))
        })
        .flat_map(|(sid, s)| {
            s.functions
                .iter()
                .filter(|(_, f)| f.owner.as_ref().is_some_and(|o| o.ids() == ["secvendor"]))
                .map(move |(fid, _)| function_pointer(sid, fid))
        })
        .collect();
    let fallbacks: Vec<&str> = answer["fallbacks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(fallbacks, expected);
    assert!(!fallbacks.is_empty());

    let output = what_if(&[NORTHWIND, "--without", "secvendor"]);
    let human = stdout_of(&output);
    assert!(human.contains("fall back to service owner"), "{human}");
    for pointer in &expected {
        let function = pointer.rsplit('/').next().unwrap();
        assert!(human.contains(function), "{function} listed");
    }
    insta::assert_snapshot!("whatif-without-secvendor-human", human);
}

#[test]
fn a_waived_finding_stays_waived() {
    // dark-web-monitoring waives missing-backup; without its owner it falls
    // back to the service owner and the waiver still holds.
    let document = load(NORTHWIND);
    let waived: Vec<String> = document
        .scope
        .services
        .iter()
        .flat_map(|(sid, s)| {
            s.functions
                .iter()
                .filter(|(_, f)| f.waive.contains_key("missing-backup"))
                .map(move |(fid, _)| function_pointer(sid, fid))
        })
        .collect();
    assert!(!waived.is_empty());
    for party in ["secvendor", "msp", "internal"] {
        let answer = json(&[NORTHWIND, "--without", party]);
        for list in ["new", "gone"] {
            for pointer in &waived {
                let key = ("missing-backup".to_owned(), pointer.clone());
                assert!(
                    !open(&answer, list).contains(&key),
                    "{party} {list} {pointer}"
                );
            }
        }
        let human = stdout_of(&what_if(&[NORTHWIND, "--without", party]));
        assert!(!human.contains("critical function `dark-web-monitoring`"));
    }
}

#[test]
fn reassigning_the_provider_to_the_internal_team() {
    let document = load(NORTHWIND);
    let scope = &document.scope;
    let answer = json(&[NORTHWIND, "--reassign", "msp=internal"]);
    let new = open(&answer, "new");
    assert!(
        open(&answer, "new")
            .iter()
            .all(|(rule, _)| rule != "unowned-function")
    );
    // Backups of the internal team on functions the provider owned collapse
    // into their owner.
    for (sid, fid, function) in scope.functions() {
        let service = &scope.services[sid];
        if scope.owners(service, function) == ["msp"]
            && function.backup.as_deref() == Some("internal")
        {
            let key = (
                "backup-is-owner".to_owned(),
                format!("{}/backup", function_pointer(sid, fid)),
            );
            assert!(new.contains(&key), "{fid}");
        }
    }
    // The internal team does not cover 24x7: functions that need it and
    // that the provider covered open coverage gaps.
    assert!(new.iter().any(|(rule, _)| rule == "coverage-gap"));
    assert_eq!(answer["removed"][0]["party"], "msp");
    assert_eq!(answer["fallbacks"], serde_json::json!([]));
    for format in ["human", "markdown"] {
        let output = what_if(&[NORTHWIND, "--reassign", "msp=internal", "--format", format]);
        insta::assert_snapshot!(format!("whatif-reassign-msp-{format}"), stdout_of(&output));
    }
}

#[test]
fn two_parties_at_once() {
    let answer = json(&[
        NORTHWIND,
        "--without",
        "secvendor",
        "--reassign",
        "msp=internal",
    ]);
    let parties: Vec<&str> = answer["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["party"].as_str().unwrap())
        .collect();
    assert_eq!(parties, ["secvendor", "msp"]);
    // The vendor's functions fall back to security's owner, now internal:
    // no fallback is unowned.
    let new = open(&answer, "new");
    for pointer in answer["fallbacks"].as_array().unwrap() {
        let key = (
            "unowned-function".to_owned(),
            pointer.as_str().unwrap().to_owned(),
        );
        assert!(!new.contains(&key));
    }
    let combined = json(&[NORTHWIND, "--without", "secvendor,leadership"]);
    assert_eq!(combined["removed"].as_array().unwrap().len(), 2);
}

#[test]
fn findings_that_the_change_fixes_are_gone() {
    let path = fixture(GONE);
    let answer = json(&[&path, "--without", "msp", "--reassign", "dayshift=internal"]);
    let gone = open(&answer, "gone");
    let owner = function_pointer("ops", "patching");
    assert!(
        gone.iter()
            .any(|(rule, p)| rule == "double-owned-function" && p.starts_with(&owner))
    );
    let answer = json(&[&path, "--reassign", "dayshift=msp"]);
    let gone = open(&answer, "gone");
    assert!(gone.contains(&(
        "coverage-gap".to_owned(),
        format!("{}/hours", function_pointer("ops", "monitoring"))
    )));
    let output = what_if(&[&path, "--reassign", "dayshift=msp"]);
    insta::assert_snapshot!("whatif-gone-human", stdout_of(&output));
}

#[test]
fn an_unknown_party_exits_2_with_a_suggestion() {
    let output = what_if(&[NORTHWIND, "--without", "mps"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(
        err.contains("`mps`") && err.contains("did you mean `msp`?"),
        "{err}"
    );
    assert!(err.contains(NORTHWIND), "{err}");
    let output = what_if(&[NORTHWIND, "--reassign", "msp=internl"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("did you mean `internal`?"));
    assert!(output.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    for bad in ["msp=msp", "msp", "=internal"] {
        let output = what_if(&[NORTHWIND, "--reassign", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(
            stderr_of(&output).contains(bad),
            "{bad}: {}",
            stderr_of(&output)
        );
    }
    let output = what_if(&[
        NORTHWIND,
        "--without",
        "internal",
        "--reassign",
        "msp=internal",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("removes too"));
}

#[test]
fn a_scope_that_does_not_load_exits_1_with_its_diagnostics() {
    let output = what_if(&["examples/broken.scope.yaml", "--without", "msp"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr_of(&output);
    assert!(err.contains("examples/broken.scope.yaml:"), "{err}");
    assert!(err.contains("unknown key `ownr`"), "{err}");
    let output = what_if(&["no/such.scope.yaml", "--without", "msp"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_file_is_never_changed() {
    let before = std::fs::read(root().join(NORTHWIND)).unwrap();
    what_if(&[
        NORTHWIND,
        "--without",
        "msp",
        "--reassign",
        "internal=plant",
    ]);
    assert_eq!(std::fs::read(root().join(NORTHWIND)).unwrap(), before);
}

/// Every shipped example and every lint fixture that loads: the scopes the
/// properties below run on.
fn scopes() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["examples", "tests/fixtures/lint"] {
        let mut stack = vec![root().join(dir)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.to_string_lossy().ends_with(".yaml") {
                    out.push(path.to_string_lossy().into_owned());
                }
            }
        }
    }
    out.sort();
    out
}

fn library_answer(
    document: &Document,
    change: &comanage::whatif::Change,
) -> comanage::whatif::Answer {
    let options = comanage::lint::LintOptions {
        today: "2026-11-22".parse().unwrap(),
    };
    comanage::whatif::answer(document, change, &options)
}

#[test]
fn no_change_lists_nothing_new_and_nothing_gone() {
    let mut checked = 0;
    for path in scopes() {
        let Ok(document) = load_bytes(&path, std::fs::read(&path).unwrap()) else {
            continue;
        };
        let answer = library_answer(&document, &comanage::whatif::Change::default());
        assert!(answer.new.is_empty(), "{path}: {:?}", answer.new);
        assert!(answer.gone.is_empty(), "{path}: {:?}", answer.gone);
        checked += 1;
    }
    assert!(checked > 20, "{checked} scopes");
    let answer = json(&[NORTHWIND]);
    assert_eq!(answer["new"], serde_json::json!([]));
    assert_eq!(answer["gone"], serde_json::json!([]));
}

/// Whether `id` is also the id of something other than a party, so that a
/// message may name it in backticks without meaning the party.
fn names_other_item(scope: &Scope, id: &str) -> bool {
    scope.services.contains_key(id)
        || scope.functions().any(|(_, f, _)| f == id)
        || scope.decisions.contains_key(id)
        || scope.escalation.contains_key(id)
}

#[test]
fn without_a_party_no_finding_names_it() {
    let mut checked = 0;
    for path in scopes() {
        let Ok(document) = load_bytes(&path, std::fs::read(&path).unwrap()) else {
            continue;
        };
        for party in document.scope.parties.keys() {
            if names_other_item(&document.scope, party) {
                continue;
            }
            let change = comanage::whatif::Change {
                without: vec![party.clone()],
                reassign: Vec::new(),
            };
            let answer = library_answer(&document, &change);
            let quoted = format!("`{party}`");
            for finding in &answer.new {
                let help = finding.help.as_deref().unwrap_or("");
                assert!(
                    !finding.message.contains(&quoted) && !help.contains(&quoted),
                    "{path} without {party}: {} / {help}",
                    finding.message
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked} removals");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Any set of Northwind's parties removed at once: none of them is
        /// named by a new finding, and the summary lists each once.
        #[test]
        fn removing_any_parties_never_names_them(mask in 1u32..32) {
            let document = load(NORTHWIND);
            let parties: Vec<String> = document.scope.parties.keys().cloned().collect();
            let without: Vec<String> = parties
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, p)| p.clone())
                .collect();
            let change = comanage::whatif::Change { without: without.clone(), reassign: Vec::new() };
            let answer = library_answer(&document, &change);
            prop_assert_eq!(answer.removed.len(), without.len());
            for party in &without {
                let quoted = format!("`{party}`");
                for finding in &answer.new {
                    prop_assert!(!finding.message.contains(&quoted), "{}", finding.message);
                }
            }
        }
    }
}

#[test]
fn scope_text_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.scope.yaml");
    let text = std::fs::read_to_string(root().join(fixture(GONE)))
        .unwrap()
        .replace("Harbor Managed IT", "\"Harbor\\e]0;owned\\aIT\\e[31m\"")
        .replace("Day desk", "\"Day\\e[2Jdesk\"");
    std::fs::write(&path, text).unwrap();
    let path = path.to_string_lossy().into_owned();
    for format in ["human", "markdown"] {
        let output = what_if(&[&path, "--reassign", "dayshift=msp", "--format", format]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        let out = stdout_of(&output);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{format}: {out}"
        );
        assert!(out.contains("Harbor"), "{format}: {out}");
    }
}
