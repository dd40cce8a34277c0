//! `comanage what-if`: what falls through the cracks if a party leaves or its
//! work moves (DESIGN.md 7). The file is never changed.

use crate::lint::LintOptions;
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stdout};
use crate::scope::{Id, Scope};
use crate::whatif::{self, Change};

/// Output formats of `what-if`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// The summary, then each new finding as `lint` shows it.
    #[default]
    Human,
    /// A section for a renewal memo.
    Markdown,
    /// `{ removed, fallbacks, new, gone }`, for scripts.
    Json,
}

/// Arguments of `comanage what-if`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scope file (default: the `-f` file; `-` reads standard input).
    #[arg(value_name = "PATH")]
    pub path: Option<String>,
    /// Remove this party and every reference to it (repeatable, or comma-separated).
    #[arg(long, value_name = "PARTY", value_delimiter = ',')]
    pub without: Vec<String>,
    /// Move every reference to FROM to TO, and remove FROM (repeatable).
    #[arg(long, value_name = "FROM=TO", value_parser = parse_reassign)]
    pub reassign: Vec<(String, String)>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit 1 when the change brings a new error.
    #[arg(long)]
    pub exit_code: bool,
}

fn parse_reassign(text: &str) -> Result<(String, String), String> {
    let Some((from, to)) = text.split_once('=') else {
        return Err(format!(
            "`{text}` is not FROM=TO; write the two party ids joined by `=`, such as msp=internal"
        ));
    };
    let (from, to) = (from.trim(), to.trim());
    if from.is_empty() || to.is_empty() {
        return Err(format!("`{text}` needs a party id on both sides of `=`"));
    }
    if from == to {
        return Err(format!(
            "`{text}` moves `{from}` to itself; name another party after `=`"
        ));
    }
    Ok((from.to_owned(), to.to_owned()))
}

/// Answers what the change would do to the scope.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    let path = args.path.as_deref().unwrap_or(&global.file);
    let Some(document) = super::load_scope(path, global)? else {
        return Ok(Status::Problems);
    };
    let change = Change {
        without: args.without.clone(),
        reassign: args.reassign.clone(),
    };
    check_change(&document.scope, &change, document.source.name())?;
    let options = LintOptions {
        today: global.today(),
    };
    let answer = whatif::answer(&document, &change, &options);
    let text = match args.format {
        Format::Human => whatif::human::render(
            &answer,
            global.color.for_stdout(),
            crate::terminal::width(),
            global.quiet,
        ),
        Format::Markdown => whatif::markdown::render(&answer),
        Format::Json => whatif::json::render(&answer),
    };
    write_stdout(&text)?;
    Ok(Status::from_problems(
        args.exit_code && answer.has_new_errors(),
    ))
}

/// Every party the change names must be defined, and no party may be both
/// removed and a destination, or named twice.
fn check_change(scope: &Scope, change: &Change, file: &str) -> miette::Result<()> {
    let named = change.without.iter().map(|id| ("--without", id)).chain(
        change
            .reassign
            .iter()
            .flat_map(|(from, to)| [("--reassign", from), ("--reassign", to)]),
    );
    for (flag, id) in named {
        if !scope.parties.contains_key(id) {
            return Err(unknown_party(scope, flag, id, file));
        }
    }
    let mut removed: Vec<&Id> = Vec::new();
    for id in change
        .without
        .iter()
        .chain(change.reassign.iter().map(|(from, _)| from))
    {
        if removed.contains(&id) {
            return Err(miette::miette!(
                help = "name each party once, in `--without` or as the FROM of one `--reassign`",
                "party `{id}` is removed more than once by this change"
            ));
        }
        removed.push(id);
    }
    for (from, to) in &change.reassign {
        if removed.contains(&to) {
            return Err(miette::miette!(
                help = "move the work to a party that stays, or run what-if once per step",
                "`--reassign {from}={to}` moves work to `{to}`, which this change removes too"
            ));
        }
    }
    Ok(())
}

fn unknown_party(scope: &Scope, flag: &str, id: &str, file: &str) -> miette::Report {
    let known = scope.parties.keys().map(String::as_str);
    let help = crate::suggest::did_you_mean(id, known.clone()).unwrap_or_else(|| {
        format!(
            "the parties of {file} are: {}",
            known.collect::<Vec<_>>().join(", ")
        )
    });
    let id = crate::terminal::sanitize(id);
    miette::miette!(
        help = help,
        "{flag} names party `{id}`, which {file} does not define"
    )
}
