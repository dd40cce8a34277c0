//! The versions of one file through git history, following renames.
//!
//! One `git log --follow --raw -z` lists every commit that touched the file
//! with the blob hash of each version; one `git cat-file --batch` then reads
//! the blobs. `--raw` rather than `--name-status`: it carries the same status
//! letters and paths, plus the blob hashes, so no path has to be looked up a
//! second time.

use std::collections::HashSet;

use super::process::{failed, git, run};
use super::{GitError, Repo};
use crate::scope::Date;

const NAME: &str = "log";

/// Which versions [`Repo::history`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HistoryOptions {
    /// Only commits authored on or after this date.
    pub since: Option<Date>,
    /// Only commits authored on or before this date.
    pub until: Option<Date>,
    /// At most this many versions (the newest).
    pub limit: Option<usize>,
}

impl HistoryOptions {
    fn admits(&self, date: Date) -> bool {
        self.since.is_none_or(|since| date >= since) && self.until.is_none_or(|until| date <= until)
    }
}

/// A commit that changed the file, before its content is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The commit's full hash.
    pub commit: String,
    /// The commit's abbreviated hash.
    pub short: String,
    /// The author's name, as written in the commit (untrusted text).
    pub author: String,
    /// The day the commit was authored, in the author's time zone.
    pub date: Date,
    /// The first line of the commit message (untrusted text).
    pub subject: String,
    /// The file's path at this commit, relative to the repository root.
    pub path: String,
    /// The object name of the file's content at this commit (a blob hash,
    /// or `COMMIT:path`), `None` when the commit deleted the file.
    pub blob: Option<String>,
    /// The object name of the file's content in the commit's (first)
    /// parent, `None` when the commit added the file: what this commit
    /// changed is `parent_blob` to `blob`, even when branches interleave.
    pub parent_blob: Option<String>,
    /// Whether this commit is where a shallow clone's history is cut off:
    /// what came before it is unknown.
    pub boundary: bool,
}

/// One version of the file in its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The commit's full hash.
    pub commit: String,
    /// The commit's abbreviated hash.
    pub short: String,
    /// The author's name (untrusted text).
    pub author: String,
    /// The day the commit was authored.
    pub date: Date,
    /// The first line of the commit message (untrusted text).
    pub subject: String,
    /// The file's path at this commit, relative to the repository root.
    pub path: String,
    /// The file's content, `None` when the commit deleted it.
    pub bytes: Option<Vec<u8>>,
}

impl Repo {
    /// The commits that changed `path` (relative to the repository root,
    /// named as at `HEAD`), newest first, following renames, filtered by
    /// `options`; contents not read yet. One `git log` process.
    pub fn revisions(
        &self,
        path: &str,
        options: &HistoryOptions,
    ) -> Result<Vec<Revision>, GitError> {
        let mut cmd = git(self.root());
        cmd.args([
            NAME,
            "--follow",
            "--raw",
            "-z",
            "--no-color",
            "--no-show-signature",
            "--no-ext-diff",
            "--no-textconv",
            "--format=%x1e%H%x1f%h%x1f%an%x1f%aI%x1f%s",
        ]);
        // The dates are filtered here, on the author date shown; git's own
        // --since stops at the first older committer date and could drop
        // commits out of order.
        if let (Some(limit), None, None) = (options.limit, options.since, options.until) {
            cmd.arg(format!("--max-count={limit}"));
        }
        cmd.args(["HEAD", "--", path]);
        let out = run(cmd, NAME)?;
        if !out.success {
            if out.stderr.contains("does not have any commits yet") {
                return Ok(Vec::new());
            }
            return Err(failed(NAME, &out.stderr));
        }
        let boundaries = self.shallow_boundaries()?;
        let mut revisions = parse_log(&out.stdout, path)?;
        for revision in &mut revisions {
            revision.boundary = boundaries.contains(&revision.commit);
        }
        let mut kept: Vec<Revision> = revisions
            .into_iter()
            .filter(|revision| options.admits(revision.date))
            .collect();
        if let Some(limit) = options.limit {
            kept.truncate(limit);
        }
        Ok(kept)
    }

