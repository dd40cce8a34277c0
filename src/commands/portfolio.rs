//! `comanage report` over several scopes: the portfolio view
//! (DESIGN.md section 5, revision 2).

use crate::diagnostics::{Level, Tally};
use crate::findings;
use crate::inputs::{self, Loaded};
use crate::lint::{self, LintOptions};
use crate::report::portfolio::{self, Entry};
use crate::report::{self, Report, portfolio_html, portfolio_text};
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stderr};
use crate::scope::Date;

use super::report::{Args, Format, deliver};

/// What reading one file of the portfolio gave.
enum Read {
    Reported(String, Box<Report>),
    Failed {
        file: String,
        errors: usize,
        first: String,
        /// The diagnostics to show on standard error, already rendered.
        shown: String,
        unreadable: bool,
    },
}

/// Reads, lints and reports every scope of `paths`; renders the portfolio.
/// Exit 1 when a scope does not load, 2 when a file cannot be read.
pub fn run(global: &GlobalArgs, args: &Args, paths: &[String]) -> CommandResult {
    if args.since.is_some() {
        return Err(miette::miette!(
            help = "run `comanage report FILE --since REV` for one client's changes",
            "--since compares one scope with its history; the portfolio has {} paths",
            paths.len()
        ));
    }
    let expanded = inputs::expand(paths)?;
    let unsearched = expanded.print_skipped(global.quiet);
    let files = expanded.files;
    let today = global.today();
    let color = global.color.for_stderr();
    let reads = inputs::map_files(&files, |path| read(path, today, color));
    let mut failed = false;
    let mut unreadable = false;
    let entries: Vec<Entry<'_>> = reads
        .iter()
        .map(|r| match r {
            Read::Reported(file, report) => Entry::Loaded { file, report },
            Read::Failed {
                file,
                errors,
                first,
                shown,
                unreadable: cannot_read,
            } => {
                write_stderr(shown);
                failed = true;
                unreadable |= *cannot_read;
                Entry::Failed {
                    file,
                    errors: *errors,
                    first: first.clone(),
                }
            }
        })
        .collect();
    let view = portfolio::build(&entries);
    let by_file: std::collections::HashMap<&str, &Report> = reads
        .iter()
        .filter_map(|r| match r {
            Read::Reported(file, report) => Some((file.as_str(), report.as_ref())),
            Read::Failed { .. } => None,
        })
        .collect();
    let report_of = |file: &str| by_file.get(file).copied();
    let stdout_color = args.output.is_none() && global.color.for_stdout();
    let text = match args.format {
        Format::Table => portfolio_text::table(&view, crate::terminal::width(), stdout_color),
        Format::Markdown => portfolio_text::markdown(&view),
        Format::Csv => portfolio_text::csv(&view)
            .map_err(|e| miette::miette!("cannot write the CSV portfolio: {e}"))?,
        Format::Json => portfolio_text::json(&view)
            .map_err(|e| miette::miette!("cannot write the JSON portfolio: {e}"))?,
        Format::Html => portfolio_html::render(&view, today, report_of)
            .map_err(|e| miette::miette!("cannot render the HTML portfolio: {e}"))?,
    };
    deliver(global, args, &text)?;
    if failed && !global.quiet {
        let t = &view.totals;
        let verb = if t.not_loaded == 1 { "does" } else { "do" };
        write_stderr(&format!(
            "{} of {} {verb} not load; the portfolio shows {} as such\n",
            t.not_loaded,
            findings::plural(t.scopes, "scope"),
            if t.not_loaded == 1 { "it" } else { "them" },
        ));
    }
    if unsearched > 0 {
        return Err(inputs::unsearched(unsearched));
    }
    if unreadable {
        return Err(miette::miette!(
            help = "check the paths; the portfolio shows the others",
            "some files could not be read"
        ));
    }
    Ok(Status::from_problems(failed))
}

fn read(path: &str, today: Date, color: bool) -> Read {
    match inputs::load_one(path) {
        Loaded::Valid(document) => {
            let found = lint::check(&document, &LintOptions { today });
            Read::Reported(
                path.to_owned(),
                Box::new(report::build(&document, today, &found)),
            )
        }
        Loaded::Invalid(rejected) => {
            let errors = Tally::of(&rejected.diagnostics).errors;
            let first = rejected
                .diagnostics
                .iter()
                .find(|d| d.level == Level::Error)
                .map_or_else(
                    || format!("{path}: does not load"),
                    |d| {
                        let (line, column) = rejected.source.line_col(d.primary.span.start);
                        format!("{path}:{line}:{column}: {}", d.message)
                    },
                );
            Read::Failed {
                file: path.to_owned(),
                errors: errors.max(1),
                first,
                shown: findings::render_rejected(rejected, color),
                unreadable: false,
            }
        }
        Loaded::Unreadable(err) => Read::Failed {
            file: path.to_owned(),
            errors: 1,
            first: err.to_string(),
            shown: String::new(),
            unreadable: true,
        },
    }
}
