//! The RACI matrix: functions × parties with the letters R, A, C, I and a
//! backup marker.
//!
//! A = the owner (accountable). R = `responsible`, or the owner when
//! `responsible` is empty (someone always does the work). C and I are the
//! `consulted` and `informed` lists.

use super::model::{Raci, RaciCell, RaciRow, Who, each_function, who};
use crate::scope::{Function, Scope};

/// The parties of one function per letter.
struct Roles<'a> {
    responsible: Vec<&'a str>,
    accountable: Vec<&'a str>,
    consulted: Vec<&'a str>,
    informed: Vec<&'a str>,
    backup: Option<&'a str>,
}

impl<'a> Roles<'a> {
    fn of(owners: Vec<&'a str>, function: &'a Function) -> Self {
        let list = |ids: &'a [String]| ids.iter().map(String::as_str).collect::<Vec<_>>();
        let responsible = if function.responsible.is_empty() {
            owners.clone()
        } else {
            list(&function.responsible)
        };
        Self {
            responsible,
            accountable: owners,
            consulted: list(&function.consulted),
            informed: list(&function.informed),
            backup: function.backup.as_deref(),
        }
    }

    /// Every id named, in letter order, backup last.
    fn named(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.responsible
            .iter()
            .chain(&self.accountable)
            .chain(&self.consulted)
            .chain(&self.informed)
            .copied()
            .chain(self.backup)
    }

    fn cell(&self, party: &str) -> RaciCell {
        let letters = [
            ('R', &self.responsible),
            ('A', &self.accountable),
            ('C', &self.consulted),
            ('I', &self.informed),
        ]
        .into_iter()
        .filter(|(_, ids)| ids.contains(&party))
        .map(|(letter, _)| letter)
        .collect();
        RaciCell {
            party: party.to_owned(),
            letters,
            backup: self.backup == Some(party),
        }
    }
}

/// The matrix of `scope`: one column per defined party; each row lists the
/// undefined ids it names, in the order first met.
pub fn matrix(scope: &Scope) -> Raci {
    let functions: Vec<_> = each_function(scope)
        .map(|(sid, service, fid, function)| {
            let roles = Roles::of(scope.owners(service, function), function);
            (sid, service.display_name(sid), fid, function, roles)
        })
        .collect();
    let parties: Vec<Who> = scope.parties.keys().map(|id| who(scope, id)).collect();
    let rows = functions
        .iter()
        .map(|(sid, service_name, fid, function, roles)| RaciRow {
            service: (*sid).to_owned(),
            service_name: (*service_name).to_owned(),
            function: (*fid).to_owned(),
            function_name: function.display_name(fid).to_owned(),
            critical: function.critical,
            cells: parties.iter().map(|p| roles.cell(&p.id)).collect(),
            unknown: roles
                .named()
                .filter(|id| !scope.parties.contains_key(*id))
                .fold(Vec::new(), |mut ids, id| {
                    if !ids.iter().any(|known: &String| known == id) {
                        ids.push(id.to_owned());
                    }
                    ids
                }),
        })
        .collect();
    Raci { parties, rows }
}
