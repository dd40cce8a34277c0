//! JSON-RPC framing over standard input and output, tolerant of garbage.
//!
//! `lsp-server`'s own stdio transport ends its reader at the first malformed
//! message and sizes its buffer from the `Content-Length` header as sent; a
//! client (or a stray `echo` into the pipe) could end the server or make it
//! allocate without bound. This reader skips what it cannot read, reports it,
//! and reads on; messages themselves are `lsp-server`'s types.

use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use lsp_server::Message;

/// The largest message read: a document at the 64 MiB limit, JSON-escaped,
/// with room to spare. A bigger one is skipped unread.
pub const MAX_MESSAGE_BYTES: usize = 160 * 1024 * 1024;

/// Header lines longer than this are garbage, not headers.
const MAX_HEADER_LINE: usize = 4096;

/// What the reader got from the client.
#[derive(Debug)]
pub enum Incoming {
    /// A well-formed message.
    Message(Message),
    /// Bytes that are not a message, with why, and the request id when the
    /// body was JSON with one (so the error can answer it).
    Malformed {
        /// What was wrong.
        reason: String,
        /// The JSON-RPC error code: parse error or invalid request.
        code: i32,
        /// The id of the request, when one could be read.
        id: serde_json::Value,
    },
}

/// Starts a thread reading messages from `input` until it ends; the
/// receiver is closed then.
pub fn spawn_reader(input: impl Read + Send + 'static) -> Receiver<Incoming> {
    let (sender, receiver) = sync_channel(16);
    // A thread that could not start drops the sender with its closure: the
    // server then sees the end of its input and stops.
    let _ = std::thread::Builder::new()
        .name("comanage-lsp-reader".to_owned())
        .spawn(move || read_all(io::BufReader::new(input), &sender));
    receiver
}

/// Reads messages until the input ends or the receiver is gone.
fn read_all(mut input: impl BufRead, sender: &SyncSender<Incoming>) {
    loop {
        let incoming = match read_frame(&mut input) {
            Ok(Some(Frame::Body(body))) => parse(&body),
            Ok(Some(Frame::Skipped(reason))) => Incoming::Malformed {
                reason,
                code: lsp_server::ErrorCode::ParseError as i32,
                id: serde_json::Value::Null,
            },
            Ok(None) | Err(_) => return,
        };
        let is_exit =
            matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == "exit");
        if sender.send(incoming).is_err() || is_exit {
            return;
        }
    }
}

/// One framed chunk of input.
enum Frame {
    /// The body of a message.
    Body(Vec<u8>),
    /// Headers that framed no readable body, and why.
    Skipped(String),
}

/// Reads one frame: header lines up to an empty line, then the body.
/// `Ok(None)` at the end of the input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut junk = false;
    let mut saw_any = false;
    loop {
        let Some(line) = read_line(input)? else {
            return Ok(None);
        };
        let line = line.trim_ascii();
        if line.is_empty() {
            if saw_any {
                break;
            }
            continue;
        }
        saw_any = true;
        let text = String::from_utf8_lossy(line);
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                length = Some(value.trim().parse::<usize>().map_err(|_| {
                    format!("a Content-Length that is not a number: {:?}", value.trim())
                }));
            }
            Some((name, _)) if is_header_name(name) => {}
            _ => junk = true,
        }
    }
    let length = match length {
        None if junk => {
            return Ok(Some(Frame::Skipped(
                "bytes that are not a JSON-RPC header".to_owned(),
            )));
        }
        None => {
            return Ok(Some(Frame::Skipped(
                "a message without Content-Length".to_owned(),
            )));
        }
        Some(Err(reason)) => return Ok(Some(Frame::Skipped(reason))),
        Some(Ok(length)) => length,
    };
    if length > MAX_MESSAGE_BYTES {
        let skipped = io::copy(&mut input.take(length as u64), &mut io::sink())?;
        if skipped < length as u64 {
            return Ok(None);
        }
        return Ok(Some(Frame::Skipped(format!(
            "a message of {length} bytes, over the limit of {} MiB",
            MAX_MESSAGE_BYTES / (1024 * 1024)
        ))));
    }
    let mut body = Vec::new();
    input.take(length as u64).read_to_end(&mut body)?;
    if body.len() < length {
        return Ok(None);
    }
    Ok(Some(Frame::Body(body)))
}

