//! `--format table`: the report for the terminal.
//!
//! Tables wrap rather than cut (comfy-table's dynamic arrangement at the
//! terminal width). Every string from the scope passes through
//! [`terminal::sanitize`] in [`clean`] before it is placed; colour (headings,
//! gaps, errors) is added afterwards, and only when asked for.

use comfy_table::{
    Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets,
};
use owo_colors::OwoColorize;

use super::model::{Provision, Report, Who};
use super::text;
use crate::diagnostics::Level;
use crate::terminal;

/// Renders `report` for a terminal `width` columns wide.
pub fn render(report: &Report, width: usize, color: bool) -> String {
    let out = Out { width, color };
    let mut s = String::new();
    out.header(&mut s, report);
    out.ownership(&mut s, report);
    out.raci(&mut s, report);
    out.decisions(&mut s, report);
    out.escalation(&mut s, report);
    out.coverage(&mut s, report);
    out.findings(&mut s, report);
    out.changes(&mut s, report);
    s
}

/// Scope text made safe for a terminal and kept on one line (a newline in a
/// name would start a forged line); tabs become spaces so they cannot
/// skew a table's columns, and words longer than [`LONGEST_WORD`] are cut
/// into lines of that length.
pub(super) fn clean(text: &str) -> String {
    break_long_words(&terminal::sanitize_line(text).replace('\t', " "))
}

/// The longest word a table cell gets whole (ids are at most 64).
const LONGEST_WORD: usize = 64;

/// `text` with every run of more than [`LONGEST_WORD`] non-space
/// characters cut by line breaks. comfy-table splits an over-long word
/// again and again as it measures it, which is quadratic in the word's
/// length (a 200 KB party name took seconds); lines of bounded length keep
/// the table linear.
fn break_long_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            run = 0;
        } else {
            if run == LONGEST_WORD {
                out.push('\n');
                run = 0;
            }
            run += 1;
        }
        out.push(c);
    }
    out
}

struct Out {
    width: usize,
    color: bool,
}

