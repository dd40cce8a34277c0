//! `comanage log` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage log`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage log`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage log` is not available in this build yet"
    ))
}
