//! Coverage: for each function that needs given hours, who provides them
//! (DESIGN.md 1.3: the single owner if it covers, else any tier of the
//! function's escalation path that does).

use super::model::{CoverageRow, Provision, each_function, function_ref, who};
use crate::scope::{Hours, Scope};

/// One row per function with `hours`, in file order.
pub fn rows(scope: &Scope) -> Vec<CoverageRow> {
    each_function(scope)
        .filter_map(|(sid, service, fid, function)| {
            let need = function.hours?;
            let owners = scope.owners(service, function);
            let owner_hours = match owners.as_slice() {
                [one] => scope.parties.get(*one).map(|p| p.covered_hours()),
                _ => None,
            };
            let (status, provided_by) = if owner_hours.is_some_and(|h| h.covers(need)) {
                let names = owners.iter().map(|o| who(scope, o).name).collect();
                (Provision::Owner, names)
            } else {
                let tiers = covering_tiers(scope, scope.escalation_path_id(function), need);
                if tiers.is_empty() {
                    (Provision::Gap, Vec::new())
                } else {
                    (Provision::Escalation, tiers)
                }
            };
            Some(CoverageRow {
                function: function_ref(sid, fid, function),
                need,
                owners: owners.iter().map(|o| who(scope, o)).collect(),
                status,
                provided_by,
            })
        })
        .collect()
}

fn covering_tiers(scope: &Scope, path: Option<&str>, need: Hours) -> Vec<String> {
    let Some(tiers) = path.and_then(|p| scope.escalation.get(p)) else {
        return Vec::new();
    };
    tiers
        .iter()
        .filter(|t| scope.tier_hours(t).covers(need))
        .map(|t| format!("tier {}: {}", t.tier, who(scope, &t.party).name))
        .collect()
}
