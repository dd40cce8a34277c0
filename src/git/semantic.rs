//! The scope's history as changes of meaning: each version compared with the
//! one before it (`comanage log`).
//!
//! Each commit is compared with the file as it was in its parent (not with
//! the previous commit in the list, which on interleaved branches is
//! another line of work). A version that does not validate is reported and
//! skipped: a commit whose parent version is invalid is compared with the
//! next older valid version in the list instead.
//!
//! Versions are read lazily, newest first, through one `git cat-file`
//! process, so `-n 5` on a long history reads a handful of blobs; each
//! distinct blob is loaded once, in parallel with the others (see
//! [`super::versions`]).

use super::versions::{Before, Loaded, Versions};
use super::{GitError, HistoryOptions, Repo, Revision};
use crate::diff::{Change, ChangeKind};
use crate::scope::describe::segments;
use crate::scope::{Date, Scope};

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

/// The log of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Log {
    /// The entries, newest first.
    pub entries: Vec<Entry>,
    /// Whether the log stopped early at the commit where a shallow clone
    /// cut the history off (what that commit changed is unknown).
    pub cut_off: bool,
    /// How many versions were loaded (parsed and checked against the
    /// schema): each distinct blob the log needed, once.
    pub loads: usize,
}

/// The commits that changed the meaning of `path` (relative to the
/// repository root, named as at `HEAD`), newest first. In a shallow clone
/// the log stops, with [`Log::cut_off`] set, where an entry would have to
/// compare with history that is not there.
pub fn log(repo: &Repo, path: &str, options: &LogOptions) -> Result<Log, GitError> {
    let history = HistoryOptions {
        until: options.until,
        ..HistoryOptions::default()
    };
    let revisions = repo.revisions(path, &history)?;
    let mut versions = Versions::new(repo.objects()?, &revisions)?;
    // The followed function's id at the commit being read.
    let mut tracked = options.function.clone();
    // Following a function, a broken or deleted file is context, not one
    // of its changes: shown with `all` only.
    let context = options.all || options.function.is_none();
    let mut entries = Vec::new();
    for (i, revision) in revisions.iter().enumerate() {
        versions.release_before(i);
        if options.limit.is_some_and(|limit| entries.len() >= limit) {
            break;
        }
        let in_range = options.since.is_none_or(|since| revision.date >= since);
        // Older commits still matter when following a function: its
        // renames must be traced through them.
        if !in_range && options.function.is_none() {
            continue;
        }
        versions.read_ahead(i)?;
        let id_here = tracked.clone();
        let outcome = match versions.state(i) {
            Loaded::Deleted => context.then_some(Outcome::Deleted),
            Loaded::Invalid => context.then_some(Outcome::Invalid),
            Loaded::Valid(new) => match versions.before(i)? {
                Before::Scope(old) => {
                    let changes = versions.changes(i, &old, &new);
                    compare(changes, &old, &new, &mut tracked, options.all)
                }
                // Out of the asked range, missing history does not matter.
                Before::Cut if !in_range => break,
                Before::Cut => {
                    return Ok(Log {
                        entries,
                        cut_off: true,
                        loads: versions.loads(),
                    });
                }
                Before::Nothing => created(&new, tracked.as_deref()),
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
    Ok(Log {
        entries,
        cut_off: false,
        loads: versions.loads(),
    })
}

/// The outcome of a commit that turned `old` into `new` by `changes`; when
/// following a function, only its changes, and `tracked` becomes its id in
/// `old`.
fn compare(
    mut changes: Vec<Change>,
    old: &Scope,
    new: &Scope,
    tracked: &mut Option<String>,
    all: bool,
) -> Option<Outcome> {
    if let Some(id) = tracked.take() {
        changes.retain(|c| concerns(c, &id, old, new));
        *tracked = id_before(&changes, id);
    }
    if changes.is_empty() {
        all.then_some(Outcome::Unchanged)
    } else {
        Some(Outcome::Changed(changes))
    }
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
