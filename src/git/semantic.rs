//! The scope's history as changes of meaning: each version compared with the
//! one before it (`comanage log`).
//!
//! Versions are read lazily, newest first, through one `git cat-file`
//! process, so `-n 5` on a long history reads a handful of blobs. A version
//! that does not validate is reported and skipped: the valid versions on
//! either side of it are compared with each other.

use rayon::prelude::*;

use super::{CatFile, GitError, HistoryOptions, Repo, Revision};
use crate::diff::{self, Change, ChangeKind};
use crate::scope::describe::segments;
use crate::scope::{Date, Scope, load_bytes};

/// Which entries [`log`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogOptions {
    /// Only commits authored on or after this date.
    pub since: Option<Date>,
    /// Only commits authored on or before this date.
    pub until: Option<Date>,
    /// At most this many entries.
    pub limit: Option<usize>,
    /// Also the commits that changed the file but not its meaning.
    pub all: bool,
    /// Follow this function (by its id at the newest commit, back through
    /// renames) and keep only its changes.
    pub function: Option<String>,
}

/// What one commit did to the scope.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The first version in the history.
    Created {
        /// Services in that version.
        services: usize,
        /// Functions in that version.
        functions: usize,
    },
    /// Changes from the previous valid version, in diff order.
    Changed(Vec<Change>),
    /// The file changed, its meaning did not (only with `all`).
    Unchanged,
    /// This version does not validate; it was skipped in comparisons.
    Invalid,
    /// The commit deleted the file.
    Deleted,
}

/// One commit of the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The commit, and the file's path and blob there.
    pub revision: Revision,
    /// What it did to the scope.
    pub outcome: Outcome,
    /// With [`LogOptions::function`], the function's id at this commit.
    pub function: Option<String>,
}

/// The commits that changed the meaning of `path` (relative to the
/// repository root, named as at `HEAD`), newest first. Fails with
/// [`GitError::Shallow`] when an entry would claim the scope was created at
/// the commit where a shallow clone cut the history off.
pub fn log(repo: &Repo, path: &str, options: &LogOptions) -> Result<Vec<Entry>, GitError> {
    let history = HistoryOptions {
        until: options.until,
        ..HistoryOptions::default()
    };
    let revisions = repo.revisions(path, &history)?;
    let cut_off = revisions.last().is_some_and(|r| r.boundary);
    let mut versions = Versions {
        objects: repo.objects()?,
        revisions: &revisions,
        states: (0..revisions.len()).map(|_| None).collect(),
        batch: FIRST_BATCH,
    };
    // The followed function's id at the commit being read.
    let mut tracked = options.function.clone();
    let mut entries = Vec::new();
    for (i, revision) in revisions.iter().enumerate() {
        if options.limit.is_some_and(|limit| entries.len() >= limit) {
            break;
        }
        let in_range = options.since.is_none_or(|since| revision.date >= since);
        // Older commits still matter when following a function: its
        // renames must be traced through them.
        if !in_range && options.function.is_none() {
            continue;
        }
        let id_here = tracked.clone();
        // Following a function, a broken or deleted file is context, not
        // one of its changes: shown with `all` only.
        let context = options.all || options.function.is_none();
        let outcome = match versions.load(i)? {
            Loaded::Deleted => context.then_some(Outcome::Deleted),
            Loaded::Invalid => context.then_some(Outcome::Invalid),
            Loaded::Valid => match versions.previous_valid(i)? {
                None if cut_off => {
                    return Err(GitError::Shallow {
                        path: path.to_owned(),
                    });
                }
                None => versions
                    .scope(i)
                    .and_then(|scope| created(scope, tracked.as_deref())),
                Some(j) => {
                    let (old, new) = (versions.scope(j), versions.scope(i));
                    let (Some(old), Some(new)) = (old, new) else {
                        continue;
                    };
                    let mut changes = diff::diff(old, new);
                    if let Some(id) = tracked.take() {
                        changes.retain(|c| concerns(c, &id, old, new));
                        tracked = id_before(&changes, id);
                    }
                    if !changes.is_empty() {
                        Some(Outcome::Changed(changes))
                    } else {
                        options.all.then_some(Outcome::Unchanged)
                    }
                }
            },
        };
        if let Some(outcome) = outcome.filter(|_| in_range) {
            entries.push(Entry {
                revision: revision.clone(),
                outcome,
                function: id_here,
            });
        }
        if options.function.is_some() && tracked.is_none() {
            break;
        }
    }
    Ok(entries)
}

/// The outcome for the oldest version: created, unless a followed function
/// is not in it.
fn created(scope: &Scope, function: Option<&str>) -> Option<Outcome> {
    if let Some(id) = function
        && !scope.functions().any(|(_, f, _)| f == id)
    {
        return None;
    }
    Some(Outcome::Created {
        services: scope.services.len(),
        functions: scope.functions().count(),
    })
}

/// The function id of a pointer under `/services/S/functions/ID`.
fn function_id(pointer: &str) -> Option<String> {
    let parts = segments(pointer);
    match parts.as_slice() {
        [services, _, functions, id, ..] if services == "services" && functions == "functions" => {
            Some(id.clone())
        }
        _ => None,
    }
}

