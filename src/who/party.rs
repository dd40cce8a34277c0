//! The answer to `comanage who PARTY`: everything one party is on the hook
//! for — what it owns, backs up and does, what it decides, where it sits on
//! the escalation ladders, and the meetings it attends. The second question
//! asked at 2 AM: "what does the SOC handle?"

use serde::Serialize;

use super::answer::{Duty, PartyAnswer, ServiceRef, party_answer, tier_on_duty};
use crate::scope::{Hours, Scope};

/// The answer about one party. The JSON output is this structure as is.
#[derive(Debug, Clone, Serialize)]
pub struct PartyView {
    /// The query as typed.
    pub query: String,
    /// The moment `--at` (or `--now`) asked about; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<super::answer::AtAnswer>,
    /// The party, its hours and contacts.
    pub party: PartyAnswer,
    /// Functions whose effective owner it is (alone or with others).
    pub owns: Vec<FunctionBrief>,
    /// Functions it is the backup of.
    pub backs_up: Vec<FunctionBrief>,
    /// Functions it does the work of (RACI responsible) without owning them.
    pub responsible: Vec<FunctionBrief>,
    /// Decisions it takes.
    pub decides: Vec<DecisionBrief>,
    /// Fields of the `authority` section that name it (`tie-breaker`…).
    pub authority: Vec<String>,
    /// Its tiers on the escalation paths.
    pub ladders: Vec<LadderSeat>,
    /// The meetings it attends.
    pub cadence: Vec<MeetingBrief>,
}

/// A function in a list.
#[derive(Debug, Clone, Serialize)]
pub struct FunctionBrief {
    /// Function id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its service.
    pub service: ServiceRef,
    /// A high-impact recurring process.
    pub critical: bool,
    /// Coverage the function needs.
    pub hours: Option<Hours>,
}

/// A decision in a list.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionBrief {
    /// Decision id.
    pub id: String,
    /// The question decided (the id when the file gives none).
    pub question: String,
    /// True when another party decides it too (a lint error, shown).
    pub contested: bool,
}

/// One tier of one escalation path that the party handles.
#[derive(Debug, Clone, Serialize)]
pub struct LadderSeat {
    /// Path id.
    pub path: String,
    /// Tier number.
    pub tier: u32,
    /// How many tiers the path has.
    pub of: usize,
    /// How to reach it.
    pub channel: Option<String>,
    /// Hours the tier covers: its own, else the party's.
    pub hours: Hours,
    /// Target response time, normalised.
    pub respond: Option<String>,
    /// Whether the tier's hours cover the `--at` moment; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_duty: Option<bool>,
}

/// A meeting in a list.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingBrief {
    /// What the meeting is called.
    pub name: String,
    /// How often it happens.
    pub every: String,
}

/// Builds the answer about party `id` of `scope`.
pub fn build(scope: &Scope, query: &str, id: &str, duty: Option<Duty<'_>>) -> PartyView {
    let mut view = PartyView {
        query: query.to_owned(),
        at: duty.map(|d| super::answer::AtAnswer::new(d.moment, d.clock)),
        party: party_answer(scope, id, duty),
        owns: Vec::new(),
        backs_up: Vec::new(),
        responsible: Vec::new(),
        decides: Vec::new(),
        authority: Vec::new(),
        ladders: Vec::new(),
        cadence: Vec::new(),
    };
    for (service_id, service) in &scope.services {
        for (function_id, function) in &service.functions {
            let brief = || FunctionBrief {
                id: function_id.clone(),
                name: function.display_name(function_id).to_owned(),
                service: ServiceRef {
                    id: service_id.clone(),
                    name: service.display_name(service_id).to_owned(),
                },
                critical: function.critical,
                hours: function.hours,
            };
            let owns = scope.owners(service, function).contains(&id);
            if owns {
                view.owns.push(brief());
            } else if function.responsible.iter().any(|r| r == id) {
                view.responsible.push(brief());
            }
            if function.backup.as_deref() == Some(id) {
                view.backs_up.push(brief());
            }
        }
    }
    for (decision_id, decision) in &scope.decisions {
        let deciders = decision
            .decides
            .as_ref()
            .map(|d| d.ids())
            .unwrap_or_default();
        if deciders.contains(&id) {
            view.decides.push(DecisionBrief {
                id: decision_id.clone(),
                question: decision
                    .question
                    .clone()
                    .unwrap_or_else(|| decision_id.clone()),
                contested: deciders.len() > 1,
            });
        }
    }
    if let Some(authority) = &scope.authority {
        for (field, value) in [
            ("tie-breaker", &authority.tie_breaker),
            ("scope-changes", &authority.scope_changes),
            ("out-of-scope", &authority.out_of_scope),
        ] {
            if value.as_deref() == Some(id) {
                view.authority.push(field.to_owned());
            }
        }
    }
    for (path_id, tiers) in &scope.escalation {
        for tier in tiers.iter().filter(|t| t.party == id) {
            view.ladders.push(LadderSeat {
                path: path_id.clone(),
                tier: tier.tier,
                of: tiers.len(),
                channel: tier.channel.clone(),
                hours: scope.tier_hours(tier),
                respond: tier.respond.map(|d| d.to_string()),
                on_duty: duty.map(|d| tier_on_duty(scope, tier, d)),
            });
        }
    }
    for meeting in scope
        .cadence
        .iter()
        .filter(|m| m.parties.iter().any(|p| p == id))
    {
        view.cadence.push(MeetingBrief {
            name: meeting.name.clone(),
            every: meeting.every.as_str().to_owned(),
        });
    }
    view
}
