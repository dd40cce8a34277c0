//! Reading the scope from git: one version at a revision, or its whole
//! history, following renames.
//!
//! comanage runs the `git` program rather than linking a git library: it is
//! already installed wherever a scope lives in git, it reads every repository
//! layout and extension the user's git reads (worktrees, partial clones,
//! `safe.directory`), and two batch processes (`git log` and
//! `git cat-file --batch`) serve a whole history. See [`process`] for the
//! settings every call uses.

mod catfile;
mod error;
mod history;
mod process;
mod resolve;
pub mod semantic;
mod versions;

use std::path::{Component, Path, PathBuf};

pub use catfile::{CatFile, Object};
pub use error::GitError;
pub use history::{HistoryOptions, Revision, Version};
pub use resolve::{read_working, resolve, resolve_in};

use process::{failed, git, run};

/// A git work tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repo {
    root: PathBuf,
    shallow: bool,
}

/// A file's content at one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blob {
    /// The full hash of the commit the revision names.
    pub commit: String,
    /// The file's path at that commit, relative to the repository root
    /// (differs from the name asked for when the file was renamed since).
    pub path_at_rev: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

impl Repo {
    /// The work tree that contains `dir`
    /// (`git rev-parse --show-toplevel --is-shallow-repository`).
    pub fn discover(dir: &Path) -> Result<Repo, GitError> {
        let mut cmd = git(dir);
        cmd.args(["rev-parse", "--show-toplevel", "--is-shallow-repository"]);
        let out = run(cmd, "rev-parse")?;
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        match (out.success, lines.next()) {
            (true, Some(root)) if !root.is_empty() => Ok(Repo {
                root: PathBuf::from(root),
                shallow: lines.next() == Some("true"),
            }),
            _ if out.stderr.contains("must be run in a work tree") => Err(GitError::Bare {
                dir: dir.display().to_string(),
            }),
            _ if out.stderr.contains("not a git repository")
                || out.stderr.contains("cannot change to") =>
            {
                Err(GitError::NotARepository {
                    dir: dir.display().to_string(),
                })
            }
            _ => Err(failed("rev-parse", &out.stderr)),
        }
    }

    /// The repository that holds `file` (a path relative to the current
    /// directory, which need not exist any more), and the file's path
    /// relative to the repository root, `/`-separated.
    pub fn for_file(file: &str) -> Result<(Repo, String), GitError> {
        Self::for_file_in(Path::new("."), file)
    }

    /// [`Repo::for_file`] with `file` relative to `base` instead of the
    /// current directory.
    pub fn for_file_in(base: &Path, file: &str) -> Result<(Repo, String), GitError> {
        if file == "-" {
            return Err(GitError::NoHistoryForStdin);
        }
        let absolute = absolute(&base.join(file));
        let dir = existing_ancestor(absolute.parent().unwrap_or(&absolute));
        let repo = Repo::discover(&dir)?;
        let path = repo.path_in_repo(&absolute)?;
        Ok((repo, path))
    }

    /// The top directory of the work tree.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether the repository is a shallow clone (history cut off).
    pub fn is_shallow(&self) -> bool {
        self.shallow
    }

    /// `file` (relative to the current directory, or absolute) as a path
    /// relative to the repository root, `/`-separated, as git names it.
    pub fn path_in_repo(&self, file: &Path) -> Result<String, GitError> {
        let outside = || GitError::OutsideRepository {
            path: file.display().to_string(),
            root: self.root.display().to_string(),
        };
        let path = canonical(&absolute(file));
        let root = canonical(&self.root);
        let relative = path.strip_prefix(&root).map_err(|_| outside())?;
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.is_empty() {
            return Err(outside());
        }
        Ok(parts.join("/"))
    }

    /// A `git cat-file --batch` process for reading objects of this
    /// repository.
    pub fn objects(&self) -> Result<CatFile, GitError> {
        CatFile::start(&self.root)
    }

