//! `comanage log`: the scope's git history as changes of meaning, newest
//! first. The walk lives in [`crate::git::semantic`]; this file holds the
//! arguments and the three renderings.

use std::fmt::Write as _;

use serde_json::{Value as Json, json};

use crate::diff::markdown::cell;
use crate::diff::{self, Change};
use crate::git::semantic::{self, Entry, LogOptions, Outcome};
use crate::git::{GitError, Repo};
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::scope::{Date, load_bytes};
use crate::suggest::did_you_mean;
use crate::terminal::sanitize;

/// Output formats of `log`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One block per commit, for the terminal.
    #[default]
    Human,
    /// Headings and bullet lists, for a wiki or a pull request.
    Markdown,
    /// An array of commits, each with its changes, for scripts.
    Json,
}

/// Arguments of `comanage log`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Follow one function (its id now) back through renames and moves; show only its changes.
    #[arg(long, value_name = "ID")]
    pub function: Option<String>,
    /// Only commits authored on or after this date, or only the commits
    /// after this revision (a YYYY-MM-DD that names no revision is a date).
    #[arg(long, value_name = "DATE|REV")]
    pub since: Option<String>,
    /// Only commits authored on or before this date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub until: Option<Date>,
    /// Show at most N commits.
    #[arg(short = 'n', long = "max-count", value_name = "N")]
    pub max_count: Option<usize>,
    /// Also list commits that changed the file but not its meaning.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
}

/// Runs `comanage log` on the `-f` file.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    let (repo, path) = Repo::for_file(&global.file)?;
    let since = match args.since.as_deref() {
        Some(spec) => Some(super::report_since::since_bound(&repo, spec)?),
        None => None,
    };
    let options = LogOptions {
        since: since.as_ref().map(|(day, _)| *day),
        until: args.until,
        limit: args.max_count,
        all: args.all,
        function: args.function.clone(),
    };
    let log = semantic::log(&repo, &path, &options)?;
    let mut entries = log.entries;
    if let Some((_, Some(commit))) = &since {
        // After the revision: its own commit and older ones of that day go.
        if let Some(at) = entries.iter().position(|e| e.revision.commit == *commit) {
            entries.truncate(at);
        }
    }
    if entries.is_empty() && !log.cut_off {
        check_something_to_follow(global, &repo, &path, args)?;
    }
    let function = args.function.as_deref();
    let text = match args.format {
        Format::Human => render_human(&entries, &path, function, global.color.for_stdout()),
        Format::Markdown => render_markdown(&entries, &path, function),
        Format::Json => render_json(&entries),
    };
    write_stdout(&text)?;
    if log.cut_off {
        // What is shown is right; what came before is missing.
        return Err(GitError::Shallow { path }.into());
    }
    if entries.is_empty() && !global.quiet && args.format == Format::Human {
        write_stderr("no commits to show\n");
    }
    Ok(Status::Clean)
}

/// An empty log is an error when the file has no history at all, or the
/// followed function never existed: both are usually typos.
fn check_something_to_follow(
    global: &GlobalArgs,
    repo: &Repo,
    path: &str,
    args: &Args,
) -> Result<(), GitError> {
    let has_history = !repo.revisions(path, &Default::default())?.is_empty();
    if !has_history {
        // A missing file reports itself; an existing one was never committed.
        crate::git::read_working(&global.file)?;
        return Err(GitError::NotCommitted {
            path: path.to_owned(),
        });
    }
    let Some(id) = &args.function else {
        return Ok(());
    };
    let in_history = semantic::log(
        repo,
        path,
        &LogOptions {
            function: Some(id.clone()),
            ..LogOptions::default()
        },
    )?;
    if !in_history.entries.is_empty() || in_history.cut_off {
        return Ok(());
    }
    let current: Vec<String> = crate::git::read_working(&global.file)
        .ok()
        .and_then(|(name, bytes)| load_bytes(&name, bytes).ok())
        .map(|doc| {
            doc.scope
                .functions()
                .map(|(_, f, _)| f.to_owned())
                .collect()
        })
        .unwrap_or_default();
    Err(GitError::UnknownFunction {
        id: id.clone(),
        path: path.to_owned(),
        help: did_you_mean(id, current.iter().map(String::as_str)).unwrap_or_else(|| {
            "function ids are the keys under `functions:` in each service".to_owned()
        }),
    })
}

