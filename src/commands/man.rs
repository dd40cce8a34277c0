//! `comanage man` (being built).

use crate::cli::{CommandResult, GlobalArgs};

/// Arguments of `comanage man`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `comanage man`.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    Err(miette::miette!(
        "`comanage man` is not available in this build yet"
    ))
}
