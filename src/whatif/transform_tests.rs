use super::*;
use crate::scope::{Scope, load_bytes};

const SCOPE: &str = "\
version: 1
engagement: { client: Test }
parties:
  internal: { name: Internal IT, role: internal }
  msp: { name: Provider, role: provider, hours: 24x7 }
  vendor: { name: Vendor, role: vendor }
  boss: { name: Leadership, role: leadership }
services:
  security:
    owner: msp
    functions:
      patching:
        owner: msp
        backup: internal
        responsible: [msp, internal]
        consulted: [vendor, msp]
        informed: [boss]
      scanning: { owner: [msp, internal], backup: internal }
      inherited: {}
  apps:
    owner: internal
    functions:
      erp: { owner: vendor, backup: msp }
decisions:
  budget:
    decides: msp
    consulted: [internal, msp]
    informed: [msp]
  hiring: { decides: [boss, msp] }
authority:
  tie-breaker: msp
  scope-changes: boss
  out-of-scope: msp
escalation:
  default:
    - { tier: 1, party: msp }
    - { tier: 2, party: internal }
    - { tier: 3, party: msp }
  vendor-only:
    - { tier: 1, party: vendor }
cadence:
  - { name: Provider only, every: week, parties: [msp] }
  - { name: Sync, every: month, parties: [msp, internal] }
  - { name: Empty, every: year, parties: [] }
";

fn scope() -> Scope {
    load_bytes("t.yaml", SCOPE.as_bytes().to_vec())
        .expect("the test scope loads")
        .scope
}

fn without(ids: &[&str]) -> Change {
    Change {
        without: ids.iter().map(|id| (*id).to_owned()).collect(),
        reassign: Vec::new(),
    }
}

fn reassign(from: &str, to: &str) -> Change {
    Change {
        without: Vec::new(),
        reassign: vec![(from.to_owned(), to.to_owned())],
    }
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|id| (*id).to_owned()).collect()
}

#[test]
fn no_change_is_the_same_scope() {
    let before = scope();
    let after = transform(&before, &Change::default());
    assert_eq!(after.scope, before);
    assert!(after.pointers.is_empty());
}

#[test]
fn the_party_itself_goes() {
    let after = transform(&scope(), &without(&["msp"])).scope;
    assert!(!after.parties.contains_key("msp"));
    assert!(after.parties.contains_key("internal"));
    let moved = transform(&scope(), &reassign("msp", "internal")).scope;
    assert!(!moved.parties.contains_key("msp"));
}

#[test]
fn function_and_service_owners() {
    let after = transform(&scope(), &without(&["msp"])).scope;
    let security = &after.services["security"];
    assert_eq!(security.owner, Some(PartyRefs::Many(vec![])));
    assert_eq!(
        security.functions["patching"].owner,
        Some(PartyRefs::Many(vec![]))
    );
    assert_eq!(
        security.functions["scanning"].owner,
        Some(PartyRefs::Many(ids(&["internal"])))
    );
    assert_eq!(security.functions["inherited"].owner, None);
    let moved = transform(&scope(), &reassign("msp", "internal")).scope;
    assert_eq!(
        moved.services["security"].owner,
        Some(PartyRefs::One("internal".into()))
    );
}

#[test]
fn reassigning_collapses_owners_as_sets_do() {
    let moved = transform(&scope(), &reassign("msp", "internal"));
    let scanning = &moved.scope.services["security"].functions["scanning"];
    assert_eq!(scanning.owner, Some(PartyRefs::Many(ids(&["internal"]))));
    // The backup stays, and now is the owner: the rules will say so.
    assert_eq!(scanning.backup.as_deref(), Some("internal"));
    assert_eq!(
        moved
            .pointers
            .translate("/services/security/functions/scanning/owner/0"),
        "/services/security/functions/scanning/owner/0"
    );
}

#[test]
fn backups() {
    let after = transform(&scope(), &without(&["msp"])).scope;
    assert_eq!(after.services["apps"].functions["erp"].backup, None);
    let moved = transform(&scope(), &reassign("msp", "boss")).scope;
    assert_eq!(
        moved.services["apps"].functions["erp"].backup.as_deref(),
        Some("boss")
    );
}

