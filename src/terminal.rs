//! Making untrusted text safe to print, and deciding on colour.
//!
//! Scope files come from other people. A string such as a party name can hold
//! ANSI escape sequences that would recolour, hide or rewrite what the user
//! sees; everything from a scope passes through [`sanitize`] before it reaches
//! a terminal.

use std::borrow::Cow;
use std::io::IsTerminal;

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour output written to standard output.
    pub fn for_stdout(self) -> bool {
        self.resolve(std::io::stdout().is_terminal())
    }

    /// Whether to colour output written to standard error.
    pub fn for_stderr(self) -> bool {
        self.resolve(std::io::stderr().is_terminal())
    }

    fn resolve(self, is_terminal: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
}

fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with control characters (ANSI escapes, bells, carriage returns)
/// written as visible escapes such as `\u{1b}`.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` with each control character except line feed, carriage return and
/// tab replaced by as many `?` as it has bytes, so byte offsets still hold.
/// `None` when there is nothing to mask.
pub fn mask_controls(text: &str) -> Option<String> {
    let masked = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if !text.chars().any(masked) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if masked(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The width to wrap terminal output at: the `COLUMNS` variable when set,
/// else 100.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("plain\ttext"), "plain\ttext");
    }

    #[test]
    fn masking_keeps_offsets() {
        let text = "a\u{1b}b\u{85}c\n";
        let masked = mask_controls(text).unwrap();
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked, "a?b??c\n");
        assert_eq!(mask_controls("clean\n"), None);
    }
}
