//! The command line: global options, the subcommands, exit codes.
//!
//! `main.rs` calls [`main`]; each subcommand lives in its own file under
//! `commands/`, with its arguments and its `run` function. What the commands
//! share with this module (the global options, [`Status`]) lives below both,
//! in [`crate::runtime`].

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use clap::CommandFactory;

use crate::commands;
pub use crate::runtime::{
    CommandResult, GlobalArgs, Status, print_error, write_stderr, write_stdout,
};

/// Keep the scope of a co-managed IT engagement in git, and check it like a compiler.
#[derive(Debug, Parser)]
#[command(
    name = "comanage",
    version,
    about,
    long_about = "Keep who owns what between an internal IT team and a managed service provider \
                  in one git-tracked scope.yaml, and check it like a compiler.",
    after_help = "Examples:\n  comanage validate scope.yaml\n  comanage lint clients/\n  comanage diff v2025 HEAD\n  comanage who patching",
    propagate_version = true
)]
pub struct Cli {
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse the scope and check it against the JSON Schema; report every problem.
    #[command(
        after_help = "Examples:\n  comanage validate\n  comanage validate examples/*.scope.yaml --format json"
    )]
    Validate(commands::validate::Args),
    /// Validate, then check the lint rules (gaps, double ownership, coverage).
    #[command(
        after_help = "Examples:\n  comanage lint\n  comanage lint clients/ --format sarif > comanage.sarif"
    )]
    Lint(commands::lint::Args),
    /// The language server for editors: diagnostics as you type, hover, rename (stdio).
    #[command(
        after_help = "Example (Neovim, Helix, Zed, VS Code: see the README):\n  comanage lsp"
    )]
    Lsp(commands::lsp::Args),
    /// What falls through the cracks if a party leaves or its work moves.
    #[command(
        name = "what-if",
        after_help = "Examples:\n  comanage what-if --without msp\n  comanage what-if examples/northwind-manufacturing.scope.yaml --reassign msp=internal --format markdown"
    )]
    WhatIf(commands::what_if::Args),
    /// Semantic diff of two versions of the scope, by ids, not text lines.
    #[command(
        after_help = "Examples:\n  comanage diff                 # HEAD against the working tree\n  comanage diff v2025 HEAD --format markdown"
    )]
    Diff(commands::diff::Args),
    /// The scope's git history as semantic changes, newest first.
    #[command(after_help = "Examples:\n  comanage log\n  comanage log --function patch-management")]
    Log(commands::log::Args),
    /// Print a scope in canonical text form (usable as a git textconv driver).
    #[command(after_help = "Example:\n  git config diff.comanage.textconv 'comanage show'")]
    Show(commands::show::Args),
    /// The quarterly business review: tables, markdown, a one-file HTML page, CSV or JSON.
    #[command(
        after_help = "Examples:\n  comanage report\n  comanage report --format html -o qbr.html"
    )]
    Report(commands::report::Args),
    /// Who owns a function, who is the backup, whom to call next.
    #[command(after_help = "Example:\n  comanage who patching")]
    Who(commands::who::Args),
    /// Write a starter scope.yaml with the standard baseline.
    #[command(
        after_help = "Example:\n  comanage init --client \"Harbor Dental\" --provider \"Lakeside Managed IT\""
    )]
    Init(commands::init::Args),
    /// Print the JSON Schema of the scope format.
    #[command(after_help = "Example:\n  comanage schema > scope.schema.json")]
    Schema(commands::schema::Args),
    /// List the lint rules with their default levels.
    #[command(after_help = "Example:\n  comanage rules")]
    Rules(commands::rules::Args),
    /// Show one lint rule's documentation.
    #[command(after_help = "Example:\n  comanage explain coverage-gap")]
    Explain(commands::explain::Args),
    /// Print shell completions.
    #[command(after_help = "Example:\n  source <(comanage completions bash)")]
    Completions(commands::completions::Args),
    /// Print the man page (roff), or write one per subcommand with --dir.
    #[command(
        after_help = "Examples:\n  comanage man > comanage.1\n  comanage man --dir ~/.local/share/man/man1"
    )]
    Man(commands::man::Args),
}

/// Runs comanage with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = cli.global.color;
    match run(cli) {
        Ok(Status::Clean) => ExitCode::SUCCESS,
        Ok(Status::Problems) => ExitCode::from(1),
        Err(report) => {
            print_error(&report, color);
            ExitCode::from(2)
        }
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> CommandResult {
    let global = &cli.global;
    match &cli.command {
        Command::Validate(args) => commands::validate::run(global, args),
        Command::Lint(args) => commands::lint::run(global, args),
        Command::Lsp(args) => commands::lsp::run(global, args),
        Command::WhatIf(args) => commands::what_if::run(global, args),
        Command::Diff(args) => commands::diff::run(global, args),
        Command::Log(args) => commands::log::run(global, args),
        Command::Show(args) => commands::show::run(global, args),
        Command::Report(args) => commands::report::run(global, args),
        Command::Who(args) => commands::who::run(global, args),
        Command::Init(args) => commands::init::run(global, args),
        Command::Schema(args) => commands::schema::run(global, args),
        Command::Rules(args) => commands::rules::run(global, args),
        Command::Explain(args) => commands::explain::run(global, args),
        Command::Completions(args) => commands::completions::run(global, args, Cli::command()),
        Command::Man(args) => commands::man::run(global, args, Cli::command()),
    }
}
