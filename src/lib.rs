//! comanage: the scope of a co-managed IT engagement, checked like code.
//!
//! Data flows one way (DESIGN.md section 6):
//! bytes → [`yaml`] (spans) → [`schema`] check → [`scope::Scope`] → commands.
//! [`source`] and [`diagnostics`] are the shared vocabulary of every stage.

pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod diff;
pub mod file_table;
pub mod findings;
pub mod git;
pub mod init;
pub mod inputs;
pub mod interrupt;
pub mod lint;
pub mod lsp;
pub mod new_findings;
pub mod open;
pub mod pointer_map;
pub mod report;
pub mod schema;
pub mod scope;
pub mod source;
pub mod suggest;
pub mod terminal;
pub mod whatif;
pub mod who;
pub mod write;
pub mod yaml;
