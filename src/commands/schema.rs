//! `comanage schema`: print or write the JSON Schema of the format.

use std::path::Path;

use crate::runtime::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::write::{Existing, write_atomically};

/// Arguments of `comanage schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the schema to this file (atomically, replacing it) instead of
    /// standard output; `scope.schema.json` beside the scope is what the
    /// starter's `$schema` comment names.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
}

/// Prints or writes the committed schema, the one `validate` enforces.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    match args.output.as_deref() {
        None | Some("-") => write_stdout(crate::schema::SCHEMA_TEXT)?,
        Some(file) => {
            write_schema(Path::new(file))?;
            if !global.quiet {
                write_stderr(&format!("wrote {}\n", crate::terminal::sanitize(file)));
            }
        }
    }
    Ok(Status::Clean)
}

/// Writes the schema to `path`, replacing an older copy (it is generated).
pub fn write_schema(path: &Path) -> miette::Result<()> {
    write_atomically(path, crate::schema::SCHEMA_TEXT, Existing::Replace)
}
