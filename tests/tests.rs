//! Integration tests: the real `comanage` binary on fixture files.
//!
//! One test binary with a module per area builds much faster than one binary
//! per file.

mod common;

mod diff;
mod everyday;
mod git;
mod hostile;
mod lint;
mod portfolio;
mod print;
mod report;
mod validate;
