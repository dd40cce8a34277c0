//! Property tests: small random scopes drawn from small id pools, so that
//! renames, moves, repeated tier numbers and same-named meetings happen often.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use super::{Change, diff};
use crate::scope::{
    Authority, Decision, Duration, Engagement, Every, Function, Hours, Meeting, Party, PartyRefs,
    Role, Scope, Service, Tier,
};

const PARTIES: [&str; 4] = ["a", "b", "c", "d"];

fn party_id() -> impl Strategy<Value = String> {
    select(&PARTIES[..]).prop_map(str::to_owned)
}

fn hours() -> impl Strategy<Value = Option<Hours>> {
    option::of(select(vec![
        Hours::Business,
        Hours::Extended,
        Hours::AllHours,
    ]))
}

fn duration() -> impl Strategy<Value = Option<Duration>> {
    option::of(select(vec![15u64, 60, 90, 240]).prop_map(Duration::from_minutes))
}

fn function() -> impl Strategy<Value = Function> {
    (
        option::of(select(vec!["Alpha", "Beta"]).prop_map(str::to_owned)),
        option::of(party_id().prop_map(PartyRefs::One)),
        option::of(party_id()),
        vec(party_id(), 0..3),
        any::<bool>(),
        hours(),
        duration(),
        option::of(select(vec!["default", "other", "gone"]).prop_map(str::to_owned)),
        option::of(select(vec!["note one", "note two"]).prop_map(str::to_owned)),
    )
        .prop_map(
            |(name, owner, backup, responsible, critical, hours, recovery, escalation, notes)| {
                Function {
                    name,
                    owner,
                    backup,
                    responsible,
                    critical,
                    hours,
                    recovery,
                    escalation,
                    notes,
                    ..Function::default()
                }
            },
        )
}

fn service() -> impl Strategy<Value = Service> {
    (
        option::of(party_id().prop_map(PartyRefs::One)),
        vec((select(vec!["f1", "f2", "f3", "f4"]), function()), 0..4),
    )
        .prop_map(|(owner, functions)| Service {
            name: None,
            owner,
            functions: functions
                .into_iter()
                .map(|(id, f)| (id.to_owned(), f))
                .collect(),
            waive: Default::default(),
        })
}

fn tier() -> impl Strategy<Value = Tier> {
    (1u32..4, party_id(), duration(), hours()).prop_map(|(tier, party, respond, hours)| Tier {
        tier,
        party,
        channel: None,
        respond,
        resolve: None,
        hours,
    })
}

fn scope() -> impl Strategy<Value = Scope> {
    let parties = vec((party_id(), select(vec!["One", "Two"]), hours()), 0..4);
    let services = vec((select(vec!["s1", "s2", "s3"]), service()), 0..4);
    let decisions = vec(
        (
            select(vec!["d1", "d2"]),
            option::of(party_id()),
            vec(party_id(), 0..2),
        ),
        0..3,
    );
    let escalation = vec((select(vec!["default", "other"]), vec(tier(), 0..4)), 0..3);
    let cadence = vec(
        (
            select(vec!["Sync", "Review"]),
            select(vec![Every::Week, Every::Month]),
            vec(party_id(), 0..3),
        ),
        0..3,
    );
    let engagement = (
        select(vec!["Client", "Other client"]),
        option::of(party_id()),
    );
    (
        parties, services, decisions, escalation, cadence, engagement,
    )
        .prop_map(
            |(parties, services, decisions, escalation, cadence, (client, tie_breaker))| Scope {
                version: 1,
                engagement: Engagement {
                    client: client.to_owned(),
                    provider: None,
                    start: None,
                    renewal: None,
                    reviewed: None,
                },
                parties: parties
                    .into_iter()
                    .map(|(id, name, hours)| {
                        let party = Party {
                            name: name.to_owned(),
                            role: Role::Internal,
                            hours,
                            contacts: Vec::new(),
                            waive: Default::default(),
                        };
                        (id, party)
                    })
                    .collect(),
                baseline: None,
                services: services
                    .into_iter()
                    .map(|(id, s)| (id.to_owned(), s))
                    .collect(),
                decisions: decisions
                    .into_iter()
                    .map(|(id, decides, consulted)| {
                        let decision = Decision {
                            question: None,
                            decides: decides.map(PartyRefs::One),
                            consulted,
                            informed: Vec::new(),
                            service: None,
                            waive: Default::default(),
                        };
                        (id.to_owned(), decision)
                    })
                    .collect(),
                authority: tie_breaker.map(|t| Authority {
                    tie_breaker: Some(t),
                    ..Authority::default()
                }),
                escalation: escalation
                    .into_iter()
                    .map(|(id, t)| (id.to_owned(), t))
                    .collect(),
                cadence: cadence
                    .into_iter()
                    .map(|(name, every, parties)| Meeting {
                        name: name.to_owned(),
                        every,
                        parties,
                    })
                    .collect(),
                hours_definitions: None,
                lint: Default::default(),
            },
        )
}

/// What must match between a change and its mirror: kind, values and, for
/// renames and moves, both places. Pointers of other changes name the newer
/// side, which is the other scope in the mirror.
fn key(change: &Change, mirrored: bool) -> String {
    let (kind, old, new) = if mirrored {
        (change.kind.mirror(), &change.new, &change.old)
    } else {
        (change.kind, &change.old, &change.new)
    };
    let places = change.old_pointer.as_ref().map(|from| {
        if mirrored {
            (change.pointer.clone(), from.clone())
        } else {
            (from.clone(), change.pointer.clone())
        }
    });
    format!("{kind:?} {old:?} {new:?} {places:?}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_scope_has_no_changes_from_itself(a in scope()) {
        prop_assert_eq!(diff(&a, &a), Vec::new());
    }

    #[test]
    fn swapping_the_sides_mirrors_the_changes(a in scope(), b in scope()) {
        let forward = diff(&a, &b);
        let backward = diff(&b, &a);
        prop_assert_eq!(forward.len(), backward.len(), "{:#?}\n{:#?}", forward, backward);
        let mut there: Vec<String> = forward.iter().map(|c| key(c, true)).collect();
        let mut back: Vec<String> = backward.iter().map(|c| key(c, false)).collect();
        there.sort();
        back.sort();
        prop_assert_eq!(there, back);
    }

    #[test]
    fn changes_keep_group_order(a in scope(), b in scope()) {
        let changes = diff(&a, &b);
        prop_assert!(changes.windows(2).all(|w| w[0].group <= w[1].group));
        prop_assert!(changes.iter().all(|c| c.group == c.kind.group()));
    }
}