/// Whether `name` looks like a header name (`Content-Type`).
fn is_header_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// One line, up to and without its LF; a line longer than
/// [`MAX_HEADER_LINE`] is cut there (the rest read as further lines).
fn read_line(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let read = input
        .take(MAX_HEADER_LINE as u64)
        .read_until(b'\n', &mut line)?;
    if read == 0 {
        return Ok(None);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    Ok(Some(line))
}

/// A body as a message, or why it is none.
fn parse(body: &[u8]) -> Incoming {
    match serde_json::from_slice::<Message>(body) {
        Ok(message) => Incoming::Message(message),
        Err(err) => match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(value) => Incoming::Malformed {
                reason: format!("not a JSON-RPC message: {err}"),
                code: lsp_server::ErrorCode::InvalidRequest as i32,
                id: match value.get("id") {
                    Some(id @ (serde_json::Value::Number(_) | serde_json::Value::String(_))) => {
                        id.clone()
                    }
                    _ => serde_json::Value::Null,
                },
            },
            Err(err) => Incoming::Malformed {
                reason: format!("invalid JSON: {err}"),
                code: lsp_server::ErrorCode::ParseError as i32,
                id: serde_json::Value::Null,
            },
        },
    }
}

/// Writes framed messages to the client.
pub struct Writer<W: Write> {
    out: W,
}

impl<W: Write> Writer<W> {
    /// A writer on `out`.
    pub fn new(out: W) -> Self {
        Self { out }
    }

    /// The output, for tests.
    #[cfg(test)]
    pub fn into_inner(self) -> W {
        self.out
    }

    /// Sends one message.
    pub fn send(&mut self, message: &Message) -> io::Result<()> {
        message.write(&mut self.out)
    }

    /// Answers input that was not a message with a JSON-RPC error (`id`
    /// null when none could be read).
    pub fn send_error(
        &mut self,
        id: &serde_json::Value,
        code: i32,
        message: &str,
    ) -> io::Result<()> {
        let body = serde_json::json!({
            "jsonrpc": "2.0",
            "id": id,
            "error": { "code": code, "message": message },
        })
        .to_string();
        write!(self.out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Incoming> {
        let (sender, receiver) = sync_channel(100);
        read_all(io::Cursor::new(input.to_vec()), &sender);
        drop(sender);
        receiver.into_iter().collect()
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    const PING: &str = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;

    #[test]
    fn garbage_then_a_message() {
        let input = format!("\x00\x7fgarbage\r\n\r\n{}", framed(PING));
        let got = frames(input.as_bytes());
        assert!(matches!(&got[0], Incoming::Malformed { .. }), "{got:?}");
        assert!(
            matches!(&got[1], Incoming::Message(Message::Request(r)) if r.method == "shutdown")
        );
    }

    #[test]
    fn bad_lengths_are_skipped() {
        let input = format!(
            "Content-Length: lots\r\n\r\nContent-Length: 999999999999\r\n\r\n{}",
            framed(PING)
        );
        let got = frames(input.as_bytes());
        assert!(
            matches!(&got[0], Incoming::Malformed { reason, .. } if reason.contains("not a number"))
        );
        // A terabyte is announced: the reader skips it without allocating,
        // and the input ends inside it.
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn invalid_json_and_invalid_requests() {
        let input = format!(
            "{}{}",
            framed("{not json"),
            framed(r#"{"id":7,"params":1}"#)
        );
        let got = frames(input.as_bytes());
        assert!(matches!(&got[0], Incoming::Malformed { code: -32700, .. }));
        assert!(
            matches!(&got[1], Incoming::Malformed { code: -32600, id, .. } if id == 7),
            "{got:?}"
        );
    }

    #[test]
    fn a_cut_message_ends_the_input() {
        let got = frames(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"");
        assert!(got.is_empty());
    }
}
