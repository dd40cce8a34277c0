//! Bytes to a checked [`Scope`]: decode, parse, reject duplicate keys, check
//! the schema, then deserialize into the typed model.
//!
//! Each step reports every problem it finds before the pipeline stops, so a
//! user fixes a file in one pass, not one error per run.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::describe;
use super::model::Scope;
use crate::diagnostics::Diagnostic;
use crate::source::{SourceFile, SourceMap, Span, push_escaped};
use crate::yaml::{self, Node, Value};

/// A scope that passed parsing and the schema check.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file's text.
    pub source: SourceFile,
    /// Where each JSON pointer is written.
    pub map: SourceMap,
    /// The typed scope.
    pub scope: Scope,
}

/// A file that could not be loaded, with every problem found.
#[derive(Debug, Clone)]
pub struct Rejected {
    /// The file's text (possibly lossy, for non-UTF-8 input).
    pub source: SourceFile,
    /// Parse or schema errors, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a path could not be read at all (the command cannot run: exit 2).
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ReadError {
    /// No such file.
    #[error("{path}: no such file")]
    #[diagnostic(
        code(comanage::io),
        help("check the path, or run `comanage init` to write a starter scope.yaml")
    )]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// The path is a directory.
    #[error("{path}: is a directory, not a scope file")]
    #[diagnostic(
        code(comanage::io),
        help("name the file inside it, such as {path}/scope.yaml")
    )]
    Directory {
        /// The path as given.
        path: String,
    },
    /// The path is a FIFO, a device or a socket: reading it could wait or
    /// run for ever.
    #[error("{path}: is {kind}, not a regular file")]
    #[diagnostic(
        code(comanage::io),
        help(
            "name a scope file; to read from a pipe, pass `-` and redirect the pipe to standard input"
        )
    )]
    NotAFile {
        /// The path as given.
        path: String,
        /// What it is.
        kind: &'static str,
    },
    /// Any other failure to read.
    #[error("{path}: cannot read: {source}")]
    #[diagnostic(code(comanage::io), help("check the file's permissions"))]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A directory holds no scope files.
    #[error("{path}: no scope files found (looked for scope.yaml and *.scope.yaml)")]
    #[diagnostic(
        code(comanage::io),
        help("name the files to check, or run `comanage init` to write a starter scope.yaml")
    )]
    NoScopeFiles {
        /// The directory as given.
        path: String,
    },
    /// The file is larger than comanage reads.
    #[error("{path}: the file is larger than {limit} MiB, too large for a scope file")]
    #[diagnostic(
        code(comanage::io),
        help("check that this is the scope file you meant")
    )]
    TooLarge {
        /// The path as given.
        path: String,
        /// The limit in MiB.
        limit: usize,
    },
}

/// The name `-` is shown as in diagnostics.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads the bytes of `path`, or of standard input when `path` is `-`.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, ReadError> {
    let limit = yaml::MAX_INPUT_BYTES as u64 + 1;
    let io = |source: std::io::Error| ReadError::Io {
        path: display_name(path),
        source,
    };
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(ReadError::Directory {
                path: path.to_owned(),
            });
        }
        let opened = crate::open::regular_file(p).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound {
                path: path.to_owned(),
            },
            _ => io(err),
        })?;
        let file = match opened {
            crate::open::Opened::Regular(file) => file,
            crate::open::Opened::Special(kind) => {
                return Err(ReadError::NotAFile {
                    path: path.to_owned(),
                    kind,
                });
            }
        };
        file.take(limit).read_to_end(&mut bytes).map_err(io)?;
    }
    if bytes.len() > yaml::MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            path: display_name(path),
            limit: yaml::MAX_INPUT_BYTES / (1024 * 1024),
        });
    }
    Ok(bytes)
}

/// The display name of `path` (`<stdin>` for `-`).
pub fn display_name(path: &str) -> String {
    if path == "-" {
        STDIN_NAME.to_owned()
    } else {
        path.to_owned()
    }
}

/// Decodes `bytes` as UTF-8 text named `name`.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<SourceFile, Rejected> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, text)),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let bad = bytes.get(at).copied().unwrap_or_default();
            let source = SourceFile::new(name, String::from_utf8_lossy(&bytes).into_owned());
            let diagnostic = Diagnostic::error(
                "parse",
                format!(
                    "the file is not UTF-8 text: byte 0x{bad:02x} at offset {at} is not valid UTF-8"
                ),
                // The lossy text holds U+FFFD (three bytes) where the bad byte was.
                Span::new(at, char::REPLACEMENT_CHARACTER.len_utf8()),
            )
            .with_label("invalid byte")
            .with_help(
                "save the file as UTF-8 (most editors offer this under \"Save with encoding\")",
            );
            Err(Rejected {
                source,
                diagnostics: vec![diagnostic],
            })
        }
    }
}

