//! Integration tests: the real `comanage` binary on fixture files.
//!
//! One test binary with a module per area builds much faster than one binary
//! per file.

mod common;

mod contract;
mod diff;
mod everyday;
mod git;
mod hostile;
mod layers;
mod lint;
mod lint_table;
mod lsp;
mod man_completions;
mod portfolio;
mod print;
mod report;
mod rulings;
mod sarif;
mod untrusted;
mod validate;
mod whatif;
mod who;
mod yaml;
