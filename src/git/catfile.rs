//! One long-lived `git cat-file --batch` process that reads any number of
//! objects, so reading a thousand versions costs one process, not a
//! thousand.
//!
//! Object names (revisions, `REV:path`) are written to the process's
//! standard input, never to its arguments: a name starting with `-` is just
//! a name there.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Stdio};

use super::GitError;
use super::process::{git, spawn_error};
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
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl CatFile {
    /// Starts the process in the repository at `root`.
    pub(crate) fn start(root: &Path) -> Result<Self, GitError> {
        let mut cmd = git(root);
        cmd.args([NAME, "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().map_err(|err| spawn_error(err, NAME))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(GitError::unexpected(NAME, "the process has no pipes"));
        };
        Ok(Self {
            child,
            stdin: Some(stdin),
            stdout: BufReader::new(stdout),
        })
    }

    /// The object `name` (a hash, a revision, `REV:path`, `REV^{commit}`…),
    /// or `None` when git knows no such object. A name holding a line break
    /// cannot be asked for on this line-based channel and is `None` too.
    pub fn get(&mut self, name: &str) -> Result<Option<Object>, GitError> {
        if name.is_empty() || name.contains(['\n', '\r', '\0']) {
            return Ok(None);
        }
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| GitError::unexpected(NAME, "input closed"))?;
        stdin
            .write_all(format!("{name}\n").as_bytes())
            .and_then(|()| stdin.flush())
            .map_err(io)?;
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
        Ok(self
            .get(&format!("{rev}^{{commit}}"))?
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
        // Closing standard input ends the process; wait so it is not left behind.
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
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
