//! `comanage init` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage init`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage init`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage init` is not available in this build yet"
    ))
}
