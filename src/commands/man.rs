//! `comanage man`: man pages generated from the CLI definition, one for
//! comanage and one per subcommand (`comanage-lint(1)` …), each with the
//! exit status and the environment variables comanage reads.

use std::path::Path;

use crate::runtime::{CommandResult, GlobalArgs, Status, write_stderr, write_stdout};
use crate::write::{Existing, write_atomically};

/// Arguments of `comanage man`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write every page (`comanage.1`, `comanage-lint.1`, …) into this
    /// directory, created when missing, instead of printing `comanage.1`.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<String>,
}

/// Prints the main page, or writes all pages into `--dir`. `cli` is the
/// whole command line's definition, which the pages document.
pub fn run(global: &GlobalArgs, args: &Args, cli: clap::Command) -> CommandResult {
    let date = global.today().to_string();
    let pages = pages(cli, &date)?;
    let Some(dir) = args.dir.as_deref() else {
        write_stdout(&pages[0].1)?;
        return Ok(Status::Clean);
    };
    let shown = crate::terminal::sanitize(dir).into_owned();
    std::fs::create_dir_all(dir).map_err(|err| {
        miette::miette!(
            help = "name a directory you can write to, such as man/man1",
            "cannot create the directory {shown}: {err}"
        )
    })?;
    for (file, text) in &pages {
        write_atomically(&Path::new(dir).join(file), text, Existing::Replace)?;
    }
    if !global.quiet {
        write_stderr(&format!("wrote {} man pages to {shown}\n", pages.len()));
    }
    Ok(Status::Clean)
}

/// Every page of the command line `cli` as `(file name, roff text)`, the
/// main page first.
pub fn pages(mut cli: clap::Command, date: &str) -> miette::Result<Vec<(String, String)>> {
    // Propagates the global options into each subcommand.
    cli.build();
    let mut out = vec![("comanage.1".to_owned(), page(&cli, date, false)?)];
    for sub in cli.get_subcommands().filter(|s| has_page(s)) {
        let name = format!("comanage-{}", sub.get_name());
        // clap names are `&'static str` (without its `string` feature); a
        // dozen short names leaked once per run cost nothing.
        let static_name: &'static str = Box::leak(name.clone().into_boxed_str());
        let command = sub
            .clone()
            .name(static_name)
            .bin_name(format!("comanage {}", sub.get_name()));
        out.push((format!("{name}.1"), page(&command, date, true)?));
    }
    Ok(out)
}

/// One page: clap_mangen's sections in the conventional order, with
/// ENVIRONMENT, EXIT STATUS and SEE ALSO added.
fn page(command: &clap::Command, date: &str, is_subcommand: bool) -> miette::Result<String> {
    let man = clap_mangen::Man::new(command.clone())
        .date(date)
        .source(format!("comanage {}", env!("CARGO_PKG_VERSION")))
        .manual("comanage manual");
    let mut roff = Vec::new();
    let failed = |err: std::io::Error| miette::miette!("cannot render the man page: {err}");
    man.render_title(&mut roff).map_err(failed)?;
    man.render_name_section(&mut roff).map_err(failed)?;
    man.render_synopsis_section(&mut roff).map_err(failed)?;
    man.render_description_section(&mut roff).map_err(failed)?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut roff).map_err(failed)?;
    }
    if command.has_subcommands() {
        man.render_subcommands_section(&mut roff).map_err(failed)?;
    }
    let mut text = String::from_utf8_lossy(&roff).into_owned();
    text.push_str(ENVIRONMENT);
    text.push_str(EXIT_STATUS);
    if command.get_after_help().is_some() {
        let mut extra = Vec::new();
        man.render_extra_section(&mut extra).map_err(failed)?;
        text.push_str(&String::from_utf8_lossy(&extra).replacen(".SH EXTRA", ".SH EXAMPLES", 1));
    }
    text.push_str(".SH \"SEE ALSO\"\n");
    if is_subcommand {
        text.push_str(".BR comanage (1)\n");
    } else {
        let refs: Vec<String> = command
            .get_subcommands()
            .filter(|s| has_page(s))
            .map(|s| format!(".BR comanage\\-{} (1)", s.get_name()))
            .collect();
        text.push_str(&refs.join(" ,\n"));
        text.push('\n');
    }
    Ok(tidy(&text))
}

/// Whether a subcommand gets its own page (clap's `help` does not).
fn has_page(sub: &clap::Command) -> bool {
    !sub.is_hide_set() && sub.get_name() != "help"
}

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
.B COMANAGE_TODAY
The date (YYYY\-MM\-DD) date rules and days to renewal take as today, like
.BR \-\-today ;
for tests and reproducible reports.
.TP
.B NO_COLOR
When set to a non\-empty value, no colour is used unless
.B \-\-color always
is given.
"#;

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
.B 0
Clean: no problems.
.TP
.B 1
The scope has problems: parse, schema or lint errors (warnings too under
.BR \-\-deny\-warnings ),
differences under
.B diff \-\-exit\-code
or changes at the
.B \-\-fail\-on
impact.
.TP
.B 2
comanage could not run: a usage error, an unreadable file, not a git
repository, an unknown revision.
"#;

/// Drops the blank lines clap_mangen leaves between `.br` requests (roff
/// reads each as a paragraph break, which mandoc warns about).
fn tidy(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    let mut previous = "";
    for line in roff.lines() {
        let blank = line.trim().is_empty();
        if previous == ".br" && (blank || line == ".br") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
        if !blank {
            previous = line;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subcommand_has_a_page_with_exit_status_and_environment() {
        let cli = <crate::cli::Cli as clap::CommandFactory>::command();
        let pages = pages(cli, "2026-12-01").unwrap();
        let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
        assert!(names.contains(&"comanage.1"));
        assert!(names.contains(&"comanage-lint.1"));
        assert!(names.contains(&"comanage-explain.1"));
        for (name, text) in &pages {
            assert!(text.contains(".SH \"EXIT STATUS\""), "{name}");
            assert!(text.contains("COMANAGE_TODAY"), "{name}");
            assert!(text.contains("NO_COLOR"), "{name}");
            assert!(text.contains("2026-12-01"), "{name}");
        }
        let lint = &pages
            .iter()
            .find(|(n, _)| n == "comanage-lint.1")
            .unwrap()
            .1;
        assert!(lint.contains("new\\-from\\-rev"), "{lint}");
    }

    #[test]
    fn blank_lines_after_breaks_are_dropped() {
        assert_eq!(tidy("a\n.br\n\n.br\nb\n"), "a\n.br\nb\n");
    }
}
