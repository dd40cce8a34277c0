//! What one argument of `comanage diff` names: a file on disk, `REV:path`,
//! or a revision of the scope file.

use std::path::Path;

use super::{GitError, Repo};
use crate::scope::load::{display_name, read_bytes};

/// The label and content of the scope version `spec` names, for
/// `comanage diff` arguments; `file` is the `-f` path. The rule, in order:
///
/// 1. `-`, or a path naming an existing file: that file, read from disk
///    (a file wins over a revision of the same name; write `REV:path` or
///    `REV^{commit}` to mean the revision).
/// 2. `REV:path`: the blob at that revision, the path relative to the
///    repository root as in git, or to the current directory when it starts
///    with `./` or `../`. `:path` keeps git's meaning: the file as staged.
/// 3. `REV`: the scope file `file` (named as in the work tree) as it was at
///    `REV`, following git's rename history. git's `:/text` (the newest
///    commit whose message contains `text`) is such a revision.
///
/// The label is `spec` itself for 1 and 2, and `REV:path-at-REV` for 3.
/// Revisions reach git only through the standard input of `git cat-file`,
/// so one starting with `-` is never taken as an option.
pub fn resolve(spec: &str, file: &str) -> Result<(String, Vec<u8>), GitError> {
    resolve_in(Path::new("."), spec, file)
}

/// [`resolve`] with relative paths taken from `dir` instead of the current
/// directory.
pub fn resolve_in(dir: &Path, spec: &str, file: &str) -> Result<(String, Vec<u8>), GitError> {
    // Anything on disk but a directory is a file argument, so a FIFO or a
    // device is refused as such instead of being taken for a revision.
    let on_disk = dir.join(spec).metadata().is_ok_and(|m| !m.is_dir());
    if spec == "-" || (!spec.is_empty() && on_disk) {
        return read_working_in(dir, spec);
    }
    if spec.is_empty() {
        return Err(unknown(spec, "give a revision, `REV:path`, or a file path"));
    }
    if spec.starts_with(':') && !spec.starts_with(":/") {
        // Git's own `:path` form: the file as staged in the index.
        let repo = Repo::discover(dir)?;
        return match repo.objects()?.blob(spec)? {
            Some(bytes) => Ok((spec.to_owned(), bytes)),
            None => Err(unknown(
                spec,
                "no file is staged under that name: `:path` reads the index, with the path relative to the repository root",
            )),
        };
    }
    let commit_search = spec.starts_with(":/");
    if let Some((rev, path)) = spec.split_once(':').filter(|_| !commit_search) {
        let repo = Repo::discover(dir)?;
        let path = if path.starts_with("./") || path.starts_with("../") {
            repo.path_in_repo(&dir.join(path))?
        } else {
            path.trim_start_matches('/').to_owned()
        };
        let mut objects = repo.objects()?;
        let commit = repo.commit(&mut objects, rev)?;
        return match objects.blob(&format!("{commit}:{path}"))? {
            Some(bytes) => Ok((spec.to_owned(), bytes)),
            None => Err(repo.check_downloaded(&commit, &path).err().unwrap_or(GitError::FileAbsent {
                rev: rev.to_owned(),
                help: format!(
                    "paths after `:` are relative to the repository root (start with ./ for the current directory); list the files with `git ls-tree -r --name-only {rev}`"
                ),
                path,
            })),
        };
    }
    let (repo, path) = Repo::for_file_in(dir, file)?;
    match repo.read_at(spec, &path) {
        Ok(blob) => Ok((format!("{spec}:{}", blob.path_at_rev), blob.bytes)),
        Err(GitError::UnknownRevision { rev, help }) if looks_like_path(spec) => {
            Err(GitError::UnknownRevision {
                help: format!("there is no file `{rev}` either; check the path. Or: {help}"),
                rev,
            })
        }
        Err(err) => Err(err),
    }
}

/// The working-tree side of a comparison: `file` read from disk (`-` is
/// standard input), labelled with its name.
pub fn read_working(file: &str) -> Result<(String, Vec<u8>), GitError> {
    read_working_in(Path::new("."), file)
}

fn read_working_in(dir: &Path, file: &str) -> Result<(String, Vec<u8>), GitError> {
    let bytes = if file == "-" {
        read_bytes(file)?
    } else {
        read_bytes(&under(dir, file).to_string_lossy())?
    };
    Ok((display_name(file), bytes))
}

/// `file` relative to `dir`, unchanged for the current directory so
/// messages show the path as the user wrote it.
fn under(dir: &Path, file: &str) -> std::path::PathBuf {
    if dir == Path::new(".") {
        file.into()
    } else {
        dir.join(file)
    }
}

fn unknown(rev: &str, help: &str) -> GitError {
    GitError::UnknownRevision {
        rev: rev.to_owned(),
        help: help.to_owned(),
    }
}

/// Whether `spec` was more likely meant as a file than a revision.
fn looks_like_path(spec: &str) -> bool {
    !spec.starts_with(":/")
        && (spec.contains('/') || spec.ends_with(".yaml") || spec.ends_with(".yml"))
}