/// Loads a scope from raw bytes.
pub fn load_bytes(name: &str, bytes: Vec<u8>) -> Result<Document, Rejected> {
    load(decode(name, bytes)?)
}

/// Parses and checks `source`.
pub fn load(source: SourceFile) -> Result<Document, Rejected> {
    let reject = |source: &SourceFile, diagnostics| Rejected {
        source: source.clone(),
        diagnostics,
    };
    let root = match yaml::parse(source.text()) {
        Ok(root) if root.value == Value::Null => {
            let diagnostic = Diagnostic::error("parse", "the file has no content", Span::new(0, 0))
                .with_label("nothing here")
                .with_help(
                    "a scope starts with `version: 1`; run `comanage init` to write a starter file",
                );
            return Err(reject(&source, vec![diagnostic]));
        }
        Ok(root) => root,
        Err(err) => {
            let span = err.span.unwrap_or_default();
            let (message, help) = explain_parse_error(&err.message);
            let diagnostic = Diagnostic::error("parse", message, span).with_label("here");
            let diagnostic = match unclosed_opener(&source, &err) {
                Some(opener) => {
                    let bracket = &source.text()[opener.range()];
                    let close = if bracket == "[" { "]" } else { "}" };
                    let (line, column) = source.line_col(opener.start);
                    diagnostic
                        .with_related(opener, format!("this `{bracket}` is never closed"))
                        .with_help(format!(
                            "the `{bracket}` opened at {line}:{column} is not closed before this place: add `{close}` after its last item"
                        ))
                }
                None => diagnostic.with_help(help),
            };
            return Err(reject(&source, vec![diagnostic]));
        }
    };
    let duplicates = duplicate_keys(&root);
    if !duplicates.is_empty() {
        return Err(reject(&source, duplicates));
    }
    let map = SourceMap::build(root);
    let errors = crate::schema::check(map.root(), &map);
    if !errors.is_empty() {
        return Err(reject(&source, errors));
    }
    match yaml::de::from_node::<Scope>(map.root()) {
        Ok(scope) => Ok(Document { source, map, scope }),
        Err(err) => {
            // The schema is generated from these types, so this means the two
            // disagree: report it rather than panic.
            let diagnostic = Diagnostic::error(
                "schema",
                format!("the scope does not fit the format: {err}"),
                Span::new(0, 0),
            )
            .with_help("please report this file to the comanage maintainers");
            Err(reject(&source, vec![diagnostic]))
        }
    }
}

/// The flow `[` or `{` left open before a syntax error, when that is the
/// likely cause: the opener is on an earlier line than the error (a flow
/// collection open on the error's own line is more likely fine), or the error
/// is at the end of the file. Errors comanage raises itself (tags, budgets,
/// documents) have other causes and keep their own help.
fn unclosed_opener(source: &SourceFile, err: &yaml::YamlError) -> Option<Span> {
    let at = err.span?.start;
    if !is_syntax_error(&err.message) {
        return None;
    }
    let opener = yaml::unclosed_flow(source.text(), at)?;
    let at_end = source.text()[at..].trim().is_empty();
    (at_end || source.line_col(opener.start).0 < source.line_col(at).0).then_some(opener)
}

/// Whether the parser's message is a YAML syntax error rather than one of
/// the limits and format rules comanage's own YAML layer checks.
fn is_syntax_error(message: &str) -> bool {
    explain_parse_error(message).0.starts_with("invalid YAML: ")
}

