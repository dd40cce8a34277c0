//! Functions owned per party: how many, how many critical, how many critical
//! ones lack a backup, and how many the party backs up.

use super::model::{Ownership, each_function, who};
use crate::scope::{Function, Scope};

/// How much each party owns, declared parties first (file order), then any
/// undeclared id named as owner or backup.
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
    let slot = |out: &mut Vec<Ownership>, id: &str| -> usize {
        if let Some(i) = out.iter().position(|o| o.party.id == id) {
            return i;
        }
        out.push(Ownership {
            party: who(scope, id),
            role: None,
            owned: 0,
            critical: 0,
            critical_without_backup: 0,
            backing_up: 0,
        });
        out.len() - 1
    };
    for (_, service, _, function) in each_function(scope) {
        let owners = scope.owners(service, function);
        for owner in &owners {
            let i = slot(&mut out, owner);
            out[i].owned += 1;
            if function.critical {
                out[i].critical += 1;
                if !has_backup(function, &owners) {
                    out[i].critical_without_backup += 1;
                }
            }
        }
        if let Some(backup) = &function.backup {
            let i = slot(&mut out, backup);
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