impl Out {
    fn table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(self.width).unwrap_or(u16::MAX))
            .set_header(header.iter().map(|h| Cell::new(clean(h))));
        table
    }

    fn heading(&self, s: &mut String, title: &str) {
        s.push('\n');
        if self.color {
            s.push_str(&title.bold().underline().to_string());
        } else {
            s.push_str(title);
            s.push('\n');
            s.push_str(&"─".repeat(title.chars().count()));
        }
        s.push('\n');
    }

    fn line(&self, s: &mut String, label: &str, value: &str) {
        let label = format!("{label:<15}");
        if self.color {
            s.push_str(&label.dimmed().to_string());
        } else {
            s.push_str(&label);
        }
        s.push_str(&clean(value));
        s.push('\n');
    }

    /// A paragraph wrapped at the width, continuation lines indented.
    fn para(&self, s: &mut String, text: &str, indent: &str) {
        s.push_str(&text::wrap(text, self.width, indent));
        s.push('\n');
    }

    fn alert(&self, text: &str) -> String {
        if self.color {
            text.red().bold().to_string()
        } else {
            text.to_owned()
        }
    }

    fn push_table(s: &mut String, table: &Table) {
        s.push_str(&table.to_string());
        s.push('\n');
    }

    fn header(&self, s: &mut String, report: &Report) {
        let h = &report.engagement;
        let title = format!("Quarterly business review · {}", clean(&h.client));
        if self.color {
            s.push_str(&title.bold().to_string());
        } else {
            s.push_str(&title);
        }
        s.push_str("\n\n");
        self.line(s, "Provider", &text::or_dash(h.provider.as_deref()));
        self.line(s, "Term", &text::term(h));
        self.line(s, "Renewal", &text::renewal(h));
        self.line(s, "Last review", &text::reviewed(h));
        let scope = format!(
            "{} · {} · {} critical",
            text::plural(h.services, "service"),
            text::plural(h.functions, "function"),
            h.critical
        );
        self.line(s, "Scope", &scope);
        self.line(s, "As of", &h.today.to_string());
    }

    fn ownership(&self, s: &mut String, report: &Report) {
        self.heading(s, "Who owns what");
        let mut table = self.table(&text::OWNERSHIP_COLUMNS);
        for o in &report.ownership {
            table.add_row(vec![
                Cell::new(clean(&o.party.name)),
                Cell::new(o.role.as_deref().unwrap_or("undeclared")),
                number(o.owned),
                number(o.critical),
                number(o.critical_without_backup),
                number(o.backing_up),
            ]);
        }
        Self::push_table(s, &table);
        if !report.unowned.is_empty() {
            let names: Vec<String> = report
                .unowned_with_unknown()
                .into_iter()
                .map(|(f, ids)| format!("{}{}", clean(&f.name), unknown(ids)))
                .collect();
            let line = text::wrap(&format!("Unowned: {}", names.join(", ")), self.width, "  ");
            s.push_str(&self.alert(&line));
            s.push('\n');
        }
    }

    fn raci(&self, s: &mut String, report: &Report) {
        self.heading(s, "RACI matrix");
        self.para(s, &format!("{} · ★ critical", text::LEGEND), "");
        let parties = &report.raci.parties;
        // Party names as column heads, unless they leave the function names
        // too little room: then the short ids, with a key to the names.
        let by_name = |p: &&Who| longest_word(&p.name);
        let room = |width: usize| self.width.saturating_sub(parties.len() * (width + 3) + 4);
        let named_room = room(parties.iter().map(|p| by_name(&p)).max().unwrap_or(0));
        let use_ids = named_room < MIN_FUNCTION_WIDTH;
        let mut header = vec!["Function"];
        if use_ids {
            header.extend(parties.iter().map(|p| p.id.as_str()));
            for p in parties {
                self.para(
                    s,
                    &format!("  {} = {}", clean(&p.id), clean(&p.name)),
                    "    ",
                );
            }
        } else {
            header.extend(parties.iter().map(|p| p.name.as_str()));
        }
        let mut table = self.table(&header);
        for (i, party) in parties.iter().enumerate() {
            let head = if use_ids {
                party.id.chars().count()
            } else {
                by_name(&party)
            };
            if let Some(column) = table.column_mut(i + 1) {
                let cap = u16::try_from(head.max(4) + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(cap)));
            }
        }
        let mut service = None;
        for row in &report.raci.rows {
            if service != Some(&row.service) {
                service = Some(&row.service);
                table.add_row(vec![Cell::new(format!("▸ {}", clean(&row.service_name)))]);
            }
            let star = if row.critical { " ★" } else { "" };
            let name = format!(
                "{}{star}{}",
                clean(&row.function_name),
                unknown(&row.unknown)
            );
            let mut cells = vec![Cell::new(name)];
            cells.extend(
                row.cells
                    .iter()
                    .map(|c| Cell::new(text::cell(c)).set_alignment(CellAlignment::Center)),
            );
            table.add_row(cells);
        }
        Self::push_table(s, &table);
    }

    fn decisions(&self, s: &mut String, report: &Report) {
        self.heading(s, "Decision rights");
        if report.decisions.is_empty() {
            s.push_str("No decisions are written down.\n");
        } else {
            let mut table = self.table(&["Decision", "Decides", "Consulted", "Informed"]);
            for d in &report.decisions {
                let question = d.question.as_deref().unwrap_or(&d.id);
                let decision = match &d.service {
                    Some(service) => format!("{}\n({})", clean(question), clean(service)),
                    None => clean(question),
                };
                table.add_row(vec![
                    decision,
                    clean(&text::decider(&d.decides)),
                    clean(&text::names(&d.consulted)),
                    clean(&text::names(&d.informed)),
                ]);
            }
            Self::push_table(s, &table);
        }
        let a = &report.authority;
        self.line(s, "Tie-breaker", &text::maybe(a.tie_breaker.as_ref()));
        self.line(s, "Scope changes", &text::maybe(a.scope_changes.as_ref()));
        self.line(s, "Out of scope", &text::maybe(a.out_of_scope.as_ref()));
    }

    fn escalation(&self, s: &mut String, report: &Report) {
        self.heading(s, "Escalation ladders");
        if report.escalation.is_empty() {
            s.push_str("No escalation paths are written down.\n");
        }
        for ladder in &report.escalation {
            s.push_str(&format!(
                "Path {} ({})\n",
                clean(&ladder.path),
                text::plural(ladder.functions, "function")
            ));
            let mut table =
                self.table(&["Tier", "Party", "Channel", "Hours", "Respond", "Resolve"]);
            for t in &ladder.tiers {
                table.add_row(vec![
                    t.tier.to_string(),
                    clean(&t.party.name),
                    clean(&text::or_dash(t.channel.as_deref())),
                    t.hours.to_string(),
                    text::or_dash(t.respond.as_deref()),
                    text::or_dash(t.resolve.as_deref()),
                ]);
            }
            Self::push_table(s, &table);
        }
    }

    fn coverage(&self, s: &mut String, report: &Report) {
        self.heading(s, "Coverage");
        if report.coverage.is_empty() {
            s.push_str("No function states the hours it needs.\n");
            return;
        }
        let mut table = self.table(&["Function", "Needs", "Owner", "Provided by"]);
        for c in &report.coverage {
            table.add_row(vec![
                clean(&c.function.name),
                c.need.to_string(),
                clean(&text::names(&c.owners)),
                clean(&text::provision(c.status, &c.provided_by)),
            ]);
        }
        Self::push_table(s, &table);
        let gaps = report
            .coverage
            .iter()
            .filter(|c| c.status == Provision::Gap)
            .count();
        if gaps > 0 {
            let line = format!(
                "{} without the hours they need",
                text::plural(gaps, "function")
            );
            s.push_str(&self.alert(&line));
            s.push('\n');
        }
    }

    fn findings(&self, s: &mut String, report: &Report) {
        self.heading(s, "Open lint findings");
        let f = &report.findings;
        if f.errors + f.warnings == 0 {
            s.push_str("No open findings");
        } else {
            s.push_str(&format!(
                "{}, {}",
                text::plural(f.errors, "error"),
                text::plural(f.warnings, "warning")
            ));
        }
        if f.waived > 0 {
            s.push_str(&format!(" ({} waived)", f.waived));
        }
        s.push('\n');
        if f.by_rule.is_empty() {
            return;
        }
        let mut table = self.table(&["Rule", "Level", "Count"]);
        for r in &f.by_rule {
            table.add_row(vec![
                Cell::new(clean(&r.rule)),
                Cell::new(r.level.as_str()),
                number(r.count),
            ]);
        }
        Self::push_table(s, &table);
        for line in &f.first {
            let level = match line.level {
                Level::Error => self.alert("error"),
                Level::Warning => "warning".to_owned(),
            };
            let text = format!(
                "  line {}: {}[{}] {}: {}",
                line.line,
                line.level.as_str(),
                clean(&line.rule),
                clean(&line.item),
                clean(&line.message)
            );
            let wrapped = text::wrap(&text, self.width, "    ");
            // Colour only the level word, after wrapping measured plain text.
            let word = line.level.as_str();
            s.push_str(&wrapped.replacen(word, &level, 1));
            s.push('\n');
        }
        let open = f.errors + f.warnings;
        if open > f.first.len() {
            s.push_str(&format!(
                "  … and {} more (run `comanage lint`)\n",
                open - f.first.len()
            ));
        }
    }

    fn changes(&self, s: &mut String, report: &Report) {
        let Some(changes) = &report.changes else {
            return;
        };
        let title = report.since.as_ref().map_or_else(
            || "What changed".to_owned(),
            |since| format!("What changed · {}", clean(&since.title())),
        );
        self.heading(s, &title);
        if changes.is_empty() {
            s.push_str("Nothing changed.\n");
            return;
        }
        let mut table = self.table(&["Area", "Change", "Impact"]);
        for c in changes {
            let change = clean(&super::since::plain(&c.phrases));
            table.add_row(vec![clean(&c.group), change, clean(&c.impact)]);
        }
        Self::push_table(s, &table);
    }
}

/// Below this many columns for function names, the matrix heads its party
/// columns with ids instead of names.
const MIN_FUNCTION_WIDTH: usize = 28;

/// The length of the longest word of `text`: the narrowest a wrapped column
/// can be without breaking a word.
fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// `" (unknown party `nobody`)"` for undefined ids; empty for none.
fn unknown(ids: &[String]) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let ids: Vec<String> = ids.iter().map(|id| format!("`{}`", clean(id))).collect();
    format!(" ({} {})", text::unknown_party(ids.len()), ids.join(", "))
}

fn number(n: usize) -> Cell {
    Cell::new(n).set_alignment(CellAlignment::Right)
}
