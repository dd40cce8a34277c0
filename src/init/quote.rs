//! Writing user-supplied text as a YAML scalar that reads back unchanged.
//!
//! `comanage init --client NAME` puts a name typed by a person into YAML.
//! A plain scalar would break on `: `, ` #`, a leading `-`, `&` or `*`, turn
//! `yes` into a boolean or `2026-01-01` into a date. A double-quoted scalar
//! holds any text once `\` and `"` are escaped and every character YAML does
//! not allow raw (controls, line breaks, non-characters) is written as an
//! escape, so that is the one form used.

use std::fmt::Write;

/// `text` as a double-quoted YAML scalar that parses back to exactly `text`.
pub fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            // Next line, line and paragraph separators are line breaks to a
            // YAML parser: raw, they would be folded into spaces.
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) => {
                let code = u32::from(c);
                if code <= 0xFF {
                    let _ = write!(out, "\\x{code:02X}");
                } else if code <= 0xFFFF {
                    let _ = write!(out, "\\u{code:04X}");
                } else {
                    let _ = write!(out, "\\U{code:08X}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether YAML 1.2 forbids `c` raw in a double-quoted scalar (outside its
/// printable set), or it is a byte-order mark a parser may drop.
fn needs_escape(c: char) -> bool {
    let printable = matches!(c,
        '\u{20}'..='\u{7E}'
        | '\u{A0}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}');
    !printable || c == '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{self, Value};

    fn round_trip(text: &str) -> String {
        let document = format!("key: {}\n", double_quoted(text));
        let root = yaml::parse(&document).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        let Value::Map(entries) = root.value else {
            panic!("{text:?}: not a mapping");
        };
        match &entries[0].value.value {
            Value::Str(s) => s.clone(),
            other => panic!("{text:?}: not a string: {other:?}"),
        }
    }

    #[test]
    fn hostile_names_read_back_unchanged() {
        let cases = [
            "Harbor Dental",
            "Acme: the company",
            "Smith & Sons # best",
            "\"quoted\" and 'single'",
            "line one\nline two\r\n",
            "- leading dash",
            "? question",
            "*alias &anchor !tag",
            "back\\slash",
            "yes",
            "null",
            "2026-01-01",
            "1e3",
            "Ærøskøbing Zahnärzte 歯科 🦷",
            "bell\u{7}escape\u{1b}[31m",
            "next\u{85}line\u{2028}sep\u{2029}para",
            "\u{FEFF}bom",
            "\u{FFFE}\u{FFFF}",
            "   padded   ",
            "tab\there",
            "",
            "{ flow: [1, 2] }",
            "%directive",
            "@at `tick`",
        ];
        for case in cases {
            assert_eq!(round_trip(case), case, "{case:?}");
        }
    }

    #[test]
    fn output_is_one_line() {
        assert!(!double_quoted("a\nb\u{2028}c").contains('\n'));
        assert!(!double_quoted("a\u{2028}b").contains('\u{2028}'));
    }
}
