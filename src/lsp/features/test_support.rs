//! Shared fixtures for the feature tests.

use crate::scope::{self, Document};
use crate::source::SourceFile;

/// The Northwind example: five parties, paths, waivers, flow and block lists.
pub const NORTHWIND: &str = include_str!("../../../examples/northwind-manufacturing.scope.yaml");

/// The byte offset of the `n`th (0-based) occurrence of `needle` in `text`.
pub fn nth(text: &str, needle: &str, n: usize) -> usize {
    text.match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("`{needle}` occurs fewer than {} times", n + 1))
        .0
}

/// `text` loaded as a scope; panics when it does not load.
pub fn load(text: &str) -> Document {
    match scope::load(SourceFile::new("scope.yaml", text)) {
        Ok(doc) => doc,
        Err(rejected) => panic!("does not load: {:?}", rejected.diagnostics),
    }
}
