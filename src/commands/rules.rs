//! `comanage rules` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage rules`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage rules`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage rules` is not available in this build yet"
    ))
}
