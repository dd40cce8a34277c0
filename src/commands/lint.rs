//! `comanage lint`: validate, then check the rules of DESIGN.md section 3.

use crate::cli::{CommandResult, GlobalArgs, Status, print_error, write_stderr, write_stdout};
use crate::findings::{self, FileFindings, plural};
use crate::inputs::{self, Loaded};
use crate::lint::{self, LintOptions};
use crate::scope::ReadError;

/// Output formats of `lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Diagnostics with a snippet of the file, grouped by file, for people.
    #[default]
    Human,
    /// An array of findings (rule, level, message, file, line, column, pointer, help, suppressed).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other dashboards.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
}

/// Arguments of `comanage lint`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scope files or directories (default: the `-f` file). A directory is
    /// searched for `scope.yaml` and `*.scope.yaml`. `-` reads standard input.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 on warnings too, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// What linting one file gave.
enum Outcome {
    Checked(FileFindings),
    Unreadable(ReadError),
}

/// Lints every file; exit 1 on errors (or warnings under `--deny-warnings`),
/// 2 when a file cannot be read.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    let paths = if args.paths.is_empty() {
        vec![global.file.clone()]
    } else {
        args.paths.clone()
    };
    let expanded = inputs::expand(&paths)?;
    let unsearched = expanded.print_skipped(global.quiet);
    let files = expanded.files;
    let options = LintOptions {
        today: global.today(),
    };
    let outcomes = inputs::map_files(&files, |path| lint_one(path, &options));

    let mut checked = Vec::new();
    let mut unreadable = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(file) => checked.push(file),
            Outcome::Unreadable(err) => unreadable.push(err),
        }
    }
    let tally = findings::tally(&checked);
    match args.format {
        Format::Json => write_stdout(&findings::render_json(&checked))?,
        Format::Sarif => write_stdout(&lint::sarif::render(&checked))?,
        Format::Github => write_stdout(&findings::render_github(&checked))?,
        Format::Human => {
            write_stdout(&findings::render_human(
                &checked,
                global.color.for_stdout(),
                crate::terminal::width(),
            ))?;
            if !global.quiet {
                write_stderr(&summary(&checked, unreadable.len() + unsearched));
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
    let failing = tally.errors > 0 || (args.deny_warnings && tally.warnings > 0);
    Ok(Status::from_problems(failing))
}

fn lint_one(path: &str, options: &LintOptions) -> Outcome {
    match inputs::load_one(path) {
        Loaded::Valid(document) => {
            let diagnostics = lint::check(&document, options);
            Outcome::Checked(FileFindings {
                source: document.source,
                diagnostics,
            })
        }
        Loaded::Invalid(rejected) => Outcome::Checked(rejected.into()),
        Loaded::Unreadable(err) => Outcome::Unreadable(err),
    }
}

/// `2 files checked: 3 errors, 1 warning (1 waived)`.
fn summary(checked: &[FileFindings], unreadable: usize) -> String {
    let tally = findings::tally(checked);
    let waived = checked
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| d.suppressed.is_some())
        .count();
    let files = plural(checked.len(), "file");
    // "no problems" only when everything could be read: a file that could
    // not be read may hold any number of them.
    let mut line = if tally.errors == 0 && tally.warnings == 0 && unreadable == 0 {
        format!("{files} checked: no problems")
    } else {
        format!(
            "{files} checked: {}, {}",
            plural(tally.errors, "error"),
            plural(tally.warnings, "warning")
        )
    };
    if waived > 0 {
        line.push_str(&format!(" ({waived} waived)"));
    }
    if unreadable > 0 {
        line.push_str(&format!("; {unreadable} could not be read"));
    }
    line.push('\n');
    line
}
