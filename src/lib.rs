//! comanage: the scope of a co-managed IT engagement, checked like code.
//!
//! Data flows one way (DESIGN.md section 6), each module using only those
//! before it on the load path:
//! bytes → [`yaml`] (events → span tree) → [`source`] (text, lines, spans)
//! → [`scope::model`] → [`schema`] (checks the tree in place) →
//! [`scope::load`] (parse → duplicate keys → schema → typed model read
//! straight from the tree) → lint, diff, report, who → [`commands`] → [`cli`].
//! [`runtime`] holds what [`cli`] and [`commands`] share;
//! [`diagnostics`] is the vocabulary of every stage.

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
pub mod runtime;
pub mod schema;
pub mod scope;
pub mod source;
pub mod suggest;
pub mod terminal;
pub mod whatif;
pub mod who;
pub mod write;
pub mod yaml;
