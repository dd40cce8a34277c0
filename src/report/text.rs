//! Phrases every format shares, so the numbers read the same everywhere.
//! They return raw text: each renderer escapes it its own way.

use super::model::{Header, Provision, RaciCell, Who};

/// The columns of the "Who owns what" table.
pub const OWNERSHIP_COLUMNS: [&str; 6] = [
    "Party",
    "Role",
    "Owns",
    "Critical",
    "Critical without backup",
    "Backs up",
];

/// `"in 220 days"`, `"today"`, `"3 days ago"`.
pub fn days_from_now(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "yesterday".to_owned(),
        d if d > 0 => format!("in {d} days"),
        d => format!("{} days ago", -d),
    }
}

/// The renewal line: `"2027-06-30 (in 220 days)"`, or `"not set"`.
pub fn renewal(header: &Header) -> String {
    match (header.renewal, header.days_to_renewal) {
        (Some(date), Some(days)) => format!("{date} ({})", days_from_now(days)),
        _ => "not set".to_owned(),
    }
}

/// The term line: `"2025-07-01 to 2027-06-30 (24 months)"`.
pub fn term(header: &Header) -> String {
    let date = |d: Option<crate::scope::Date>| d.map_or_else(|| "?".to_owned(), |d| d.to_string());
    if header.start.is_none() && header.renewal.is_none() {
        return "not set".to_owned();
    }
    let mut text = format!("{} to {}", date(header.start), date(header.renewal));
    if let Some(months) = header.term_months {
        text.push_str(&format!(" ({months} months)"));
    }
    text
}

/// The last-review line: `"2026-10-20 (33 days ago)"`, or `"never recorded"`.
pub fn reviewed(header: &Header) -> String {
    match (header.reviewed, header.days_since_review) {
        (Some(date), Some(days)) => format!("{date} ({})", days_from_now(-days)),
        _ => "never recorded".to_owned(),
    }
}

/// A matrix cell as text: the letters, then `B` for the backup owner
/// (`"RA"`, `"C B"`, `"B"`, `""`).
pub fn cell(cell: &RaciCell) -> String {
    match (cell.letters.is_empty(), cell.backup) {
        (_, false) => cell.letters.clone(),
        (true, true) => "B".to_owned(),
        (false, true) => format!("{} B", cell.letters),
    }
}

/// `"unknown party"` or `"unknown parties"`, for the undefined ids a scope
/// names where a party belongs; each format shows the ids as code after it.
pub fn unknown_party(count: usize) -> &'static str {
    if count == 1 {
        "unknown party"
    } else {
        "unknown parties"
    }
}

/// Names joined with commas; `"—"` for none.
pub fn names(parties: &[Who]) -> String {
    if parties.is_empty() {
        return "—".to_owned();
    }
    parties
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The decider column: one name, `"undecided"`, or the contested names.
pub fn decider(parties: &[Who]) -> String {
    match parties {
        [] => "undecided".to_owned(),
        [one] => one.name.clone(),
        many => format!("contested: {}", names(many)),
    }
}

/// An optional party's name, or `"not set"`.
pub fn maybe(party: Option<&Who>) -> String {
    party.map_or_else(|| "not set".to_owned(), |p| p.name.clone())
}

/// An optional text, or `"—"`.
pub fn or_dash(text: Option<&str>) -> String {
    text.unwrap_or("—").to_owned()
}

/// How a function's hours are met, in words.
pub fn provision(status: Provision, provided_by: &[String]) -> String {
    match status {
        Provision::Gap => "GAP: nobody covers these hours".to_owned(),
        Provision::Owner => format!("owner ({})", provided_by.join(", ")),
        Provision::Escalation => format!("escalation ({})", provided_by.join(", ")),
    }
}

/// The legend of the matrix letters.
pub const LEGEND: &str =
    "A accountable (owner) · R responsible · C consulted · I informed · B backup owner";

/// `"1 function"`, `"3 functions"`.
pub fn plural(count: usize, noun: &str) -> String {
    crate::findings::plural(count, noun)
}

/// `text` wrapped at spaces to `width` columns; continuation lines start
/// with `indent`. A word longer than a line stays whole.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut column = 0;
    let lead = text.len() - text.trim_start().len();
    out.push_str(&text[..lead]);
    column += lead;
    for word in text[lead..].split(' ') {
        let len = word.chars().count();
        if column > lead && column + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            column = indent.chars().count();
        } else if column > lead {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{days_from_now, wrap};

    #[test]
    fn wraps_at_spaces_and_indents() {
        assert_eq!(wrap("aa bb cc", 5, "  "), "aa bb\n  cc");
        assert_eq!(wrap("  key = value", 8, "    "), "  key =\n    value");
        assert_eq!(wrap("short", 80, ""), "short");
        assert_eq!(wrap("unbreakable-word", 4, ""), "unbreakable-word");
    }

    #[test]
    fn days_read_naturally() {
        assert_eq!(days_from_now(220), "in 220 days");
        assert_eq!(days_from_now(0), "today");
        assert_eq!(days_from_now(-3), "3 days ago");
    }
}
