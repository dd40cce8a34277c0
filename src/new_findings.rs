//! `lint --new-from-rev REV`: keep only the findings the scope at `REV` did
//! not have (DESIGN.md section 3, CI integrations).
//!
//! The scope file is read as it was at `REV` (following git's rename
//! history) and linted with the same options. Its findings are matched with
//! today's by (rule, pointer), after translating old pointers through the
//! renames and moves [`crate::diff`] detects, so an old finding on a function
//! that was renamed or moved is not new. Each old finding matches at most one
//! new one. A file that did not exist at `REV` makes every finding new.

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::git::{GitError, Repo};
use crate::lint::{self, LintOptions};
use crate::scope::{self, Scope};

/// The findings of one scope file at the base revision, with pointers
/// already in today's terms.
#[derive(Debug, Default)]
pub struct Baseline {
    /// How many old findings each (rule, pointer) has left to match.
    known: HashMap<(String, String), usize>,
}

impl Baseline {
    /// The baseline of the scope file `path` (as on the command line) at
    /// `rev`, compared with `current` (today's scope, when it loads).
    /// Empty when the file did not exist at `rev`.
    pub fn at(
        path: &str,
        rev: &str,
        current: Option<&Scope>,
        options: &LintOptions,
    ) -> Result<Self, GitError> {
        let (repo, in_repo) = Repo::for_file(path)?;
        let bytes = match repo.read_at(rev, &in_repo) {
            Ok(blob) => blob.bytes,
            Err(GitError::FileAbsent { .. }) => return Ok(Self::default()),
            Err(err) => return Err(err),
        };
        let (old_scope, old_findings) = match scope::load_bytes(path, bytes) {
            Ok(document) => {
                let findings = lint::check(&document, options);
                (Some(document.scope), findings)
            }
            Err(rejected) => (None, rejected.diagnostics),
        };
        let relocations = match (old_scope.as_ref(), current) {
            (Some(old), Some(new)) => relocations(old, new),
            _ => Vec::new(),
        };
        Ok(Self::of(&old_findings, &relocations))
    }

    /// The baseline of `old` findings, their pointers moved by `relocations`
    /// (`(old prefix, new prefix)`).
    fn of(old: &[Diagnostic], relocations: &[(String, String)]) -> Self {
        let mut known = HashMap::new();
        for finding in old {
            let pointer = translate(&finding.pointer, relocations);
            *known.entry((finding.rule.clone(), pointer)).or_insert(0) += 1;
        }
        Self { known }
    }

    /// Drops from `findings` every one the baseline already had.
    pub fn retain_new(&mut self, findings: &mut Vec<Diagnostic>) {
        findings.retain(|finding| {
            let key = (finding.rule.clone(), finding.pointer.clone());
            match self.known.get_mut(&key) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    false
                }
                _ => true,
            }
        });
    }
}

/// `(old pointer, new pointer)` of everything `diff` found renamed or moved
/// from `old` to `new`, longest old pointer first (so a function's move wins
/// over its service's).
fn relocations(old: &Scope, new: &Scope) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = crate::diff::diff(old, new)
        .into_iter()
        .filter_map(|change| change.old_pointer.map(|from| (from, change.pointer)))
        .collect();
    out.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
    out
}

/// `pointer` with the first relocation whose old pointer it lies inside
/// applied.
fn translate(pointer: &str, relocations: &[(String, String)]) -> String {
    for (from, to) in relocations {
        if let Some(rest) = pointer.strip_prefix(from.as_str())
            && (rest.is_empty() || rest.starts_with('/'))
        {
            return format!("{to}{rest}");
        }
    }
    pointer.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn finding(rule: &str, pointer: &str) -> Diagnostic {
        Diagnostic::error(rule, "m", Span::new(0, 0)).with_pointer(pointer)
    }

    #[test]
    fn pointers_follow_relocations_at_segment_boundaries() {
        let moves = [(
            "/services/s/functions/a".to_owned(),
            "/services/t/functions/b".to_owned(),
        )];
        assert_eq!(
            translate("/services/s/functions/a/backup", &moves),
            "/services/t/functions/b/backup"
        );
        assert_eq!(
            translate("/services/s/functions/a", &moves),
            "/services/t/functions/b"
        );
        assert_eq!(
            translate("/services/s/functions/ab", &moves),
            "/services/s/functions/ab"
        );
    }

    #[test]
    fn each_old_finding_matches_one_new_finding() {
        let mut baseline = Baseline::of(&[finding("unknown-party", "/x")], &[]);
        let mut now = vec![
            finding("unknown-party", "/x"),
            finding("unknown-party", "/x"),
            finding("missing-backup", "/x"),
        ];
        baseline.retain_new(&mut now);
        let left: Vec<&str> = now.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(left, ["unknown-party", "missing-backup"]);
    }
}
