//! One long-lived `git cat-file --batch` process that reads any number of
//! objects, so reading a thousand versions costs one process, not a
//! thousand.
//!
//! Object names (revisions, `REV:path`) are written to the process's
//! standard input, never to its arguments: a name starting with `-` is just
//! a name there.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use super::GitError;
use super::process::{TIME_LIMIT, drain, failed, git, kill, spawn_error};
use crate::scope::ReadError;
use crate::yaml::MAX_INPUT_BYTES;

const NAME: &str = "cat-file";

/// An object read from the repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    /// The object's full hash.
    pub oid: String,
    /// `blob`, `tree`, `commit` or `tag`.
    pub kind: String,
    /// The object's content.
    pub bytes: Vec<u8>,
}

/// A running `git cat-file --batch`, answering one object name at a time.
pub struct CatFile {
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    /// git's standard error, read to its end on a thread: when git stops
    /// early, its own message is the error shown.
    stderr: Option<mpsc::Receiver<std::io::Result<Vec<u8>>>>,
    watchdog: Watchdog,
    /// How long one request may take.
    limit: Duration,
}

impl CatFile {
    /// Starts the process in the repository at `root`.
    pub(crate) fn start(root: &Path) -> Result<Self, GitError> {
        let mut cmd = git(root);
        cmd.args([NAME, "--batch"]);
        Self::spawn(cmd, TIME_LIMIT)
    }

