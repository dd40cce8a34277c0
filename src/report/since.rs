//! "What changed" since a revision, for people: the diff's [`Change`]
//! records with ids replaced by the names the scopes give them, as phrases
//! each format renders its own way (no format's markup leaks into another).

use serde::Serialize;

use super::model::SinceChange;
use crate::diff::Change;
use crate::scope::{Date, Scope};

/// Where the comparison starts: the revision as given, and its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Since {
    /// The revision, `REV:path`, file or date as given.
    pub rev: String,
    /// The day of the commit compared with (`None` for a file).
    pub date: Option<Date>,
}

impl Since {
    /// `"Since v2026 (2026-10-01)"`, or `"Since 2026-10-01"` when the
    /// revision is that date.
    pub fn title(&self) -> String {
        match self.date {
            Some(date) if date.to_string() != self.rev => format!("Since {} ({date})", self.rev),
            _ => format!("Since {}", self.rev),
        }
    }
}

/// What a piece of a change's sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PhraseKind {
    /// Plain words.
    Text,
    /// The name of a party, service, function or escalation path.
    Name,
    /// A literal value (an id no scope names, a date, a duration).
    Code,
}

impl PhraseKind {
    /// `text`, `name` or `code`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Name => "name",
            Self::Code => "code",
        }
    }
}

/// One piece of a change's sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phrase {
    /// What it is.
    pub kind: PhraseKind,
    /// Its text, raw (each format escapes it).
    pub text: String,
}

/// The changes from `old` to `new` as the report shows them.
pub fn changes(changes: Vec<Change>, old: &Scope, new: &Scope) -> Vec<SinceChange> {
    let names = |id: &str| name_of(id, new).or_else(|| name_of(id, old));
    let parties = |id: &str| {
        let party = new.parties.get(id).or_else(|| old.parties.get(id));
        party.map(|p| p.name.clone())
    };
    changes
        .into_iter()
        .map(|change| SinceChange {
            group: change.group.title().to_owned(),
            phrases: phrases(&change.summary, &names, &parties),
            summary: change.summary,
            impact: change.impact.as_str().to_owned(),
        })
        .collect()
}

/// The display name of the party, service, function or escalation path
/// `id` in `scope`, when it names one (parties first: they are what a
/// reader must recognise).
fn name_of(id: &str, scope: &Scope) -> Option<String> {
    if let Some(party) = scope.parties.get(id) {
        return Some(party.name.clone());
    }
    if let Some(service) = scope.services.get(id) {
        return Some(service.display_name(id).to_owned());
    }
    scope
        .services
        .values()
        .find_map(|s| s.functions.get(id).map(|f| f.display_name(id).to_owned()))
}

/// `summary` cut into phrases: a `` `code` `` span that is an id becomes its
/// name, any other stays code; a bare word that is a party id (`owner msp`)
/// becomes the party's name.
pub fn phrases(
    summary: &str,
    names: &dyn Fn(&str) -> Option<String>,
    parties: &dyn Fn(&str) -> Option<String>,
) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::new();
    let mut push = |kind: PhraseKind, text: &str| match out.last_mut() {
        Some(last) if last.kind == kind && kind == PhraseKind::Text => last.text.push_str(text),
        _ if text.is_empty() => {}
        _ => out.push(Phrase {
            kind,
            text: text.to_owned(),
        }),
    };
    for (i, part) in summary.split('`').enumerate() {
        if i % 2 == 1 {
            match names(part) {
                Some(name) => push(PhraseKind::Name, &name),
                None => push(PhraseKind::Code, part),
            }
            continue;
        }
        // Bare words: ids are runs of a-z, 0-9 and `-`.
        let mut word_start = None;
        let mut last = 0;
        for (at, c) in part
            .char_indices()
            .chain(std::iter::once((part.len(), ' ')))
        {
            let in_id = c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
            match (in_id, word_start) {
                (true, None) => word_start = Some(at),
                (false, Some(start)) => {
                    word_start = None;
                    let word = &part[start..at];
                    if let Some(name) = parties(word) {
                        push(PhraseKind::Text, &part[last..start]);
                        push(PhraseKind::Name, &name);
                        last = at;
                    }
                }
                _ => {}
            }
        }
        push(PhraseKind::Text, &part[last..]);
    }
    out
}

/// The phrases as one text, names as they are (for the terminal).
pub fn plain(phrases: &[Phrase]) -> String {
    phrases.iter().map(|p| p.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(id: &str) -> Option<String> {
        match id {
            "msp" => Some("Lakeside Managed IT".to_owned()),
            "wifi-management" => Some("Wi-Fi management".to_owned()),
            "support" => Some("Support".to_owned()),
            _ => None,
        }
    }

    #[test]
    fn ids_become_names_and_values_stay_code() {
        let got = phrases(
            "function `wifi-management` in service `support` removed (owner msp); renewal `2027-06-30`",
            &names,
            &|id| names(id).filter(|_| id == "msp"),
        );
        let kinds: Vec<(PhraseKind, &str)> =
            got.iter().map(|p| (p.kind, p.text.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (PhraseKind::Text, "function "),
                (PhraseKind::Name, "Wi-Fi management"),
                (PhraseKind::Text, " in service "),
                (PhraseKind::Name, "Support"),
                (PhraseKind::Text, " removed (owner "),
                (PhraseKind::Name, "Lakeside Managed IT"),
                (PhraseKind::Text, "); renewal "),
                (PhraseKind::Code, "2027-06-30"),
            ]
        );
    }

    #[test]
    fn titles_name_the_revision_and_its_day() {
        let day = Date(jiff::civil::date(2026, 10, 1));
        let since = |rev: &str, date| Since {
            rev: rev.to_owned(),
            date,
        };
        assert_eq!(
            since("v2026", Some(day)).title(),
            "Since v2026 (2026-10-01)"
        );
        assert_eq!(since("2026-10-01", Some(day)).title(), "Since 2026-10-01");
        assert_eq!(since("old.yaml", None).title(), "Since old.yaml");
    }
}
