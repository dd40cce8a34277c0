//! Which files a command reads: paths as given, directories searched.

use std::path::Path;

use rayon::prelude::*;

use crate::scope::load::{self, Document, ReadError, Rejected};

/// Whether `name` is a scope file name: `scope.yaml` or `*.scope.yaml`
/// (and the `.yml` spellings).
pub fn is_scope_file_name(name: &str) -> bool {
    matches!(name, "scope.yaml" | "scope.yml")
        || name.ends_with(".scope.yaml")
        || name.ends_with(".scope.yml")
}

/// The files a command reads, and what a directory search passed over.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The files to read, in a stable order.
    pub files: Vec<String>,
    /// Scope files (and directories) found but not read, in path order.
    pub skipped: Vec<Skipped>,
}

/// A scope file or directory a directory search did not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path, as found under the directory given.
    pub path: String,
    /// Why it was not read.
    pub reason: SkipReason,
}

/// Why a directory search did not read a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A scope file that is a symbolic link: links are not followed.
    Symlink,
    /// A scope file named by `.gitignore` (or git's exclude files), or
    /// inside a hidden directory.
    Ignored,
    /// A directory (or file) that could not be read: the error.
    Unreadable(String),
}

impl Skipped {
    /// The note shown for it, e.g. `note: skipped a/scope.yaml: a symbolic
    /// link (links are not followed; name it to check it)`.
    pub fn note(&self) -> String {
        let path = crate::terminal::sanitize(&self.path);
        match &self.reason {
            SkipReason::Symlink => format!(
                "note: skipped {path}: a symbolic link (links are not followed; name the file to check it)\n"
            ),
            SkipReason::Ignored => format!(
                "note: skipped {path}: ignored by git or in a hidden directory (name the file to check it)\n"
            ),
            SkipReason::Unreadable(error) => format!(
                "note: could not search {path}: {} (check its permissions)\n",
                crate::terminal::sanitize(error)
            ),
        }
    }

    /// Whether this skip means the search is incomplete (exit 2).
    pub fn is_unreadable(&self) -> bool {
        matches!(self.reason, SkipReason::Unreadable(_))
    }
}

/// Expands `paths` into the files to read, in a stable order: files as given,
/// directories searched recursively for scope files (results sorted by
/// path). `-` stays `-`. Inside a git work tree, files git ignores are not
/// read; outside one, no ignore file counts (a scope must not be able to
/// hide itself from a check by shipping a `.gitignore`). Symbolic links are
/// not followed. Every scope file passed over, and every directory that
/// could not be read, is listed in [`Expanded::skipped`].
pub fn expand(paths: &[String]) -> Result<Expanded, ReadError> {
    let mut expanded = Expanded::default();
    for path in paths {
        if path != "-" && Path::new(path).is_dir() {
            let mut search = search_dir(path);
            if search.files.is_empty() && search.skipped.is_empty() {
                return Err(ReadError::NoScopeFiles { path: path.clone() });
            }
            expanded.files.append(&mut search.files);
            expanded.skipped.append(&mut search.skipped);
        } else {
            expanded.files.push(path.clone());
        }
    }
    Ok(expanded)
}

impl Expanded {
    /// Prints a note for each skipped path to standard error (with `quiet`,
    /// only the unreadable ones, which are problems) and gives how many
    /// could not be read.
    pub fn print_skipped(&self, quiet: bool) -> usize {
        let mut unreadable = 0;
        for skip in &self.skipped {
            unreadable += usize::from(skip.is_unreadable());
            if !quiet || skip.is_unreadable() {
                crate::runtime::write_stderr(&skip.note());
            }
        }
        unreadable
    }
}

/// The error that ends a command when `count` directories of a search
/// could not be read: what was found was checked, but not everything.
pub fn unsearched(count: usize) -> miette::Report {
    miette::miette!(
        help =
            "give comanage read access to the directories named above, or name the files to check",
        "{} could not be searched, so scope files may have been missed",
        if count == 1 {
            "1 directory".to_owned()
        } else {
            format!("{count} directories")
        }
    )
}

