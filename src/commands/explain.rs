//! `comanage explain` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage explain`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage explain`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage explain` is not available in this build yet"
    ))
}
