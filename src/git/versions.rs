//! The versions `comanage log` compares, each distinct blob read and loaded
//! once per run, in parallel, and held only as long as a comparison still
//! needs it.
//!
//! A version is named by its blob: the (abbreviated) hash `git log --raw`
//! lists, or `COMMIT:path` for a merge that lists none. Those merge names are
//! resolved to their blob first, so a blob reached by both kinds of name (a
//! merge's parent is the main line's last version) is still one entry. A
//! revert, a file moved or a branch merged back names a blob seen before:
//! the loaded scope (schema check included) is shared, never redone.
//!
//! Blobs are read ahead in batches through one `git cat-file --batch`
//! (pipelined), then loaded in parallel, and the neighbours of the batch are
//! compared in parallel too. Each blob is dropped after the last revision
//! that names it, so memory holds a window of the history, not all of it.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::history::not_downloaded;
use super::{CatFile, GitError, Revision};
use crate::diff::{self, Change};
use crate::scope::{Scope, load_bytes};

/// How many revisions are read ahead at first, and at most: small for
/// `-n 5`, large enough on a long history to keep every core busy, small
/// enough that the loaded window stays a few megabytes.
const FIRST_BATCH: usize = 8;
const MAX_BATCH: usize = 64;

/// What a version is, once read.
pub(crate) enum Loaded {
    /// The commit deleted the file.
    Deleted,
    /// The blob is missing or not a valid scope.
    Invalid,
    /// A valid scope.
    Valid(Arc<Scope>),
}

/// What a commit's version is compared with.
pub(crate) enum Before {
    /// The scope before the commit.
    Scope(Arc<Scope>),
    /// Nothing: the commit created the file.
    Nothing,
    /// Unknown: a shallow clone's history stops at this commit.
    Cut,
}

/// The cache keys of a revision's version and of its parent's version
/// (`None`: no file there).
type Keys = (Option<String>, Option<String>);

/// The versions of one history, newest first.
pub(crate) struct Versions<'a> {
    objects: CatFile,
    revisions: &'a [Revision],
    /// Per revision, the cache keys of its version and of its parent's.
    keys: Vec<Keys>,
    /// Key -> the loaded scope, `None` when missing or not a valid scope.
    scopes: HashMap<String, Option<Arc<Scope>>>,
    /// Revision -> the changes from its parent's version, compared ahead.
    changes: HashMap<usize, Vec<Change>>,
    /// Per revision, the keys no later revision names: dropped after it.
    last_used_by: Vec<Vec<String>>,
    /// Revisions before this index have their blobs read.
    read_up_to: usize,
    /// Revisions before this index have been released.
    released_up_to: usize,
    batch: usize,
    loads: usize,
}

impl<'a> Versions<'a> {
    /// The versions of `revisions`, read through `objects`. Merge names are
    /// resolved here (one pipelined request; merges are few).
    pub(crate) fn new(mut objects: CatFile, revisions: &'a [Revision]) -> Result<Self, GitError> {
        let keys = keys(&mut objects, revisions)?;
        let mut last_use: HashMap<&str, usize> = HashMap::new();
        for (i, (blob, parent)) in keys.iter().enumerate() {
            for key in [blob, parent].into_iter().flatten() {
                last_use.insert(key, i);
            }
        }
        let mut last_used_by = vec![Vec::new(); revisions.len()];
        for (key, i) in last_use {
            last_used_by[i].push(key.to_owned());
        }
        Ok(Self {
            objects,
            revisions,
            keys,
            scopes: HashMap::new(),
            changes: HashMap::new(),
            last_used_by,
            read_up_to: 0,
            released_up_to: 0,
            batch: FIRST_BATCH,
            loads: 0,
        })
    }

    /// How many blobs were loaded (parsed and checked) so far: each
    /// distinct blob once.
    pub(crate) fn loads(&self) -> usize {
        self.loads
    }