/// The parser's message in the user's terms, and how to fix it.
fn explain_parse_error(message: &str) -> (String, String) {
    let lower = message.to_lowercase();
    let (text, help) = if lower.contains("unsupported tag") {
        let tag = message.trim_start_matches("unsupported tag ");
        (
            format!("tags are not supported in a scope file: {tag}"),
            "remove the tag; a scope holds plain values (only YAML's core tags such as `!!str` are accepted)",
        )
    } else if lower.contains("unclosed bracket") {
        (
            format!("invalid YAML: {message}"),
            "the file ends before this bracket is closed: add `]` or `}` after its last item",
        )
    } else if lower.contains("a mapping key must be a plain value") {
        (
            "a scope file's keys are plain text, not a list or a mapping".to_owned(),
            "write the key as an id or a word; `? [a, b]` complex keys are not part of the format",
        )
    } else if lower.contains("unknown anchor")
        || lower.contains("names no anchor")
        || lower.contains("not defined before it")
    {
        (
            "an alias (`*name`) names an anchor that is not defined before it".to_owned(),
            "define the anchor with `&name` on a value above the alias, or correct the alias's spelling",
        )
    } else if lower.contains("more than one yaml document") {
        (
            "the file holds more than one YAML document".to_owned(),
            "a scope file holds one document: remove the `---` and what follows, or split it into two files",
        )
    } else if lower.contains("recursion") || lower.contains("depth") || lower.contains("nesting") {
        (
            format!(
                "the file is nested more than {} levels deep",
                yaml::MAX_DEPTH
            ),
            "a scope is never nested that deeply; check for unbalanced brackets",
        )
    } else if lower.contains("aliases copy more than") {
        (
            "the file's aliases expand to more data than a scope file can hold".to_owned(),
            "each alias (`*name`) copies its whole anchored value, and nested aliases multiply (a \"billion laughs\"): alias large values fewer times",
        )
    } else if lower.contains("anchor") || lower.contains("alias") || lower.contains("replay") {
        (
            "the file's aliases expand to more data than a scope file can hold".to_owned(),
            "expand fewer aliases (`*name`); nested aliases multiply, which is how a \"billion laughs\" file exhausts memory",
        )
    } else if lower.contains("budget") {
        (
            "the file is larger or more complex than a scope file can be".to_owned(),
            "check that this is the scope file you meant",
        )
    } else {
        (
            format!("invalid YAML: {message}"),
            "check the indentation and quoting around this place",
        )
    };
    (text, help.to_owned())
}

/// Every key written twice in one mapping, reported at the second copy with
/// a label on the first.
fn duplicate_keys(root: &Node) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    find_duplicates(root, &mut path, &mut out);
    out
}

