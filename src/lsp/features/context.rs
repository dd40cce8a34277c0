//! Where the cursor is in text that may not parse: the chain of keys above
//! it, read from the current line and its indentation parents.
//!
//! Completion runs while the user types, when the document is usually not
//! valid YAML, so this reads lines, not a tree: the current line's block
//! key (`owner: `), list dash (`- `) and open flow collections
//! (`informed: [a, `), then the lines above with less indentation that
//! open a block (`responsible:`).

/// The keys from the root to the cursor, and whether the cursor is at a
/// value of the last key (else at a new key of the mapping it names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Keys from outermost to innermost (list items add no key).
    pub keys: Vec<String>,
    /// True at a value (or a list item) of the last key; false at a key.
    pub at_value: bool,
}

/// One line's block structure: where its content starts, its list dashes,
/// its block key and what follows that key.
struct Line<'t> {
    /// Column of the first character that is not a space.
    first: usize,
    /// Whether the content starts with a list dash.
    dash: bool,
    /// The block key (`owner` in `  - owner: msp`).
    key: Option<&'t str>,
    /// The text after the key's colon, or after the dashes when no key.
    rest: &'t str,
}

fn parse_line(line: &str) -> Line<'_> {
    let trimmed = line.trim_start_matches(' ');
    let first = line.len() - trimmed.len();
    let mut rest = trimmed;
    let mut dash = false;
    while let Some(after) = rest.strip_prefix('-') {
        if after.is_empty() || after.starts_with([' ', '\t']) {
            dash = true;
            rest = after.trim_start_matches([' ', '\t']);
        } else {
            break;
        }
    }
    let key_end = rest
        .find(|c: char| c.is_whitespace() || ":#'\"{}[],&*!|>".contains(c))
        .unwrap_or(rest.len());
    let after_key = &rest[key_end..];
    let is_key = key_end > 0
        && after_key.starts_with(':')
        && (after_key.len() == 1 || after_key[1..].starts_with([' ', '\t', '\r']));
    if is_key {
        Line {
            first,
            dash,
            key: Some(&rest[..key_end]),
            rest: after_key[1..].trim_start_matches([' ', '\t']),
        }
    } else {
        Line {
            first,
            dash,
            key: None,
            rest,
        }
    }
}

/// Whether the text after a key opens a block below it (nothing, an
/// anchor, a comment).
fn opens_block(rest: &str) -> bool {
    let rest = rest.trim_end();
    rest.is_empty()
        || rest.starts_with('#')
        || (rest.starts_with('&') && !rest.contains(char::is_whitespace))
}

