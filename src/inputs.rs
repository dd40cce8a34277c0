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

/// Expands `paths` into the files to read, in a stable order: files as given,
/// directories searched recursively for scope files (`.gitignore` respected,
/// symbolic links not followed, results sorted by path). `-` stays `-`.
pub fn expand(paths: &[String]) -> Result<Vec<String>, ReadError> {
    let mut files = Vec::new();
    for path in paths {
        if path != "-" && Path::new(path).is_dir() {
            let mut found = Vec::new();
            let walker = ignore::WalkBuilder::new(path)
                .follow_links(false)
                .hidden(true)
                .require_git(false)
                .build();
            for entry in walker.flatten() {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && entry.file_name().to_str().is_some_and(is_scope_file_name) {
                    found.push(entry.path().to_string_lossy().into_owned());
                }
            }
            if found.is_empty() {
                return Err(ReadError::NoScopeFiles { path: path.clone() });
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
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
