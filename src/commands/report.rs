//! `comanage report`: the quarterly-business-review view of a scope in one of
//! five formats, to standard output or atomically to a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::findings::{self, FileFindings};
use crate::inputs::{self, Loaded};
use crate::lint::{self, LintOptions};
use crate::report::{self, Report};

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
    /// Write the report to FILE instead of standard output (replaced atomically).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also show what changed since this git revision.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

/// Loads and lints the scope, renders the report, writes it.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    if args.since.is_some() {
        return Err(miette::miette!(
            help = "run `comanage diff REV` for the changes, and `comanage report` without --since",
            "--since needs git support, not in this build yet"
        ));
    }
    let path = args.path.as_deref().unwrap_or(&global.file);
    let document = match inputs::load_one(path) {
        Loaded::Valid(document) => document,
        Loaded::Unreadable(err) => return Err(miette::Report::new(err)),
        Loaded::Invalid(rejected) => {
            // The report may be headed for a file or a pipe: the problems go
            // to standard error, where the user sees them.
            let found = [FileFindings {
                source: rejected.source,
                diagnostics: rejected.diagnostics,
            }];
            write_stderr(&findings::render_human(
                &found,
                global.color.for_stderr(),
                crate::terminal::width(),
            ));
            if !global.quiet {
                let errors = findings::tally(&found).errors;
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
    let report = report::build(&document, today, &found);
    let color = args.output.is_none() && global.color.for_stdout();
    let text = render(&report, args.format, color)?;
    match &args.output {
        Some(file) => write_atomically(file, &text)?,
        None => write_stdout(&text)?,
    }
    Ok(Status::Clean)
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

/// Writes `text` to `file` through a temporary file in the same directory,
/// renamed into place: readers never see a half-written report.
fn write_atomically(file: &Path, text: &str) -> miette::Result<()> {
    let dir = match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let shown = file.display();
    if !dir.is_dir() {
        return Err(miette::miette!(
            help = "create the directory first, or name a file in an existing one",
            "cannot write {shown}: the directory {} does not exist",
            dir.display()
        ));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".comanage-report").suffix(".tmp");
    // A temporary file is private (0600); a report is an ordinary file, so
    // ask for 0666 and let the umask decide, as any other program's output.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(|e| {
        miette::miette!(
            help = "check that the directory exists and that you may write to it",
            "cannot write {shown}: {e}"
        )
    })?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| miette::miette!("cannot write {shown}: {e}"))?;
    temp.persist(file).map_err(|e| {
        miette::miette!(
            help = "check that the path is not a directory and that you may write to it",
            "cannot write {shown}: {}",
            e.error
        )
    })?;
    Ok(())
}
