//! `--format markdown`: the report as GitHub-flavoured Markdown, for wikis.
//!
//! Scope text goes through [`escape`]: it cannot end a table cell, open a
//! link, start HTML or smuggle terminal escapes.

use std::fmt::Write;

use super::model::Report;
use super::text;
use crate::terminal;

/// Renders `report` as Markdown.
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    header(&mut s, report);
    ownership(&mut s, report);
    raci(&mut s, report);
    decisions(&mut s, report);
    escalation(&mut s, report);
    coverage(&mut s, report);
    findings(&mut s, report);
    changes(&mut s, report);
    s
}

/// `text` made literal inside Markdown (and a table cell): control
/// characters made visible, line breaks as `<br>`, HTML and Markdown
/// punctuation escaped.
pub fn escape(text: &str) -> String {
    let lines = text.replace("\r\n", "\n").replace('\r', "\n");
    let safe = terminal::sanitize(&lines).into_owned();
    let mut out = String::with_capacity(safe.len());
    for c in safe.chars() {
        match c {
            '\n' => out.push_str("<br>"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '|' | '`' | '\\' | '*' | '_' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn table(s: &mut String, header: &[String], rows: impl IntoIterator<Item = Vec<String>>) {
    let _ = writeln!(s, "| {} |", header.join(" | "));
    let _ = writeln!(s, "|{}", " --- |".repeat(header.len()));
    for row in rows {
        let _ = writeln!(s, "| {} |", row.join(" | "));
    }
    s.push('\n');
}

fn heads(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

fn header(s: &mut String, report: &Report) {
    let h = &report.engagement;
    let _ = writeln!(s, "# Quarterly business review: {}\n", escape(&h.client));
    let rows = [
        ("Provider", text::or_dash(h.provider.as_deref())),
        ("Term", text::term(h)),
        ("Renewal", text::renewal(h)),
        ("Last review", text::reviewed(h)),
        (
            "Scope",
            format!(
                "{} · {} · {} critical",
                text::plural(h.services, "service"),
                text::plural(h.functions, "function"),
                h.critical
            ),
        ),
        ("As of", h.today.to_string()),
    ];
    table(
        s,
        &heads(&["", ""]),
        rows.into_iter()
            .map(|(k, v)| vec![format!("**{k}**"), escape(&v)]),
    );
}

fn ownership(s: &mut String, report: &Report) {
    s.push_str("## Who owns what\n\n");
    let head = heads(&text::OWNERSHIP_COLUMNS);
    table(
        s,
        &head,
        report.ownership.iter().map(|o| {
            vec![
                escape(&o.party.name),
                o.role.clone().unwrap_or_else(|| "undeclared".to_owned()),
                o.owned.to_string(),
                o.critical.to_string(),
                o.critical_without_backup.to_string(),
                o.backing_up.to_string(),
            ]
        }),
    );
    if !report.unowned.is_empty() {
        let names: Vec<String> = report
            .unowned_with_unknown()
            .into_iter()
            .map(|(f, ids)| format!("{}{}", escape(&f.name), unknown(ids)))
            .collect();
        let _ = writeln!(s, "**Unowned:** {}\n", names.join(", "));
    }
}

fn raci(s: &mut String, report: &Report) {
    s.push_str("## RACI matrix\n\n");
    let _ = writeln!(s, "{} · **★** critical\n", text::LEGEND);
    let mut head = heads(&["Service", "Function"]);
    head.extend(report.raci.parties.iter().map(|p| escape(&p.name)));
    table(
        s,
        &head,
        report.raci.rows.iter().map(|row| {
            let star = if row.critical { " ★" } else { "" };
            let mut cells = vec![
                escape(&row.service_name),
                format!(
                    "{}{star}{}",
                    escape(&row.function_name),
                    unknown(&row.unknown)
                ),
            ];
            cells.extend(row.cells.iter().map(|c| match text::cell(c) {
                letters if letters.is_empty() => letters,
                letters => format!("**{letters}**"),
            }));
            cells
        }),
    );
}

fn decisions(s: &mut String, report: &Report) {
    s.push_str("## Decision rights\n\n");
    if report.decisions.is_empty() {
        s.push_str("No decisions are written down.\n\n");
    } else {
        let head = heads(&["Decision", "Service", "Decides", "Consulted", "Informed"]);
        table(
            s,
            &head,
            report.decisions.iter().map(|d| {
                vec![
                    escape(d.question.as_deref().unwrap_or(&d.id)),
                    escape(&text::or_dash(d.service.as_deref())),
                    escape(&text::decider(&d.decides)),
                    escape(&text::names(&d.consulted)),
                    escape(&text::names(&d.informed)),
                ]
            }),
        );
    }
    let a = &report.authority;
    let _ = writeln!(
        s,
        "- **Tie-breaker:** {}\n- **Scope changes:** {}\n- **Out of scope:** {}\n",
        escape(&text::maybe(a.tie_breaker.as_ref())),
        escape(&text::maybe(a.scope_changes.as_ref())),
        escape(&text::maybe(a.out_of_scope.as_ref())),
    );
}

fn escalation(s: &mut String, report: &Report) {
    s.push_str("## Escalation ladders\n\n");
    if report.escalation.is_empty() {
        s.push_str("No escalation paths are written down.\n\n");
    }
    for ladder in &report.escalation {
        let _ = writeln!(
            s,
            "### Path {} ({})\n",
            escape(&ladder.path),
            text::plural(ladder.functions, "function")
        );
        let head = heads(&["Tier", "Party", "Channel", "Hours", "Respond", "Resolve"]);
        table(
            s,
            &head,
            ladder.tiers.iter().map(|t| {
                vec![
                    t.tier.to_string(),
                    escape(&t.party.name),
                    escape(&text::or_dash(t.channel.as_deref())),
                    t.hours.to_string(),
                    text::or_dash(t.respond.as_deref()),
                    text::or_dash(t.resolve.as_deref()),
                ]
            }),
        );
    }
}

fn coverage(s: &mut String, report: &Report) {
    s.push_str("## Coverage\n\n");
    if report.coverage.is_empty() {
        s.push_str("No function states the hours it needs.\n\n");
        return;
    }
    let head = heads(&["Function", "Needs", "Owner", "Provided by"]);
    table(
        s,
        &head,
        report.coverage.iter().map(|c| {
            vec![
                escape(&c.function.name),
                c.need.to_string(),
                escape(&text::names(&c.owners)),
                escape(&text::provision(c.status, &c.provided_by)),
            ]
        }),
    );
}

fn findings(s: &mut String, report: &Report) {
    s.push_str("## Open lint findings\n\n");
    let f = &report.findings;
    if f.errors + f.warnings == 0 {
        s.push_str("No open findings");
    } else {
        let _ = write!(
            s,
            "{}, {}",
            text::plural(f.errors, "error"),
            text::plural(f.warnings, "warning")
        );
    }
    if f.waived > 0 {
        let _ = write!(s, " ({} waived)", f.waived);
    }
    s.push_str(".\n\n");
    if f.first.is_empty() {
        return;
    }
    let head = heads(&["Line", "Level", "Rule", "Item", "Finding"]);
    table(
        s,
        &head,
        f.first.iter().map(|l| {
            vec![
                l.line.to_string(),
                l.level.as_str().to_owned(),
                escape(&l.rule),
                with_code(&l.item),
                with_code(&l.message),
            ]
        }),
    );
    let open = f.errors + f.warnings;
    if open > f.first.len() {
        let _ = writeln!(
            s,
            "… and {} more (run `comanage lint`).\n",
            open - f.first.len()
        );
    }
}

fn changes(s: &mut String, report: &Report) {
    let Some(changes) = &report.changes else {
        return;
    };
    let title = report
        .since
        .as_ref()
        .map_or_else(String::new, |since| format!(": {}", escape(&since.title())));
    let _ = writeln!(s, "## What changed{title}\n");
    if changes.is_empty() {
        s.push_str("Nothing changed.\n\n");
        return;
    }
    table(
        s,
        &heads(&["Area", "Change", "Impact"]),
        changes
            .iter()
            .map(|c| vec![escape(&c.group), phrases(&c.phrases), escape(&c.impact)]),
    );
}

/// `" (unknown party `nobody`)"` for undefined ids; empty for none.
fn unknown(ids: &[String]) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let codes: Vec<String> = ids.iter().map(|id| code(id)).collect();
    format!(" ({} {})", text::unknown_party(ids.len()), codes.join(", "))
}

/// A finding's text as Markdown: its `` `id` `` spans as code (as the
/// diff's Markdown shows them), the rest escaped.
fn with_code(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { code(part) } else { escape(part) })
        .collect()
}

/// A change's sentence: names escaped, literal values as code spans.
fn phrases(phrases: &[super::since::Phrase]) -> String {
    use super::since::PhraseKind;
    phrases
        .iter()
        .map(|p| match p.kind {
            PhraseKind::Code => code(&p.text),
            PhraseKind::Text | PhraseKind::Name => escape(&p.text),
        })
        .collect()
}

/// `text` as a Markdown code span, shown literally: fenced with one more
/// backtick than the longest run inside it, `|` escaped for table cells,
/// line breaks and control characters made harmless.
pub fn code(text: &str) -> String {
    let safe = terminal::sanitize(&text.replace(['\r', '\n'], " ")).replace('|', "\\|");
    let longest = safe.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if safe.starts_with('`') || safe.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{safe}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::{code, escape};

    #[test]
    fn findings_show_ids_as_code() {
        assert_eq!(
            super::with_code("function `a-b` in service `c*`"),
            "function `a-b` in service `c*`"
        );
        assert_eq!(super::with_code("a *b*"), "a \\*b\\*");
    }

    #[test]
    fn code_spans_show_their_text_literally() {
        assert_eq!(code("wifi-management"), "`wifi-management`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a|b"), "`a\\|b`");
    }

    #[test]
    fn cells_stay_literal() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<script>"), "&lt;script&gt;");
        assert_eq!(escape("`x`"), "\\`x\\`");
        assert_eq!(escape("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(escape("[x](javascript:1)"), "\\[x\\](javascript:1)");
        assert!(!escape("\u{1b}[31mred").contains('\u{1b}'));
    }
}
