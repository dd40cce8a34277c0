//! Decision rights, authority and escalation ladders: who decides, who has
//! the final word, whom to call next.

use super::model::{Authority, DecisionRow, Ladder, TierRow, who};
use crate::scope::Scope;

/// The decision rights, in file order.
pub fn decisions(scope: &Scope) -> Vec<DecisionRow> {
    let names = |ids: &[String]| ids.iter().map(|id| who(scope, id)).collect();
    scope
        .decisions
        .iter()
        .map(|(id, d)| DecisionRow {
            id: id.clone(),
            question: d.question.clone(),
            decides: d
                .decides
                .as_ref()
                .map(|refs| refs.ids().into_iter().map(|id| who(scope, id)).collect())
                .unwrap_or_default(),
            consulted: names(&d.consulted),
            informed: names(&d.informed),
            service: d.service.as_ref().map(|sid| {
                scope
                    .services
                    .get(sid)
                    .map_or_else(|| sid.clone(), |s| s.display_name(sid).to_owned())
            }),
        })
        .collect()
}

/// Who has the final word, per area.
pub fn authority(scope: &Scope) -> Authority {
    let a = scope.authority.clone().unwrap_or_default();
    let party = |id: Option<String>| id.map(|id| who(scope, &id));
    Authority {
        tie_breaker: party(a.tie_breaker),
        scope_changes: party(a.scope_changes),
        out_of_scope: party(a.out_of_scope),
    }
}

/// The escalation ladders, in file order, with how many functions follow each.
pub fn ladders(scope: &Scope) -> Vec<Ladder> {
    scope
        .escalation
        .iter()
        .map(|(path, tiers)| Ladder {
            path: path.clone(),
            functions: scope
                .functions()
                .filter(|(_, _, f)| scope.escalation_path_id(f) == Some(path.as_str()))
                .count(),
            tiers: tiers
                .iter()
                .map(|t| TierRow {
                    tier: t.tier,
                    party: who(scope, &t.party),
                    channel: t.channel.clone(),
                    hours: scope.tier_hours(t),
                    respond: t.respond.map(|d| d.to_string()),
                    resolve: t.resolve.map(|d| d.to_string()),
                })
                .collect(),
        })
        .collect()
}