    /// Starts `cmd` as the batch process, each request limited to `limit`.
    fn spawn(mut cmd: Command, limit: Duration) -> Result<Self, GitError> {
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|err| spawn_error(err, NAME))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(GitError::unexpected(NAME, "the process has no pipes"));
        };
        let stderr = Some(drain(child.stderr.take()));
        Ok(Self {
            stdin: Some(stdin),
            stdout: BufReader::new(stdout),
            stderr,
            watchdog: Watchdog::start(child, limit),
            limit,
        })
    }

    /// The object `name` (a hash, a revision, `REV:path`, `REV^{commit}`…),
    /// or `None` when git knows no such object. A name holding a line break
    /// cannot be asked for on this line-based channel and is `None` too.
    pub fn get(&mut self, name: &str) -> Result<Option<Object>, GitError> {
        if !askable(name) {
            return Ok(None);
        }
        self.watchdog.arm();
        let reply = self
            .send(&format!("{name}\n"))
            .and_then(|()| self.reply(name));
        self.watchdog.disarm();
        self.explain(reply)
    }

    /// Turns the failure of a request into the error to show: a time-out,
    /// or git's own words when the process is gone.
    fn explain<T>(&mut self, reply: Result<T, GitError>) -> Result<T, GitError> {
        match reply {
            Err(_) if self.watchdog.timed_out() => Err(GitError::TimedOut {
                command: NAME.to_owned(),
                seconds: self.limit.as_secs(),
            }),
            // The process is gone: what it said on standard error is the
            // reason (`no upstream configured`, `log for 'HEAD' only has 1
            // entries`, a missing object of a partial clone...).
            Err(err @ (GitError::Io { .. } | GitError::Unexpected { .. })) => {
                Err(self.git_message().unwrap_or(err))
            }
            reply => reply,
        }
    }
    /// The objects `names`, in order, each `None` when git knows no such
    /// object (or the name cannot be asked for, as in [`CatFile::get`]).
    ///
    /// The requests are pipelined: up to [`PIPELINE_BYTES`] of names are
    /// written before their replies are read, so a thousand objects cost a
    /// few dozen round trips to git, not a thousand. Less than a pipe's
    /// buffer of names is ever unanswered (a longer name goes alone), so
    /// writing never waits on git while git waits for its replies to be
    /// read.
    pub fn get_many<S: AsRef<str>>(
        &mut self,
        names: &[S],
    ) -> Result<Vec<Option<Object>>, GitError> {
        let mut objects = Vec::with_capacity(names.len());
        let mut start = 0;
        while start < names.len() {
            let mut requests = String::new();
            let mut end = start;
            while let Some(name) = names.get(end).map(AsRef::as_ref) {
                if end > start && requests.len() + name.len() >= PIPELINE_BYTES {
                    break;
                }
                if askable(name) {
                    requests.push_str(name);
                    requests.push('\n');
                }
                end += 1;
            }
            self.watchdog.arm();
            let replies = self
                .send(&requests)
                .and_then(|()| self.replies(&names[start..end]));
            self.watchdog.disarm();
            objects.extend(self.explain(replies)?);
            start = end;
        }
        Ok(objects)
    }

    /// Reads the replies to the requests for `names` (those sent). An
    /// object over the size limit fails the whole batch, once the replies
    /// after it are read, so the channel stays in step.
    fn replies<S: AsRef<str>>(&mut self, names: &[S]) -> Result<Vec<Option<Object>>, GitError> {
        let mut objects = Vec::with_capacity(names.len());
        let mut too_large = None;
        for name in names.iter().map(AsRef::as_ref) {
            if !askable(name) {
                objects.push(None);
                continue;
            }
            // Each reply restarts the clock: the limit is per object.
            self.watchdog.arm();
            match self.reply(name) {
                Ok(object) => objects.push(object),
                Err(err @ GitError::Read(_)) => {
                    too_large.get_or_insert(err);
                }
                Err(err) => return Err(err),
            }
        }
        match too_large {
            Some(err) => Err(err),
            None => Ok(objects),
        }
    }

    /// What git wrote on standard error before it stopped, as an error;
    /// `None` when it wrote nothing.
    fn git_message(&mut self) -> Option<GitError> {
        let stderr = self.stderr.take()?;
        let bytes = stderr.recv_timeout(Duration::from_secs(5)).ok()?.ok()?;
        let text = String::from_utf8_lossy(&bytes);
        (!text.trim().is_empty()).then(|| failed(NAME, text.trim()))
    }

    /// Writes requests (names, each ending in a line feed).
    fn send(&mut self, requests: &str) -> Result<(), GitError> {
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| GitError::unexpected(NAME, "input closed"))?;
        stdin
            .write_all(requests.as_bytes())
            .and_then(|()| stdin.flush())
            .map_err(io)
    }

    /// Reads the reply to the request for `name`.
    fn reply(&mut self, name: &str) -> Result<Option<Object>, GitError> {
        let mut header = String::new();
        if self.stdout.read_line(&mut header).map_err(io)? == 0 {
            return Err(GitError::unexpected(NAME, "the process ended early"));
        }
        let header = header.trim_end_matches('\n');
        let Some((oid, kind, size)) = parse_header(header) else {
            if header.ends_with(" missing") || header.ends_with(" ambiguous") {
                return Ok(None);
            }
            return Err(GitError::unexpected(
                NAME,
                format!("unexpected reply `{header}`"),
            ));
        };
        if size > MAX_INPUT_BYTES {
            // Skip the content so the next reply is read from the right place.
            std::io::copy(
                &mut (&mut self.stdout).take(size as u64 + 1),
                &mut std::io::sink(),
            )
            .map_err(io)?;
            return Err(GitError::Read(ReadError::TooLarge {
                path: name.to_owned(),
                limit: MAX_INPUT_BYTES / (1024 * 1024),
            }));
        }
        let mut bytes = vec![0; size + 1];
        self.stdout.read_exact(&mut bytes).map_err(io)?;
        // Each object's content is followed by a line feed.
        bytes.pop();
        Ok(Some(Object {
            oid: oid.to_owned(),
            kind: kind.to_owned(),
            bytes,
        }))
    }

    /// The full hash of the commit that `rev` names (peeling tags), or
    /// `None` when it names no commit.
    pub fn commit(&mut self, rev: &str) -> Result<Option<String>, GitError> {
        if rev.is_empty() {
            return Ok(None);
        }
        // `:/text` takes the rest of the name as the text to search for, so
        // it cannot be followed by `^{commit}`; it always names a commit.
        let name = if rev.starts_with(":/") {
            rev.to_owned()
        } else {
            format!("{rev}^{{commit}}")
        };
        Ok(self
            .get(&name)?
            .filter(|object| object.kind == "commit")
            .map(|object| object.oid))
    }

    /// The content of the blob `name`, or `None` when there is no such
    /// object or it is not a file (a directory, say).
    pub fn blob(&mut self, name: &str) -> Result<Option<Vec<u8>>, GitError> {
        Ok(self
            .get(name)?
            .filter(|object| object.kind == "blob")
            .map(|object| object.bytes))
    }
}

