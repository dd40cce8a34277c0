//! Writing output files atomically: a temporary file in the same directory,
//! synced, then renamed into place, so a reader never sees half a file and a
//! failed write never destroys the old one.

use std::io::Write;
use std::path::Path;

/// Whether an existing file at the destination may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (`report -o`, `init --force`).
    Replace,
    /// Refuse, even when the file appears while writing (`init`).
    Keep,
}

/// Writes `text` to `path` atomically. Errors name the file and the fix.
pub fn write_atomically(path: &Path, text: &str, existing: Existing) -> miette::Result<()> {
    let shown = crate::terminal::sanitize(&path.to_string_lossy()).into_owned();
    // `symlink_metadata` sees a dangling link too: replacing it is overwriting.
    if existing == Existing::Keep && path.symlink_metadata().is_ok() {
        return Err(already_exists(&shown));
    }
    if path.is_dir() {
        return Err(miette::miette!(
            help = "name a file inside it, such as {shown}/scope.yaml",
            "cannot write {shown}: it is a directory"
        ));
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(miette::miette!(
            help = "create the directory first, or name a file in an existing one",
            "cannot write {shown}: the directory {} does not exist",
            crate::terminal::sanitize(&dir.to_string_lossy())
        ));
    }
    let cannot = |err: std::io::Error| {
        miette::miette!(
            help = "check that you may write to the directory",
            "cannot write {shown}: {err}"
        )
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".comanage-").suffix(".tmp");
    // Output is shared text, not a secret: the usual mode under the user's
    // umask rather than tempfile's owner-only 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(cannot)?;
    temp.write_all(text.as_bytes()).map_err(cannot)?;
    temp.as_file().sync_all().map_err(cannot)?;
    match existing {
        Existing::Replace => temp.persist(path).map(drop).map_err(|e| cannot(e.error)),
        // A file that appeared since the check above still wins.
        Existing::Keep => temp.persist_noclobber(path).map(drop).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                already_exists(&shown)
            } else {
                cannot(e.error)
            }
        }),
    }
}

fn already_exists(shown: &str) -> miette::Report {
    miette::miette!(
        help = "pass --force to replace it, or -f to write somewhere else",
        "{shown} already exists; not overwriting it"
    )
}
