//! The editor-feature requests (hover, completion, definition, references,
//! rename, code actions): LSP in and out, the work done by [`super::features`].

use std::io::Write;

use lsp_server::{ErrorCode, Request};
use lsp_types::ServerCapabilities;

use super::server::Server;

/// Announces the feature requests the server answers.
pub fn add_capabilities(_capabilities: &mut ServerCapabilities) {}

impl<W: Write> Server<W> {
    /// Answers a feature request; an unknown method is `MethodNotFound`.
    pub(super) fn answer_feature(
        &mut self,
        request: Request,
    ) -> Result<serde_json::Value, (ErrorCode, String)> {
        Err((
            ErrorCode::MethodNotFound,
            format!("comanage does not answer {}", request.method),
        ))
    }
}
