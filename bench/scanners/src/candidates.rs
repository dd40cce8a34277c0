//! One full-document walk per YAML crate: every event is pulled, and every
//! scalar's text and byte position is touched, because comanage builds a
//! span tree from exactly that. Each walk returns a [`Walk`] so the work
//! cannot be optimised away and so the walks can be compared.

use std::hint::black_box;

/// What one walk saw: enough to check that two crates read the same file
/// and to keep the compiler from dropping the work.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Walk {
    /// Events (or tree nodes, for a tree-building crate) seen.
    pub events: usize,
    /// Scalars seen.
    pub scalars: usize,
    /// Bytes of scalar text seen.
    pub scalar_bytes: usize,
    /// Plain scalars whose reported position is not where their text is
    /// written as bytes (a character offset where bytes are needed, or no
    /// position at all).
    pub misplaced: usize,
}

impl Walk {
    /// Records one scalar reported at `offset`, checking a plain scalar's
    /// position against the source bytes.
    fn scalar(&mut self, text: &str, source: &str, offset: Option<usize>, plain: bool) {
        self.scalars += 1;
        self.scalar_bytes += black_box(text).len();
        if plain && !text.is_empty() {
            let at = offset.and_then(|o| source.get(o..));
            if !at.is_some_and(|rest| rest.starts_with(text)) {
                self.misplaced += 1;
            }
        }
    }
}

/// The crates measured, by the name used on the command line.
pub const NAMES: &[&str] = &[
    "granit-parser",
    "saphyr-parser",
    "yaml-rust2",
    "libyaml-safer",
    #[cfg(feature = "ryml")]
    "ryml",
];

/// Walks `source` with the crate called `name`; the error is the crate's own
/// message for a text it rejects.
pub fn walk(name: &str, source: &str) -> Result<Walk, String> {
    match name {
        "granit-parser" => granit(source),
        "saphyr-parser" => saphyr(source),
        "yaml-rust2" => yaml_rust2(source),
        "libyaml-safer" => libyaml_safer(source),
        #[cfg(feature = "ryml")]
        "ryml" => ryml(source),
        _ => Err(format!("unknown crate {name:?}; one of {NAMES:?}")),
    }
}

/// granit-parser with the options comanage's `src/yaml.rs` sets.
fn granit(source: &str) -> Result<Walk, String> {
    use granit_parser::{Event, Options, Parser, ScalarStyle};
    let mut options = Options::default();
    options.emit_anchor_events = true;
    options.strict_indentation = true;
    let mut walk = Walk::default();
    for event in Parser::new_from_str_with_options(source, options) {
        let (event, span) = event.map_err(|e| e.info())?;
        walk.events += 1;
        if let Event::Scalar(text, style, ..) = event {
            let start = span.start.byte_offset();
            black_box(span.end.byte_offset());
            walk.scalar(&text, source, start, style == ScalarStyle::Plain);
        }
    }
    Ok(walk)
}

/// saphyr-parser: its markers count characters, not bytes.
fn saphyr(source: &str) -> Result<Walk, String> {
    use saphyr_parser::{Event, Parser, ScalarStyle};
    let mut walk = Walk::default();
    for event in Parser::new_from_str(source) {
        let (event, span) = event.map_err(|e| e.info().to_owned())?;
        walk.events += 1;
        if let Event::Scalar(text, style, ..) = event {
            black_box(span.end.index());
            let start = Some(span.start.index());
            walk.scalar(&text, source, start, style == ScalarStyle::Plain);
        }
    }
    Ok(walk)
}

/// yaml-rust2's pull parser: one start marker per event. Its error text is
/// `info()`, as comanage quotes granit-parser's, without the position its
/// `Display` appends.
fn yaml_rust2(source: &str) -> Result<Walk, String> {
    use yaml_rust2::parser::{Event, Parser};
    use yaml_rust2::scanner::TScalarStyle;
    let mut parser = Parser::new_from_str(source);
    let mut walk = Walk::default();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| e.info().to_owned())?;
        walk.events += 1;
        match event {
            Event::StreamEnd => break,
            Event::Scalar(text, style, ..) => {
                walk.scalar(
                    &text,
                    source,
                    Some(mark.index()),
                    style == TScalarStyle::Plain,
                );
            }
            _ => {}
        }
    }
    Ok(walk)
}

/// libyaml-safer, the Rust port of libyaml: byte marks at both ends.
fn libyaml_safer(source: &str) -> Result<Walk, String> {
    use libyaml_safer::{EventData, Parser, ScalarStyle};
    let mut input = source.as_bytes();
    let mut parser = Parser::new();
    parser.set_input_string(&mut input);
    let mut walk = Walk::default();
    loop {
        let event = parser.parse().map_err(|e| libyaml_message(&e))?;
        walk.events += 1;
        black_box(event.end_mark.index);
        match event.data {
            EventData::StreamEnd => break,
            EventData::Scalar { value, style, .. } => {
                let start = usize::try_from(event.start_mark.index).ok();
                walk.scalar(&value, source, start, style == ScalarStyle::Plain);
            }
            _ => {}
        }
    }
    Ok(walk)
}

/// libyaml's problem and context, without the marks its `Display` adds (the
/// way comanage quotes a parser's message beside its own location).
fn libyaml_message(err: &libyaml_safer::Error) -> String {
    match err.context() {
        Some(context) => format!("{} {context}", err.problem()),
        None => err.problem().to_owned(),
    }
}

/// rapidyaml through `ryml`: it builds a tree rather than events. Parsing in
/// place leaves each scalar a slice of the buffer, so its offset is the
/// pointer difference; the binding exposes no other position.
#[cfg(feature = "ryml")]
fn ryml(source: &str) -> Result<Walk, String> {
    let mut buffer = source.to_owned();
    let base = buffer.as_ptr() as usize;
    let end = base + buffer.len();
    let tree = ryml::Tree::parse_in_place(&mut buffer).map_err(|e| e.to_string())?;
    let offset = |text: &str| {
        let at = text.as_ptr() as usize;
        (base..=end).contains(&at).then(|| at - base)
    };
    let mut walk = Walk::default();
    for id in 0..tree.len() {
        walk.events += 1;
        if tree.has_key(id).map_err(|e| e.to_string())? {
            let key = tree.key(id).map_err(|e| e.to_string())?;
            let plain = !tree.is_key_quoted(id).map_err(|e| e.to_string())?;
            walk.scalar(key, source, offset(key), plain);
        }
        if tree.has_val(id).map_err(|e| e.to_string())? {
            let val = tree.val(id).map_err(|e| e.to_string())?;
            let plain = !tree.is_val_quoted(id).map_err(|e| e.to_string())?;
            walk.scalar(val, source, offset(val), plain);
        }
    }
    Ok(walk)
}
