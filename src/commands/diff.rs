//! `comanage diff` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage diff`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage diff`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage diff` is not available in this build yet"
    ))
}
