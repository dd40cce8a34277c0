//! `comanage lint`: the rule engine (DESIGN.md section 3).
//!
//! The engine runs every rule of the [`rules::REGISTRY`] on a loaded document,
//! applies the levels (defaults, then the file's `lint:` map) and the
//! waivers, and returns the findings in file order. Waived findings stay in
//! the list with `suppressed` set, so JSON and SARIF can show them.

pub mod references;
pub mod rule;
pub mod rules;
pub mod sarif;
pub mod waivers;

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Level};
use crate::findings::FileFindings;
use crate::scope::{Date, Document, LintLevel, Rejected, Scope};
use rule::{Check, Context};
use rules::{REGISTRY, expired_waiver, unknown_rule, unused_waiver};

/// What a lint run needs besides the document.
#[derive(Debug, Clone, Copy)]
pub struct LintOptions {
    /// The date date rules take as today.
    pub today: Date,
}

/// The findings of one file as `lint` reports them: the parse and schema
/// errors alone when it did not load, else every rule finding (waived ones
/// included), with the document when it loaded. `lint` (every output format)
/// and the language server both read their findings from here, so the
/// editor shows exactly what the command line does.
pub fn check_loaded(
    loaded: Result<Document, Rejected>,
    options: &LintOptions,
) -> (FileFindings, Option<Document>) {
    match loaded {
        Ok(document) => {
            let diagnostics = check(&document, options);
            let file = FileFindings {
                source: document.source.clone(),
                diagnostics,
            };
            (file, Some(document))
        }
        Err(rejected) => (rejected.into(), None),
    }
}

/// Every finding of the rules on `document`, levels applied, waived findings
/// included (with `suppressed` set), in file order.
pub fn check(document: &Document, options: &LintOptions) -> Vec<Diagnostic> {
    let references = references::party_references(&document.scope);
    let cx = Context {
        scope: &document.scope,
        map: &document.map,
        today: options.today,
        references: &references,
    };
    let levels = levels(&document.scope);

    let mut findings = Vec::new();
    for rule in REGISTRY {
        if let Check::Scope(check) = rule.check {
            let start = findings.len();
            check(&cx, &mut findings);
            for finding in &mut findings[start..] {
                rule.id.clone_into(&mut finding.rule);
            }
        }
    }

    let mut engine = engine_findings(&cx, &levels, &mut findings);
    findings.append(&mut engine);
    findings.retain_mut(|finding| match levels.get(finding.rule.as_str()) {
        Some(LintLevel::Deny) => {
            finding.level = Level::Error;
            true
        }
        Some(LintLevel::Warn) => {
            finding.level = Level::Warning;
            true
        }
        Some(LintLevel::Allow) | None => false,
    });
    findings.sort_by(|a, b| {
        (a.primary.span.start, &a.rule, &a.message).cmp(&(
            b.primary.span.start,
            &b.rule,
            &b.message,
        ))
    });
    for finding in &mut findings {
        finding.label_anchor(&document.map);
    }
    findings
}

/// Each rule's level: its default, unless the file's `lint:` map sets one.
fn levels(scope: &Scope) -> HashMap<&'static str, LintLevel> {
    REGISTRY
        .iter()
        .map(|rule| {
            let level = scope
                .lint
                .get(rule.id)
                .copied()
                .unwrap_or(rule.default_level);
            (rule.id, level)
        })
        .collect()
}

/// The findings of the rules the engine computes itself: unknown rule ids in
/// the `lint:` map and in waivers, expired and unused waivers. Suppresses the
/// `findings` that active waivers cover on the way.
fn engine_findings(
    cx: &Context<'_>,
    levels: &HashMap<&'static str, LintLevel>,
    findings: &mut [Diagnostic],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for id in cx.scope.lint.keys() {
        if rules::find(id).is_none() {
            let mut at = String::from("/lint/");
            crate::source::push_escaped(&mut at, id);
            out.push(unknown_rule::finding(cx, at, id, "the `lint:` map"));
        }
    }
    let all = waivers::collect(cx.scope);
    // Waivers of the engine's own rules apply to the engine's findings, after
    // those exist; they are never reported as unused.
    let (engine_waivers, rule_waivers): (Vec<_>, Vec<_>) = all
        .iter()
        .partition(|w| rules::find(w.rule).is_some_and(|r| matches!(r.check, Check::Engine)));
    let index = waivers::FindingIndex::new(findings);
    for waiver in rule_waivers {
        if rules::find(waiver.rule).is_none() {
            let place = format!("a waiver on {}", crate::scope::describe::item(&waiver.item));
            out.push(unknown_rule::finding(
                cx,
                waiver.pointer.clone(),
                waiver.rule,
                &place,
            ));
            continue;
        }
        if levels.get(waiver.rule) == Some(&LintLevel::Allow) {
            continue;
        }
        if let Some(until) = expired(waiver, cx.today) {
            out.push(expired_waiver::finding(cx, waiver, until));
            continue;
        }
        if !waivers::apply(waiver, findings, &index) {
            out.push(unused_waiver::finding(cx, waiver));
        }
    }
    // A waiver of an engine rule expires like any other (its `expired-waiver`
    // finding can itself be waived by an active waiver of `expired-waiver`),
    // but is never reported as unused.
    let mut active = Vec::new();
    for waiver in engine_waivers {
        if levels.get(waiver.rule) == Some(&LintLevel::Allow) {
            continue;
        }
        match expired(waiver, cx.today) {
            Some(until) => out.push(expired_waiver::finding(cx, waiver, until)),
            None => active.push(waiver),
        }
    }
    let engine_index = waivers::FindingIndex::new(&out);
    for waiver in active {
        waivers::apply(waiver, &mut out, &engine_index);
    }
    out
}

/// The `until` date of `waiver` when it has expired: it works through that
/// day and is expired from the next day on.
fn expired(waiver: &waivers::WaiverAt<'_>, today: Date) -> Option<Date> {
    waiver.waiver.until.filter(|until| *until < today)
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