    /// Makes sure the versions of revision `i` (and a batch after it) are
    /// loaded, and the batch's commits compared with their parents.
    pub(crate) fn read_ahead(&mut self, i: usize) -> Result<(), GitError> {
        if i < self.read_up_to {
            return Ok(());
        }
        let end = (i + self.batch).min(self.revisions.len());
        self.batch = (self.batch * 2).min(MAX_BATCH);
        // Each key once, in the order of the history; the path of the
        // revision that names it first is the one diagnostics would use.
        let mut wanted: Vec<(&str, &Revision)> = Vec::new();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for (revision, (blob, parent)) in self.revisions[i..end].iter().zip(&self.keys[i..end]) {
            for key in [blob, parent].into_iter().flatten() {
                if !self.scopes.contains_key(key) && seen.insert(key) {
                    wanted.push((key, revision));
                }
            }
        }
        let names: Vec<&str> = wanted.iter().map(|(key, _)| *key).collect();
        let objects = self.objects.get_many(&names)?;
        let mut read = Vec::with_capacity(wanted.len());
        for ((key, revision), object) in wanted.into_iter().zip(objects) {
            let bytes = object.filter(|o| o.kind == "blob").map(|o| o.bytes);
            // A blob hash from `git log` names an object that must exist
            // (`COMMIT:path` names of merges may not).
            if bytes.is_none() && !key.contains(':') {
                return Err(not_downloaded(revision));
            }
            read.push((key.to_owned(), bytes, revision.path.as_str()));
        }
        self.loads += read.iter().filter(|(_, bytes, _)| bytes.is_some()).count();
        let loaded: Vec<(String, Option<Arc<Scope>>)> = read
            .into_par_iter()
            .map(|(key, bytes, path)| {
                let scope = bytes
                    .and_then(|bytes| load_bytes(path, bytes).ok())
                    .map(|document| Arc::new(document.scope));
                (key, scope)
            })
            .collect();
        self.scopes.extend(loaded);
        self.read_up_to = end;
        self.compare_ahead(i, end);
        Ok(())
    }

    /// Compares each commit of `start..end` whose version and parent's
    /// version are both valid, in parallel: the common case of a log.
    fn compare_ahead(&mut self, start: usize, end: usize) {
        let pairs: Vec<(usize, Arc<Scope>, Arc<Scope>)> = (start..end)
            .filter_map(|i| {
                let (blob, parent) = &self.keys[i];
                Some((
                    i,
                    self.scope(blob.as_deref()?)?,
                    self.scope(parent.as_deref()?)?,
                ))
            })
            .collect();
        let compared: Vec<(usize, Vec<Change>)> = pairs
            .into_par_iter()
            .map(|(i, new, old)| (i, diff::diff(&old, &new)))
            .collect();
        self.changes.extend(compared);
    }

    fn scope(&self, key: &str) -> Option<Arc<Scope>> {
        self.scopes.get(key)?.clone()
    }

    /// Revision `i`'s version (read ahead already).
    pub(crate) fn state(&self, i: usize) -> Loaded {
        match &self.keys[i].0 {
            None => Loaded::Deleted,
            Some(key) => self.scope(key).map_or(Loaded::Invalid, Loaded::Valid),
        }
    }

    /// What revision `i` is compared with: its parent's version when valid,
    /// else the nearest older valid version in the list (read as needed).
    pub(crate) fn before(&mut self, i: usize) -> Result<Before, GitError> {
        let revision = &self.revisions[i];
        let Some(parent) = &self.keys[i].1 else {
            return Ok(if revision.boundary {
                Before::Cut
            } else {
                Before::Nothing
            });
        };
        if let Some(scope) = self.scope(parent) {
            return Ok(Before::Scope(scope));
        }
        // Not compared ahead: the parent's version is not valid.
        for j in i + 1..self.revisions.len() {
            self.read_ahead(j)?;
            if let Loaded::Valid(scope) = self.state(j) {
                return Ok(Before::Scope(scope));
            }
        }
        Ok(if self.revisions.last().is_some_and(|r| r.boundary) {
            Before::Cut
        } else {
            Before::Nothing
        })
    }

    /// The changes revision `i` made from `old` (what [`Versions::before`]
    /// returned) to `new` (its version): compared ahead when `old` is its
    /// parent's version, else now.
    pub(crate) fn changes(&mut self, i: usize, old: &Scope, new: &Scope) -> Vec<Change> {
        self.changes
            .remove(&i)
            .unwrap_or_else(|| diff::diff(old, new))
    }

    /// Drops what revisions before `i` were the last to need: their
    /// versions and any comparison made ahead for them.
    pub(crate) fn release_before(&mut self, i: usize) {
        while self.released_up_to < i.min(self.revisions.len()) {
            let done = self.released_up_to;
            for key in std::mem::take(&mut self.last_used_by[done]) {
                self.scopes.remove(&key);
            }
            self.changes.remove(&done);
            self.released_up_to += 1;
        }
    }
}

