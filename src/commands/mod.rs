//! One file per subcommand: its arguments and its `run` function.

pub mod completions;
pub mod diff;
pub mod explain;
pub mod init;
pub mod lint;
pub mod log;
pub mod man;
pub mod portfolio;
pub mod report;
pub mod report_since;
pub mod rules;
pub mod schema;
pub mod show;
pub mod validate;
pub mod what_if;
pub mod who;
