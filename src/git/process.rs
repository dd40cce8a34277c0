//! Starting `git` with the same safe settings every time.
//!
//! Every call runs `git -C <dir>` with no pager, no optional locks (so a
//! read never fights a concurrent `git` for `index.lock`), literal pathspecs
//! (a file named `*.yaml` is that file, not a glob), unquoted paths and C
//! locale messages. User-supplied revisions never reach the argument list:
//! they go through the standard input of `git cat-file`, so one starting
//! with `-` cannot become an option.

use std::path::Path;
use std::process::{Command, Stdio};

use super::GitError;

/// A `git` command in `dir` with comanage's fixed settings, ready for
/// subcommand arguments.
pub(crate) fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("--no-pager")
        .arg("--literal-pathspecs")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotepath=off", "-c", "color.ui=never"])
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .env_remove("GIT_PAGER")
        .stdin(Stdio::null());
    cmd
}

/// The output of a finished git command.
pub(crate) struct Finished {
    /// Whether git exited with status 0.
    pub success: bool,
    /// Standard output.
    pub stdout: Vec<u8>,
    /// Standard error as text, trimmed.
    pub stderr: String,
}

/// Runs `cmd` to completion and captures its output. `name` is the
/// subcommand, for error messages.
pub(crate) fn run(mut cmd: Command, name: &str) -> Result<Finished, GitError> {
    let output = cmd.output().map_err(|err| spawn_error(err, name))?;
    Ok(Finished {
        success: output.status.success(),
        stdout: output.stdout,
        stderr: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
    })
}

/// The error for a git process that could not be started.
pub(crate) fn spawn_error(err: std::io::Error, name: &str) -> GitError {
    if err.kind() == std::io::ErrorKind::NotFound {
        GitError::NotInstalled { source: err }
    } else {
        GitError::Io {
            command: name.to_owned(),
            source: err,
        }
    }
}

/// The error for a git command that exited with a failure status.
pub(crate) fn failed(name: &str, stderr: &str) -> GitError {
    let message = stderr
        .lines()
        .map(|line| line.strip_prefix("fatal: ").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("; ");
    GitError::Failed {
        command: name.to_owned(),
        message: if message.is_empty() {
            "no message".to_owned()
        } else {
            message
        },
    }
}
