//! `comanage schema`: print the JSON Schema of the format.

use crate::cli::{CommandResult, GlobalArgs, Status, write_stdout};

/// Arguments of `comanage schema`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Prints the committed schema, the one `validate` enforces.
pub fn run(_global: &GlobalArgs, _args: &Args) -> CommandResult {
    write_stdout(crate::schema::SCHEMA_TEXT)?;
    Ok(Status::Clean)
}
