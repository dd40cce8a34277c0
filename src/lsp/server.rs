//! The main loop: read a message, answer it, publish the diagnostics that
//! are due, until `exit`.
//!
//! One thread does all the work on documents (a scope file is checked in
//! milliseconds, so nothing needs to run beside it); a second one only reads
//! standard input, so a burst of edits is queued while a check runs and the
//! debounce sees them all.

use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Instant;

use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, InitializeParams, LogMessageParams, MessageType,
    PublishDiagnosticsParams, Uri,
};

use super::documents::Documents;
use super::position::Encoding;
use super::transport::{Incoming, Writer};
use crate::lint::LintOptions;

/// How the server ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`: exit code 0.
    Clean,
    /// `exit` without `shutdown`, or the client went away: exit code 1.
    Abrupt,
}

/// The environment variable that enables the `comanage/panic` request, by
/// which tests check that a panicking handler does not end the server.
pub const PANIC_FOR_TESTS: &str = "COMANAGE_LSP_PANIC_FOR_TESTS";

/// The server's state.
pub struct Server<W: Write> {
    pub(super) writer: Writer<W>,
    pub(super) documents: Documents,
    pub(super) encoding: Encoding,
    pub(super) options: LintOptions,
    initialized: bool,
    shutting_down: bool,
}

/// What handling one message asks of the loop.
enum Control {
    Continue,
    Exit(Ending),
}

impl<W: Write> Server<W> {
    /// A server writing to `out`, linting with `options`.
    pub fn new(out: W, options: LintOptions) -> Self {
        Self {
            writer: Writer::new(out),
            documents: Documents::default(),
            encoding: Encoding::default(),
            options,
            initialized: false,
            shutting_down: false,
        }
    }

