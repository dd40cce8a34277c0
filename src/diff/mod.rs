//! Semantic diff of two scopes (DESIGN.md section 4).
//!
//! Two scopes are compared by ids, not by text lines: parties, services,
//! decisions and escalation paths by their map keys, functions by service and
//! id (with renames and moves detected), tiers by their `tier` number within a
//! path, meetings by name. Values are compared by meaning (`90m` equals
//! `1h30m`) and printed normalised.
//!
//! Each [`Change`] names its kind, its place (a JSON pointer), the old and new
//! values, its [`Impact`] and a one-sentence summary. Renderers for people
//! ([`human`]), memos ([`markdown`]) and scripts ([`json`]) read only these.
//!
//! Not compared: waivers and the `lint` map (they configure the linter, not
//! who owns what) and `baseline` (lint reports what it requires).

mod cadence;
pub mod canonical;
mod decisions;
mod escalation;
mod function_fields;
mod functions;
pub mod human;
pub mod json;
mod kind;
pub mod markdown;
mod order;
mod parties;
#[cfg(test)]
mod props;
mod record;
mod services;
pub mod sign_off;

use serde::Serialize;

use crate::scope::Scope;

pub use kind::{ChangeKind, Direction, Group};
pub use sign_off::{Hand, SignOff, sign_off};

/// How much a change matters, ordered `info` < `minor` < `major`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Impact {
    /// Names, notes, measures, contacts: wording only.
    Info,
    /// Additions, improvements, renames, moves between services.
    Minor,
    /// Something changes hands, disappears, or gets worse.
    Major,
}

impl Impact {
    /// The word used in output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Minor => "minor",
            Self::Major => "major",
        }
    }
}

/// One difference between two scopes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The group it is shown in (always `kind.group()`).
    pub group: Group,
    /// Where, as a JSON pointer in the new scope (in the old one for removals).
    pub pointer: String,
    /// Where it was in the old scope, for renames and moves.
    pub old_pointer: Option<String>,
    /// The old value, normalised; `None` when there was none.
    pub old: Option<serde_json::Value>,
    /// The new value, normalised; `None` when there is none.
    pub new: Option<serde_json::Value>,
    /// How much it matters.
    pub impact: Impact,
    /// One sentence naming the things involved, parties by name.
    pub summary: String,
    /// For a service default-owner change: the functions whose effective
    /// owner changes with it, by id. Absent for every other change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub functions: Option<Vec<String>>,
}

/// Every difference from `old` to `new`, in output order: by [`Group`],
/// then by impact (major first), then by place in the file (the new file's,
/// then what only the old one had).
pub fn diff(old: &Scope, new: &Scope) -> Vec<Change> {
    let mut out = record::Changes::naming(old, new);
    services::compare(&mut out, old, new);
    functions::compare(&mut out, old, new);
    decisions::compare(&mut out, old, new);
    escalation::compare(&mut out, old, new);
    parties::compare(&mut out, old, new);
    cadence::compare(&mut out, old, new);
    engagement(&mut out, old, new);
    let mut changes = out.into_vec();
    order::sort(&mut changes, old, new);
    changes
}

/// Client, provider and contract dates. Names are `info`; dates are `minor`
/// (they move the renewal conversation but hand nothing over).
fn engagement(out: &mut record::Changes, old: &Scope, new: &Scope) {
    let (o, n) = (&old.engagement, &new.engagement);
    let item = "the engagement";
    out.field(
        ChangeKind::ClientChanged,
        "/engagement/client",
        item,
        "client",
        Some(&o.client),
        Some(&n.client),
        |_, _| (Impact::Info, None),
    );
    out.field(
        ChangeKind::ProviderChanged,
        "/engagement/provider",
        item,
        "provider",
        o.provider.as_ref(),
        n.provider.as_ref(),
        |_, _| (Impact::Info, None),
    );
    let dates = [
        (ChangeKind::StartChanged, "start", o.start, n.start),
        (ChangeKind::RenewalChanged, "renewal", o.renewal, n.renewal),
        (
            ChangeKind::ReviewedChanged,
            "reviewed",
            o.reviewed,
            n.reviewed,
        ),
    ];
    for (kind, field, a, b) in dates {
        out.field(
            kind,
            &format!("/engagement/{field}"),
            item,
            field,
            a.as_ref(),
            b.as_ref(),
            |_, _| (Impact::Minor, None),
        );
    }
}

