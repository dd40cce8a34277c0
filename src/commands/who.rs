//! `comanage who QUERY`: the owner, backup, RACI, decisions and escalation
//! ladder of the functions a query names, or everything a party is on the
//! hook for when the query names a party; with `--at`, who is on duty then.

use crate::runtime::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::scope::Scope;
use crate::who::answer::{self, Duty};
use crate::who::duty::{Clock, Moment};
use crate::who::{human, party, party_human, query};

/// How many functions the human answer shows in full unless `--all`: a
/// screenful at 2 AM, with the rest named underneath.
pub const SHOWN: usize = 5;

/// Output formats of `who`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A compact block per function (or the party), for people.
    #[default]
    Human,
    /// `{ "query": …, "functions": [ … ] }` (or `"party": …`), every match, for scripts.
    Json,
}

/// Arguments of `comanage who`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A function, service or party id or name, or part of one (`patching`, `backups`, `soc`).
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Show every matching function in full, not only the best five.
    #[arg(long)]
    pub all: bool,
    /// Answer about the functions the query matches even when it names a party.
    #[arg(long)]
    pub functions: bool,
    /// Mark who is on duty at this moment of the week: `sat 02:00`, `02:00` (today), `2026-12-05 02:00`.
    #[arg(long, value_name = "WHEN", conflicts_with = "now")]
    pub at: Option<String>,
    /// Mark who is on duty now (local time).
    #[arg(long)]
    pub now: bool,
}

/// Answers the query from the `-f` scope. Exit 1 when the scope is invalid
/// or nothing matches.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    // `who patch management` and `who "patch management"` mean the same.
    let text = args.query.join(" ");
    let moment =
        match (&args.at, args.now) {
            (Some(at), _) => Some(Moment::parse(at, jiff::Zoned::now().weekday()).map_err(
                |err| miette::miette!(help = "for example `--at \"sat 02:00\"`", "--at: {err}"),
            )?),
            (None, true) => Some(Moment::now()),
            (None, false) => None,
        };
    let Some(document) = super::load_scope(&global.file, global)? else {
        return Ok(Status::Problems);
    };
    let scope = &document.scope;
    let clock = Clock::of(scope);
    let duty = moment.map(|moment| Duty {
        moment,
        clock: &clock,
    });
    let found = query::find(scope, &text);
    if !args.functions
        && let Some(id) = query::find_party(scope, &text)
    {
        return answer_party(global, args, scope, (&text, id), duty, &found);
    }
    // Nothing else answers `who soc`: the one party whose name says so.
    if !args.functions
        && matches!(found, query::Found::Nothing(_))
        && let Some(id) = query::find_party_by_words(scope, &text)
    {
        return answer_party(global, args, scope, (&text, id), duty, &found);
    }
    let found = match found {
        query::Found::Functions(found) => found,
        query::Found::Nothing(suggestions) => {
            write_stderr(&no_match(&text, &suggestions));
            return Ok(Status::Problems);
        }
    };
    let answer = answer::build(scope, &text, &found, duty);
    match args.format {
        Format::Human => {
            let limit = (!args.all).then_some(SHOWN);
            write_stdout(&human::render(&answer, global.color.for_stdout(), limit))?;
        }
        Format::Json => write_json(&answer)?,
    }
    Ok(Status::Clean)
}

/// The answer about party `id`, with a note when the query also matches
/// functions (which `--functions` shows).
fn answer_party(
    global: &GlobalArgs,
    args: &Args,
    scope: &Scope,
    (text, id): (&str, &str),
    duty: Option<Duty<'_>>,
    found: &query::Found<'_>,
) -> CommandResult {
    let view = party::build(scope, text, id, duty);
    match args.format {
        Format::Human => {
            let mut out = party_human::render(&view, global.color.for_stdout());
            if let query::Found::Functions(functions) = found {
                let s = if functions.len() == 1 { "" } else { "s" };
                out.push_str(&format!(
                    "\n`{}` also matches {} function{s}: `comanage who {} --functions` shows them\n",
                    crate::terminal::sanitize(text),
                    functions.len(),
                    human::shell_word(text),
                ));
            }
            write_stdout(&out)?;
        }
        Format::Json => write_json(&view)?,
    }
    Ok(Status::Clean)
}

fn write_json<T: serde::Serialize>(answer: &T) -> miette::Result<()> {
    let mut json = serde_json::to_string_pretty(answer)
        .map_err(|err| miette::miette!("cannot write the answer as JSON: {err}"))?;
    json.push('\n');
    write_stdout(&json)
}

/// The message when nothing matches, with the closest names.
fn no_match(query: &str, suggestions: &[String]) -> String {
    let safe = crate::terminal::sanitize;
    let mut text = format!("no function, service or party matches `{}`\n", safe(query));
    if suggestions.is_empty() {
        text.push_str("help: `comanage report` lists every function, service and party\n");
    } else {
        text.push_str("help: closest names:\n");
        for suggestion in suggestions {
            text.push_str(&format!("  {}\n", safe(suggestion)));
        }
    }
    text
}