/// One step of the way from the root to a node.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The JSON pointer of `path`.
fn pointer_of(path: &[Step<'_>]) -> String {
    let mut pointer = String::new();
    for step in path {
        pointer.push('/');
        match step {
            Step::Key(key) => push_escaped(&mut pointer, key),
            Step::Index(index) => pointer.push_str(&index.to_string()),
        }
    }
    pointer
}

// The path is kept as borrowed steps and turned into a pointer only for a
// duplicate: building a pointer string for every key cost more than the
// search itself on a large scope.
fn find_duplicates<'a>(node: &'a Node, path: &mut Vec<Step<'a>>, out: &mut Vec<Diagnostic>) {
    match &node.value {
        Value::Seq(items) => {
            for (index, item) in items.iter().enumerate() {
                path.push(Step::Index(index));
                find_duplicates(item, path, out);
                path.pop();
            }
        }
        Value::Map(entries) => {
            // Most mappings are small: a linear scan beats hashing there.
            // The keys come from another company's file: the model's
            // per-process seeded hash.
            let mut indexed: Option<HashMap<&str, Span, super::model::IdHasher>> =
                (entries.len() > 16).then(HashMap::default);
            for (position, entry) in entries.iter().enumerate() {
                path.push(Step::Key(&entry.key));
                let first = match indexed.as_mut() {
                    Some(seen) => seen.get(entry.key.as_str()).copied(),
                    None => entries[..position]
                        .iter()
                        .find(|e| e.key == entry.key)
                        .map(|e| e.key_span),
                };
                if let Some(first) = first {
                    let pointer = pointer_of(path);
                    out.push(
                        Diagnostic::error(
                            "parse",
                            format!("duplicate key `{}` in {}", entry.key, describe::item(&pointer)),
                            entry.key_span,
                        )
                        .with_pointer(pointer)
                        .with_label("written again here")
                        .with_related(first, "first written here")
                        .with_help("a key may appear once per mapping: merge the two entries or rename one"),
                    );
                } else {
                    if let Some(seen) = indexed.as_mut() {
                        seen.insert(&entry.key, entry.key_span);
                    }
                    find_duplicates(&entry.value, path, out);
                }
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<Document, Rejected> {
        load(SourceFile::new("t.yaml", text))
    }

    fn messages(text: &str) -> Vec<String> {
        load_text(text)
            .unwrap_err()
            .diagnostics
            .into_iter()
            .map(|d| format!("{} {} {}", d.rule, d.pointer, d.message))
            .collect()
    }

    const MINIMAL: &str = "version: 1\nengagement: { client: Harbor }\nparties:\n  msp: { name: MSP, role: provider }\nservices:\n  sec:\n    owner: msp\n    functions:\n      patching: { recovery: 90m }\n";

    #[test]
    fn a_valid_scope_loads_into_the_typed_model() {
        let document = load_text(MINIMAL).unwrap();
        let scope = &document.scope;
        assert_eq!(scope.engagement.client, "Harbor");
        let (service, id, function) = scope.functions().next().unwrap();
        assert_eq!((service, id), ("sec", "patching"));
        assert_eq!(function.recovery.unwrap().to_string(), "1h30m");
        let span = document.map.value_span("/services/sec/owner");
        assert_eq!(&document.source.text()[span.range()], "msp");
    }

    #[test]
    fn map_order_follows_the_file() {
        let text = MINIMAL.replace(
            "parties:\n",
            "parties:\n  zeta: { name: Z, role: vendor }\n  alpha: { name: A, role: vendor }\n",
        );
        let document = load_text(&text).unwrap();
        let ids: Vec<_> = document.scope.parties.keys().cloned().collect();
        assert_eq!(ids, ["zeta", "alpha", "msp"]);
    }

    #[test]
    fn every_schema_error_is_reported_at_once() {
        let text = MINIMAL
            .replace("role: provider", "role: contractor")
            .replace("recovery: 90m", "recovery: soon, ownr: msp");
        let found = messages(&text);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found[0].contains("/parties/msp/role"), "{found:#?}");
    }

    /// The typed model takes any text as an id; only the schema knows the
    /// id pattern. So this finding proves the schema check ran, on the tree
    /// the fast reader makes and on the one the full parser makes (the
    /// anchor sends the file to the full parser).
    #[test]
    fn the_schema_check_runs_on_every_file() {
        for text in [
            MINIMAL.replace("  msp: {", "  MSP_1: { name: X, role: vendor }\n  msp: {"),
            MINIMAL.replace(
                "  msp: {",
                "  MSP_1: &x { name: X, role: vendor }\n  msp: {",
            ),
        ] {
            let found = messages(&text);
            assert_eq!(
                found,
                ["schema /parties/MSP_1 `MSP_1` is not a valid id"],
                "{text}"
            );
        }
        let typed: Scope =
            yaml::de::from_node(&yaml::parse(&MINIMAL.replace("msp: {", "MSP_1: {")).unwrap())
                .unwrap();
        assert!(typed.parties.contains_key("MSP_1"));
    }

    #[test]
    fn duplicates_are_reported_with_both_places() {
        let text = "version: 1\nversion: 1\n";
        let rejected = load_text(text).unwrap_err();
        let duplicate = &rejected.diagnostics[0];
        assert_eq!(duplicate.rule, "parse");
        assert_eq!(duplicate.primary.span.start, 11);
        assert_eq!(duplicate.related[0].span.start, 0);
    }

    #[test]
    fn versions_get_their_own_messages() {
        let missing = messages("engagement: { client: A }\nparties: {}\nservices: {}\n");
        assert_eq!(missing, ["schema  the scope has no `version`"]);
        let newer = messages("version: 3\nengagement: { client: A }\nparties: {}\nservices: {}\n");
        assert_eq!(
            newer,
            ["schema /version scope format version 3 is newer than this comanage understands"]
        );
    }

    #[test]
    fn merge_keys_share_defaults() {
        let text = MINIMAL.replace(
            "      patching: { recovery: 90m }\n",
            "      base: &base { recovery: 4h, critical: true, backup: msp }\n      patching:\n        <<: *base\n        recovery: 1h\n",
        );
        let document = load_text(&text).unwrap();
        let patching = &document.scope.services["sec"].functions["patching"];
        assert!(patching.critical);
        assert_eq!(patching.recovery.unwrap().to_string(), "1h");
    }

    #[test]
    fn invalid_utf8_points_at_the_byte() {
        let rejected = decode("t.yaml", b"version: 1\nclient: caf\xe9\n".to_vec()).unwrap_err();
        assert_eq!(rejected.diagnostics[0].primary.span.start, 22);
    }
}
