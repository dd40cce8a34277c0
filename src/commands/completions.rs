//! `comanage completions`: shell completion scripts, generated from the CLI
//! definition so they never drift from it.

use clap_complete::Shell;

use crate::lint::rules::REGISTRY;
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stdout};

/// Arguments of `comanage completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script of the command line `command` for the
/// shell to standard output.
pub fn run(_global: &GlobalArgs, args: &Args, mut command: clap::Command) -> CommandResult {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "comanage", &mut script);
    let mut text = String::from_utf8_lossy(&script).into_owned();
    if args.shell == Shell::Fish {
        text.push_str(&fish_rule_ids());
    }
    write_stdout(&text)?;
    Ok(Status::Clean)
}

/// The rule ids for `comanage explain <TAB>` in fish. clap_complete's fish
/// script completes options and subcommands but not the values of a
/// positional argument; bash, zsh and the others get them from the
/// argument's possible values.
fn fish_rule_ids() -> String {
    let mut out = String::from("# comanage explain RULE: the rule ids\n");
    for rule in REGISTRY {
        let summary = rule.summary.replace('\\', "\\\\").replace('\'', "\\'");
        out.push_str(&format!(
            "complete -c comanage -n \"__fish_comanage_using_subcommand explain\" -f -a '{}' -d '{summary}'\n",
            rule.id
        ));
    }
    out
}