    /// The versions of `path` (named as at `HEAD`), newest first, following
    /// renames, with their contents: one `git log` and one `git cat-file`
    /// process whatever the length of the history. Fails with
    /// [`GitError::Shallow`] when the versions asked for reach back to where
    /// a shallow clone cut the history off.
    pub fn history(&self, path: &str, options: &HistoryOptions) -> Result<Vec<Version>, GitError> {
        let revisions = self.revisions(path, options)?;
        if revisions.iter().any(|revision| revision.boundary) {
            return Err(GitError::Shallow {
                path: path.to_owned(),
            });
        }
        // One pipelined request for every blob (deleted versions have none).
        let names: Vec<&str> = revisions.iter().filter_map(|r| r.blob.as_deref()).collect();
        let mut objects = self.objects()?.get_many(&names)?.into_iter();
        let mut versions = Vec::with_capacity(revisions.len());
        for revision in revisions {
            let bytes = match &revision.blob {
                Some(_) => Some(
                    objects
                        .next()
                        .flatten()
                        .filter(|object| object.kind == "blob")
                        .map(|object| object.bytes)
                        .ok_or_else(|| not_downloaded(&revision))?,
                ),
                None => None,
            };
            versions.push(Version {
                commit: revision.commit,
                short: revision.short,
                author: revision.author,
                date: revision.date,
                subject: revision.subject,
                path: revision.path,
                bytes,
            });
        }
        Ok(versions)
    }

    /// The commits where a shallow clone's history stops (empty for a full
    /// clone).
    fn shallow_boundaries(&self) -> Result<HashSet<String>, GitError> {
        if !self.is_shallow() {
            return Ok(HashSet::new());
        }
        let mut cmd = git(self.root());
        cmd.args(["rev-parse", "--git-path", "shallow"]);
        let out = run(cmd, "rev-parse")?;
        if !out.success {
            return Err(failed("rev-parse", &out.stderr));
        }
        let file = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let text = std::fs::read_to_string(self.root().join(file)).unwrap_or_default();
        Ok(text.lines().map(str::to_owned).collect())
    }
}

/// The error for a version whose blob, listed by `git log`, is not in the
/// repository: a partial clone that never downloaded it.
pub(crate) fn not_downloaded(revision: &Revision) -> GitError {
    GitError::NotDownloaded {
        path: revision.path.clone(),
        commit: revision.short.clone(),
    }
}

/// Parses `git log -z --raw` output with headers
/// `\x1e<hash>\x1f<short>\x1f<author>\x1f<date>\x1f<subject>`; `path` is the
/// file's name at the newest commit.
pub(crate) fn parse_log(out: &[u8], path: &str) -> Result<Vec<Revision>, GitError> {
    let text = String::from_utf8_lossy(out);
    let mut tokens = text.split('\0').peekable();
    let mut revisions = Vec::new();
    // The file's name at the commit being read: renames change it as the
    // log goes back in time.
    let mut name = path.to_owned();
    while let Some(token) = tokens.next() {
        let token = token.trim_start_matches('\n');
        if token.is_empty() {
            continue;
        }
        let Some(header) = token.strip_prefix('\x1e') else {
            return Err(GitError::unexpected(
                NAME,
                format!("expected a commit, found `{token}`"),
            ));
        };
        let mut revision = parse_header(header)?;
        let mut entry: Option<RawEntry> = None;
        // The raw entries of this commit: `:modes blobs STATUS`, then one
        // path, or two (source, destination) for renames and copies.
        while let Some(raw) = tokens.peek().map(|t| t.trim_start_matches('\n')) {
            let Some(fields) = raw.strip_prefix(':') else {
                break;
            };
            let fields: Vec<&str> = fields.split(' ').collect();
            tokens.next();
            let [_, _, old_blob, new_blob, status] = fields[..] else {
                return Err(GitError::unexpected(NAME, format!("bad raw entry `{raw}`")));
            };
            let letter = status.chars().next().unwrap_or('M');
            let first = tokens.next().unwrap_or_default().to_owned();
            let (source, dest) = if matches!(letter, 'R' | 'C') {
                (Some(first), tokens.next().unwrap_or_default().to_owned())
            } else {
                (None, first)
            };
            if entry.as_ref().is_none_or(|_| dest == name) {
                entry = Some(RawEntry {
                    letter,
                    source,
                    dest,
                    old: object(old_blob),
                    new: object(new_blob),
                });
            }
        }
        match entry {
            Some(entry) => {
                revision.blob = entry.new.filter(|_| entry.letter != 'D');
                revision.parent_blob = entry.old.filter(|_| entry.letter != 'A');
                revision.path = entry.dest;
                if let Some(source) = entry.source.filter(|_| entry.letter == 'R') {
                    name = source;
                }
            }
            // A merge that changed the file shows no entry: read the file
            // by its name at that commit and at its first parent.
            None => {
                revision.blob = Some(format!("{}:{name}", revision.commit));
                revision.parent_blob = Some(format!("{}^1:{name}", revision.commit));
                revision.path = name.clone();
            }
        }
        revisions.push(revision);
    }
    Ok(revisions)
}