impl Drop for CatFile {
    fn drop(&mut self) {
        // Closing standard input ends the process; the watchdog then waits
        // for it (within the time limit) so it is not left behind.
        drop(self.stdin.take());
        self.watchdog.stop();
    }
}

/// A thread that owns the git process and kills it when one request takes
/// longer than the time limit. Requests are timed, not the whole process:
/// reading a long history is many quick requests.
struct Watchdog {
    signals: Option<mpsc::Sender<Signal>>,
    thread: Option<JoinHandle<()>>,
    timed_out: Arc<AtomicBool>,
}

/// What the reading thread tells the watchdog.
enum Signal {
    /// A request was sent: the clock starts.
    Arm,
    /// Its reply was read: the clock stops.
    Disarm,
}

impl Watchdog {
    fn start(mut child: Child, limit: Duration) -> Self {
        let (signals, receive) = mpsc::channel();
        let timed_out = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&timed_out);
        let thread = std::thread::spawn(move || {
            let mut armed: Option<Instant> = None;
            loop {
                let signal = match armed {
                    Some(at) => receive.recv_timeout(limit.saturating_sub(at.elapsed())),
                    None => receive.recv().map_err(|_| RecvTimeoutError::Disconnected),
                };
                match signal {
                    Ok(Signal::Arm) => armed = Some(Instant::now()),
                    Ok(Signal::Disarm) => armed = None,
                    Err(RecvTimeoutError::Timeout) => {
                        flag.store(true, Ordering::SeqCst);
                        kill(&mut child, NAME, limit);
                        return;
                    }
                    // The reader is done and has closed git's input.
                    Err(RecvTimeoutError::Disconnected) => {
                        if !matches!(child.wait_timeout(limit), Ok(Some(_))) {
                            kill(&mut child, NAME, limit);
                        }
                        return;
                    }
                }
            }
        });
        Self {
            signals: Some(signals),
            thread: Some(thread),
            timed_out,
        }
    }

    fn arm(&self) {
        if let Some(signals) = &self.signals {
            let _ = signals.send(Signal::Arm);
        }
    }

    fn disarm(&self) {
        if let Some(signals) = &self.signals {
            let _ = signals.send(Signal::Disarm);
        }
    }

    fn timed_out(&self) -> bool {
        self.timed_out.load(Ordering::SeqCst)
    }

    /// Lets the process finish and waits for the watchdog.
    fn stop(&mut self) {
        drop(self.signals.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// How many bytes of names [`CatFile::get_many`] writes before it reads
/// their replies: well under the smallest pipe buffer git could be reading
/// from (4 KiB), so a write never blocks.
const PIPELINE_BYTES: usize = 3 * 1024;

/// Whether `name` can be asked for on the line-based channel: a name
/// holding a line break (or empty) cannot, and names nothing.
fn askable(name: &str) -> bool {
    !name.is_empty() && !name.contains(['\n', '\r', '\0'])
}

/// `<oid> <type> <size>`, the reply for an object that exists.
fn parse_header(header: &str) -> Option<(&str, &str, usize)> {
    let mut parts = header.split(' ');
    let (oid, kind, size) = (parts.next()?, parts.next()?, parts.next()?);
    let is_oid = matches!(oid.len(), 40 | 64) && oid.bytes().all(|b| b.is_ascii_hexdigit());
    let is_kind = matches!(kind, "blob" | "tree" | "commit" | "tag");
    if parts.next().is_some() || !is_oid || !is_kind {
        return None;
    }
    Some((oid, kind, size.parse().ok()?))
}

fn io(source: std::io::Error) -> GitError {
    GitError::Io {
        command: NAME.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_past_the_time_limit_stops_the_process() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "read name; exec sleep 30"]);
        let mut objects = CatFile::spawn(cmd, Duration::from_millis(300)).expect("starts");
        let start = Instant::now();
        let err = objects.get("HEAD").expect_err("times out");
        assert!(matches!(err, GitError::TimedOut { .. }), "{err:?}");
        drop(objects);
        assert!(start.elapsed() < Duration::from_secs(20));
    }

    #[test]
    fn a_process_that_stops_is_reported_in_its_own_words() {
        let mut cmd = Command::new("sh");
        cmd.args([
            "-c",
            "read name; echo \"fatal: no upstream for $name\" >&2; exit 128",
        ]);
        let mut objects = CatFile::spawn(cmd, Duration::from_secs(20)).expect("starts");
        let err = objects.get("@{u}").expect_err("fails");
        assert_eq!(err.to_string(), "git cat-file failed: no upstream for @{u}");
    }

    /// A stand-in for `git cat-file --batch`: each object's content is its
    /// name (`big*` names: 100 KB of zeros), and `gone` is missing.
    fn fake_batch() -> CatFile {
        let oid = "1111111111111111111111111111111111111111";
        let script = format!(
            "while IFS= read -r name; do case \"$name\" in \
             gone) echo \"$name missing\";; \
             big*) echo '{oid} blob 100000'; head -c 100000 /dev/zero; echo;; \
             *) printf '{oid} blob %d\\n%s\\n' ${{#name}} \"$name\";; esac; done"
        );
        let mut cmd = Command::new("sh");
        cmd.args(["-c", &script]);
        CatFile::spawn(cmd, Duration::from_secs(20)).expect("starts")
    }

    #[test]
    fn many_objects_are_read_in_order_over_several_round_trips() {
        let mut objects = fake_batch();
        let mut names: Vec<String> = (0..1000).map(|i| format!("object-{i:04}")).collect();
        names.insert(10, "gone".to_owned());
        names.insert(500, "two\nlines".to_owned());
        assert!(names.iter().map(|n| n.len() + 1).sum::<usize>() > 3 * PIPELINE_BYTES);
        let read = objects.get_many(&names).expect("reads");
        assert_eq!(read.len(), names.len());
        for (name, object) in names.iter().zip(&read) {
            match name.as_str() {
                "gone" | "two\nlines" => assert_eq!(object, &None, "{name}"),
                _ => assert_eq!(
                    object.as_ref().map(|o| o.bytes.as_slice()),
                    Some(name.as_bytes())
                ),
            }
        }
        // The channel is still in step for the next request.
        assert_eq!(
            objects.blob("after").expect("reads"),
            Some(b"after".to_vec())
        );
    }

    #[test]
    fn replies_larger_than_a_pipe_do_not_stall_the_requests() {
        let mut objects = fake_batch();
        let names: Vec<String> = (0..300).map(|i| format!("big-{i:03}")).collect();
        let read = objects.get_many(&names).expect("reads");
        assert!(
            read.iter()
                .all(|o| o.as_ref().is_some_and(|o| o.bytes.len() == 100_000))
        );
    }

    #[test]
    fn headers() {
        let oid = "2be6f67acc695cf8180f1dff4e12ad786ea62787";
        assert_eq!(
            parse_header(&format!("{oid} blob 12")),
            Some((oid, "blob", 12))
        );
        assert_eq!(parse_header("HEAD:x missing"), None);
        assert_eq!(parse_header(&format!("{oid} blob")), None);
        assert_eq!(parse_header(&format!("{oid} blob 1 2")), None);
        assert_eq!(parse_header("nothex blob 1"), None);
    }
}
