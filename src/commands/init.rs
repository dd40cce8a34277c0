//! `comanage init`: write a starter scope with the `standard` baseline.

use std::path::Path;

use crate::write::{Existing, write_atomically};

use crate::init::{SCHEMA_FILE, Starter};
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};

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
    /// Also write the JSON Schema as `scope.schema.json` beside the scope,
    /// the file its `$schema` comment names (editor completion, offline).
    #[arg(long)]
    pub schema: bool,
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
    let path = Path::new(&global.file);
    create_parent(path)?;
    write_new(path, &text, args.force)?;
    let shown = crate::terminal::sanitize(&global.file);
    let mut note = format!("wrote {shown}\n");
    if args.schema {
        let schema = path.with_file_name(SCHEMA_FILE);
        crate::commands::schema::write_schema(&schema)?;
        let schema_shown = crate::terminal::sanitize(&schema.to_string_lossy()).into_owned();
        note.push_str(&format!("wrote {schema_shown} (editor completion)\n"));
    }
    note.push_str(&format!(
        "next: edit {shown} (names, contacts, who owns what), then run `comanage lint`\n"
    ));
    if !global.quiet {
        write_stderr(&note);
    }
    Ok(Status::Clean)
}

/// Creates the directories above `path` that do not exist yet, so
/// `init -f clients/new/scope.yaml` starts a new client's folder.
fn create_parent(path: &Path) -> miette::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => std::fs::create_dir_all(dir)
            .map_err(|err| {
                let shown = crate::terminal::sanitize(&dir.to_string_lossy()).into_owned();
                miette::miette!(
                    help = "check the path and the permissions of its parent directory",
                    "cannot create the directory {shown}: {err}"
                )
            }),
        _ => Ok(()),
    }
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