/// The service id of a pointer `/services/S`.
fn service_id(pointer: &str) -> Option<String> {
    match segments(pointer).as_slice() {
        [services, id] if services == "services" => Some(id.clone()),
        _ => None,
    }
}

/// Whether `change` (from `old` to `new`) concerns function `id` (its id
/// in `new`): it points into the function, or adds or removes the service
/// that holds it.
fn concerns(change: &Change, id: &str, old: &Scope, new: &Scope) -> bool {
    let at = |pointer: &str| function_id(pointer).as_deref() == Some(id);
    if at(&change.pointer) || change.old_pointer.as_deref().is_some_and(at) {
        return true;
    }
    let holds = |scope: &Scope, service: &str| {
        scope
            .services
            .get(service)
            .is_some_and(|s| s.functions.contains_key(id))
    };
    match (change.kind, service_id(&change.pointer)) {
        (ChangeKind::ServiceAdded, Some(service)) => holds(new, &service),
        (ChangeKind::ServiceRemoved, Some(service)) => holds(old, &service),
        _ => false,
    }
}

/// The followed function's id in the older version, given its id `id` in
/// the newer one and the changes between them: the old id after a rename,
/// `None` once the function was added here.
fn id_before(changes: &[Change], id: String) -> Option<String> {
    for change in changes {
        match change.kind {
            ChangeKind::FunctionRenamed => {
                if let Some(old) = change.old_pointer.as_deref().and_then(function_id) {
                    return Some(old);
                }
            }
            ChangeKind::FunctionAdded | ChangeKind::ServiceAdded => return None,
            _ => {}
        }
    }
    Some(id)
}

/// Whether a version could be read as a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Loaded {
    Deleted,
    Invalid,
    Valid,
}

/// How many versions are read ahead at first, and at most: small for
/// `-n 5`, large enough on a long history to keep every core busy.
const FIRST_BATCH: usize = 8;
const MAX_BATCH: usize = 256;

/// The versions of the history, each read and loaded at most once.
struct Versions<'a> {
    objects: CatFile,
    revisions: &'a [Revision],
    /// `None`: not read yet; `Some(None)`: deleted or not a valid scope.
    states: Vec<Option<Option<Scope>>>,
    batch: usize,
}

impl Versions<'_> {
    /// Reads and loads version `i` if not done yet.
    fn load(&mut self, i: usize) -> Result<Loaded, GitError> {
        if self.states[i].is_none() {
            self.read_ahead(i)?;
        }
        Ok(match (&self.revisions[i].blob, &self.states[i]) {
            (None, _) => Loaded::Deleted,
            (Some(_), Some(Some(_))) => Loaded::Valid,
            _ => Loaded::Invalid,
        })
    }

    /// Reads the blobs of a batch of versions from `from` on (one process,
    /// in order), then parses them in parallel: parsing is most of the
    /// work of a long log.
    fn read_ahead(&mut self, from: usize) -> Result<(), GitError> {
        let end = (from + self.batch).min(self.revisions.len());
        self.batch = (self.batch * 2).min(MAX_BATCH);
        let mut read = Vec::with_capacity(end - from);
        for j in from..end {
            if self.states[j].is_some() {
                continue;
            }
            let bytes = match &self.revisions[j].blob {
                None => None,
                Some(name) => {
                    Some(
                        self.objects
                            .blob(name)?
                            .ok_or_else(|| GitError::Unexpected {
                                command: "cat-file".to_owned(),
                                detail: format!("object {name} is missing"),
                            })?,
                    )
                }
            };
            read.push((j, bytes));
        }
        let revisions = self.revisions;
        let loaded: Vec<(usize, Option<Scope>)> = read
            .into_par_iter()
            .map(|(j, bytes)| {
                let scope = bytes
                    .and_then(|bytes| load_bytes(&revisions[j].path, bytes).ok())
                    .map(|document| document.scope);
                (j, scope)
            })
            .collect();
        for (j, scope) in loaded {
            self.states[j] = Some(scope);
        }
        Ok(())
    }

    /// The nearest older version than `i` that is a valid scope.
    fn previous_valid(&mut self, i: usize) -> Result<Option<usize>, GitError> {
        for j in i + 1..self.revisions.len() {
            if self.load(j)? == Loaded::Valid {
                return Ok(Some(j));
            }
        }
        Ok(None)
    }

    /// Version `i` as a scope, when loaded and valid.
    fn scope(&self, i: usize) -> Option<&Scope> {
        self.states.get(i)?.as_ref()?.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_pointers() {
        assert_eq!(
            function_id("/services/security/functions/patching/owner").as_deref(),
            Some("patching")
        );
        assert_eq!(
            function_id("/services/security/functions/patching").as_deref(),
            Some("patching")
        );
        assert_eq!(function_id("/services/security/owner"), None);
        assert_eq!(function_id("/parties/msp"), None);
        assert_eq!(
            service_id("/services/security").as_deref(),
            Some("security")
        );
        assert_eq!(service_id("/services/security/owner"), None);
    }
}