    /// Serves the messages of `incoming` until `exit` or the end of the
    /// input. A failed write (the client is gone) ends it too.
    pub fn run(mut self, incoming: &Receiver<Incoming>) -> Ending {
        loop {
            let next = match self.next_due() {
                Some(due) => incoming.recv_timeout(due.saturating_duration_since(Instant::now())),
                None => incoming.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let control = match next {
                Ok(message) => self.handle(message),
                Err(RecvTimeoutError::Timeout) => Ok(Control::Continue),
                Err(RecvTimeoutError::Disconnected) => Ok(Control::Exit(Ending::Abrupt)),
            };
            match control {
                Ok(Control::Continue) => {}
                Ok(Control::Exit(ending)) => return ending,
                Err(_) => return Ending::Abrupt,
            }
            if self.publish_due(Instant::now()).is_err() {
                return Ending::Abrupt;
            }
        }
    }

    /// Handles one incoming message.
    fn handle(&mut self, incoming: Incoming) -> io::Result<Control> {
        match incoming {
            Incoming::Message(Message::Request(request)) => {
                self.on_request(request)?;
            }
            Incoming::Message(Message::Notification(notification)) => {
                if notification.method == "exit" {
                    let ending = if self.shutting_down {
                        Ending::Clean
                    } else {
                        Ending::Abrupt
                    };
                    return Ok(Control::Exit(ending));
                }
                self.on_notification(notification)?;
            }
            // The server sends no requests, so no response is awaited.
            Incoming::Message(Message::Response(_)) => {}
            Incoming::Malformed { reason, code, id } => {
                self.log(
                    MessageType::WARNING,
                    &format!("comanage: ignored input: {reason}"),
                )?;
                self.writer.send_error(&id, code, &reason)?;
            }
        }
        Ok(Control::Continue)
    }

    /// Answers one request; a panic inside its handler is logged and
    /// answered with an internal error, and the server goes on.
    fn on_request(&mut self, request: Request) -> io::Result<()> {
        let id = request.id.clone();
        let method = request.method.clone();
        let answer = catch_unwind(AssertUnwindSafe(|| self.answer(request)));
        let response = match answer {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(panic) => {
                let message = format!(
                    "comanage hit a bug while answering {method}: {}; please report it with the document that caused it",
                    panic_text(&*panic)
                );
                self.log(MessageType::ERROR, &message)?;
                Response::new_err(id, ErrorCode::InternalError as i32, message)
            }
        };
        self.writer.send(&Message::Response(response))
    }

    /// The result of one request, or its error.
    fn answer(&mut self, request: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        if request.method == "initialize" {
            let params: InitializeParams = params(request.params, &request.method)?;
            self.encoding = Encoding::negotiate(
                params
                    .capabilities
                    .general
                    .as_ref()
                    .and_then(|general| general.position_encodings.as_deref()),
            );
            self.initialized = true;
            return to_value(super::capabilities::initialize_result(self.encoding));
        }
        if !self.initialized {
            return Err((
                ErrorCode::ServerNotInitialized,
                "the client must send `initialize` first".to_owned(),
            ));
        }
        if self.shutting_down {
            return Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down: only `exit` is expected now".to_owned(),
            ));
        }
        match request.method.as_str() {
            "shutdown" => {
                self.shutting_down = true;
                Ok(serde_json::Value::Null)
            }
            "comanage/panic" if std::env::var_os(PANIC_FOR_TESTS).is_some() => {
                panic!("the test request `comanage/panic`")
            }
            _ => self.answer_feature(request),
        }
    }

    /// Handles one notification (never `exit`, which the loop handles).
    fn on_notification(&mut self, notification: Notification) -> io::Result<()> {
        if !self.initialized {
            return Ok(());
        }
        let method = notification.method.clone();
        let outcome = catch_unwind(AssertUnwindSafe(|| self.notify(notification)));
        match outcome {
            Ok(Ok(())) => Ok(()),
            Ok(Err((_, message))) => self.log(MessageType::WARNING, &message),
            Err(panic) => self.log(
                MessageType::ERROR,
                &format!(
                    "comanage hit a bug while handling {method}: {}; please report it",
                    panic_text(&*panic)
                ),
            ),
        }
    }

    /// The document notifications; every other one is ignored, as LSP asks.
    fn notify(&mut self, notification: Notification) -> Result<(), (ErrorCode, String)> {
        let now = Instant::now();
        let method = notification.method.as_str();
        match method {
            "textDocument/didOpen" => {
                let p: DidOpenTextDocumentParams = params(notification.params, method)?;
                let document = p.text_document;
                self.documents
                    .open(document.uri, document.text, document.version)
                    .schedule
                    .now(now);
            }
            "textDocument/didChange" => {
                let p: DidChangeTextDocumentParams = params(notification.params, method)?;
                let uri = p.text_document.uri;
                let encoding = self.encoding;
                let Some(document) = self.documents.get_mut(&uri) else {
                    return Err((
                        ErrorCode::InvalidParams,
                        format!("comanage: a change to {} which is not open", uri.as_str()),
                    ));
                };
                document.apply(
                    &uri,
                    p.content_changes,
                    p.text_document.version,
                    encoding,
                    now,
                );
            }
            "textDocument/didSave" => {
                let p: DidSaveTextDocumentParams = params(notification.params, method)?;
                if let Some(document) = self.documents.get_mut(&p.text_document.uri) {
                    document.schedule.now(now);
                }
            }
            "textDocument/didClose" => {
                let p: DidCloseTextDocumentParams = params(notification.params, method)?;
                if let Some(document) = self.documents.close(&p.text_document.uri)
                    && document.showing
                {
                    self.publish(p.text_document.uri, Vec::new(), None)
                        .map_err(|err| (ErrorCode::InternalError, err.to_string()))?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The earliest time a document's diagnostics are due.
    fn next_due(&mut self) -> Option<Instant> {
        self.documents
            .iter_mut()
            .filter_map(|(_, document)| document.schedule.due())
            .min()
    }

    /// Publishes the diagnostics of every document that is due at `now`.
    fn publish_due(&mut self, now: Instant) -> io::Result<()> {
        let due: Vec<Uri> = self
            .documents
            .iter_mut()
            .filter(|(_, document)| document.schedule.due().is_some_and(|due| due <= now))
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            self.publish_document(uri)?;
        }
        Ok(())
    }

    /// Checks one document and publishes what it found (nothing for a
    /// document comanage does not serve; an empty list when it stopped
    /// being one).
    pub(super) fn publish_document(&mut self, uri: Uri) -> io::Result<()> {
        let (options, encoding) = (self.options, self.encoding);
        let Some(document) = self.documents.get_mut(&uri) else {
            return Ok(());
        };
        document.schedule.published(Instant::now());
        if !document.served {
            if document.showing {
                document.showing = false;
                let version = Some(document.version);
                return self.publish(uri, Vec::new(), version);
            }
            return Ok(());
        }
        let checked = catch_unwind(AssertUnwindSafe(|| {
            document.lsp_diagnostics(&uri, &options, encoding)
        }));
        let version = Some(document.version);
        match checked {
            Ok(diagnostics) => {
                document.showing = !diagnostics.is_empty();
                self.publish(uri, diagnostics, version)
            }
            Err(panic) => {
                document.analysis = None;
                let message = format!(
                    "comanage hit a bug while checking {}: {}; please report it with the document",
                    uri.as_str(),
                    panic_text(&*panic)
                );
                self.log(MessageType::ERROR, &message)
            }
        }
    }

    /// Sends `textDocument/publishDiagnostics`.
    fn publish(
        &mut self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> io::Result<()> {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.writer.send(&Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".to_owned(),
            params,
        )))
    }

    /// Shows `message` in the client's log (`window/logMessage`), escaped:
    /// it may quote scope text, and editors show the log in a terminal.
    pub(super) fn log(&mut self, typ: MessageType, message: &str) -> io::Result<()> {
        let params = LogMessageParams {
            typ,
            message: crate::terminal::sanitize(message).into_owned(),
        };
        self.writer.send(&Message::Notification(Notification::new(
            "window/logMessage".to_owned(),
            params,
        )))
    }
}

/// The parameters of `method`, or an invalid-params error naming it.
pub(super) fn params<P: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    method: &str,
) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value).map_err(|err| {
        (
            ErrorCode::InvalidParams,
            format!("comanage: the parameters of {method} are not what LSP 3.17 defines: {err}"),
        )
    })
}

