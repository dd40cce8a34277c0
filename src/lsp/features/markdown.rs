//! Scope text made literal inside hover Markdown.
//!
//! A party name is written by whoever wrote the scope, possibly another
//! company: it must not become a link, an image, HTML, code or a heading in
//! the editor, nor carry terminal controls or bidirectional overrides.

use crate::terminal;

/// `text` as literal Markdown on one line: control, bidirectional and line
/// separator characters shown as escapes (`\u{202e}`), line breaks as
/// `\n`, and every ASCII punctuation character backslash-escaped (CommonMark
/// allows that for all of them), so nothing in it is markup and no URL in it
/// is turned into a link.
pub fn escape(text: &str) -> String {
    let visible = terminal::sanitize_line(text);
    let mut out = String::with_capacity(visible.len() + 8);
    for c in visible.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `id` as inline code: ids match `[a-z][a-z0-9-]*` once the scope loaded,
/// but a reference to an undefined party may hold anything, so anything
/// else is escaped text instead.
pub fn code(id: &str) -> String {
    let plain = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    if plain { format!("`{id}`") } else { escape(id) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_images_html_and_code_stay_text() {
        assert_eq!(escape("[x](http://evil)"), r"\[x\]\(http\:\/\/evil\)");
        assert_eq!(escape("<img src=x>"), r"\<img src\=x\>");
        assert_eq!(escape("`rm -rf`"), r"\`rm \-rf\`");
        assert_eq!(escape("# Title\n* item"), r"\# Title\\n\* item");
    }

    #[test]
    fn controls_and_bidi_are_shown_escaped() {
        let shown = escape("a\u{202e}b\u{1b}[31mc");
        assert!(!shown.contains('\u{202e}') && !shown.contains('\u{1b}'));
        assert_eq!(shown, r"a\\u\{202e\}b\\u\{1b\}\[31mc");
    }

    #[test]
    fn only_plain_ids_become_code() {
        assert_eq!(code("msp"), "`msp`");
        assert_eq!(code("a`b"), r"a\`b");
        assert_eq!(code(""), "");
    }
}
