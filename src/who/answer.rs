//! The answer to `comanage who`: everything someone needs about one function,
//! resolved from ids to names. The JSON output is this structure as is, so
//! its field names are a stable interface for scripts.

use std::collections::HashMap;

use serde::Serialize;

use super::duty::{Clock, Moment};
use super::query::FunctionRef;
use crate::scope::{Decision, Function, Hours, Role, Scope, Service, Tier};

/// The answer to one query.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// The query as typed.
    pub query: String,
    /// The moment `--at` (or `--now`) asked about; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<AtAnswer>,
    /// One entry per matching function, best match first.
    pub functions: Vec<FunctionAnswer>,
}

/// The moment a `who --at` answer is for, and what the coverage words mean
/// on the clock of this scope.
#[derive(Debug, Clone, Serialize)]
pub struct AtAnswer {
    /// `Sat 02:00`.
    pub moment: String,
    /// `business = Mon–Fri 08:00–18:00, extended = Mon–Sat 07:00–22:00`.
    pub hours: String,
}

impl AtAnswer {
    /// The moment with the clock that judges it.
    pub fn new(moment: Moment, clock: &Clock) -> AtAnswer {
        AtAnswer {
            moment: moment.label(),
            hours: clock.legend(),
        }
    }
}

/// The moment to judge duty at, with the scope's clock: what the party
/// and tier answers need to say who is on duty.
#[derive(Debug, Clone, Copy)]
pub struct Duty<'c> {
    /// The moment asked about.
    pub moment: Moment,
    /// What the coverage words mean for this scope.
    pub clock: &'c Clock,
}

impl Duty<'_> {
    fn on_duty(self, hours: Hours) -> bool {
        self.clock.covers(hours, self.moment)
    }
}

/// Who owns one function, who backs it up, who decides, whom to call.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionAnswer {
    /// Function id.
    pub id: String,
    /// Display name (the id when the file gives none).
    pub name: String,
    /// The service it belongs to.
    pub service: ServiceRef,
    /// The owners: one in a healthy scope; none or several are lint errors,
    /// shown as they are.
    pub owners: Vec<PartyAnswer>,
    /// The backup owner.
    pub backup: Option<PartyAnswer>,
    /// RACI: parties that do the work.
    pub responsible: Vec<PartyRef>,
    /// RACI: parties consulted.
    pub consulted: Vec<PartyRef>,
    /// RACI: parties informed.
    pub informed: Vec<PartyRef>,
    /// A high-impact recurring process.
    pub critical: bool,
    /// Coverage the function needs.
    pub hours: Option<Hours>,
    /// Target recovery time, normalised (`1h30m`).
    pub recovery: Option<String>,
    /// How success is measured.
    pub measures: Vec<String>,
    /// Free-text notes.
    pub notes: Option<String>,
    /// Decisions that belong to the function's service.
    pub decisions: Vec<DecisionAnswer>,
    /// The escalation path it follows, if any.
    pub escalation: Option<PathAnswer>,
}

/// A service by id and name.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceRef {
    /// Service id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A party by id and name; `name` is `null` when the id names no party (a
/// lint error, shown rather than hidden).
#[derive(Debug, Clone, Serialize)]
pub struct PartyRef {
    /// Party id as written.
    pub id: String,
    /// The party's name, when it exists.
    pub name: Option<String>,
}

/// A party with what it takes to reach it.
#[derive(Debug, Clone, Serialize)]
pub struct PartyAnswer {
    /// Party id as written.
    pub id: String,
    /// The party's name; `null` when the id names no party.
    pub name: Option<String>,
    /// The party's role, when it exists.
    pub role: Option<Role>,
    /// Hours it covers (`business` when the file states none).
    pub hours: Option<Hours>,
    /// People to reach.
    pub contacts: Vec<ContactAnswer>,
    /// Whether its hours cover the `--at` moment; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_duty: Option<bool>,
}

/// A person to reach. Unlike the file, every key is always present (`null`
/// when unknown), so scripts need not test for missing keys.
#[derive(Debug, Clone, Serialize)]
pub struct ContactAnswer {
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Email address.
    pub email: Option<String>,
}

/// A decision of the function's service.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionAnswer {
    /// Decision id.
    pub id: String,
    /// The question decided (the id when the file gives none).
    pub question: String,
    /// Who decides: one party in a healthy scope.
    pub decides: Vec<PartyRef>,
    /// Parties consulted.
    pub consulted: Vec<PartyRef>,
    /// Parties informed.
    pub informed: Vec<PartyRef>,
}

/// An escalation path.
#[derive(Debug, Clone, Serialize)]
pub struct PathAnswer {
    /// Path id.
    pub id: String,
    /// False when the function names a path the file does not define.
    pub defined: bool,
    /// The tiers in order.
    pub tiers: Vec<TierAnswer>,
}

/// One tier of an escalation path.
#[derive(Debug, Clone, Serialize)]
pub struct TierAnswer {
    /// Tier number.
    pub tier: u32,
    /// Who handles it.
    pub party: PartyRef,
    /// How to reach it.
    pub channel: Option<String>,
    /// Hours the tier covers: its own, else its party's.
    pub hours: Hours,
    /// Target response time, normalised.
    pub respond: Option<String>,
    /// Target resolution time, normalised.
    pub resolve: Option<String>,
    /// Whether the tier's hours cover the `--at` moment; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_duty: Option<bool>,
}

