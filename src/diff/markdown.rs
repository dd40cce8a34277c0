//! The markdown rendering, for a renewal memo or a pull-request comment: a
//! heading, the summary line, one table per group (Change | Impact), and
//! the sign-off table (Party | Loses | Gains) that closes the memo.
//!
//! Text from the scope lands in table cells, so [`cell`] escapes whatever
//! could break the table or inject markup: `|`, line breaks, HTML, emphasis
//! and link brackets. Backticks survive only around id-shaped text (which
//! the summaries use to name ids); any other backtick is escaped.

use super::{Change, Group, Impact, SignOff, summary_line};

/// The changes from `old_label` to `new_label` as markdown, ending with who
/// must sign them off; `name` gives a party's name for its id.
pub fn render(
    changes: &[Change],
    (old_label, new_label): (&str, &str),
    sign_off: &[SignOff],
    name: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::from("## Scope changes\n\n");
    out.push_str(&format!(
        "From {} to {}: {}.\n",
        cell(old_label),
        cell(new_label),
        summary_line(changes)
    ));
    for group in Group::ALL {
        let in_group: Vec<&Change> = changes.iter().filter(|c| c.group == group).collect();
        if in_group.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n### {}\n\n| Change | Impact |\n| --- | --- |\n",
            group.title()
        ));
        for change in in_group {
            let impact = match change.impact {
                Impact::Major => "**major**",
                Impact::Minor => "minor",
                Impact::Info => "info",
            };
            out.push_str(&format!(
                "| {} {} | {impact} |\n",
                change.kind.direction().marker(),
                cell(&change.summary)
            ));
        }
    }
    if !changes.is_empty() && !sign_off.is_empty() {
        out.push_str("\n### Sign-off\n\n| Party | Loses | Gains |\n| --- | --- | --- |\n");
        for entry in sign_off {
            let mut party = cell(&name(&entry.party));
            if entry.approves {
                party.push_str(" (approves scope changes)");
            }
            let list = |hands: &[super::Hand]| {
                if hands.is_empty() {
                    "nothing".to_owned()
                } else {
                    hands
                        .iter()
                        .map(|h| cell(&h.what))
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            };
            out.push_str(&format!(
                "| {party} | {} | {} |\n",
                list(&entry.loses),
                list(&entry.gains)
            ));
        }
    }
    out
}

/// Whether `text` is what the summaries put in backticks: an id or a number.
fn id_shaped(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `text` made safe for one markdown table cell.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '`' => match rest.find('`') {
                Some(end) if id_shaped(&rest[..end]) => {
                    out.push('`');
                    out.push_str(&rest[..=end]);
                    rest = &rest[end + 1..];
                }
                _ => out.push_str("\\`"),
            },
            '|' | '\\' | '*' | '_' | '[' | ']' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_markup_but_keep_id_code_spans() {
        assert_eq!(
            cell("function `patch-management`: a|b"),
            "function `patch-management`: a\\|b"
        );
        assert_eq!(cell("<script>x</script>"), "&lt;script&gt;x&lt;/script&gt;");
        assert_eq!(cell("name `Evil | x` here"), "name \\`Evil \\| x\\` here");
        assert_eq!(cell("two\nlines\u{1b}"), "two lines");
        assert_eq!(cell("[link](http://x)"), "\\[link\\](http://x)");
    }

    #[test]
    fn empty_diff_says_so() {
        let text = render(&[], ("a.yaml", "b.yaml"), &[], &|id| id.to_owned());
        assert_eq!(
            text,
            "## Scope changes\n\nFrom a.yaml to b.yaml: no changes in scope.\n"
        );
    }
}
