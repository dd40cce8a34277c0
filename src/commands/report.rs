//! `comanage report` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage report`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage report`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage report` is not available in this build yet"
    ))
}
