//! The pictures of the HTML page: the title slide's headline numbers and
//! ownership split, and the functions-owned-per-party bar chart. Geometry is
//! computed here; the template draws it as inline SVG.

use super::model::{Provision, Report};
use super::text;

/// A headline number on the title slide.
pub struct Stat {
    /// What is counted.
    pub label: &'static str,
    /// The number, as shown.
    pub value: String,
    /// A line of context under it.
    pub note: String,
    /// `good`, `warn`, `bad` or `plain`: the card's colour.
    pub tone: &'static str,
}

/// The functions-owned-per-party bar chart, as SVG geometry.
pub struct Chart {
    /// Height of the SVG viewBox.
    pub height: usize,
    /// One bar per party, in party order.
    pub bars: Vec<Bar>,
}

/// One party's bar: its name above, owned functions as the bar, critical
/// ones as the darker part of it.
pub struct Bar {
    /// The party's name, shown whole as the label's tooltip.
    pub name: String,
    /// The name as drawn: cut with an ellipsis to fit the chart's width
    /// (SVG text does not wrap or ellipsize by itself).
    pub label: String,
    /// Functions it owns.
    pub owned: usize,
    /// Of those, critical.
    pub critical: usize,
    /// Baseline of the name.
    pub label_y: usize,
    /// Top of the bar.
    pub bar_y: usize,
    /// Length of the whole bar.
    pub width: usize,
    /// Length of the critical part.
    pub critical_width: usize,
    /// Where the count is written, after the bar.
    pub count_x: usize,
}

/// Length of the longest bar, in viewBox units.
pub const CHART_BAR_MAX: usize = 560;
const CHART_ROW: usize = 62;
/// Characters of a party name that fit the chart's 720-unit width in its
/// 16-unit bold type, with room to spare for wide letters.
const CHART_LABEL_CHARS: usize = 64;

/// `text` cut to at most `max` characters, the last one an ellipsis, when
/// it is longer.
pub fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

impl Chart {
    /// The chart of `report`'s ownership.
    pub fn new(report: &Report) -> Self {
        let max = report
            .ownership
            .iter()
            .map(|o| o.owned)
            .max()
            .unwrap_or(0)
            .max(1);
        let scale = |n: usize| n * CHART_BAR_MAX / max;
        let bars: Vec<Bar> = report
            .ownership
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let top = i * CHART_ROW;
                let width = scale(o.owned);
                Bar {
                    name: o.party.name.clone(),
                    label: shortened(&o.party.name, CHART_LABEL_CHARS),
                    owned: o.owned,
                    critical: o.critical,
                    label_y: top + 18,
                    bar_y: top + 26,
                    width,
                    critical_width: scale(o.critical),
                    count_x: width + 12,
                }
            })
            .collect();
        Self {
            height: bars.len() * CHART_ROW + 4,
            bars,
        }
    }
}

/// Colours of the parties in the ownership split.
const PARTY_COLOURS: [&str; 10] = [
    "#1d3557", "#2a9d8f", "#e9a03b", "#7b5ea7", "#c05640", "#4a7ab8", "#9aa5b4", "#5a8f29",
    "#b5487a", "#8c6d46",
];

/// The colour of party `id`: derived from the id alone (FNV-1a), so a party
/// keeps its colour in every report, whatever the order or number of parties.
pub fn party_colour(id: &str) -> &'static str {
    let hash = id.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    PARTY_COLOURS[hash as usize % PARTY_COLOURS.len()]
}

/// One party's share of all owned functions, as a stacked bar segment.
pub struct Segment {
    /// The party's name (the undefined id, for an unknown party).
    pub name: String,
    /// Functions it owns.
    pub owned: usize,
    /// Left edge, in percent, formatted for SVG.
    pub x: String,
    /// Width, in percent.
    pub width: String,
    /// Fill colour.
    pub colour: &'static str,
    /// An undefined party: drawn hatched, labelled "unknown party".
    pub unknown: bool,
}