#[test]
fn raci_lists_shift_and_say_where_items_came_from() {
    let after = transform(&scope(), &without(&["msp"]));
    let patching = &after.scope.services["security"].functions["patching"];
    assert_eq!(patching.responsible, ids(&["internal"]));
    assert_eq!(patching.consulted, ids(&["vendor"]));
    assert_eq!(patching.informed, ids(&["boss"]));
    let base = "/services/security/functions/patching";
    assert_eq!(
        after.pointers.translate(&format!("{base}/responsible/0")),
        format!("{base}/responsible/1")
    );
    assert_eq!(
        after.pointers.translate(&format!("{base}/consulted/0")),
        format!("{base}/consulted/0")
    );
    let moved = transform(&scope(), &reassign("msp", "internal")).scope;
    let patching = &moved.services["security"].functions["patching"];
    assert_eq!(patching.responsible, ids(&["internal"]));
    assert_eq!(patching.consulted, ids(&["vendor", "internal"]));
}

#[test]
fn decisions() {
    let after = transform(&scope(), &without(&["msp"])).scope;
    let budget = &after.decisions["budget"];
    assert_eq!(budget.decides, Some(PartyRefs::Many(vec![])));
    assert_eq!(budget.consulted, ids(&["internal"]));
    assert!(budget.informed.is_empty());
    assert_eq!(
        after.decisions["hiring"].decides,
        Some(PartyRefs::Many(ids(&["boss"])))
    );
    let moved = transform(&scope(), &reassign("boss", "msp")).scope;
    assert_eq!(
        moved.decisions["hiring"].decides,
        Some(PartyRefs::Many(ids(&["msp"])))
    );
}

#[test]
fn authority_keys() {
    let after = transform(&scope(), &without(&["msp"])).scope;
    let authority = after.authority.expect("authority stays");
    assert_eq!(authority.tie_breaker, None);
    assert_eq!(authority.out_of_scope, None);
    assert_eq!(authority.scope_changes.as_deref(), Some("boss"));
    let moved = transform(&scope(), &reassign("msp", "internal")).scope;
    let authority = moved.authority.expect("authority stays");
    assert_eq!(authority.tie_breaker.as_deref(), Some("internal"));
}

#[test]
fn escalation_tiers_go_and_the_rest_keep_their_place_in_the_file() {
    let after = transform(&scope(), &without(&["msp"]));
    let tiers = &after.scope.escalation["default"];
    assert_eq!(tiers.len(), 1);
    assert_eq!((tiers[0].tier, tiers[0].party.as_str()), (2, "internal"));
    assert_eq!(
        after.pointers.translate("/escalation/default/0/party"),
        "/escalation/default/1/party"
    );
    let emptied = transform(&scope(), &without(&["vendor"])).scope;
    assert!(emptied.escalation["vendor-only"].is_empty());
    let moved = transform(&scope(), &reassign("msp", "boss")).scope;
    let parties: Vec<&str> = moved.escalation["default"]
        .iter()
        .map(|t| t.party.as_str())
        .collect();
    assert_eq!(parties, ["boss", "internal", "boss"]);
}

#[test]
fn a_meeting_left_with_no_parties_goes_and_one_that_had_none_stays() {
    let after = transform(&scope(), &without(&["msp"]));
    let names: Vec<&str> = after
        .scope
        .cadence
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Sync", "Empty"]);
    assert_eq!(after.scope.cadence[0].parties, ids(&["internal"]));
    assert_eq!(after.pointers.translate("/cadence/1"), "/cadence/2");
    assert_eq!(
        after.pointers.translate("/cadence/0/parties/0"),
        "/cadence/1/parties/1"
    );
}

#[test]
fn two_parties_at_once() {
    let change = Change {
        without: ids(&["vendor"]),
        reassign: vec![("msp".into(), "internal".into())],
    };
    let after = transform(&scope(), &change).scope;
    assert_eq!(after.parties.len(), 2);
    let erp = &after.services["apps"].functions["erp"];
    assert_eq!(erp.owner, Some(PartyRefs::Many(vec![])));
    assert_eq!(erp.backup.as_deref(), Some("internal"));
    assert_eq!(change.removed().collect::<Vec<_>>(), ["vendor", "msp"]);
}
