//! `comanage report`: the quarterly-business-review view of a scope in one of
//! five formats, to standard output or atomically to a file.

use std::path::PathBuf;

use crate::findings;
use crate::inputs::{self, Loaded};
use crate::lint::{self, LintOptions};
use crate::report::{self, Report};
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
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
    /// Several files, or a directory (searched for `scope.yaml` and
    /// `*.scope.yaml` as `lint` does), give the portfolio: one row per scope.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to FILE instead of standard output (replaced atomically;
    /// `-` is standard output).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also show what changed since this git revision (or `REV:path`, a file,
    /// or a date YYYY-MM-DD that names no revision: the last commit on or
    /// before that day).
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

/// Loads and lints the scope, renders the report, writes it. Several paths
/// or a directory give the portfolio instead.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    let path = match args.paths.as_slice() {
        [] => global.file.as_str(),
        [one] if one == "-" || !std::path::Path::new(one).is_dir() => one.as_str(),
        several => return super::portfolio::run(global, args, several),
    };
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
        match super::report_since::changes_since(rev, path, &document.scope, global)? {
            Some((since, changes)) => {
                report.changes = Some(changes);
                report.since = Some(since);
            }
            None => return Ok(Status::Problems),
        }
    }
    // `-o -` is standard output, as `-` is everywhere else.
    let file = args.output.as_ref().filter(|file| file.as_os_str() != "-");
    let color = file.is_none() && global.color.for_stdout();
    let text = render(&report, args.format, color)?;
    deliver(global, args, &text)?;
    Ok(Status::Clean)
}

/// Writes `text` to the `-o` file (atomically, then `wrote FILE` on
/// standard error unless `-q`), or to standard output.
pub fn deliver(global: &GlobalArgs, args: &Args, text: &str) -> miette::Result<()> {
    // `-o -` is standard output, as `-` is everywhere else.
    match args.output.as_ref().filter(|file| file.as_os_str() != "-") {
        Some(file) => {
            write_atomically(file, text, Existing::Replace)?;
            if !global.quiet {
                write_stderr(&format!(
                    "wrote {}\n",
                    crate::terminal::sanitize(&file.to_string_lossy())
                ));
            }
            Ok(())
        }
        // CSV keeps the scope's text exactly for a spreadsheet or a script;
        // shown on a terminal it must not carry escapes the terminal obeys.
        None if args.format == Format::Csv => {
            write_stdout(&crate::terminal::for_stdout(text.to_owned()))
        }
        None => write_stdout(text),
    }
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
