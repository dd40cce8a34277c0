//! `report --since`: the older scope to compare with, named by a revision,
//! `REV:path`, a file, or a date (`YYYY-MM-DD` that names no revision: the
//! scope as the last commit on or before that day left it).

use crate::findings;
use crate::git::{GitError, HistoryOptions, Repo};
use crate::report::SinceChange;
use crate::report::since::{self, Since};
use crate::runtime::{GlobalArgs, write_stderr};
use crate::scope::{Date, Scope, load_bytes};

/// What changed in `scope` (the file `path`) since `rev`, and where that
/// comparison starts; `None` (its problems printed) when the scope does not
/// validate at `rev`, which is a problem of the scope (exit 1), not a failure
/// to run.
pub fn changes_since(
    rev: &str,
    path: &str,
    scope: &Scope,
    global: &GlobalArgs,
) -> miette::Result<Option<(Since, Vec<SinceChange>)>> {
    let (label, bytes, date) = match crate::git::resolve(rev, path) {
        Ok((label, bytes)) => (label, bytes, commit_day(rev, path)),
        Err(GitError::UnknownRevision { .. }) if rev.parse::<Date>().is_ok() => {
            let day: Date = rev.parse().map_err(|e: String| miette::miette!("{e}"))?;
            let (label, bytes, date) = as_of(day, path)?;
            (label, bytes, Some(date))
        }
        Err(err) => return Err(err.into()),
    };
    let old = match load_bytes(&label, bytes) {
        Ok(old) => old,
        Err(rejected) => {
            write_stderr(&findings::render_rejected(
                rejected,
                global.color.for_stderr(),
            ));
            if !global.quiet {
                crate::runtime::print_error(
                    &miette::miette!(
                        help = "pick a revision where the scope validates (`comanage log --all` shows them)",
                        "no report: cannot compare with {}: the scope does not validate there",
                        crate::terminal::sanitize(&label)
                    ),
                    global.color,
                );
            }
            return Ok(None);
        }
    };
    let changes = since::changes(crate::diff::diff(&old.scope, scope), &old.scope, scope);
    Ok(Some((
        Since {
            rev: rev.to_owned(),
            date,
        },
        changes,
    )))
}

/// The scope `path` as the last commit on or before `day` left it: its
/// label (`abc1234:path`), content and the commit's day.
fn as_of(day: Date, path: &str) -> miette::Result<(String, Vec<u8>, Date)> {
    let (repo, in_repo) = Repo::for_file(path)?;
    let options = HistoryOptions {
        until: Some(day),
        ..HistoryOptions::default()
    };
    let revisions = repo.revisions(&in_repo, &options)?;
    let none = || {
        miette::miette!(
            help = "`comanage log` lists the commits of the scope with their dates",
            "no commit of {} on or before {day}, and `{day}` names no revision",
            crate::terminal::sanitize(path)
        )
    };
    let first = revisions.first().ok_or_else(none)?;
    let blob = first.blob.as_deref().ok_or_else(none)?;
    let bytes = repo.objects()?.blob(blob)?.ok_or_else(none)?;
    Ok((format!("{}:{}", first.short, first.path), bytes, first.date))
}

/// The day the commit that `rev` names was authored, in its author's time
/// zone; `None` for a file on disk or when git cannot say.
fn commit_day(rev: &str, path: &str) -> Option<Date> {
    if rev == "-" || std::path::Path::new(rev).is_file() {
        return None;
    }
    let commit = match rev.split_once(':') {
        Some((commit, _)) if !commit.is_empty() => commit,
        Some(_) => return None,
        None => rev,
    };
    let (repo, _) = Repo::for_file(path).ok()?;
    let object = repo
        .objects()
        .ok()?
        .get(&format!("{commit}^{{commit}}"))
        .ok()??;
    author_day(&String::from_utf8_lossy(&object.bytes))
}

/// What `log --since SPEC` starts from: a date (`YYYY-MM-DD` that names no
/// revision), or a revision's author day and full commit hash, so the log
/// can keep only the commits after it.
pub fn since_bound(repo: &Repo, spec: &str) -> miette::Result<(Date, Option<String>)> {
    let mut objects = repo.objects()?;
    let object = objects.get(&format!("{spec}^{{commit}}"))?;
    match object.filter(|o| o.kind == "commit") {
        Some(commit) => {
            let day = author_day(&String::from_utf8_lossy(&commit.bytes))
                .ok_or_else(|| miette::miette!("cannot read the date of commit {}", commit.oid))?;
            Ok((day, Some(commit.oid)))
        }
        None => match spec.parse::<Date>() {
            Ok(day) => Ok((day, None)),
            Err(_) => Err(repo.commit(&mut objects, spec).err().map_or_else(
                || miette::miette!("`{}` names no commit", crate::terminal::sanitize(spec)),
                miette::Report::new,
            )),
        },
    }
}

/// The author day of a raw commit object (`author N <e> 1759312800 +0200`).
fn author_day(commit: &str) -> Option<Date> {
    let line = commit
        .lines()
        .take_while(|l| !l.is_empty())
        .find(|l| l.starts_with("author "))?;
    let mut fields = line.rsplit(' ');
    let zone = fields.next()?;
    let seconds: i64 = fields.next()?.parse().ok()?;
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits = zone.trim_start_matches(['+', '-']);
    let (hours, minutes) = (digits.get(..2)?, digits.get(2..4)?);
    let offset = sign * (hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60);
    let offset = jiff::tz::Offset::from_seconds(offset).ok()?;
    let stamp = jiff::Timestamp::from_second(seconds).ok()?;
    Some(Date(stamp.to_zoned(offset.to_time_zone()).date()))
}

#[cfg(test)]
mod tests {
    use super::author_day;

    #[test]
    fn author_day_is_in_the_authors_zone() {
        let commit =
            "tree abc\nauthor A B <a@b> 1759276800 +0200\ncommitter C <c@d> 1 +0000\n\nmsg\n";
        // 1759276800 is 2025-10-01T00:00:00Z: still Oct 1 at +02:00.
        assert_eq!(author_day(commit).unwrap().to_string(), "2025-10-01");
        let west = commit.replace("+0200", "-0500");
        assert_eq!(author_day(&west).unwrap().to_string(), "2025-09-30");
        assert_eq!(author_day("tree abc\n\nauthor x"), None);
    }
}