    /// The file `path` (relative to the root, named as in the work tree or
    /// at `HEAD`) as it was at `rev`. When `path` does not exist at `rev`,
    /// the names the file had before (git's rename history from `HEAD`) are
    /// tried, newest first. `rev` is passed to git on standard input only.
    pub fn read_at(&self, rev: &str, path: &str) -> Result<Blob, GitError> {
        let mut objects = self.objects()?;
        let commit = self.commit(&mut objects, rev)?;
        if let Some(bytes) = objects.blob(&format!("{commit}:{path}"))? {
            return Ok(Blob {
                commit,
                path_at_rev: path.to_owned(),
                bytes,
            });
        }
        self.check_downloaded(&commit, path)?;
        let mut tried = vec![path.to_owned()];
        for revision in self.revisions(path, &HistoryOptions::default())? {
            if tried.contains(&revision.path) {
                continue;
            }
            if let Some(bytes) = objects.blob(&format!("{commit}:{}", revision.path))? {
                return Ok(Blob {
                    commit,
                    path_at_rev: revision.path,
                    bytes,
                });
            }
            tried.push(revision.path);
        }
        Err(GitError::FileAbsent {
            rev: rev.to_owned(),
            path: path.to_owned(),
            help: format!(
                "the file may not have existed yet at `{rev}`; list the files there with `git ls-tree -r --name-only {rev}`"
            ),
        })
    }

    /// Fails with [`GitError::NotDownloaded`] when the tree of `commit`
    /// lists `path` as a file although `git cat-file` had no content for it:
    /// a partial clone that never fetched it. comanage does not fetch it
    /// either (`GIT_NO_LAZY_FETCH`): a promisor remote's URL can be a command.
    pub(crate) fn check_downloaded(&self, commit: &str, path: &str) -> Result<(), GitError> {
        let mut cmd = git(&self.root);
        // `commit` is a full hash found by cat-file, never user text.
        cmd.args(["ls-tree", "-z", commit, "--", path]);
        let out = run(cmd, "ls-tree")?;
        let listed = String::from_utf8_lossy(&out.stdout);
        let is_file = listed
            .split('\0')
            .filter_map(|entry| entry.split_once('\t'))
            .any(|(info, name)| name == path && info.split(' ').nth(1) == Some("blob"));
        if out.success && is_file {
            return Err(GitError::NotDownloaded {
                path: path.to_owned(),
                commit: commit.chars().take(12).collect(),
            });
        }
        Ok(())
    }

    /// The full hash of the commit `rev` names, or the unknown-revision
    /// error.
    pub(crate) fn commit(&self, objects: &mut CatFile, rev: &str) -> Result<String, GitError> {
        let advice = if self.shallow {
            "this repository is a shallow clone, so older commits are missing: fetch them with `git fetch --unshallow`"
        } else {
            "name a branch, tag or commit that exists (`git log --oneline`, `git tag`), or the path of an existing file"
        };
        match objects.commit(rev) {
            Ok(Some(commit)) => Ok(commit),
            Ok(None) => Err(GitError::UnknownRevision {
                rev: rev.to_owned(),
                help: advice.to_owned(),
            }),
            // git stopped on this revision (`@{u}` without an upstream,
            // `HEAD@{100}` past the reflog): its own words say why.
            Err(GitError::Failed { message, .. }) => Err(GitError::UnknownRevision {
                rev: rev.to_owned(),
                help: format!("git says: {message}; {advice}"),
            }),
            Err(err) => Err(err),
        }
    }
}

/// `path` made absolute against the current directory, without touching
/// the file system.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The nearest directory at or above `path` that exists.
fn existing_ancestor(path: &Path) -> PathBuf {
    path.ancestors()
        .find(|p| p.is_dir())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// `path` with symbolic links resolved as far as it exists, and `.` and
/// `..` resolved in the rest, so it compares with the repository root.
fn canonical(path: &Path) -> PathBuf {
    let base = path
        .ancestors()
        .find_map(|a| a.canonicalize().ok().map(|c| (a, c)));
    let Some((existing, mut out)) = base else {
        return path.to_path_buf();
    };
    let rest = path.strip_prefix(existing).unwrap_or(Path::new(""));
    for component in rest.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(part) => out.push(part),
            _ => {}
        }
    }
    out
}
