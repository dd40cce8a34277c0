//! `comanage init`: write a starter scope with the `standard` baseline.

use std::path::Path;

use crate::write::{Existing, write_atomically};

use crate::cli::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::init::Starter;

/// Arguments of `comanage init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The client business (default: a placeholder to edit).
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// The managed service provider (default: a placeholder to edit).
    #[arg(long, value_name = "NAME")]
    pub provider: Option<String>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Writes the starter scope to the `-f` file (`-`: standard output).
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    for (flag, value) in [("--client", &args.client), ("--provider", &args.provider)] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(miette::miette!(
                help = "give a name, or leave the option out to get a placeholder",
                "{flag} is empty"
            ));
        }
    }
    let text = Starter {
        client: args.client.clone(),
        provider: args.provider.clone(),
        today: global.today(),
    }
    .render();
    if global.file == "-" {
        write_stdout(&text)?;
        return Ok(Status::Clean);
    }
    write_new(Path::new(&global.file), &text, args.force)?;
    if !global.quiet {
        let shown = crate::terminal::sanitize(&global.file);
        write_stderr(&format!(
            "wrote {shown}\nnext: edit {shown} (names, contacts, who owns what), then run `comanage lint`\n"
        ));
    }
    Ok(Status::Clean)
}

/// Writes `text` to `path` atomically: a temporary file in the same directory,
/// renamed over the target. Refuses an existing file unless `force`.
fn write_new(path: &Path, text: &str, force: bool) -> miette::Result<()> {
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    write_atomically(path, text, existing)
}
