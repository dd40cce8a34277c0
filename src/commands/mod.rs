//! One file per subcommand: its arguments and its `run` function.

pub mod completions;
pub mod diff;
pub mod explain;
pub mod init;
pub mod lint;
pub mod log;
pub mod lsp;
pub mod man;
pub mod portfolio;
pub mod report;
pub mod report_since;
pub mod rules;
pub mod schema;
pub mod show;
pub mod validate;
pub mod what_if;
pub mod who;

use crate::inputs::{self, Loaded};
use crate::runtime::GlobalArgs;
use crate::scope::Document;

/// The scope at `path` for a command that answers from one scope; `None`
/// when it does not load, its diagnostics then printed to standard error
/// (standard output is for the answer, which scripts may parse) and the
/// command's exit is 1. A file that cannot be read is an error (exit 2).
pub fn load_scope(path: &str, global: &GlobalArgs) -> miette::Result<Option<Box<Document>>> {
    match inputs::load_one(path) {
        Loaded::Valid(document) => Ok(Some(document)),
        Loaded::Unreadable(err) => Err(miette::Report::new(err)),
        Loaded::Invalid(rejected) => {
            crate::runtime::write_stderr(&crate::findings::render_rejected(
                rejected,
                global.color.for_stderr(),
            ));
            Ok(None)
        }
    }
}
