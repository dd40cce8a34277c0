//! A small JSON-RPC client driving the real `comanage lsp` over its stdio:
//! Content-Length framing, a reader thread, and a timeout on every wait so
//! a hung server fails the test instead of hanging the run.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wait_timeout::ChildExt;

/// How long any one answer may take (a debug build on a busy machine).
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// The date the server takes as today, as in the other integration tests.
pub const TODAY: &str = "2026-11-22";

/// A running server and the messages it sent that no one asked for yet.
pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    stash: Vec<Value>,
}

impl Client {
    /// Starts `comanage lsp` with the test date.
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// Starts `comanage lsp` with extra environment variables.
    pub fn start_with(env: &[(&str, &str)]) -> Self {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("comanage"));
        command
            .arg("lsp")
            .env("COMANAGE_TODAY", TODAY)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = command.spawn().expect("comanage lsp starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let stdin = child.stdin.take();
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            incoming,
            next_id: 1,
            stash: Vec::new(),
        }
    }

    /// Starts a server and initializes it with `capabilities`; the result.
    pub fn initialized(capabilities: Value) -> (Self, Value) {
        let mut client = Self::start();
        let result = client.initialize(capabilities);
        (client, result)
    }

    /// `initialize` then `initialized`; the initialize result.
    pub fn initialize(&mut self, capabilities: Value) -> Value {
        let response = self.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        );
        self.notify("initialized", json!({}));
        response["result"].clone()
    }

    /// Writes raw bytes to the server's standard input.
    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        // A server that exited closes the pipe; the test sees that later.
        let _ = stdin.write_all(bytes).and_then(|()| stdin.flush());
    }

    /// Sends one framed JSON message.
    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        bytes.extend_from_slice(body.as_bytes());
        self.send_raw(&bytes);
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response (the whole message).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(&format!("the response to {method}"), |m| {
            m["id"] == id && m.get("method").is_none()
        })
    }

    /// Waits for a message matching `wanted`, keeping the others for later.
    pub fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.stash.iter().position(&wanted) {
            return self.stash.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.stash.push(message),
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("the server closed its output while waiting for {what}")
                }
            }
        }
    }

    /// Whether a message matching `wanted` arrives within `time`.
    pub fn arrives_within(
        &mut self,
        time: Duration,
        wanted: impl Fn(&Value) -> bool,
    ) -> Option<Value> {
        if let Some(i) = self.stash.iter().position(&wanted) {
            return Some(self.stash.remove(i));
        }
        let deadline = Instant::now() + time;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.incoming.recv_timeout(left) {
                Ok(message) if wanted(&message) => return Some(message),
                Ok(message) => self.stash.push(message),
                Err(_) => return None,
            }
        }
    }

    /// Opens `text` as `uri`.
    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
        );
    }

    /// Waits for the next `publishDiagnostics` of `uri`; its diagnostics.
    pub fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics of {uri}"), |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Every message received so far that no wait took, and empties the list.
    pub fn take_stash(&mut self) -> Vec<Value> {
        while let Ok(message) = self.incoming.try_recv() {
            self.stash.push(message);
        }
        std::mem::take(&mut self.stash)
    }

    /// `shutdown`, then `exit`: the exit code.
    pub fn shutdown_and_exit(mut self) -> Option<i32> {
        let response = self.request("shutdown", Value::Null);
        assert_eq!(response["result"], Value::Null, "{response}");
        self.exit()
    }

    /// `exit` (and the end of the input): the exit code.
    pub fn exit(mut self) -> Option<i32> {
        self.notify("exit", Value::Null);
        self.stdin = None;
        self.wait()
    }

    /// Closes the server's standard input.
    pub fn close_input(&mut self) {
        self.stdin = None;
    }

    /// Waits for the server to end; its exit code.
    pub fn wait(&mut self) -> Option<i32> {
        let status = self
            .child
            .wait_timeout(TIMEOUT)
            .expect("wait for the server")
            .expect("the server exits in time");
        status.code()
    }

    /// Whether the server is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("poll the server").is_none()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads one framed message; `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A `file://` URI for a path relative to the repository root.
pub fn uri_of(path: &str) -> String {
    format!("file://{}/{path}", env!("CARGO_MANIFEST_DIR"))
}
