use super::*;
use crate::lsp::features::apply_edits;
use crate::lsp::features::test_support::{NORTHWIND, load, nth};

/// A scope naming `msp` in every kind of place: block and flow lists,
/// quoted and plain, a service owner, decides, authority, tiers, cadence.
const EVERYWHERE: &str = r#"version: 1
engagement: { client: Harbor Dental }
parties:
  internal: { name: Harbor IT, role: internal }
  msp:
    name: Lakeside Managed IT
    role: provider
  leadership: { name: Board, role: leadership }
services:
  security:
    owner: msp
    functions:
      patching:
        owner: "msp"
        backup: internal
        responsible:
          - msp
          - 'msp'
        consulted: [internal, msp]
        escalation: standard
      imaging: { owner: internal, backup: msp, informed: [ msp ] }
decisions:
  storage: { question: Expand?, decides: msp, consulted: [internal] }
authority:
  tie-breaker: leadership
  scope-changes: msp
escalation:
  standard:
    - tier: 1
      party: msp
    - { tier: 2, party: internal }
cadence:
  - { name: Weekly, every: week, parties: [msp, internal] }
  - name: QBR
    every: quarter
    parties:
      - msp
      - leadership
"#;

fn renamed(text: &str, offset: usize, to: &str) -> String {
    let doc = load(text);
    let edits = rename(&doc, offset, to).unwrap();
    apply_edits(text, &edits)
}

#[test]
fn renaming_a_party_edits_the_key_and_every_reference() {
    let offset = nth(EVERYWHERE, "  msp:\n", 0) + 2;
    let after = renamed(EVERYWHERE, offset, "lakeside");
    assert!(!after.contains("msp"), "{after}");
    assert_eq!(after.matches("lakeside").count(), 13);
    // The result still loads, and names the same parties everywhere.
    load(&after);
    insta::assert_snapshot!(after);
}

#[test]
fn renaming_from_a_reference_is_the_same_rename() {
    let from_key = renamed(EVERYWHERE, nth(EVERYWHERE, "  msp:\n", 0) + 2, "lakeside");
    let quoted = nth(EVERYWHERE, "'msp'", 0) + 1;
    assert_eq!(renamed(EVERYWHERE, quoted, "lakeside"), from_key);
    let flow = nth(EVERYWHERE, "[ msp ]", 0) + 2;
    assert_eq!(renamed(EVERYWHERE, flow, "lakeside"), from_key);
}

#[test]
fn quoted_ids_keep_their_quotes() {
    let after = renamed(EVERYWHERE, nth(EVERYWHERE, "  msp:\n", 0) + 2, "lakeside");
    assert!(after.contains("owner: \"lakeside\""));
    assert!(after.contains("- 'lakeside'"));
}

#[test]
fn renaming_a_path_edits_the_path_and_the_functions_following_it() {
    let offset = nth(EVERYWHERE, "escalation: standard", 0) + "escalation: ".len();
    let after = renamed(EVERYWHERE, offset, "business-hours");
    assert!(after.contains("escalation: business-hours\n"));
    assert!(after.contains("  business-hours:\n    - tier: 1"));
    assert!(!after.contains("standard"));
}

#[test]
fn refusals_say_why() {
    let doc = load(EVERYWHERE);
    let key = nth(EVERYWHERE, "  msp:\n", 0) + 2;
    let err = rename(&doc, key, "Lakeside").unwrap_err();
    assert_eq!(
        err,
        "`Lakeside` is not a valid party id: an id starts with a letter a-z"
    );
    let err = rename(&doc, key, "lake side").unwrap_err();
    assert!(err.contains("only a-z, 0-9 and -"), "{err}");
    let err = rename(&doc, key, &"a".repeat(65)).unwrap_err();
    assert!(err.contains("at most 64"), "{err}");
    assert_eq!(
        rename(&doc, key, "internal").unwrap_err(),
        "a party `internal` already exists; choose another id"
    );
    let on_service = nth(EVERYWHERE, "  security:", 0) + 2;
    assert_eq!(
        rename(&doc, on_service, "sec").unwrap_err(),
        "only party and escalation path ids can be renamed, not a service"
    );
    assert_eq!(
        prepare_rename(&doc, nth(EVERYWHERE, "version", 0)).unwrap_err(),
        "put the cursor on a party or escalation path id to rename it"
    );
}

#[test]
fn a_path_may_take_the_id_of_a_party() {
    let doc = load(EVERYWHERE);
    let path = nth(EVERYWHERE, "  standard:", 0) + 2;
    assert!(rename(&doc, path, "msp").is_ok());
}

#[test]
fn prepare_rename_gives_the_id_without_quotes() {
    let doc = load(EVERYWHERE);
    let span = prepare_rename(&doc, nth(EVERYWHERE, "\"msp\"", 0) + 2).unwrap();
    assert_eq!(&EVERYWHERE[span.range()], "msp");
}

#[test]
fn an_alias_is_followed_by_editing_its_anchor_once() {
    let text = "version: 1\nengagement: { client: C }\nparties:\n  msp: { name: M, role: provider }\nservices:\n  s:\n    functions:\n      a: { owner: &who msp, critical: true, backup: *who }\n      b: &f { owner: msp }\n      c: *f\n";
    let after = renamed(text, nth(text, "msp", 0), "lakeside");
    assert_eq!(
        after,
        text.replace("msp", "lakeside"),
        "three edits: the key, the anchored `&who msp`, the anchored `&f` original"
    );
    assert!(after.contains("backup: *who") && after.contains("c: *f"));
}

#[test]
fn an_alias_from_a_place_that_is_not_a_reference_is_refused() {
    let text = "version: 1\nengagement: { client: C }\nparties:\n  msp: { name: &n msp, role: provider }\nservices:\n  s:\n    functions:\n      a: { owner: *n }\n";
    let doc = load(text);
    let err = rename(&doc, nth(text, "msp", 0), "lakeside").unwrap_err();
    assert!(err.contains("through an alias whose anchor at 4:"), "{err}");
}

#[test]
fn rename_in_a_crlf_file_with_an_emoji_before_the_value() {
    let text = NORTHWIND
        .replace(
            "name: Bluewater Managed Services\n",
            "name: \"🌊 Bluewater\"\n",
        )
        .replace('\n', "\r\n");
    let offset = nth(&text, "  msp:", 0) + 2;
    let after = renamed(&text, offset, "bluewater");
    assert_eq!(
        after,
        text.replace("msp", "bluewater")
            .replace("bluewater@", "msp@")
    );
    assert!(after.contains("\r\n"));
}
