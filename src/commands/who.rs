//! `comanage who QUERY`: the owner, backup, RACI, decisions and escalation
//! ladder of the functions a query names.

use crate::cli::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::findings;
use crate::inputs::{self, Loaded};
use crate::who::{answer, human, query};

/// Output formats of `who`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A compact block per function, for people.
    #[default]
    Human,
    /// `{ "query": …, "functions": [ … ] }`, for scripts.
    Json,
}

/// Arguments of `comanage who`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A function or service id or name, or part of one (`patching`, `backups`).
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Answers the query from the `-f` scope. Exit 1 when the scope is invalid
/// or nothing matches.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    // `who patch management` and `who "patch management"` mean the same.
    let text = args.query.join(" ");
    let document = match inputs::load_one(&global.file) {
        Loaded::Valid(document) => document,
        Loaded::Unreadable(err) => return Err(miette::Report::new(err)),
        Loaded::Invalid(rejected) => {
            // Diagnostics go to standard error: standard output is for the
            // answer, which scripts may parse.
            write_stderr(&findings::render_rejected(
                rejected,
                global.color.for_stderr(),
            ));
            return Ok(Status::Problems);
        }
    };
    let found = match query::find(&document.scope, &text) {
        query::Found::Functions(found) => found,
        query::Found::Nothing(suggestions) => {
            write_stderr(&no_match(&text, &suggestions));
            return Ok(Status::Problems);
        }
    };
    let answer = answer::build(&document.scope, &text, &found);
    match args.format {
        Format::Human => write_stdout(&human::render(&answer, global.color.for_stdout()))?,
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&answer)
                .map_err(|err| miette::miette!("cannot write the answer as JSON: {err}"))?;
            json.push('\n');
            write_stdout(&json)?;
        }
    }
    Ok(Status::Clean)
}

/// The message when nothing matches, with the closest names.
fn no_match(query: &str, suggestions: &[String]) -> String {
    let safe = crate::terminal::sanitize;
    let mut text = format!("no function or service matches `{}`\n", safe(query));
    if suggestions.is_empty() {
        text.push_str("help: `comanage report` lists every function and service\n");
    } else {
        text.push_str("help: closest names:\n");
        for suggestion in suggestions {
            text.push_str(&format!("  {}\n", safe(suggestion)));
        }
    }
    text
}