/// Searches one directory: every scope-named entry, without filters, then
/// the ones git's ignore rules keep.
fn search_dir(dir: &str) -> Expanded {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let everything = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .follow_links(false)
        // git's own directory holds no scope files, only objects.
        .filter_entry(|entry| entry.file_name() != ".git")
        .build();
    for entry in everything {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                skipped.push(unreadable(dir, &err));
                continue;
            }
        };
        let Some(kind) = entry.file_type() else {
            continue;
        };
        if !entry.file_name().to_str().is_some_and(is_scope_file_name) || kind.is_dir() {
            continue;
        }
        let path = entry.path().to_string_lossy().into_owned();
        if kind.is_symlink() {
            skipped.push(Skipped {
                path,
                reason: SkipReason::Symlink,
            });
        } else {
            found.push(path);
        }
    }
    let kept: std::collections::HashSet<String> = ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .hidden(true)
        .ignore(false)
        .parents(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(true)
        .require_git(true)
        .build()
        .flatten()
        .map(|entry| entry.path().to_string_lossy().into_owned())
        .collect();
    let (files, ignored): (Vec<String>, Vec<String>) =
        found.into_iter().partition(|path| kept.contains(path));
    skipped.extend(ignored.into_iter().map(|path| Skipped {
        path,
        reason: SkipReason::Ignored,
    }));
    let mut files = files;
    files.sort();
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Expanded { files, skipped }
}

/// The skip entry for a walk error (an unreadable directory, a loop).
fn unreadable(dir: &str, err: &ignore::Error) -> Skipped {
    let (path, message) = walk_error_parts(err);
    Skipped {
        path: path.unwrap_or_else(|| dir.to_owned()),
        reason: SkipReason::Unreadable(message),
    }
}

/// The path and the plain message of a walk error.
fn walk_error_parts(err: &ignore::Error) -> (Option<String>, String) {
    match err {
        ignore::Error::WithPath { path, err } => (
            Some(path.to_string_lossy().into_owned()),
            walk_error_parts(err).1,
        ),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_parts(err)
        }
        // The operating system's own words, without the walker's wrapping.
        ignore::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::PermissionDenied => (None, "permission denied".to_owned()),
            std::io::ErrorKind::NotFound => (None, "it disappeared during the search".to_owned()),
            _ => (None, io.to_string()),
        },
        other => (None, other.to_string()),
    }
}

/// The outcome of reading one file.
#[derive(Debug)]
pub enum Loaded {
    /// Parsed and schema-valid.
    Valid(Box<Document>),
    /// Read, but with parse or schema errors.
    Invalid(Rejected),
    /// Not readable at all.
    Unreadable(ReadError),
}

/// Reads and loads every file of `files` in parallel, results in the same order.
pub fn load_all(files: &[String]) -> Vec<Loaded> {
    map_files(files, load_one)
}

/// `work` on every file, in parallel when there are several, results in the
/// same order. One file runs on this thread: starting a thread pool costs
/// more than the whole check of a small scope.
pub fn map_files<T: Send>(files: &[String], work: impl Fn(&str) -> T + Sync) -> Vec<T> {
    if files.len() < 2 {
        files.iter().map(|path| work(path)).collect()
    } else {
        files.par_iter().map(|path| work(path)).collect()
    }
}

/// Reads and loads one file (`-` for standard input).
pub fn load_one(path: &str) -> Loaded {
    match load::read_bytes(path) {
        Err(err) => Loaded::Unreadable(err),
        Ok(bytes) => match load::load_bytes(&load::display_name(path), bytes) {
            Ok(document) => Loaded::Valid(Box::new(document)),
            Err(rejected) => Loaded::Invalid(rejected),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_file_names() {
        assert!(is_scope_file_name("scope.yaml"));
        assert!(is_scope_file_name("acme.scope.yaml"));
        assert!(!is_scope_file_name("scope.yaml.bak"));
        assert!(!is_scope_file_name("other.yaml"));
    }
}
