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
//! A file that does not validate is printed unchanged, with its problems on
//! standard error and exit 1, like every command on a scope that does not
//! load (DESIGN.md section 2).

use crate::cli::{CommandResult, GlobalArgs, Status, write_stdout};
use crate::diff::canonical;
use crate::scope::load;

/// Arguments of `comanage show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scope file (default: the `-f` file). `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub path: Option<String>,
}

/// Prints the canonical form, or the raw text when the file does not validate.
pub fn run(global: &GlobalArgs, args: &Args) -> CommandResult {
    let path = args.path.as_deref().unwrap_or(&global.file);
    let bytes = load::read_bytes(path)?;
    let raw = String::from_utf8_lossy(&bytes).into_owned();
    let (text, status) = match load::load_bytes(&load::display_name(path), bytes) {
        Ok(document) => (canonical::render(&document.scope), Status::Clean),
        Err(rejected) => {
            crate::cli::write_stderr(&crate::findings::render_rejected(
                rejected,
                global.color.for_stderr(),
            ));
            (raw, Status::Problems)
        }
    };
    write_stdout(&text)?;
    Ok(status)
}
