//! `comanage show` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage show`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage show`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage show` is not available in this build yet"
    ))
}