/// The place of a word starting at byte `word_start` of `text`; `None` in
/// a comment or where no key is known.
pub fn place(text: &str, word_start: usize) -> Option<Place> {
    let line_start = text[..word_start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = parse_line(&text[line_start..word_start]);
    let mut keys = parents(&text[..line_start], line.first, line.dash);
    keys.extend(line.key.map(str::to_owned));
    let flow = scan_flow(line.rest)?;
    keys.extend(flow.keys);
    let at_value = match flow.at_value {
        Some(at_value) => at_value,
        None => line.key.is_some() || line.dash,
    };
    Some(Place { keys, at_value })
}

/// The block keys above a line whose content starts at column `first`
/// (with a list dash when `dash`), outermost first.
fn parents(above: &str, first: usize, dash: bool) -> Vec<String> {
    let mut keys = Vec::new();
    // A key at the dash's column still holds the list (`key:\n- a`).
    let mut below = if dash { first + 1 } else { first };
    let mut sibling_dash = dash.then_some(first);
    // LF, CRLF and a lone CR all end a line, as in YAML (the empty piece
    // between CR and LF is skipped as blank).
    for raw in above.split(['\n', '\r']).rev() {
        if below == 0 {
            break;
        }
        let line = parse_line(raw);
        let content = &raw[line.first..];
        if content.trim().is_empty() || content.starts_with('#') || content.starts_with("---") {
            continue;
        }
        if line.dash && sibling_dash == Some(line.first) {
            continue;
        }
        if line.first >= below {
            continue;
        }
        if let Some(key) = line.key.filter(|_| opens_block(line.rest)) {
            keys.push(key.to_owned());
        }
        if line.dash {
            below = line.first + 1;
            sibling_dash = Some(line.first);
        } else {
            below = line.first;
            sibling_dash = None;
        }
    }
    keys.reverse();
    keys
}

/// What the flow text of a line (after its block key) says about the
/// cursor at its end.
struct Flow {
    /// Keys inside the open flow collections.
    keys: Vec<String>,
    /// `Some` when inside a flow collection: at a value or at a key.
    at_value: Option<bool>,
}

/// Reads `rest` for open `[` and `{` and the keys inside them. `None` when
/// the cursor is in a comment.
fn scan_flow(rest: &str) -> Option<Flow> {
    // Per open collection: whether it is a mapping, and its current key.
    let mut frames: Vec<(bool, Option<String>)> = Vec::new();
    let mut token = String::new();
    let mut chars = rest.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                // A closed string is a value; an open one holds the cursor.
                for inner in chars.by_ref() {
                    if inner == c {
                        break;
                    }
                }
            }
            '#' if previous.is_whitespace() => return None,
            ':' if chars.peek().is_none_or(|n| n.is_whitespace()) => {
                if let Some((true, key)) = frames.last_mut() {
                    *key = Some(token.trim().to_owned());
                }
                token.clear();
            }
            '[' | '{' => {
                frames.push((c == '{', None));
                token.clear();
            }
            ']' | '}' => {
                frames.pop();
                token.clear();
            }
            ',' => {
                if let Some((true, key)) = frames.last_mut() {
                    *key = None;
                }
                token.clear();
            }
            _ => token.push(c),
        }
        previous = c;
    }
    let Some((is_map, current)) = frames.last() else {
        return Some(Flow {
            keys: Vec::new(),
            at_value: None,
        });
    };
    let mut keys: Vec<String> = frames
        .iter()
        .take(frames.len() - 1)
        .filter_map(|(_, key)| key.clone())
        .collect();
    let at_value = match (is_map, current) {
        (true, Some(key)) => {
            keys.push(key.clone());
            true
        }
        (true, None) => false,
        (false, _) => true,
    };
    Some(Flow {
        keys,
        at_value: Some(at_value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place at the `|` of `text`.
    fn at(text: &str) -> Option<(Vec<String>, bool)> {
        let cursor = text.find('|').unwrap();
        let text = text.replace('|', "");
        place(&text, cursor).map(|p| (p.keys, p.at_value))
    }

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|k| (*k).to_owned()).collect()
    }

    #[test]
    fn a_block_key_value() {
        let text = "services:\n  s:\n    functions:\n      f:\n        owner: |\n";
        assert_eq!(
            at(text),
            Some((keys(&["services", "s", "functions", "f", "owner"]), true))
        );
    }

    #[test]
    fn a_block_list_item_at_the_same_or_a_deeper_indent() {
        let deeper = "f:\n  responsible:\n    - msp\n    - |\n";
        assert_eq!(at(deeper), Some((keys(&["f", "responsible"]), true)));
        let same = "f:\n  responsible:\n  - msp\n  - |\n";
        assert_eq!(at(same), Some((keys(&["f", "responsible"]), true)));
    }

    #[test]
    fn a_flow_list_and_a_flow_mapping() {
        assert_eq!(
            at("f:\n  informed: [leadership, |"),
            Some((keys(&["f", "informed"]), true))
        );
        assert_eq!(
            at("escalation:\n  std:\n    - { tier: 1, party: |"),
            Some((keys(&["escalation", "std", "party"]), true))
        );
        assert_eq!(
            at("lint: { unused-party: |"),
            Some((keys(&["lint", "unused-party"]), true))
        );
        assert_eq!(
            at("lint: { unused-party: allow, |"),
            Some((keys(&["lint"]), false))
        );
    }

    #[test]
    fn a_key_inside_a_list_item_mapping() {
        let text = "cadence:\n  - name: Weekly\n    every: |\n";
        assert_eq!(at(text), Some((keys(&["cadence", "every"]), true)));
        let text = "cadence:\n- name: Weekly\n  parties:\n  - msp\n  - |\n";
        assert_eq!(at(text), Some((keys(&["cadence", "parties"]), true)));
        let text = "escalation:\n  std:\n    - tier: 1\n      party: |\n";
        assert_eq!(
            at(text),
            Some((keys(&["escalation", "std", "party"]), true))
        );
    }

    #[test]
    fn a_new_key_under_a_block() {
        let text = "lint:\n  unused-party: allow\n  |\n";
        assert_eq!(at(text), Some((keys(&["lint"]), false)));
        let text = "f:\n  owner: msp\n  waive:\n    |";
        assert_eq!(at(text), Some((keys(&["f", "waive"]), false)));
    }

    #[test]
    fn crlf_lines_and_comments() {
        let text = "f:\r\n  responsible:\r\n    - |";
        assert_eq!(at(text), Some((keys(&["f", "responsible"]), true)));
        assert_eq!(at("f:\n  owner: msp # the |"), None);
        let text = "f:\r  responsible:\r    - |";
        assert_eq!(
            at(text),
            Some((keys(&["f", "responsible"]), true)),
            "lone CR"
        );
        let text = "f:\n  # a comment\n\n  owner: |";
        assert_eq!(at(text), Some((keys(&["f", "owner"]), true)));
    }
}
