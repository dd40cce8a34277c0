//! Starting `git` with the same safe settings every time, and never waiting
//! on it for ever.
//!
//! The repository may come from another company, so its configuration must
//! not be able to start a program (DESIGN.md section 8). Every call runs
//! `git -C <dir>` with:
//!
//! - `core.fsmonitor=false`: a repository's fsmonitor setting names a
//!   program git would run on every index read;
//! - `core.hooksPath=/dev/null`: no hook can run;
//! - `protocol.allow=never` and `GIT_NO_LAZY_FETCH=1`: a partial clone's
//!   missing object is an error, not a fetch from a promisor remote (whose
//!   `ext::` URL would be a command);
//! - no pager, no external diff and no textconv (`git log` is also given
//!   `--no-ext-diff --no-textconv`), no terminal prompt, standard input
//!   closed, and the caller's pager, ssh and askpass programs unset;
//! - no optional locks (a read never fights a concurrent `git` for
//!   `index.lock`), literal pathspecs (a file named `*.yaml` is that file,
//!   not a glob), unquoted paths and C locale messages.
//!
//! Each process has a time limit ([`TIME_LIMIT`]): past it, git is killed and
//! the command fails with [`GitError::TimedOut`]. User-supplied revisions
//! never reach the argument list: they go through the standard input of
//! `git cat-file`, so one starting with `-` cannot become an option.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

use super::GitError;

/// How long one git process (or one object read from `git cat-file`) may
/// take. Generous: reading a scope's history takes milliseconds; only a
/// process waiting on something that never comes gets near it.
pub(crate) const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Configuration that keeps a repository from starting programs, given as
/// `-c` options, which win over every configuration file.
const SAFE_CONFIG: &[&str] = &[
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "protocol.allow=never",
    "core.pager=cat",
    "core.quotepath=off",
    "color.ui=never",
    "log.showSignature=false",
];

/// Environment variables of the caller that would start a program or talk
/// to a remote on git's behalf.
const UNSAFE_ENV: &[&str] = &[
    "GIT_PAGER",
    "PAGER",
    "GIT_EXTERNAL_DIFF",
    "GIT_ASKPASS",
    "SSH_ASKPASS",
    "GIT_SSH",
    "GIT_SSH_COMMAND",
    "GIT_PROXY_COMMAND",
];

/// A `git` command in `dir` with comanage's fixed settings, ready for
/// subcommand arguments.
pub(crate) fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("--no-pager").arg("--literal-pathspecs");
    for setting in SAFE_CONFIG {
        cmd.args(["-c", setting]);
    }
    cmd.arg("-C")
        .arg(dir)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_PROTOCOL_FROM_USER", "0")
        .env("LC_ALL", "C")
        .stdin(Stdio::null());
    for name in UNSAFE_ENV {
        cmd.env_remove(name);
    }
    keep_repository_env(&mut cmd);
    cmd
}

