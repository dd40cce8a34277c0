//! What every command shares: the global options, how a run went, and
//! writing to the terminal.
//!
//! It sits below both [`crate::cli`], which parses the command line, and
//! [`crate::commands`], which run it, so neither imports the other's
//! internals.

use std::io::Write;

use crate::scope::Date;
use crate::terminal::ColorChoice;

/// Options every command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// The scope file (`-` reads standard input).
    #[arg(
        short = 'f',
        long = "file",
        global = true,
        default_value = "scope.yaml",
        value_name = "PATH"
    )]
    pub file: String,
    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print only problems: no summary or success lines.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Take this date as today (YYYY-MM-DD), for date rules and days to renewal.
    #[arg(long, global = true, env = "COMANAGE_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,
}

impl GlobalArgs {
    /// The date to treat as today.
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(Date::today)
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
}

/// How a command that ran went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing to report (exit 0).
    Clean,
    /// The scope has problems, or differences under `--exit-code` (exit 1).
    Problems,
}

impl Status {
    /// `Problems` when `has_problems`, else `Clean`.
    pub fn from_problems(has_problems: bool) -> Self {
        if has_problems {
            Self::Problems
        } else {
            Self::Clean
        }
    }
}

/// The result of a command: a status, or an error that kept it from running
/// (exit 2).
pub type CommandResult = miette::Result<Status>;

/// Prints an error that stopped a command, to standard error.
pub fn print_error(report: &miette::Report, color: ColorChoice) {
    let theme = if color.for_stderr() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler =
        miette::GraphicalReportHandler::new_themed(theme).with_width(crate::terminal::width());
    let mut out = String::new();
    if handler.render_report(&mut out, report.as_ref()).is_err() {
        out = format!("error: {report}\n");
    }
    let _ = std::io::stderr().write_all(crate::terminal::sanitize(&out).as_bytes());
}

/// Writes `text` to standard output. A closed pipe (`comanage … | head`) is
/// not an error: the reader has what it wanted.
pub fn write_stdout(text: &str) -> miette::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(miette::miette!("cannot write to standard output: {err}")),
    }
}

/// Writes `text` to standard error (summaries, notes), ignoring failures.
pub fn write_stderr(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}
