//! `comanage completions` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage completions`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage completions`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage completions` is not available in this build yet"
    ))
}