/// Each owning party's share of all functions with an owner, then one
/// hatched share per undefined id named as owner.
pub fn split(report: &Report) -> Vec<Segment> {
    let mut shares: Vec<(String, usize, &'static str, bool)> = report
        .ownership
        .iter()
        .filter(|o| o.owned > 0)
        .map(|o| {
            (
                o.party.name.clone(),
                o.owned,
                party_colour(&o.party.id),
                false,
            )
        })
        .collect();
    for unknown in &report.unknown_owners {
        for id in &unknown.parties {
            match shares.iter_mut().find(|s| s.3 && s.0 == *id) {
                Some(share) => share.1 += 1,
                None => shares.push((id.clone(), 1, "", true)),
            }
        }
    }
    let total: usize = shares.iter().map(|s| s.1).sum();
    let mut left = 0.0_f64;
    let mut out = Vec::new();
    for (name, owned, colour, unknown) in shares {
        // Counts are small (functions in one scope); the cast is exact.
        #[allow(clippy::cast_precision_loss)]
        let width = owned as f64 * 100.0 / total as f64;
        out.push(Segment {
            name,
            owned,
            x: format!("{left:.2}"),
            width: format!("{width:.2}"),
            colour,
            unknown,
        });
        left += width;
    }
    out
}

/// The headline numbers of the title slide.
pub fn stats(report: &Report) -> Vec<Stat> {
    let h = &report.engagement;
    let without_backup: usize = report
        .ownership
        .iter()
        .map(|o| o.critical_without_backup)
        .sum();
    let gaps = report
        .coverage
        .iter()
        .filter(|c| c.status == Provision::Gap)
        .count();
    let f = &report.findings;
    let tone = |bad: bool| if bad { "bad" } else { "good" };
    vec![
        Stat {
            label: "Functions in scope",
            value: h.functions.to_string(),
            note: format!(
                "{} critical · {}",
                h.critical,
                text::plural(h.services, "service")
            ),
            tone: "plain",
        },
        Stat {
            label: "Critical, no backup",
            value: without_backup.to_string(),
            note: "named backup owners".to_owned(),
            tone: tone(without_backup > 0),
        },
        Stat {
            label: "Unowned functions",
            value: report.unowned.len().to_string(),
            note: match report.unknown_owners.len() {
                0 => "one named owner each".to_owned(),
                n => format!("{n} owned by an unknown party"),
            },
            tone: tone(!report.unowned.is_empty()),
        },
        Stat {
            label: "Coverage gaps",
            value: gaps.to_string(),
            note: format!("of {} with stated hours", report.coverage.len()),
            tone: tone(gaps > 0),
        },
        Stat {
            label: "Open findings",
            value: (f.errors + f.warnings).to_string(),
            note: format!(
                "{} · {}",
                text::plural(f.errors, "error"),
                text::plural(f.warnings, "warning")
            ),
            tone: if f.errors > 0 {
                "bad"
            } else if f.warnings > 0 {
                "warn"
            } else {
                "good"
            },
        },
        Stat {
            label: "Days to renewal",
            value: h
                .days_to_renewal
                .map_or_else(|| "—".to_owned(), |d| d.to_string()),
            note: h
                .renewal
                .map_or_else(|| "no renewal date".to_owned(), |d| d.to_string()),
            tone: match h.days_to_renewal {
                Some(d) if d < 0 => "bad",
                Some(d) if d <= 90 => "warn",
                _ => "plain",
            },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn long_names_are_cut_with_an_ellipsis_short_ones_kept() {
        assert_eq!(shortened("Plant operations", 64), "Plant operations");
        assert_eq!(shortened("abcdef", 6), "abcdef");
        assert_eq!(shortened("abc defg", 5), "abc…");
        assert_eq!(shortened("ééééééé", 4), "ééé…");
        assert_eq!(shortened("abc", 0), "…");
    }
}
