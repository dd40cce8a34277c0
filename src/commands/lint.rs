//! `comanage lint` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage lint`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage lint`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage lint` is not available in this build yet"
    ))
}
