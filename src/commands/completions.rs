//! `comanage completions`: shell completion scripts, generated from the CLI
//! definition so they never drift from it.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CommandResult, GlobalArgs, Status, write_stdout};

/// Arguments of `comanage completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script for the shell to standard output.
pub fn run(_global: &GlobalArgs, args: &Args) -> CommandResult {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "comanage", &mut script);
    write_stdout(&String::from_utf8_lossy(&script))?;
    Ok(Status::Clean)
}
