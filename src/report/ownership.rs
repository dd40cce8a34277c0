//! Functions owned per party: how many, how many critical, how many critical
//! ones lack a backup, and how many the party backs up.

use super::model::{Ownership, each_function, who};
use crate::scope::{Function, Scope};

/// How much each defined party owns, in file order.
pub fn tally(scope: &Scope) -> Vec<Ownership> {
    let mut out: Vec<Ownership> = scope
        .parties
        .iter()
        .map(|(id, party)| Ownership {
            party: who(scope, id),
            role: Some(party.role.as_str().to_owned()),
            owned: 0,
            critical: 0,
            critical_without_backup: 0,
            backing_up: 0,
        })
        .collect();
    // Only defined parties are counted: an undefined owner is shown as such
    // (and counted as unowned), never as a party of its own.
    // `out` is in the order of `scope.parties`, so a party's index there is
    // its slot: one lookup, not a search per owner.
    let slot = |id: &str| scope.parties.get_index_of(id);
    for (_, service, _, function) in each_function(scope) {
        let owners = scope.owners(service, function);
        for owner in &owners {
            let Some(i) = slot(owner) else {
                continue;
            };
            out[i].owned += 1;
            if function.critical {
                out[i].critical += 1;
                if !has_backup(function, &owners) {
                    out[i].critical_without_backup += 1;
                }
            }
        }
        if let Some(i) = function.backup.as_deref().and_then(slot) {
            out[i].backing_up += 1;
        }
    }
    out
}

/// Whether `function` names a backup other than its owner(s).
pub fn has_backup(function: &Function, owners: &[&str]) -> bool {
    function
        .backup
        .as_deref()
        .is_some_and(|b| !owners.contains(&b))
}
