//! Why reading the scope from git failed, with the fix for each case.

use crate::scope::ReadError;

/// A failure to read the scope from git. Every variant stops the command
/// (exit 2); each names what was asked for and how to fix it.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum GitError {
    /// The `git` program could not be started.
    #[error("cannot run git: {source}")]
    #[diagnostic(
        code(comanage::git),
        help("install git and make sure it is on PATH, or compare two files by their paths")
    )]
    NotInstalled {
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The directory is not inside a git work tree.
    #[error("{dir}: not a git repository")]
    #[diagnostic(
        code(comanage::git),
        help(
            "run comanage inside the repository that tracks the scope, or pass file paths instead of revisions"
        )
    )]
    NotARepository {
        /// The directory git was asked about.
        dir: String,
    },
    /// The directory is inside a bare repository, which has no work tree.
    #[error("{dir}: inside a bare git repository, which has no work tree")]
    #[diagnostic(
        code(comanage::git),
        help(
            "clone it (`git clone`) and run comanage in the clone, or compare files extracted with `git show REV:path > file`"
        )
    )]
    Bare {
        /// The directory git was asked about.
        dir: String,
    },
    /// The scope file lies outside the repository's work tree.
    #[error("{path}: outside the git repository at {root}")]
    #[diagnostic(
        code(comanage::git),
        help("run comanage inside the repository that tracks this file")
    )]
    OutsideRepository {
        /// The file as given.
        path: String,
        /// The repository's top directory.
        root: String,
    },
    /// The scope is read from standard input, which has no git history.
    #[error("the scope file is standard input, which has no git history")]
    #[diagnostic(
        code(comanage::git),
        help("name the file with -f PATH, or give the revision as REV:path")
    )]
    NoHistoryForStdin,
    /// A revision git does not know.
    #[error("unknown revision `{rev}`")]
    #[diagnostic(code(comanage::git))]
    UnknownRevision {
        /// The revision as given.
        rev: String,
        /// How to fix it (differs in shallow clones).
        #[help]
        help: String,
    },
    /// The file does not exist at a revision (under any of its former names).
    #[error("`{path}` does not exist at revision `{rev}`")]
    #[diagnostic(code(comanage::git))]
    FileAbsent {
        /// The revision as given.
        rev: String,
        /// The file, as named in the working tree.
        path: String,
        /// How to fix it.
        #[help]
        help: String,
    },
    /// A partial clone lists the file but never downloaded its content.
    #[error(
        "the content of `{path}` at commit {commit} is not in this repository: it is a partial clone that never downloaded it"
    )]
    #[diagnostic(
        code(comanage::git),
        help(
            "comanage never downloads objects, because a repository's remote can be set to run a command; if you trust this repository's remote, check the file out with git (which downloads it) or clone the repository in full, then try again"
        )
    )]
    NotDownloaded {
        /// The file, relative to the repository root.
        path: String,
        /// The commit's abbreviated hash.
        commit: String,
    },
    /// The history needed was cut off by a shallow clone.
    #[error("the history of `{path}` is incomplete: this repository is a shallow clone")]
    #[diagnostic(
        code(comanage::git),
        help(
            "fetch the full history with `git fetch --unshallow` (in CI, check out with full depth, e.g. `fetch-depth: 0`)"
        )
    )]
    Shallow {
        /// The file whose history is cut off.
        path: String,
    },
    /// The file exists but was never committed.
    #[error("`{path}` has no history: it was never committed")]
    #[diagnostic(
        code(comanage::git),
        help("commit the file (`git add` then `git commit`), then run comanage log again")
    )]
    NotCommitted {
        /// The file, relative to the repository root.
        path: String,
    },
    /// `comanage log --function` named a function the history never had.
    #[error("no function `{id}` in the history of `{path}`")]
    #[diagnostic(code(comanage::git))]
    UnknownFunction {
        /// The id as given.
        id: String,
        /// The scope file, relative to the repository root.
        path: String,
        /// A close id, or how to list them.
        #[help]
        help: String,
    },
    /// git ran but failed in a way not covered above.
    #[error("git {command} failed: {message}")]
    #[diagnostic(
        code(comanage::git),
        help("run the same git command yourself to see the whole error")
    )]
    Failed {
        /// The git subcommand.
        command: String,
        /// What git printed on standard error.
        message: String,
    },
    /// A git process ran past its time limit and was stopped.
    #[error("git {command} did not finish within {seconds} seconds and was stopped")]
    #[diagnostic(
        code(comanage::git),
        help(
            "run `git fsck` in the repository; if git is waiting on something (a lock, a network share), fix that and try again"
        )
    )]
    TimedOut {
        /// The git subcommand.
        command: String,
        /// The time limit.
        seconds: u64,
    },
    /// Talking to a running git process failed.
    #[error("lost contact with git {command}: {source}")]
    #[diagnostic(code(comanage::git), help("check that git is installed correctly"))]
    Io {
        /// The git subcommand.
        command: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// git's output was not in the expected form.
    #[error("could not understand the output of git {command}: {detail}")]
    #[diagnostic(code(comanage::git), help("check that git is version 2.25 or newer"))]
    Unexpected {
        /// The git subcommand.
        command: String,
        /// What was wrong.
        detail: String,
    },
    /// A file on disk could not be read.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Read(#[from] ReadError),
}

impl GitError {
    /// Output of `git {command}` that comanage could not understand.
    pub fn unexpected(command: &str, detail: impl Into<String>) -> Self {
        Self::Unexpected {
            command: command.to_owned(),
            detail: detail.into(),
        }
    }
}
