//! The answer as JSON (DESIGN.md 7): `{ removed, fallbacks, new, gone }`.

use serde::Serialize;

use crate::diagnostics::Record;

use super::Answer;

/// One removed party and what it held.
#[derive(Debug, Serialize)]
struct Removed<'a> {
    party: &'a str,
    owns: usize,
    critical: usize,
    backups: usize,
    decides: usize,
    tiers: usize,
    meetings: usize,
}

#[derive(Debug, Serialize)]
struct Document<'a> {
    removed: Vec<Removed<'a>>,
    fallbacks: Vec<&'a str>,
    new: Vec<Record<'a>>,
    gone: Vec<Record<'a>>,
}

/// The answer as a pretty-printed JSON object. Findings are the records of
/// `lint --format json`, waived ones included with their reason.
pub fn render(answer: &Answer) -> String {
    let document = Document {
        removed: answer
            .removed
            .iter()
            .map(|held| Removed {
                party: &held.party,
                owns: held.owns,
                critical: held.critical,
                backups: held.backups,
                decides: held.decides,
                tiers: held.tiers,
                meetings: held.meetings,
            })
            .collect(),
        fallbacks: answer
            .fallbacks
            .iter()
            .map(|f| f.pointer.as_str())
            .collect(),
        new: answer
            .new
            .iter()
            .map(|d| Record::new(&answer.source, d))
            .collect(),
        gone: answer
            .gone
            .iter()
            .map(|d| Record::new(&answer.source, d))
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}