/// Counts per impact, most severe first, for summary lines.
pub fn impact_counts(changes: &[Change]) -> Vec<(Impact, usize)> {
    [Impact::Major, Impact::Minor, Impact::Info]
        .into_iter()
        .map(|impact| {
            (
                impact,
                changes.iter().filter(|c| c.impact == impact).count(),
            )
        })
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// The one-line summary: "3 ownership changes, 1 party change (2 major,
/// 2 minor)", or "no changes in scope".
pub fn summary_line(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no changes in scope".to_owned();
    }
    let groups: Vec<String> = Group::ALL
        .iter()
        .filter_map(|&group| {
            let n = changes.iter().filter(|c| c.group == group).count();
            (n > 0).then(|| {
                let s = if n == 1 { "" } else { "s" };
                format!("{n} {} change{s}", group.noun())
            })
        })
        .collect();
    let impacts: Vec<String> = impact_counts(changes)
        .into_iter()
        .map(|(impact, n)| format!("{n} {}", impact.as_str()))
        .collect();
    format!("{} ({})", groups.join(", "), impacts.join(", "))
}

/// Scopes written as YAML, for the unit tests of each comparison.
#[cfg(test)]
pub(crate) mod testing {
    use crate::scope::Scope;

    /// A scope with the given parties line and services block, loaded and
    /// validated like a file.
    pub fn scope(rest: &str) -> Scope {
        let yaml = format!("version: 1\nengagement: {{client: C}}\n{rest}");
        match crate::scope::load_bytes("t.yaml", yaml.into_bytes()) {
            Ok(document) => document.scope,
            Err(rejected) => panic!("{:?}", rejected.diagnostics),
        }
    }

    /// `(kind, summary)` of each change from `old` to `new`.
    pub fn changes(old: &str, new: &str) -> Vec<(super::ChangeKind, String)> {
        super::diff(&scope(old), &scope(new))
            .into_iter()
            .map(|c| (c.kind, c.summary))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::changes;
    use super::*;

    const PARTIES: &str =
        "parties:\n  it: {name: IT, role: internal}\n  msp: {name: MSP, role: provider}\n";

    #[test]
    fn ownership_transfers_and_removals_come_first() {
        let old = format!(
            "{PARTIES}services:\n  s:\n    functions:\n      a: {{owner: it}}\n      b: {{owner: it}}\n"
        );
        let new = format!(
            "{PARTIES}services:\n  s:\n    functions:\n      c: {{owner: it}}\n      a: {{owner: msp}}\n"
        );
        let kinds: Vec<ChangeKind> = changes(&old, &new).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            kinds,
            [
                ChangeKind::OwnerChanged,
                ChangeKind::FunctionRemoved,
                ChangeKind::FunctionAdded
            ]
        );
    }

    #[test]
    fn engagement_dates_and_summary_line() {
        let old = format!("{PARTIES}services: {{}}\n");
        let new = format!("{PARTIES}services: {{ }}  # written differently\n");
        assert_eq!(
            summary_line(&diff(&testing::scope(&old), &testing::scope(&new))),
            "no changes in scope"
        );
        let dated = testing::scope(&old);
        let mut renewed = dated.clone();
        renewed.engagement.renewal = "2027-01-01".parse().ok();
        let found = diff(&dated, &renewed);
        assert_eq!(
            found[0].summary,
            "the engagement: renewal none → 2027-01-01"
        );
        assert_eq!(summary_line(&found), "1 engagement change (1 minor)");
    }
}
