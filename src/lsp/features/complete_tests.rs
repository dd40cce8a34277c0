use super::*;
use crate::lsp::features::test_support::{NORTHWIND, load, nth};

/// The completions at the `|` of `text` (removed first).
fn at(text: &str, last_good: Option<&Document>) -> Vec<Completion> {
    let cursor = text.find('|').unwrap();
    completion(&text.replace('|', ""), last_good, cursor)
}

fn labels(found: &[Completion]) -> Vec<&str> {
    found.iter().map(|c| c.label.as_str()).collect()
}

/// Northwind with the cursor after `owner: ` of one more function, which
/// breaks nothing yet; `typed` is what the user has typed so far.
fn typing_owner(typed: &str) -> String {
    NORTHWIND.replace(
        "      security-monitoring:\n",
        &format!("      new-thing:\n        owner: {typed}|\n      security-monitoring:\n"),
    )
}

const PARTIES: [&str; 5] = ["internal", "msp", "secvendor", "leadership", "plant"];

#[test]
fn party_ids_at_an_owner_from_the_last_good_version() {
    let good = load(NORTHWIND);
    let found = at(&typing_owner("se"), Some(&good));
    assert_eq!(labels(&found), PARTIES);
    assert!(found.iter().all(|c| c.kind == CompletionKind::Party));
    assert_eq!(found[2].detail.as_deref(), Some("Sentinel SOC (vendor)"));
    let text = typing_owner("se").replace('|', "");
    let typed = nth(&text, "owner: se\n", 0) + "owner: ".len();
    assert_eq!(found[0].replace, Span::new(typed, 2));
}

#[test]
fn a_broken_document_still_completes_from_a_scan() {
    // An unclosed flow list: the text does not parse, nothing loaded yet.
    let text = NORTHWIND.replace("informed: [leadership, plant]", "informed: [leadership, |");
    assert!(crate::yaml::parse(&text.replace('|', "")).is_err());
    let found = at(&text, None);
    assert_eq!(labels(&found), PARTIES);
    assert!(found.iter().all(|c| c.detail.is_none()));
}

#[test]
fn every_party_reference_position() {
    let good = load(NORTHWIND);
    for (before, after) in [
        (
            "    owner: msp\n    functions:",
            "    owner: |\n    functions:",
        ),
        ("        backup: internal\n", "        backup: |\n"),
        ("tie-breaker: leadership", "tie-breaker: |"),
        ("{ tier: 2, party: msp,", "{ tier: 2, party: |"),
    ] {
        assert!(NORTHWIND.contains(before), "{before}");
        let text = NORTHWIND.replacen(before, after, 1);
        assert_eq!(labels(&at(&text, Some(&good))), PARTIES, "at {after}");
    }
    let cadence =
        "cadence:\n  - name: Sync\n    every: week\n    parties:\n      - msp\n      - |\n";
    assert_eq!(labels(&at(cadence, Some(&good))), PARTIES);
}

#[test]
fn paths_services_and_rules() {
    let good = load(NORTHWIND);
    let text = typing_owner("msp\n        escalation: ");
    let found = at(&text, Some(&good));
    assert_eq!(labels(&found), ["default", "security", "plant-floor"]);
    assert_eq!(found[0].detail.as_deref(), Some("3 tiers"));
    let decision = "decisions:\n  d:\n    service: |\n";
    let found = at(decision, Some(&good));
    assert_eq!(found[0].kind, CompletionKind::Service);
    assert_eq!(found[0].label, "security");
    let found = at("lint:\n  unused-party: allow\n  |\n", None);
    assert_eq!(found.len(), REGISTRY.len());
    assert_eq!(found[0].kind, CompletionKind::Rule);
    let waive = typing_owner("msp\n        waive:\n          missing-");
    let found = at(&waive, None);
    assert!(labels(&found).contains(&"missing-backup"));
    assert_eq!(found[0].replace.len, "missing-".len());
}

#[test]
fn enum_values_and_levels() {
    assert_eq!(
        labels(&at("lint:\n  unused-party: |\n", None)),
        ["allow", "warn", "deny"]
    );
    assert_eq!(
        labels(&at("lint: { unused-party: w| }\n", None)),
        ["allow", "warn", "deny"]
    );
    let role = "parties:\n  it:\n    role: |\n";
    assert_eq!(
        labels(&at(role, None)),
        ["internal", "provider", "vendor", "leadership", "business"]
    );
    let hours = "parties:\n  it: { role: internal, hours: | }\n";
    assert_eq!(labels(&at(hours, None)), ["business", "extended", "24x7"]);
    let every = "cadence:\n  - name: Sync\n    every: |\n";
    assert_eq!(
        labels(&at(every, None)),
        ["week", "2weeks", "month", "quarter", "year"]
    );
    assert_eq!(labels(&at("version: 1\nbaseline: |\n", None)), ["standard"]);
    assert!(at("version: |\n", None).is_empty());
}

#[test]
fn nothing_in_a_comment_a_free_text_field_or_past_the_end() {
    let good = load(NORTHWIND);
    assert!(at(&typing_owner("msp # ask "), Some(&good)).is_empty());
    assert!(at("engagement:\n  client: |\n", None).is_empty());
    assert!(completion("owner: ", None, 99).is_empty());
}

#[test]
fn byte_offsets_after_an_emoji_and_crlf() {
    let text = "parties:\r\n  it: { name: \"🌊 IT\", role: internal }\r\nauthority:\r\n  tie-breaker: \"🌊\" \r\n  scope-changes: |\r\n";
    let found = at(text, None);
    assert_eq!(labels(&found), ["it"]);
    let clean = text.replace('|', "");
    assert_eq!(
        found[0].replace,
        Span::new(nth(&clean, "scope-changes: ", 0) + 15, 0)
    );
    // An offset inside the emoji is not a place to complete.
    let inside = nth(&clean, "🌊", 0) + 1;
    assert!(completion(&clean, None, inside).is_empty());
}