/// The caller's `GIT_DIR` and friends, made absolute: `-C` changes git's
/// directory, and a relative `GIT_DIR=.git` would then name a directory
/// that does not exist. `GIT_DIR` without `GIT_WORK_TREE` means "the
/// current directory is the top of the work tree", so that is made explicit
/// for the same reason.
fn keep_repository_env(cmd: &mut Command) {
    let Ok(cwd) = std::env::current_dir() else {
        return;
    };
    for name in [
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_COMMON_DIR",
        "GIT_INDEX_FILE",
        "GIT_OBJECT_DIRECTORY",
    ] {
        if let Some(value) = std::env::var_os(name).filter(|v| !v.is_empty()) {
            cmd.env(name, cwd.join(value));
        }
    }
    if std::env::var_os("GIT_DIR").is_some() && std::env::var_os("GIT_WORK_TREE").is_none() {
        cmd.env("GIT_WORK_TREE", &cwd);
    }
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

/// Runs `cmd` to completion within [`TIME_LIMIT`] and captures its output.
/// `name` is the subcommand, for error messages.
pub(crate) fn run(cmd: Command, name: &str) -> Result<Finished, GitError> {
    run_within(cmd, name, TIME_LIMIT)
}

/// [`run`] with the time limit `limit`.
pub(crate) fn run_within(
    mut cmd: Command,
    name: &str,
    limit: Duration,
) -> Result<Finished, GitError> {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| spawn_error(err, name))?;
    // Both pipes are drained on their own threads, so a full pipe never
    // stalls git while this thread waits for it to exit.
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let status = match child.wait_timeout(limit) {
        Ok(Some(status)) => status,
        Ok(None) => return Err(kill(&mut child, name, limit)),
        Err(err) => return Err(io_error(name, err)),
    };
    // A program git started could hold the pipes open after git exited:
    // the rest of the time limit applies to reading them too.
    let remaining = limit.saturating_sub(start.elapsed());
    let timed_out = || GitError::TimedOut {
        command: name.to_owned(),
        seconds: limit.as_secs(),
    };
    let stdout = stdout.recv_timeout(remaining).map_err(|_| timed_out())?;
    let remaining = limit.saturating_sub(start.elapsed());
    let stderr = stderr.recv_timeout(remaining).map_err(|_| timed_out())?;
    Ok(Finished {
        success: status.success(),
        stdout: stdout.map_err(|err| io_error(name, err))?,
        stderr: String::from_utf8_lossy(&stderr.map_err(|err| io_error(name, err))?)
            .trim()
            .to_owned(),
    })
}

/// Reads `pipe` to its end on a new thread; the bytes arrive on the channel.
pub(crate) fn drain(
    pipe: Option<impl Read + Send + 'static>,
) -> mpsc::Receiver<std::io::Result<Vec<u8>>> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let result = match pipe {
            Some(mut pipe) => pipe.read_to_end(&mut bytes).map(|_| bytes),
            None => Ok(bytes),
        };
        // The receiver may have given up waiting; nothing to do then.
        let _ = send.send(result);
    });
    receive
}

/// Kills `child`, which ran past `limit`, and gives the error saying so.
pub(crate) fn kill(child: &mut Child, name: &str, limit: Duration) -> GitError {
    let _ = child.kill();
    let _ = child.wait();
    GitError::TimedOut {
        command: name.to_owned(),
        seconds: limit.as_secs(),
    }
}

/// The error for a git process that could not be started.
pub(crate) fn spawn_error(err: std::io::Error, name: &str) -> GitError {
    if err.kind() == std::io::ErrorKind::NotFound {
        GitError::NotInstalled { source: err }
    } else {
        io_error(name, err)
    }
}

fn io_error(name: &str, source: std::io::Error) -> GitError {
    GitError::Io {
        command: name.to_owned(),
        source,
    }
}

/// The error for a git command that exited with a failure status.
pub(crate) fn failed(name: &str, stderr: &str) -> GitError {
    let message = stderr
        .lines()
        .map(|line| line.strip_prefix("fatal: ").unwrap_or(line))
        .filter(|line| !line.trim().is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_past_its_limit_is_killed() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "sleep 30"]);
        let start = Instant::now();
        let err = run_within(cmd, "sleep", Duration::from_millis(200))
            .err()
            .expect("times out");
        assert!(matches!(err, GitError::TimedOut { .. }), "{err:?}");
        assert!(start.elapsed() < Duration::from_secs(20));
    }

    #[test]
    fn output_and_status_are_kept() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo 'fatal: bad' >&2; exit 3"]);
        let out = run_within(cmd, "sh", Duration::from_secs(20)).expect("runs");
        assert!(!out.success);
        assert_eq!(out.stdout, b"out\n");
        assert_eq!(out.stderr, "fatal: bad");
    }

    #[test]
    fn every_call_disables_what_runs_programs() {
        let cmd = git(Path::new("."));
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        for setting in [
            "core.fsmonitor=false",
            "core.hooksPath=/dev/null",
            "protocol.allow=never",
        ] {
            assert!(args.iter().any(|a| a == setting), "{setting} in {args:?}");
        }
        let lazy = cmd
            .get_envs()
            .find(|(name, _)| *name == "GIT_NO_LAZY_FETCH")
            .and_then(|(_, value)| value.map(|v| v.to_owned()));
        assert_eq!(lazy.as_deref(), Some(std::ffi::OsStr::new("1")));
    }
}