/// What an outcome without changes says.
fn status_line(outcome: &Outcome) -> Option<String> {
    match outcome {
        Outcome::Created {
            services,
            functions,
        } => Some(format!(
            "scope created: {} in {}",
            crate::findings::plural(*functions, "function"),
            crate::findings::plural(*services, "service")
        )),
        Outcome::Changed(_) => None,
        Outcome::Unchanged => Some("no change in scope".to_owned()),
        Outcome::Invalid => Some("scope does not validate at this commit".to_owned()),
        Outcome::Deleted => Some("scope file deleted".to_owned()),
    }
}

/// Where the entry's file or followed function had another name than the
/// one asked for.
fn aliases(entry: &Entry, path: &str, function: Option<&str>) -> Vec<String> {
    let mut notes = Vec::new();
    if entry.revision.path != path {
        notes.push(format!("as {}", entry.revision.path));
    }
    if let Some(id) = entry.function.as_deref().filter(|id| Some(*id) != function) {
        notes.push(format!("function `{id}`"));
    }
    notes
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// The terminal rendering: a line per commit, then its changes.
pub fn render_human(entries: &[Entry], path: &str, function: Option<&str>, color: bool) -> String {
    let mut out = String::new();
    for (n, entry) in entries.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let r = &entry.revision;
        let _ = write!(
            out,
            "{} {} {}: {}",
            paint(&r.short, "33", color),
            r.date,
            sanitize(&r.author),
            sanitize(&r.subject)
        );
        let notes = aliases(entry, path, function);
        if !notes.is_empty() {
            let _ = write!(out, " ({})", sanitize(&notes.join(", ")));
        }
        out.push('\n');
        if let Some(line) = status_line(&entry.outcome) {
            let _ = writeln!(out, "  {line}");
        }
        let changes = changes(entry);
        if !changes.is_empty() {
            // The same grouped lines as `comanage diff`, indented under the commit.
            // Blank lines between groups stay blank: no trailing spaces.
            for line in diff::human::render(changes, color, false).lines() {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    let _ = writeln!(out, "  {line}");
                }
            }
        }
    }
    out
}

fn changes(entry: &Entry) -> &[Change] {
    match &entry.outcome {
        Outcome::Changed(changes) => changes,
        _ => &[],
    }
}

/// The Markdown rendering: a heading per commit, its changes as a list.
pub fn render_markdown(entries: &[Entry], path: &str, function: Option<&str>) -> String {
    let mut out = format!("## History of `{}`\n", path.replace('`', "'"));
    if entries.is_empty() {
        out.push_str("\nNo commits to show.\n");
    }
    for entry in entries {
        let r = &entry.revision;
        let _ = write!(
            out,
            "\n### `{}` {}\n\n{}, {}",
            r.short,
            cell(&r.subject),
            r.date,
            cell(&r.author)
        );
        let notes = aliases(entry, path, function);
        if !notes.is_empty() {
            let _ = write!(out, " ({})", cell(&notes.join(", ")));
        }
        out.push_str("\n\n");
        if let Some(line) = status_line(&entry.outcome) {
            let _ = writeln!(out, "- {line}");
        }
        for change in changes(entry) {
            let _ = writeln!(
                out,
                "- **{}** {}",
                change.impact.as_str(),
                cell(&change.summary)
            );
        }
    }
    out
}

/// The JSON rendering: an array of commits with `commit`, `short`,
/// `author`, `date`, `subject`, `path`, `status` (`created`, `changed`,
/// `unchanged`, `invalid`, `deleted`), `function` when following one, and
/// `changes` (the objects of `comanage diff --format json`).
pub fn render_json(entries: &[Entry]) -> String {
    let records: Vec<Json> = entries
        .iter()
        .map(|entry| {
            let r = &entry.revision;
            let status = match entry.outcome {
                Outcome::Created { .. } => "created",
                Outcome::Changed(_) => "changed",
                Outcome::Unchanged => "unchanged",
                Outcome::Invalid => "invalid",
                Outcome::Deleted => "deleted",
            };
            let mut record = json!({
                "commit": r.commit,
                "short": r.short,
                "author": r.author,
                "date": r.date.to_string(),
                "subject": r.subject,
                "path": r.path,
                "status": status,
                "changes": changes(entry),
            });
            if let (Some(id), Some(map)) = (&entry.function, record.as_object_mut()) {
                map.insert("function".to_owned(), json!(id));
            }
            record
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&records).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}
