//! `comanage man`: the man page, generated from the CLI definition.

use clap::CommandFactory;

use crate::cli::{Cli, CommandResult, GlobalArgs, Status, write_stdout};

/// Arguments of `comanage man`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Prints the roff man page to standard output.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|err| miette::miette!("cannot render the man page: {err}"))?;
    write_stdout(&String::from_utf8_lossy(&page))?;
    Ok(Status::Clean)
}