/// The cache key of each revision's version and its parent's: the name
/// `git log` gave, except that a merge's `COMMIT:path` name becomes the
/// listed hash of the same blob (or the blob's full hash when no revision
/// lists it), so one blob is one key.
fn keys(objects: &mut CatFile, revisions: &[Revision]) -> Result<Vec<Keys>, GitError> {
    let names = || {
        revisions
            .iter()
            .flat_map(|r| [&r.blob, &r.parent_blob])
            .flatten()
    };
    let merge_names: Vec<&str> = names()
        .filter(|name| name.contains(':'))
        .map(String::as_str)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut resolved: HashMap<&str, String> = HashMap::new();
    if !merge_names.is_empty() {
        let hashes: BTreeSet<&str> = names()
            .filter(|name| !name.contains(':'))
            .map(String::as_str)
            .collect();
        for (name, object) in merge_names.iter().zip(objects.get_many(&merge_names)?) {
            let Some(object) = object.filter(|o| o.kind == "blob") else {
                continue; // Missing: the name stays its own key, and reads as missing.
            };
            // An abbreviated hash is a unique prefix, so the greatest listed
            // hash not after the full one is the only one that can name it.
            let listed = hashes
                .range(..=object.oid.as_str())
                .next_back()
                .filter(|hash| object.oid.starts_with(**hash));
            resolved.insert(
                name,
                listed.map_or(object.oid.clone(), |hash| (*hash).to_owned()),
            );
        }
    }
    let key = |name: &Option<String>| {
        name.as_ref().map(|name| {
            resolved
                .get(name.as_str())
                .cloned()
                .unwrap_or_else(|| name.clone())
        })
    };
    Ok(revisions
        .iter()
        .map(|r| (key(&r.blob), key(&r.parent_blob)))
        .collect())
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::process::Command;

    use super::*;
    use crate::git::Repo;

    /// Runs git in `dir` with no outside configuration.
    fn git(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Dana Ruiz")
            .env("GIT_AUTHOR_EMAIL", "dana@example.com")
            .env("GIT_COMMITTER_NAME", "Dana Ruiz")
            .env("GIT_COMMITTER_EMAIL", "dana@example.com")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }

    #[test]
    fn a_blob_named_by_several_versions_is_loaded_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let example = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/harbor-dental.scope.yaml"),
        )
        .expect("example");
        let edited = example.replace("renewal: 2027-06-30", "renewal: 2028-06-30");
        git(dir.path(), &["init", "-q", "-b", "main"]);
        for (text, message) in [(&example, "start"), (&edited, "renew"), (&example, "undo")] {
            std::fs::write(dir.path().join("scope.yaml"), text).expect("write");
            git(dir.path(), &["add", "scope.yaml"]);
            git(dir.path(), &["commit", "-q", "-m", message]);
        }
        let repo = Repo::discover(dir.path()).expect("repo");
        let mut revisions = repo
            .revisions("scope.yaml", &Default::default())
            .expect("log");
        assert_eq!(revisions.len(), 3);
        // The same blobs again under the names a merge would give them.
        let mut merge = revisions[0].clone();
        merge.blob = Some(format!("{}:scope.yaml", merge.commit));
        merge.parent_blob = Some(format!("{}^1:scope.yaml", merge.commit));
        revisions.insert(0, merge);

        let mut versions =
            Versions::new(repo.objects().expect("cat-file"), &revisions).expect("keys");
        assert_eq!(versions.keys[0], versions.keys[1]);
        for i in 0..revisions.len() {
            versions.read_ahead(i).expect("reads");
            assert!(matches!(versions.state(i), Loaded::Valid(_)));
        }
        // Four versions and six names (versions and parents), two blobs.
        assert_eq!(versions.loads(), 2);
        let undo = versions.scope(versions.keys[1].0.as_deref().unwrap_or_default());
        let start = versions.scope(versions.keys[3].0.as_deref().unwrap_or_default());
        assert!(undo.zip(start).is_some_and(|(a, b)| Arc::ptr_eq(&a, &b)));
        // Each blob is dropped after the last version that names it.
        versions.release_before(3);
        assert_eq!(versions.scopes.len(), 1);
        versions.release_before(4);
        assert!(versions.scopes.is_empty() && versions.changes.is_empty());
    }
}