/// Builds the answer for the functions `found` of `scope`; with `duty`,
/// each owner, backup and tier says whether it is on duty then.
pub fn build(
    scope: &Scope,
    query: &str,
    found: &[FunctionRef<'_>],
    duty: Option<Duty<'_>>,
) -> Answer {
    // Decisions by service, once: looking them up per function would make
    // the answer quadratic in a large scope.
    let mut decisions: HashMap<&str, Vec<DecisionAnswer>> = HashMap::new();
    for (id, decision) in &scope.decisions {
        if let Some(service) = decision.service.as_deref() {
            decisions
                .entry(service)
                .or_default()
                .push(decision_answer(scope, id, decision));
        }
    }
    let functions = found
        .iter()
        .filter_map(|(service_id, function_id)| {
            let service = scope.services.get(*service_id)?;
            let function = service.functions.get(*function_id)?;
            let mut answer =
                function_answer(scope, (service_id, service), (function_id, function), duty);
            answer.decisions = decisions.get(service_id).cloned().unwrap_or_default();
            Some(answer)
        })
        .collect();
    Answer {
        query: query.to_owned(),
        at: duty.map(|d| AtAnswer::new(d.moment, d.clock)),
        functions,
    }
}

fn function_answer(
    scope: &Scope,
    (service_id, service): (&str, &Service),
    (function_id, function): (&str, &Function),
    duty: Option<Duty<'_>>,
) -> FunctionAnswer {
    FunctionAnswer {
        id: function_id.to_owned(),
        name: function.display_name(function_id).to_owned(),
        service: ServiceRef {
            id: service_id.to_owned(),
            name: service.display_name(service_id).to_owned(),
        },
        owners: scope
            .owners(service, function)
            .into_iter()
            .map(|id| party_answer(scope, id, duty))
            .collect(),
        backup: function
            .backup
            .as_deref()
            .map(|id| party_answer(scope, id, duty)),
        responsible: party_refs(scope, &function.responsible),
        consulted: party_refs(scope, &function.consulted),
        informed: party_refs(scope, &function.informed),
        critical: function.critical,
        hours: function.hours,
        recovery: function.recovery.map(|d| d.to_string()),
        measures: function.measures.clone(),
        notes: function.notes.clone(),
        decisions: Vec::new(),
        escalation: scope
            .escalation_path_id(function)
            .map(|id| path_answer(scope, id, duty)),
    }
}

/// A party reference resolved to its name.
pub fn party_ref(scope: &Scope, id: &str) -> PartyRef {
    PartyRef {
        id: id.to_owned(),
        name: scope.parties.get(id).map(|p| p.name.clone()),
    }
}

fn party_refs(scope: &Scope, ids: &[String]) -> Vec<PartyRef> {
    ids.iter().map(|id| party_ref(scope, id)).collect()
}

/// A party with its contacts; with `duty`, whether it is on duty then. An
/// undefined party covers no hours (DESIGN.md 1.3), so it is never on duty.
pub fn party_answer(scope: &Scope, id: &str, duty: Option<Duty<'_>>) -> PartyAnswer {
    let party = scope.parties.get(id);
    PartyAnswer {
        id: id.to_owned(),
        name: party.map(|p| p.name.clone()),
        role: party.map(|p| p.role),
        hours: party.map(|p| p.covered_hours()),
        contacts: party
            .into_iter()
            .flat_map(|p| &p.contacts)
            .map(|c| ContactAnswer {
                name: c.name.clone(),
                title: c.title.clone(),
                phone: c.phone.clone(),
                email: c.email.clone(),
            })
            .collect(),
        on_duty: duty.map(|d| party.is_some_and(|p| d.on_duty(p.covered_hours()))),
    }
}

fn decision_answer(scope: &Scope, id: &str, decision: &Decision) -> DecisionAnswer {
    let decides = decision
        .decides
        .as_ref()
        .map(|d| d.ids().into_iter().map(|id| party_ref(scope, id)).collect())
        .unwrap_or_default();
    DecisionAnswer {
        id: id.to_owned(),
        question: decision.question.clone().unwrap_or_else(|| id.to_owned()),
        decides,
        consulted: party_refs(scope, &decision.consulted),
        informed: party_refs(scope, &decision.informed),
    }
}

/// Whether a tier is on duty: its own hours, else its party's; a tier of an
/// undefined party without hours of its own covers nothing (DESIGN.md 1.3).
pub fn tier_on_duty(scope: &Scope, tier: &Tier, duty: Duty<'_>) -> bool {
    let known = tier.hours.is_some() || scope.parties.contains_key(&tier.party);
    known && duty.on_duty(scope.tier_hours(tier))
}

fn path_answer(scope: &Scope, id: &str, duty: Option<Duty<'_>>) -> PathAnswer {
    let tiers = scope.escalation.get(id);
    PathAnswer {
        id: id.to_owned(),
        defined: tiers.is_some(),
        tiers: tiers
            .into_iter()
            .flatten()
            .map(|tier| TierAnswer {
                tier: tier.tier,
                party: party_ref(scope, &tier.party),
                channel: tier.channel.clone(),
                hours: scope.tier_hours(tier),
                respond: tier.respond.map(|d| d.to_string()),
                resolve: tier.resolve.map(|d| d.to_string()),
                on_duty: duty.map(|d| tier_on_duty(scope, tier, d)),
            })
            .collect(),
    }
}
