//! `comanage lsp`: the language server for editors (DESIGN.md section 9).

use crate::lint::LintOptions;
use crate::lsp::{self, Ending};
use crate::runtime::{CommandResult, GlobalArgs, Status};

/// Arguments of `comanage lsp`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Talk LSP over standard input and output (the only transport; accepted
    /// because editor clients often pass it).
    #[arg(long)]
    pub stdio: bool,
}

/// Serves until `exit`: exit code 0 after `shutdown`, 1 without it.
pub fn run(global: &GlobalArgs, _args: &Args) -> CommandResult {
    let options = LintOptions {
        today: global.today(),
    };
    match lsp::run_stdio(options) {
        Ending::Clean => Ok(Status::Clean),
        Ending::Abrupt => Ok(Status::Problems),
    }
}
