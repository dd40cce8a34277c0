//! `comanage lsp`: the language server of DESIGN.md section 9.
//!
//! Bottom up: [`position`] (LSP positions and byte offsets), [`selection`]
//! (which documents are scopes), [`analysis`] (the load and lint call that
//! `comanage lint` makes, as LSP diagnostics), [`documents`] (the open
//! texts), [`debounce`] (when diagnostics go out), [`transport`] (framing),
//! then the server loop and its requests. [`features`] holds the editor
//! features as pure functions over a loaded scope.

pub mod analysis;
pub mod capabilities;
pub mod debounce;
pub mod documents;
pub mod features;
pub mod position;
mod requests;
pub mod selection;
pub mod server;
pub mod transport;

use crate::lint::LintOptions;

pub use server::{Ending, Server};

/// Serves LSP on standard input and output until the client says `exit`.
pub fn run_stdio(options: LintOptions) -> Ending {
    let incoming = transport::spawn_reader(std::io::stdin());
    let out = std::io::BufWriter::new(std::io::stdout());
    Server::new(out, options).run(&incoming)
}
