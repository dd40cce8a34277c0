//! `comanage init`: write a starter scope with the `standard` baseline.

use std::io::Write;
use std::path::Path;

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
    let shown = crate::terminal::sanitize(&path.to_string_lossy()).into_owned();
    // `symlink_metadata` sees a dangling link too: replacing it is overwriting.
    if !force && path.symlink_metadata().is_ok() {
        return Err(miette::miette!(
            help = "pass --force to replace it, or -f to write somewhere else",
            "{shown} already exists; not overwriting it"
        ));
    }
    if path.is_dir() {
        return Err(miette::miette!(
            help = "name a file, such as {shown}/scope.yaml",
            "{shown} is a directory"
        ));
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let cannot = |err: std::io::Error| miette::miette!("cannot write {shown}: {err}");
    let mut builder = tempfile::Builder::new();
    builder.prefix(".comanage-init-");
    // A scope file is shared text, not a secret: the usual mode under the
    // user's umask rather than tempfile's owner-only 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(cannot)?;
    temp.write_all(text.as_bytes()).map_err(cannot)?;
    temp.as_file().sync_all().map_err(cannot)?;
    if force {
        temp.persist(path).map_err(|err| cannot(err.error))?;
    } else {
        // Without --force, a file that appeared since the check above still
        // wins: `persist_noclobber` fails rather than replace it.
        temp.persist_noclobber(path).map_err(|err| {
            if err.error.kind() == std::io::ErrorKind::AlreadyExists {
                miette::miette!(
                    help = "pass --force to replace it",
                    "{shown} already exists; not overwriting it"
                )
            } else {
                cannot(err.error)
            }
        })?;
    }
    Ok(())
}