/// A result as JSON.
pub(super) fn to_value(
    value: impl serde::Serialize,
) -> Result<serde_json::Value, (ErrorCode, String)> {
    serde_json::to_value(value).map_err(|err| (ErrorCode::InternalError, err.to_string()))
}

/// The message a panic carried.
fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_messages_carry_no_raw_controls_or_bidi_overrides() {
        let today = "2026-12-01".parse().expect("a date");
        let mut server = Server::new(Vec::new(), LintOptions { today });
        server
            .log(
                MessageType::ERROR,
                "party `a\u{202e}b\u{1b}[2J` broke\u{9b}",
            )
            .expect("written");
        let sent = String::from_utf8(server.writer.into_inner()).expect("UTF-8");
        assert!(
            !sent.contains('\u{202e}') && !sent.contains('\u{9b}'),
            "{sent:?}"
        );
        assert!(!sent.contains("\\u001b"), "ESC is shown, not sent: {sent}");
        assert!(sent.contains(r"a\\u{202e}b\\u{1b}[2J"), "{sent}");
    }

    #[test]
    fn panics_are_described_by_their_message() {
        let text = std::panic::catch_unwind(|| panic!("boom {}", 1)).unwrap_err();
        assert_eq!(panic_text(&*text), "boom 1");
        let fixed = std::panic::catch_unwind(|| std::panic::panic_any(7_u8)).unwrap_err();
        assert_eq!(panic_text(&*fixed), "a panic without a message");
    }
}
