//! Where a SARIF result points: artifact URIs relative to `%SRCROOT%`,
//! regions in UTF-16 code units, and fingerprints that survive line moves.

use std::path::{Component, Path, PathBuf};

use serde_json::{Value, json};

use crate::scope::load::STDIN_NAME;
use crate::source::SourceFile;

/// The `uriBaseId` every artifact under the source root is relative to.
pub const SRCROOT: &str = "%SRCROOT%";

/// The `artifactLocation` of the file named `name` (as on the command line,
/// relative to `cwd` or absolute). Under `root` it is a relative URI with
/// `uriBaseId: %SRCROOT%`; elsewhere an absolute `file://` URI; standard
/// input is the relative URI `%3Cstdin%3E`.
pub fn artifact_location(name: &str, cwd: &Path, root: &Path) -> Value {
    if name == STDIN_NAME {
        return json!({ "uri": encode(STDIN_NAME), "uriBaseId": SRCROOT });
    }
    let absolute = normalise(&cwd.join(name));
    match absolute.strip_prefix(root) {
        Ok(relative) => json!({ "uri": encode(&slashed(relative)), "uriBaseId": SRCROOT }),
        Err(_) => json!({ "uri": file_uri(&absolute) }),
    }
}

/// `root` as the absolute `file://` URI `originalUriBaseIds` gives for
/// `%SRCROOT%` (with the trailing slash a base URI needs).
pub fn root_uri(root: &Path) -> String {
    let mut uri = file_uri(root);
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// `path` with `.` and `..` resolved and symbolic links followed as far as
/// it exists, so it compares with a canonical root.
pub fn normalise(path: &Path) -> PathBuf {
    if let Ok(canonical) = path.canonicalize() {
        return canonical;
    }
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn slashed(relative: &Path) -> String {
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn file_uri(absolute: &Path) -> String {
    let text = absolute.to_string_lossy().replace('\\', "/");
    if text.starts_with('/') {
        format!("file://{}", encode(&text))
    } else {
        // A Windows path: `C:/x` becomes `file:///C:/x`.
        format!("file:///{}", encode(&text).replacen("%3A", ":", 1))
    }
}

/// Percent-encodes everything but unreserved characters and `/`.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char);
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// The SARIF region of bytes `start..end`: 1-based lines, and columns in
/// UTF-16 code units (`columnKind: utf16CodeUnits`), end exclusive.
pub fn region(source: &SourceFile, start: usize, end: usize) -> Value {
    let (start_line, start_column) = utf16_line_col(source, start);
    let (end_line, end_column) = utf16_line_col(source, end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

/// The 1-based line and UTF-16 column of byte `offset`.
fn utf16_line_col(source: &SourceFile, offset: usize) -> (usize, usize) {
    let text = source.text();
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (line, _) = source.line_col(offset);
    // The line's start as `line_col` counts lines (a lone CR ends one too).
    let line_start = source.line_start(line - 1).unwrap_or(0).min(offset);
    (line, text[line_start..offset].encode_utf16().count() + 1)
}

/// The `partialFingerprints` key: the rule and the pointer of the finding,
/// so an alert keeps its identity when lines above it move.
pub const FINGERPRINT_KEY: &str = "comanageRulePointer/v1";

/// The fingerprint of the `occurrence`th (1-based) finding of `rule` at
/// `pointer` in one file: a 64-bit FNV-1a hash in hex, then the occurrence,
/// the way code scanning writes its own line hashes.
pub fn fingerprint(rule: &str, pointer: &str, occurrence: usize) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in rule.bytes().chain([0]).chain(pointer.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}:{occurrence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_under_the_root_are_relative_and_percent_encoded() {
        let root = Path::new("/repo");
        let location = artifact_location("clients/a b.scope.yaml", Path::new("/repo"), root);
        assert_eq!(location["uri"], "clients/a%20b.scope.yaml");
        assert_eq!(location["uriBaseId"], SRCROOT);
        let up = artifact_location("../x.scope.yaml", Path::new("/repo/sub"), root);
        assert_eq!(up["uri"], "x.scope.yaml");
        let outside = artifact_location("/elsewhere/s.yaml", Path::new("/repo"), root);
        assert_eq!(outside["uri"], "file:///elsewhere/s.yaml");
        assert!(outside.get("uriBaseId").is_none());
        assert_eq!(
            artifact_location(STDIN_NAME, root, root)["uri"],
            "%3Cstdin%3E"
        );
        assert_eq!(root_uri(root), "file:///repo/");
    }

    #[test]
    fn columns_count_utf16_code_units() {
        let source = SourceFile::new("t.yaml", "name: \"🔥🔥\" x\nb: c\n");
        let x = source.text().find(" x").unwrap() + 1;
        // Two characters of two UTF-16 units each: 2 columns further than
        // the code point column.
        assert_eq!(source.line_col(x), (1, 12));
        assert_eq!(utf16_line_col(&source, x), (1, 14));
        let c = source.text().find('c').unwrap();
        assert_eq!(utf16_line_col(&source, c), (2, 4));
    }

    #[test]
    fn fingerprints_depend_on_rule_pointer_and_occurrence_only() {
        let a = fingerprint("missing-backup", "/services/s/functions/f", 1);
        assert_eq!(
            a,
            fingerprint("missing-backup", "/services/s/functions/f", 1)
        );
        assert_ne!(
            a,
            fingerprint("missing-backup", "/services/s/functions/g", 1)
        );
        assert_ne!(
            a,
            fingerprint("unknown-party", "/services/s/functions/f", 1)
        );
        assert!(a.ends_with(":1"));
    }
}
