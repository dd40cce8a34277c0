//! `comanage show [PATH]`: the scope in canonical text form, one line per
//! fact (see [`crate::diff::canonical`]).
//!
//! Made to be git's textconv driver for scope files, so that `git diff`,
//! `git log -p` and `git show` print meaning rather than YAML layout:
//!
//! ```text
//! git config diff.comanage.textconv "comanage show"
//! echo '*.scope.yaml diff=comanage' >> .gitattributes
//! echo 'scope.yaml diff=comanage' >> .gitattributes
//! ```
//!
//! The file is validated first. A file that does not validate is printed as
//! it is, with its problems on standard error and exit 1, like every command
//! on a scope that does not load (DESIGN.md section 2). Either way the output
//! is free of terminal controls, even to a pipe: as a textconv driver its
//! output is shown by `git diff` on the user's terminal, so escapes in a
//! hostile file must not pass through it (see [`crate::terminal::sanitize`]).

use crate::diff::canonical;
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stdout};
use crate::scope::load;

/// Arguments of `comanage show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scope file (default: the `-f` file). `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub path: Option<String>,
}

/// Prints the canonical form, or the file's text with controls escaped when
/// it does not validate.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    let path = args.path.as_deref().unwrap_or(&global.file);
    let bytes = load::read_bytes(path)?;
    let raw = String::from_utf8_lossy(&bytes).into_owned();
    let (text, status) = match load::load_bytes(&load::display_name(path), bytes) {
        Ok(document) => (canonical::render(&document.scope), Status::Clean),
        Err(rejected) => {
            crate::runtime::write_stderr(&crate::findings::render_rejected(
                rejected,
                global.color.for_stderr(),
            ));
            (
                crate::terminal::sanitize(&raw).into_owned(),
                Status::Problems,
            )
        }
    };
    write_stdout(&text)?;
    Ok(status)
}
