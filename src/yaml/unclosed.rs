//! The likely cause of a YAML syntax error: a flow `[` or `{` left open.
//!
//! A missing `]` is reported by the parser where it gives up, usually on a
//! later line and in words about indentation or `:`. A linear scan of the text
//! before that place finds the opener that is still open, so the help can
//! name it. The scan is a heuristic over bytes, not a second parser: it skips
//! comments, quoted scalars and block scalars, and counts brackets only where
//! YAML reads them as flow indicators.

use super::Span;

/// The last flow `[` or `{` before byte `before` of `text` that is not closed
/// before it, if any.
pub fn unclosed_flow(text: &str, before: usize) -> Option<Span> {
    let bytes = &text.as_bytes()[..before.min(text.len())];
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let starts_value = starts_value(bytes, i);
        match byte {
            b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                i = line_end(bytes, i);
                continue;
            }
            b'"' if starts_value || !open.is_empty() && follows_flow_key(bytes, i) => {
                i = double_quoted_end(bytes, i + 1);
                continue;
            }
            b'\'' if starts_value || !open.is_empty() && follows_flow_key(bytes, i) => {
                i = single_quoted_end(bytes, i + 1);
                continue;
            }
            b'|' | b'>' if open.is_empty() && starts_value && is_block_header(bytes, i) => {
                i = block_scalar_end(bytes, i);
                continue;
            }
            b'[' | b'{' if starts_value || !open.is_empty() => open.push(i),
            b']' | b'}' if !open.is_empty() => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    open.last().map(|&at| Span::new(at, 1))
}

/// Whether a scalar or collection may start at byte `i`: at the start of a
/// line, or after blanks that follow an indicator (`:`, `-`, `?`, `,`, `[`,
/// `{`) or another start of line.
fn starts_value(bytes: &[u8], i: usize) -> bool {
    let mut j = i;
    while j > 0 && matches!(bytes[j - 1], b' ' | b'\t') {
        j -= 1;
    }
    if j == 0 || matches!(bytes[j - 1], b'\n' | b'\r') {
        return true;
    }
    let blank_before = j < i;
    match bytes[j - 1] {
        b',' | b'[' | b'{' => true,
        b':' | b'-' | b'?' => blank_before,
        _ => false,
    }
}

/// Inside a flow collection, a quoted value may follow `:` directly
/// (`{a:"b"}`, JSON style).
fn follows_flow_key(bytes: &[u8], i: usize) -> bool {
    i > 0 && bytes[i - 1] == b':'
}

fn line_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| matches!(b, b'\n' | b'\r'))
        .map_or(bytes.len(), |n| i + n)
}

/// The byte after the closing `"`, or the end when it is missing.
fn double_quoted_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The byte after the closing `'` (`''` is an escaped quote).
fn single_quoted_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

/// `|` or `>` with optional chomping and indentation indicators, then only
/// blanks or a comment to the end of the line.
fn is_block_header(bytes: &[u8], i: usize) -> bool {
    let rest = &bytes[i + 1..line_end(bytes, i)];
    let after_indicators = rest
        .iter()
        .position(|b| !matches!(b, b'+' | b'-' | b'1'..=b'9'))
        .unwrap_or(rest.len());
    let tail = &rest[after_indicators..];
    let blanks = tail
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(tail.len());
    blanks == tail.len() || (blanks > 0 && tail[blanks] == b'#')
}

/// The start of the first line after the block scalar whose header is at
/// `i`: the content is every following line that is blank or indented more
/// than the header's line.
fn block_scalar_end(bytes: &[u8], i: usize) -> usize {
    let line_start = bytes[..i]
        .iter()
        .rposition(|&b| matches!(b, b'\n' | b'\r'))
        .map_or(0, |n| n + 1);
    let header_indent = indent(&bytes[line_start..]);
    let mut at = next_line(bytes, i);
    while at < bytes.len() {
        let line = &bytes[at..line_end(bytes, at)];
        let blank = line.iter().all(|b| matches!(b, b' ' | b'\t'));
        if !blank && indent(line) <= header_indent {
            break;
        }
        at = next_line(bytes, at);
    }
    at.min(bytes.len())
}

fn indent(line: &[u8]) -> usize {
    line.iter().take_while(|&&b| b == b' ').count()
}

/// The start of the line after the one holding byte `i`.
fn next_line(bytes: &[u8], i: usize) -> usize {
    let end = line_end(bytes, i);
    match bytes.get(end) {
        Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
        Some(_) => end + 1,
        None => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opener(text: &str) -> Option<usize> {
        unclosed_flow(text, text.len()).map(|span| span.start)
    }

    #[test]
    fn finds_the_open_bracket() {
        let text = "a:\n  consulted: [msp, soc\n  b: 1\n";
        assert_eq!(opener(text), text.find('['));
        let text = "a: {x: [1, 2], y: 3\nb: 1\n";
        assert_eq!(opener(text), text.find('{'));
    }

    #[test]
    fn closed_brackets_are_not_reported() {
        assert_eq!(opener("a: [1, {b: 2}]\nc: {d: [e]}\n"), None);
    }

    #[test]
    fn brackets_in_quotes_comments_and_block_scalars_do_not_count() {
        let texts = [
            "a: \"[x\"\nb: '{y'' z'\n",
            "a: 1 # [not a list\n",
            "notes: |\n  see [ticket\n  and {more\nb: 1\n",
            "a: x[1\nb: key{2\n",
            "a: [\"]\", ']', \"\\\"]\"\n",
        ];
        for text in texts {
            let expected = if text.starts_with("a: [\"") {
                text.find('[')
            } else {
                None
            };
            assert_eq!(opener(text), expected, "{text:?}");
        }
    }

    #[test]
    fn only_the_text_before_the_error_is_read() {
        let text = "a: [1\n]\n";
        assert_eq!(opener(text), None);
        assert_eq!(unclosed_flow(text, 5).map(|s| s.start), Some(3));
        assert_eq!(unclosed_flow(text, 500).map(|s| s.start), None);
    }
}
