//! `comanage report`: the quarterly-business-review view of a scope in one of
//! five formats, to standard output or atomically to a file.

use std::path::PathBuf;

use crate::cli::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::findings;
use crate::inputs::{self, Loaded};
use crate::lint::{self, LintOptions};
use crate::report::{self, Report, SinceChange};
use crate::scope::{Scope, load_bytes};
use crate::write::{Existing, write_atomically};

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Tables for the terminal.
    #[default]
    Table,
    /// GitHub-flavoured Markdown, for wikis.
    Markdown,
    /// One self-contained HTML file of slide-sized sections, for the QBR deck.
    Html,
    /// The RACI matrix as CSV, for a spreadsheet.
    Csv,
    /// The whole report as JSON, for scripts.
    Json,
}

/// Arguments of `comanage report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scope file (default: the `-f` file). `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub path: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to FILE instead of standard output (replaced atomically;
    /// `-` is standard output).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also show what changed since this git revision (or `REV:path`, or a file).
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

/// Loads and lints the scope, renders the report, writes it.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    let path = args.path.as_deref().unwrap_or(&global.file);
    let document = match inputs::load_one(path) {
        Loaded::Valid(document) => document,
        Loaded::Unreadable(err) => return Err(miette::Report::new(err)),
        Loaded::Invalid(rejected) => {
            // The report may be headed for a file or a pipe: the problems go
            // to standard error, where the user sees them.
            let errors = crate::diagnostics::Tally::of(&rejected.diagnostics).errors;
            write_stderr(&findings::render_rejected(
                rejected,
                global.color.for_stderr(),
            ));
            if !global.quiet {
                write_stderr(&format!(
                    "no report: {path} has {}; run `comanage validate {path}` after fixing\n",
                    findings::plural(errors, "error")
                ));
            }
            return Ok(Status::Problems);
        }
    };
    let today = global.today();
    let found = lint::check(&document, &LintOptions { today });
    let mut report = report::build(&document, today, &found);
    if let Some(rev) = &args.since {
        match changes_since(rev, path, &document.scope, global)? {
            Some(changes) => report.changes = Some(changes),
            None => return Ok(Status::Problems),
        }
    }
    // `-o -` is standard output, as `-` is everywhere else.
    let file = args.output.as_ref().filter(|file| file.as_os_str() != "-");
    let color = file.is_none() && global.color.for_stdout();
    let text = render(&report, args.format, color)?;
    match file {
        Some(file) => write_atomically(file, &text, Existing::Replace)?,
        None => write_stdout(&text)?,
    }
    Ok(Status::Clean)
}

/// What changed in the scope since revision `rev` of `path`, for the
/// report's "What changed" section; `None` (its problems printed) when the
/// scope does not validate at `rev`.
fn changes_since(
    rev: &str,
    path: &str,
    scope: &Scope,
    global: &GlobalArgs,
) -> miette::Result<Option<Vec<SinceChange>>> {
    let (label, bytes) = crate::git::resolve(rev, path)?;
    let old = match load_bytes(&label, bytes) {
        Ok(old) => old,
        Err(rejected) => {
            write_stderr(&findings::render_rejected(
                rejected,
                global.color.for_stderr(),
            ));
            if !global.quiet {
                crate::cli::print_error(
                    &miette::miette!(
                        help = "pick a revision where the scope validates (`comanage log --all` shows them)",
                        "no report: cannot compare with {}: the scope does not validate there",
                        crate::terminal::sanitize(&label)
                    ),
                    global.color,
                );
            }
            return Ok(None);
        }
    };
    Ok(Some(
        crate::diff::diff(&old.scope, scope)
            .into_iter()
            .map(|change| SinceChange {
                group: change.group.title().to_owned(),
                summary: change.summary,
                impact: change.impact.as_str().to_owned(),
            })
            .collect(),
    ))
}

/// The report in `format`.
pub fn render(report: &Report, format: Format, color: bool) -> miette::Result<String> {
    Ok(match format {
        Format::Table => report::table::render(report, crate::terminal::width(), color),
        Format::Markdown => report::markdown::render(report),
        Format::Html => report::html::render(report)
            .map_err(|e| miette::miette!("cannot render the HTML report: {e}"))?,
        Format::Csv => report::csv::render(report)
            .map_err(|e| miette::miette!("cannot write the CSV report: {e}"))?,
        Format::Json => report::json::render(report)
            .map_err(|e| miette::miette!("cannot write the JSON report: {e}"))?,
    })
}
