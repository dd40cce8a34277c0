//! `comanage validate`: parse and schema-check scope files, every problem at once.

use crate::findings::{self, plural};
use crate::inputs::{self, Loaded};
use crate::runtime::{CommandResult, GlobalArgs, Status, print_error, write_stderr, write_stdout};

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with a snippet of the file, for people.
    #[default]
    Human,
    /// An array of records (rule, level, message, file, line, column, pointer, help).
    Json,
}

/// Arguments of `comanage validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scope files or directories (default: the `-f` file). `-` reads standard input.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Validates every file; exit 1 when any has a problem, 2 when one cannot be read.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    let paths = if args.paths.is_empty() {
        vec![global.file.clone()]
    } else {
        args.paths.clone()
    };
    let expanded = inputs::expand(&paths)?;
    let unsearched = expanded.print_skipped(global.quiet);
    let files = expanded.files;
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    let mut valid = 0;
    for loaded in inputs::load_all(&files) {
        match loaded {
            Loaded::Valid(_) => valid += 1,
            Loaded::Invalid(rejected) => found.push(rejected.into()),
            Loaded::Unreadable(err) => unreadable.push(err),
        }
    }
    match args.format {
        Format::Json => write_stdout(&findings::render_json(&found))?,
        Format::Human => {
            write_stdout(&findings::render_human(
                &found,
                global.color.for_stdout(),
                crate::terminal::width(),
            ))?;
            if !global.quiet {
                let tally = findings::tally(&found);
                let mut summary = if found.is_empty() {
                    format!("{} valid", plural(valid, "file"))
                } else {
                    format!(
                        "{} checked: {} valid, {} with {}",
                        plural(files.len(), "file"),
                        valid,
                        found.len(),
                        plural(tally.errors, "error")
                    )
                };
                if !unreadable.is_empty() || unsearched > 0 {
                    summary.push_str(&format!(
                        ", {} could not be read",
                        unreadable.len() + unsearched
                    ));
                }
                summary.push('\n');
                write_stderr(&summary);
            }
        }
    }
    if let Some(last) = unreadable.pop() {
        for err in unreadable {
            print_error(&miette::Report::new(err), global.color);
        }
        return Err(miette::Report::new(last));
    }
    if unsearched > 0 {
        return Err(inputs::unsearched(unsearched));
    }
    Ok(Status::from_problems(!found.is_empty()))
}
