//! Recording changes: the collector every comparison writes to, and the
//! judgements of impact that several comparisons share.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use super::{Change, ChangeKind, Impact};
use crate::scope::{Duration, Hours, Scope};

/// A judgement of a field change: its impact and an optional word for the
/// summary ("tightened", "less coverage").
pub(super) type Verdict = (Impact, Option<&'static str>);

/// The changes found so far, in the order they were found, and the party
/// names their summaries use.
#[derive(Debug, Default)]
pub(super) struct Changes {
    changes: Vec<Change>,
    /// Party id -> display name, the newer side's name where both have one.
    names: HashMap<String, String>,
}

impl Changes {
    /// A collector whose summaries name the parties of `old` and `new` by
    /// their names (DESIGN.md 4, revision 2); ids stay in the values.
    pub fn naming(old: &Scope, new: &Scope) -> Changes {
        let names = old
            .parties
            .iter()
            .chain(&new.parties)
            .map(|(id, party)| (id.clone(), party.name.clone()))
            .collect();
        Changes {
            changes: Vec::new(),
            names,
        }
    }

    /// A party as a summary names it: its name, or the id when it has none
    /// (an undefined party).
    pub fn name(&self, id: &str) -> String {
        self.names.get(id).cloned().unwrap_or_else(|| id.to_owned())
    }

    /// Several parties by name, comma-separated.
    pub fn names(&self, ids: &[&str]) -> String {
        ids.iter()
            .map(|id| self.name(id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The changes recorded so far (for comparisons that look back).
    pub fn last_mut(&mut self) -> Option<&mut Change> {
        self.changes.last_mut()
    }

    /// The changes, in the order they were found.
    pub fn into_vec(self) -> Vec<Change> {
        self.changes
    }

    /// Records a change.
    pub fn push(
        &mut self,
        kind: ChangeKind,
        pointer: String,
        values: (Option<Value>, Option<Value>),
        impact: Impact,
        summary: String,
    ) {
        self.changes.push(Change {
            kind,
            group: kind.group(),
            pointer,
            old_pointer: None,
            old: values.0,
            new: values.1,
            impact,
            summary,
            functions: None,
        });
    }

    /// Records a change of something that also changed place (a rename or a
    /// move): `pointer` is where it is now, `old_pointer` where it was.
    pub fn push_relocated(
        &mut self,
        kind: ChangeKind,
        (old_pointer, pointer): (String, String),
        values: (Option<Value>, Option<Value>),
        impact: Impact,
        summary: String,
    ) {
        self.push(kind, pointer, values, impact, summary);
        if let Some(last) = self.changes.last_mut() {
            last.old_pointer = Some(old_pointer);
        }
    }

    /// Records a change of an owner or decider: a set of parties (DESIGN.md
    /// 1.3), so order and repeats do not count.
    pub fn party_set(
        &mut self,
        kind: ChangeKind,
        pointer: &str,
        item: &str,
        field: &str,
        old: &[&str],
        new: &[&str],
    ) {
        if !same_set(old, new) {
            let (old, new) = (parties_value(old), parties_value(new));
            self.party_field(
                kind,
                pointer,
                item,
                field,
                (old.as_ref(), new.as_ref()),
                hands,
            );
        }
    }

    /// Records the changes of RACI-style party lists (`consulted`,
    /// `informed`…): each `(kind, field, old, new)` whose sets differ is a
    /// minor change at `at(field)`.
    pub fn party_lists(
        &mut self,
        item: &str,
        at: impl Fn(&str) -> String,
        lists: &[(ChangeKind, &str, &[String], &[String])],
    ) {
        for &(kind, field, old, new) in lists {
            if !same_set(old, new) {
                self.party_field(kind, &at(field), item, field, (Some(old), Some(new)), minor);
            }
        }
    }

    /// Records a change of one field when `old` and `new` differ:
    /// "{item}: {field} {old} → {new}", judged by `judge`.
    #[allow(clippy::too_many_arguments)]
    pub fn field<T: Serialize + PartialEq + ?Sized>(
        &mut self,
        kind: ChangeKind,
        pointer: &str,
        item: &str,
        field: &str,
        old: Option<&T>,
        new: Option<&T>,
        judge: impl FnOnce(Option<&T>, Option<&T>) -> Verdict,
    ) {
        self.field_shown(kind, (pointer, item, field), (old, new), judge, show);
    }

    /// Records a change of a field that names parties (a backup, a tier's
    /// party, a RACI list): like [`Changes::field`], but the summary names
    /// the parties by name while the values keep their ids.
    pub fn party_field<T: Serialize + PartialEq + ?Sized>(
        &mut self,
        kind: ChangeKind,
        pointer: &str,
        item: &str,
        field: &str,
        (old, new): (Option<&T>, Option<&T>),
        judge: impl FnOnce(Option<&T>, Option<&T>) -> Verdict,
    ) {
        let by_name = |value: &Option<Value>| show(&rename(value, &self.names));
        if let Some(change) = judged((pointer, item, field), (old, new), judge, by_name) {
            self.push(kind, pointer.to_owned(), change.0, change.1, change.2);
        }
    }

    fn field_shown<T: Serialize + PartialEq + ?Sized>(
        &mut self,
        kind: ChangeKind,
        (pointer, item, field): (&str, &str, &str),
        (old, new): (Option<&T>, Option<&T>),
        judge: impl FnOnce(Option<&T>, Option<&T>) -> Verdict,
        shown: impl Fn(&Option<Value>) -> String,
    ) {
        if let Some(change) = judged((pointer, item, field), (old, new), judge, shown) {
            self.push(kind, pointer.to_owned(), change.0, change.1, change.2);
        }
    }
}

/// The old and new values, the impact and the summary of a field change.
type Judged = ((Option<Value>, Option<Value>), Impact, String);

/// A judged field change: its values, impact and summary
/// ("{item}: {field} {old} → {new}"), or `None` when nothing changed.
fn judged<T: Serialize + PartialEq + ?Sized>(
    (_pointer, item, field): (&str, &str, &str),
    (old, new): (Option<&T>, Option<&T>),
    judge: impl FnOnce(Option<&T>, Option<&T>) -> Verdict,
    shown: impl Fn(&Option<Value>) -> String,
) -> Option<Judged> {
    if old == new {
        return None;
    }
    let (impact, note) = judge(old, new);
    let (old, new) = (old.map(value), new.map(value));
    let mut summary = format!("{item}: {field} {} → {}", shown(&old), shown(&new));
    if let Some(note) = note {
        summary.push_str(&format!(" ({note})"));
    }
    Some(((old, new), impact, summary))
}

/// Party ids (a string or a list of them) replaced by their names.
fn rename(value: &Option<Value>, names: &HashMap<String, String>) -> Option<Value> {
    let one = |v: &Value| match v {
        Value::String(id) => Value::String(names.get(id).cloned().unwrap_or_else(|| id.clone())),
        other => other.clone(),
    };
    value.as_ref().map(|v| match v {
        Value::Array(items) => Value::Array(items.iter().map(one).collect()),
        other => one(other),
    })
}

/// `value` as JSON, normalised the way the scope serializes it (durations
/// as `1h30m`, hours as `24x7`).
pub(super) fn value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A value as a summary shows it: text as is, lists comma-separated,
/// nothing as "none".
pub(super) fn show(value: &Option<Value>) -> String {
    match value {
        None | Some(Value::Null) => "none".to_owned(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(items)) if items.is_empty() => "none".to_owned(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| show(&Some(item.clone())))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// A set of party ids as a value: `None` when empty, one id as a string,
/// several as a list (as the file writes them).
fn parties_value(ids: &[&str]) -> Option<Value> {
    match ids {
        [] => None,
        [one] => Some(Value::from(*one)),
        many => Some(value(many)),
    }
}

/// Whether two lists of ids hold the same parties, in any order.
pub(super) fn same_set<S: AsRef<str>>(a: &[S], b: &[S]) -> bool {
    fn sorted<S: AsRef<str>>(list: &[S]) -> Vec<&str> {
        let mut ids: Vec<&str> = list.iter().map(AsRef::as_ref).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
    sorted(a) == sorted(b)
}

/// An owner, backup, decider or tier party: taking it from someone is
/// `major` (it changes hands or disappears); naming one where there was none
/// is `minor`.
pub(super) fn hands<T: ?Sized>(old: Option<&T>, _new: Option<&T>) -> Verdict {
    if old.is_some() {
        (Impact::Major, None)
    } else {
        (Impact::Minor, None)
    }
}

/// Any change is `minor`.
pub(super) fn minor<T: ?Sized>(_: Option<&T>, _: Option<&T>) -> Verdict {
    (Impact::Minor, None)
}

/// Any change is `info` (names, notes, measures, contacts).
pub(super) fn info<T: ?Sized>(_: Option<&T>, _: Option<&T>) -> Verdict {
    (Impact::Info, None)
}

/// A time target (response, resolution, recovery): shorter is tightened
/// (`minor`), longer or dropped is loosened (`major`).
pub(super) fn target(old: Option<&Duration>, new: Option<&Duration>) -> Verdict {
    match (old, new) {
        (Some(a), Some(b)) if b < a => (Impact::Minor, Some("tightened")),
        (Some(_), Some(_)) => (Impact::Major, Some("loosened")),
        (None, _) => (Impact::Minor, Some("tightened")),
        (Some(_), None) => (Impact::Major, Some("loosened")),
    }
}

/// Coverage hours (`None`: none stated): more is `minor`, less is `major`.
pub(super) fn coverage(old: Option<&Hours>, new: Option<&Hours>) -> Verdict {
    if new > old {
        (Impact::Minor, Some("more coverage"))
    } else {
        (Impact::Major, Some("less coverage"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(m: u64) -> Duration {
        Duration::from_minutes(m)
    }

    #[test]
    fn targets_tighten_and_loosen() {
        assert_eq!(
            target(Some(&minutes(60)), Some(&minutes(30))).0,
            Impact::Minor
        );
        assert_eq!(
            target(Some(&minutes(30)), Some(&minutes(60))).0,
            Impact::Major
        );
        assert_eq!(target(None, Some(&minutes(60))).0, Impact::Minor);
        assert_eq!(target(Some(&minutes(60)), None).0, Impact::Major);
    }

    #[test]
    fn coverage_more_and_less() {
        let (b, a) = (Hours::Business, Hours::AllHours);
        assert_eq!(
            coverage(Some(&b), Some(&a)),
            (Impact::Minor, Some("more coverage"))
        );
        assert_eq!(coverage(Some(&a), None).0, Impact::Major);
        assert_eq!(coverage(None, Some(&b)).0, Impact::Minor);
    }

    #[test]
    fn field_changes_read_as_sentences() {
        let mut out = Changes::default();
        out.field(
            ChangeKind::RecoveryChanged,
            "/x",
            "function `f`",
            "recovery",
            Some(&minutes(240)),
            Some(&minutes(90)),
            target,
        );
        out.field(
            ChangeKind::RecoveryChanged,
            "/y",
            "f",
            "recovery",
            Some(&minutes(90)),
            Some(&minutes(90)),
            target,
        );
        let changes = out.into_vec();
        assert_eq!(changes.len(), 1);
        assert_eq!(
            changes[0].summary,
            "function `f`: recovery 4h → 1h30m (tightened)"
        );
        assert_eq!(changes[0].new, Some(Value::from("1h30m")));
    }

    #[test]
    fn sets_ignore_order_and_repeats() {
        assert!(same_set(&["a", "b"], &["b", "a", "a"]));
        assert!(!same_set(&["a"], &["a", "b"]));
        assert_eq!(show(&None), "none");
        assert_eq!(show(&Some(serde_json::json!(["a", "b"]))), "a, b");
    }
}
