//! `comanage who` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage who`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage who`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage who` is not available in this build yet"
    ))
}
