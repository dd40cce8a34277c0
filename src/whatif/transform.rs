//! The change itself: a scope without some parties, or with their work moved
//! to others (DESIGN.md 7). A pure function of the typed scope; the file is
//! never touched.

use std::collections::HashMap;

use crate::pointer_map::PointerMap;
use crate::scope::{Id, PartyRefs, Scope};
use crate::source::pointer;

/// What changes: parties that leave, and parties whose work moves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// Parties removed with every reference to them (`--without`).
    pub without: Vec<Id>,
    /// `(from, to)`: every reference to `from` becomes `to`, and `from` goes
    /// (`--reassign FROM=TO`).
    pub reassign: Vec<(Id, Id)>,
}

impl Change {
    /// Every party the change removes, `--without` ones first, in the order given.
    pub fn removed(&self) -> impl Iterator<Item = &str> {
        self.without
            .iter()
            .map(String::as_str)
            .chain(self.reassign.iter().map(|(from, _)| from.as_str()))
    }

    /// Whether the change does nothing.
    pub fn is_empty(&self) -> bool {
        self.without.is_empty() && self.reassign.is_empty()
    }
}

/// The changed scope, and how its list pointers map back to the original.
#[derive(Debug, Clone)]
pub struct Transformed {
    /// The scope after the change.
    pub scope: Scope,
    /// Pointers of `scope` -> pointers of the original scope.
    pub pointers: PointerMap,
}

/// What becomes of one reference.
struct Substitution<'a> {
    /// Party id -> `None` (removed) or `Some(new id)`.
    rules: HashMap<&'a str, Option<&'a str>>,
}

impl<'a> Substitution<'a> {
    fn new(change: &'a Change) -> Self {
        let mut rules = HashMap::new();
        for id in &change.without {
            rules.insert(id.as_str(), None);
        }
        for (from, to) in &change.reassign {
            rules.insert(from.as_str(), Some(to.as_str()));
        }
        Self { rules }
    }

    /// Whether `id` is touched by the change.
    fn touches(&self, id: &str) -> bool {
        self.rules.contains_key(id)
    }

    /// What `id` becomes: itself, another id, or nothing.
    fn apply<'s>(&self, id: &'s str) -> Option<&'s str>
    where
        'a: 's,
    {
        match self.rules.get(id) {
            Some(replacement) => *replacement,
            None => Some(id),
        }
    }

    /// A list of party ids after the change. A list that the change touches
    /// loses its removed entries and its duplicates (a set of parties);
    /// where items move, `pointers` learns the original index of each.
    fn list(&self, ids: &[Id], at: String, pointers: &mut PointerMap) -> Vec<Id> {
        if !ids.iter().any(|id| self.touches(id)) {
            return ids.to_vec();
        }
        let mut out: Vec<Id> = Vec::with_capacity(ids.len());
        let mut kept = Vec::with_capacity(ids.len());
        for (index, id) in ids.iter().enumerate() {
            if let Some(new) = self.apply(id)
                && !out.iter().any(|seen| seen == new)
            {
                out.push(new.to_owned());
                kept.push(index);
            }
        }
        pointers.record(at, kept);
        out
    }

    /// A single-id reference after the change (`None` when removed).
    fn single(&self, id: &Option<Id>) -> Option<Id> {
        id.as_deref()
            .and_then(|id| self.apply(id))
            .map(str::to_owned)
    }

    /// An `owner` or `decides` after the change. A single id that is removed
    /// becomes the empty set (`[]`), which means "none" as an absent key does.
    fn refs(
        &self,
        refs: &Option<PartyRefs>,
        at: String,
        pointers: &mut PointerMap,
    ) -> Option<PartyRefs> {
        refs.as_ref().map(|refs| match refs {
            PartyRefs::One(id) => match self.apply(id) {
                Some(new) => PartyRefs::One(new.to_owned()),
                None => PartyRefs::Many(Vec::new()),
            },
            PartyRefs::Many(ids) => PartyRefs::Many(self.list(ids, at, pointers)),
        })
    }
}

/// The scope after `change`: each removed party's entry is gone and every
/// reference to it (owner, backup, RACI, decisions, authority, tiers, cadence)
/// is dropped or, for a reassigned party, replaced. A tier of a removed party
/// goes; a meeting left with no parties goes (one that had none stays).
pub fn transform(scope: &Scope, change: &Change) -> Transformed {
    let sub = Substitution::new(change);
    let mut pointers = PointerMap::new();
    let mut out = scope.clone();
    if change.is_empty() {
        return Transformed {
            scope: out,
            pointers,
        };
    }

    out.parties.retain(|id, _| !sub.touches(id));

    for (service_id, service) in &mut out.services {
        let base = pointer(["services", service_id]);
        service.owner = sub.refs(&service.owner, format!("{base}/owner"), &mut pointers);
        for (function_id, function) in &mut service.functions {
            let at = pointer(["services", service_id, "functions", function_id]);
            function.owner = sub.refs(&function.owner, format!("{at}/owner"), &mut pointers);
            function.backup = sub.single(&function.backup);
            function.responsible = sub.list(
                &function.responsible,
                format!("{at}/responsible"),
                &mut pointers,
            );
            function.consulted = sub.list(
                &function.consulted,
                format!("{at}/consulted"),
                &mut pointers,
            );
            function.informed =
                sub.list(&function.informed, format!("{at}/informed"), &mut pointers);
        }
    }

    for (decision_id, decision) in &mut out.decisions {
        let at = pointer(["decisions", decision_id]);
        decision.decides = sub.refs(&decision.decides, format!("{at}/decides"), &mut pointers);
        decision.consulted = sub.list(
            &decision.consulted,
            format!("{at}/consulted"),
            &mut pointers,
        );
        decision.informed = sub.list(&decision.informed, format!("{at}/informed"), &mut pointers);
    }

    if let Some(authority) = &mut out.authority {
        authority.tie_breaker = sub.single(&authority.tie_breaker);
        authority.scope_changes = sub.single(&authority.scope_changes);
        authority.out_of_scope = sub.single(&authority.out_of_scope);
    }

    for (path_id, tiers) in &mut out.escalation {
        let mut kept = Vec::with_capacity(tiers.len());
        let mut index = 0;
        tiers.retain_mut(|tier| {
            let this = index;
            index += 1;
            match sub.apply(&tier.party) {
                Some(new) => {
                    tier.party = new.to_owned();
                    kept.push(this);
                    true
                }
                None => false,
            }
        });
        pointers.record(pointer(["escalation", path_id]), kept);
    }

    let meetings = std::mem::take(&mut out.cadence);
    let mut kept = Vec::with_capacity(meetings.len());
    for (index, mut meeting) in meetings.into_iter().enumerate() {
        let had_parties = !meeting.parties.is_empty();
        // Recorded only for a meeting that stays: its index is taken by the
        // next meeting otherwise.
        let mut parties_map = PointerMap::new();
        let at = format!("/cadence/{}/parties", out.cadence.len());
        meeting.parties = sub.list(&meeting.parties, at, &mut parties_map);
        if had_parties && meeting.parties.is_empty() {
            continue;
        }
        pointers.extend(parties_map);
        kept.push(index);
        out.cadence.push(meeting);
    }
    pointers.record("/cadence".to_owned(), kept);

    Transformed {
        scope: out,
        pointers,
    }
}

#[cfg(test)]
#[path = "transform_tests.rs"]
mod tests;
