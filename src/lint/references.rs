//! Every place a scope names a party, for `unknown-party` and `unused-party`.
//!
//! A reference keeps where it is as borrowed parts and builds its JSON
//! pointer only when a finding needs it: a large scope has tens of thousands
//! of references and almost all of them are fine.

use super::rule::function_pointer;
use crate::scope::{PartyRefs, Scope};
use crate::source::pointer;

/// One place where the scope names a party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyReference<'a> {
    /// The party id as written.
    pub id: &'a str,
    /// What the reference is: `owner`, `backup`, `responsible`, `decides`,
    /// `tie-breaker`, `party` (of a tier or meeting)…
    pub role: &'static str,
    /// Where it is written.
    place: Place<'a>,
}

/// The item holding a reference, and the key and index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place<'a> {
    /// `/services/{service}` or `/services/{service}/functions/{function}`,
    /// then `/{key}` and the list suffix.
    Service {
        service: &'a str,
        function: Option<&'a str>,
        key: &'static str,
        index: Option<usize>,
    },
    /// `/decisions/{decision}/{key}` and the list suffix.
    Decision {
        decision: &'a str,
        key: &'static str,
        index: Option<usize>,
    },
    /// `/authority/{key}`.
    Authority { key: &'static str },
    /// `/escalation/{path}/{tier}/party`.
    Tier { path: &'a str, tier: usize },
    /// `/cadence/{meeting}/parties/{index}`.
    Meeting { meeting: usize, index: usize },
}

impl PartyReference<'_> {
    /// The JSON pointer of the written id.
    pub fn pointer(&self) -> String {
        self.pointer_with(true)
    }

    /// The JSON pointer of the field holding the id: the list for an id in
    /// a list (`…/owner`, `/cadence/0/parties`), else the id itself. Two
    /// references with the same field and id are one reference for
    /// `unknown-party` (DESIGN.md 1.3: one finding per distinct id per field).
    pub fn field_pointer(&self) -> String {
        self.pointer_with(false)
    }

    fn pointer_with(&self, with_index: bool) -> String {
        let suffix = |key: &str, index: Option<usize>| match index.filter(|_| with_index) {
            Some(i) => format!("/{key}/{i}"),
            None => format!("/{key}"),
        };
        match self.place {
            Place::Service {
                service,
                function,
                key,
                index,
            } => {
                let item = match function {
                    Some(function) => function_pointer(service, function),
                    None => pointer(["services", service]),
                };
                item + &suffix(key, index)
            }
            Place::Decision {
                decision,
                key,
                index,
            } => pointer(["decisions", decision]) + &suffix(key, index),
            Place::Authority { key } => format!("/authority/{key}"),
            Place::Tier { path, tier } => pointer(["escalation", path]) + &format!("/{tier}/party"),
            Place::Meeting { meeting, index } => {
                format!("/cadence/{meeting}") + &suffix("parties", Some(index))
            }
        }
    }
}

/// Every party reference in the scope, in file order.
pub fn party_references(scope: &Scope) -> Vec<PartyReference<'_>> {
    let mut out = Vec::new();
    for (service_id, service) in &scope.services {
        let at = |function, key, index| Place::Service {
            service: service_id.as_str(),
            function,
            key,
            index,
        };
        refs(&mut out, "owner", service.owner.as_ref(), |i| {
            at(None, "owner", i)
        });
        for (function_id, function) in &service.functions {
            let here = Some(function_id.as_str());
            refs(&mut out, "owner", function.owner.as_ref(), |i| {
                at(here, "owner", i)
            });
            if let Some(backup) = &function.backup {
                out.push(reference(backup, "backup", at(here, "backup", None)));
            }
            for (key, ids) in [
                ("responsible", &function.responsible),
                ("consulted", &function.consulted),
                ("informed", &function.informed),
            ] {
                for (i, id) in ids.iter().enumerate() {
                    out.push(reference(id, key, at(here, key, Some(i))));
                }
            }
        }
    }
    for (decision_id, decision) in &scope.decisions {
        let at = |key, index| Place::Decision {
            decision: decision_id,
            key,
            index,
        };
        refs(&mut out, "decides", decision.decides.as_ref(), |i| {
            at("decides", i)
        });
        for (key, ids) in [
            ("consulted", &decision.consulted),
            ("informed", &decision.informed),
        ] {
            for (i, id) in ids.iter().enumerate() {
                out.push(reference(id, key, at(key, Some(i))));
            }
        }
    }
    if let Some(authority) = &scope.authority {
        for (key, value) in [
            ("tie-breaker", &authority.tie_breaker),
            ("scope-changes", &authority.scope_changes),
            ("out-of-scope", &authority.out_of_scope),
        ] {
            if let Some(id) = value {
                out.push(reference(id, key, Place::Authority { key }));
            }
        }
    }
    for (path, tiers) in &scope.escalation {
        for (tier, entry) in tiers.iter().enumerate() {
            out.push(reference(&entry.party, "party", Place::Tier { path, tier }));
        }
    }
    for (meeting, entry) in scope.cadence.iter().enumerate() {
        for (index, id) in entry.parties.iter().enumerate() {
            out.push(reference(id, "party", Place::Meeting { meeting, index }));
        }
    }
    out
}

fn reference<'a>(id: &'a str, role: &'static str, place: Place<'a>) -> PartyReference<'a> {
    PartyReference { id, role, place }
}

/// The references of an `owner` or `decides`: one id, or each of a list.
fn refs<'a>(
    out: &mut Vec<PartyReference<'a>>,
    role: &'static str,
    refs: Option<&'a PartyRefs>,
    place: impl Fn(Option<usize>) -> Place<'a>,
) {
    match refs {
        None => {}
        Some(PartyRefs::One(id)) => out.push(reference(id, role, place(None))),
        Some(PartyRefs::Many(ids)) => {
            for (i, id) in ids.iter().enumerate() {
                out.push(reference(id, role, place(Some(i))));
            }
        }
    }
}
