//! `comanage diff OLD NEW`: the semantic diff of two scopes (DESIGN.md 4).
//!
//! Each side is read by [`git::resolve`] (a file path, `-`, `REV:path`, or
//! the `-f` file at a revision, following renames), loaded and validated; a side that does not validate gets its diagnostics printed and
//! stops the command with exit 1, as for any scope with problems.

use crate::diff::{self, Impact};
use crate::findings;
use crate::git;
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::scope::{Scope, load};

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Grouped changes with +/-/~ markers and their impact, for people.
    #[default]
    Human,
    /// Tables per group, for a renewal memo or a pull-request comment.
    Markdown,
    /// An array of change objects (kind, pointer, old, new, impact, …).
    Json,
}

/// Arguments of `comanage diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The older scope: a revision (the `-f` file at it), `REV:path`, or a file path
    /// (`-` reads standard input). Default: `HEAD`.
    #[arg(value_name = "OLD")]
    pub old: Option<String>,
    /// The newer scope, written like OLD. Default: the `-f` file in the working tree.
    #[arg(value_name = "NEW")]
    pub new: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 when there is any change.
    #[arg(long)]
    pub exit_code: bool,
    /// Exit 1 when a change has this impact or a more severe one (info < minor < major).
    #[arg(long, value_enum, value_name = "IMPACT")]
    pub fail_on: Option<Impact>,
}

/// Compares the two scopes and prints the changes.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    // No argument: HEAD against the working tree; one: REV against it.
    let old_spec = args.old.as_deref().unwrap_or("HEAD");
    if old_spec == "-" && args.new.as_deref() == Some("-") {
        return Err(miette::miette!(
            "OLD and NEW cannot both be standard input (`-`)"
        ));
    }
    let (old_label, old_bytes) = git::resolve(old_spec, &global.file)?;
    let (new_label, new_bytes) = match &args.new {
        Some(new_spec) => git::resolve(new_spec, &global.file)?,
        None => git::read_working(&global.file)?,
    };
    let old = load_side(&old_label, old_bytes, global);
    let new = load_side(&new_label, new_bytes, global);
    let (old, new) = match (old, new) {
        (Some(old), Some(new)) => (old, new),
        (old, new) => {
            let broken: Vec<&str> = [(old.is_none(), "OLD"), (new.is_none(), "NEW")]
                .into_iter()
                .filter_map(|(bad, side)| bad.then_some(side))
                .collect();
            let verb = if broken.len() == 1 { "does" } else { "do" };
            // A scope with problems is exit 1, like `validate` (DESIGN.md
            // section 2); 2 is for a diff that could not run at all.
            if !global.quiet {
                crate::runtime::print_error(
                    &miette::miette!(
                        help = "fix the problems shown above (`comanage validate` lists them), then diff again",
                        "cannot diff: {} {verb} not validate",
                        broken.join(" and ")
                    ),
                    global.color,
                );
            }
            return Ok(Status::Problems);
        }
    };
    let changes = diff::diff(&old, &new);
    let sign_off = diff::sign_off(&changes, &old, &new);
    let name = |id: &str| {
        new.parties
            .get(id)
            .or_else(|| old.parties.get(id))
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    };
    // `-q` with `--exit-code`: the exit code is the answer, nothing printed.
    let silent = global.quiet && (args.exit_code || args.fail_on.is_some());
    let text = match args.format {
        _ if silent => String::new(),
        Format::Human => diff::human::render(&changes, global.color.for_stdout(), !global.quiet),
        Format::Markdown => {
            diff::markdown::render(&changes, (&old_label, &new_label), &sign_off, &name)
        }
        Format::Json => diff::json::render(&changes, &sign_off),
    };
    if !text.is_empty() {
        write_stdout(&text)?;
    }
    let failing = args
        .fail_on
        .is_some_and(|level| changes.iter().any(|c| c.impact >= level));
    Ok(Status::from_problems(
        failing || (args.exit_code && !changes.is_empty()),
    ))
}

/// Loads one side; when it does not validate, prints its diagnostics to
/// standard error and gives `None`.
fn load_side(label: &str, bytes: Vec<u8>, global: &GlobalArgs) -> Option<Scope> {
    match load::load_bytes(label, bytes) {
        Ok(document) => Some(document.scope),
        Err(rejected) => {
            write_stderr(&findings::render_rejected(
                rejected,
                global.color.for_stderr(),
            ));
            None
        }
    }
}