/// One `--raw` line of the file.
struct RawEntry {
    letter: char,
    source: Option<String>,
    dest: String,
    old: Option<String>,
    new: Option<String>,
}

/// A blob hash from a raw line; `None` for the all-zero "no file" hash.
/// Old gits end abbreviated hashes with "...".
fn object(hash: &str) -> Option<String> {
    let hash = hash.trim_end_matches('.');
    (!hash.is_empty() && hash.bytes().any(|b| b != b'0')).then(|| hash.to_owned())
}

fn parse_header(header: &str) -> Result<Revision, GitError> {
    let fields: Vec<&str> = header.splitn(5, '\x1f').collect();
    let [commit, short, author, date, subject] = fields[..] else {
        return Err(GitError::unexpected(
            NAME,
            format!("bad commit header `{header}`"),
        ));
    };
    let date: Date = date
        .get(..10)
        .and_then(|day| day.parse().ok())
        .ok_or_else(|| GitError::unexpected(NAME, format!("bad date `{date}`")))?;
    Ok(Revision {
        commit: commit.to_owned(),
        short: short.to_owned(),
        author: author.to_owned(),
        date,
        subject: subject.to_owned(),
        path: String::new(),
        blob: None,
        parent_blob: None,
        boundary: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "1111111111111111111111111111111111111111";
    const B: &str = "2222222222222222222222222222222222222222";
    const Z: &str = "0000000000000000000000000000000000000000";

    fn header(commit: &str, subject: &str) -> String {
        format!(
            "\x1e{commit}\x1f{}\x1fAda\x1f2026-03-04T10:00:00+01:00\x1f{subject}\0",
            &commit[..7]
        )
    }

    #[test]
    fn renames_deletions_and_merges() {
        let log = format!(
            "{}\n:100644 000000 {B} {Z} D\0d/t.yaml\0{}\n:100644 100644 {A} {B} R100\0s.yaml\0d/t.yaml\0{}{}\n:000000 100644 {Z} {A} A\0s.yaml\0",
            header(B, "delete"),
            header(A, "move \x1f it"),
            header(B, "merge"),
            header(A, "create"),
        );
        let revisions = parse_log(log.as_bytes(), "d/t.yaml").unwrap();
        let summary: Vec<_> = revisions
            .iter()
            .map(|r| {
                (
                    r.subject.as_str(),
                    r.path.as_str(),
                    r.blob.clone(),
                    r.parent_blob.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("delete", "d/t.yaml", None, Some(B.to_owned())),
                (
                    "move \x1f it",
                    "d/t.yaml",
                    Some(B.to_owned()),
                    Some(A.to_owned())
                ),
                (
                    "merge",
                    "s.yaml",
                    Some(format!("{B}:s.yaml")),
                    Some(format!("{B}^1:s.yaml"))
                ),
                ("create", "s.yaml", Some(A.to_owned()), None),
            ]
        );
        assert_eq!(revisions[0].date.to_string(), "2026-03-04");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(parse_log(b"nonsense", "x").is_err());
        assert!(parse_log(b"\x1eonly-a-hash\0", "x").is_err());
        assert!(parse_log(format!("{}:bad\0", header(A, "s")).as_bytes(), "x").is_err());
        assert!(parse_log(b"", "x").unwrap().is_empty());
    }
}
