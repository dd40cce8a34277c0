//! `comanage lint`: validate, then check the rules of DESIGN.md section 3.

use crate::file_table::{self, FileRow};
use crate::findings::{self, FileFindings, plural};
use crate::git::GitError;
use crate::inputs::{self, Loaded};
use crate::lint::sarif::SarifOptions;
use crate::lint::{self, LintOptions};
use crate::new_findings::Baseline;
use crate::runtime::{CommandResult, GlobalArgs, Status, print_error, write_stderr, write_stdout};
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
    /// searched for `scope.yaml` and `*.scope.yaml` (and their `.yml`
    /// spellings). `-` reads standard input.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 on warnings too, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// SARIF: keep waived findings, marked as accepted suppressions (code
    /// scanning ignores suppressions, so they are left out by default).
    #[arg(long)]
    pub include_suppressed: bool,
    /// Report (and count) only findings the scope did not have at this git
    /// revision; renamed and moved functions keep their old findings.
    #[arg(long, value_name = "REV")]
    pub new_from_rev: Option<String>,
}

/// What linting one file gave.
enum Outcome {
    /// The findings, and the scope's client when it loaded.
    Checked(FileFindings, Option<String>),
    Unreadable(ReadError),
    /// `--new-from-rev` could not read the revision.
    NoBaseline(GitError),
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
    let base = args.new_from_rev.as_deref();
    let outcomes = inputs::map_files(&files, |path| lint_one(path, &options, base));

    let mut checked = Vec::new();
    let mut rows = Vec::new();
    let mut unreadable: Vec<miette::Report> = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(file, client) => {
                rows.push(FileRow::new(&file, client));
                checked.push(file);
            }
            Outcome::Unreadable(err) => unreadable.push(miette::Report::new(err)),
            Outcome::NoBaseline(err) => unreadable.push(miette::Report::new(err)),
        }
    }
    let tally = findings::tally(&checked);
    match args.format {
        Format::Json => write_stdout(&findings::render_json(&checked))?,
        // A run that could not read an input prints no SARIF at all: an
        // uploaded log with fewer results would close open alerts.
        Format::Sarif if !unreadable.is_empty() => {}
        Format::Sarif => write_stdout(&lint::sarif::render(
            &checked,
            &SarifOptions {
                root: sarif_root(),
                include_suppressed: args.include_suppressed,
            },
        ))?,
        Format::Github => write_stdout(&findings::render_github(&checked))?,
        Format::Human => {
            write_stdout(&findings::render_human(
                &checked,
                global.color.for_stdout(),
                crate::terminal::width(),
            ))?;
            if !global.quiet {
                let mut text = String::new();
                if rows.len() > 1 {
                    text.push_str(&file_table::render(&rows));
                }
                text.push_str(&summary(&checked, unreadable.len() + unsearched, base));
                write_stderr(&text);
            }
        }
    }
    if let Some(last) = unreadable.pop() {
        for err in unreadable {
            print_error(&err, global.color);
        }
        return Err(last);
    }
    if unsearched > 0 {
        return Err(inputs::unsearched(unsearched));
    }
    let failing = tally.errors > 0 || (args.deny_warnings && tally.warnings > 0);
    Ok(Status::from_problems(failing))
}

/// The directory SARIF artifact URIs are relative to (`%SRCROOT%`): the
/// root of the git work tree around the current directory, so the URIs match
/// the repository's paths from any working directory; outside a repository
/// (or without git), the current directory.
fn sarif_root() -> Option<std::path::PathBuf> {
    crate::git::Repo::discover(std::path::Path::new("."))
        .ok()
        .map(|repo| repo.root().to_path_buf())
}

/// Lints one file; with `base` (`--new-from-rev`), keeps only the findings
/// the file did not have at that revision.
fn lint_one(path: &str, options: &LintOptions, base: Option<&str>) -> Outcome {
    let loaded = match inputs::load_one(path) {
        Loaded::Valid(document) => Ok(*document),
        Loaded::Invalid(rejected) => Err(rejected),
        Loaded::Unreadable(err) => return Outcome::Unreadable(err),
    };
    let (mut file, document) = lint::check_loaded(loaded, options);
    let scope = document.map(|document| document.scope);
    if let Some(rev) = base {
        match Baseline::at(path, rev, scope.as_ref(), options) {
            Ok(mut baseline) => baseline.retain_new(&mut file.diagnostics),
            Err(err) => return Outcome::NoBaseline(err),
        }
    }
    let client = scope.as_ref().map(|s| s.engagement.client.clone());
    Outcome::Checked(file, client)
}

/// `2 files checked: 3 errors, 1 warning (1 waived)`; under
/// `--new-from-rev`, `…, new since REV`.
fn summary(checked: &[FileFindings], unreadable: usize, base: Option<&str>) -> String {
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
    if let Some(rev) = base {
        line.push_str(&format!(", new since {}", crate::terminal::sanitize(rev)));
    }
    if waived > 0 {
        line.push_str(&format!(" ({waived} waived)"));
    }
    if unreadable > 0 {
        line.push_str(&format!("; {unreadable} could not be read"));
    }
    line.push('\n');
    line
}
