//! Writing output files atomically: a temporary file in the same directory,
//! synced, then renamed into place, so a reader never sees half a file and a
//! failed write never destroys the old one.
//!
//! Only regular files are written (DESIGN.md section 8): an existing FIFO,
//! device, socket or directory is refused, and so is a symbolic link. A link
//! is refused rather than written through because a link planted in a
//! repository (`qbr.html -> ~/.bashrc`) would then aim comanage's output at
//! any file the user may write; replacing the link instead would silently
//! turn `/proc/self/fd/1` or a link the user made on purpose into a plain
//! file. A replaced file keeps its permission bits (and its owner, where
//! the process may set it). The temporary file is removed if the process is
//! interrupted (see [`crate::interrupt`]).

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
    // `symlink_metadata` sees a dangling link too, and does not follow one.
    let current = path.symlink_metadata().ok();
    if let Some(metadata) = &current {
        refuse_special(&shown, metadata.file_type())?;
        if existing == Existing::Keep {
            return Err(already_exists(&shown));
        }
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
        miette::miette!(help = help_for(err.kind()), "cannot write {shown}: {err}")
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".comanage-").suffix(".tmp");
    // Output is shared text, not a secret: the usual mode under the user's
    // umask rather than tempfile's owner-only 0600, unless the file being
    // replaced had its own.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = current
            .as_ref()
            .map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let (mut temp, _cleanup) = crate::interrupt::create_removed_on_interrupt(
        || builder.tempfile_in(dir),
        |temp| temp.path(),
    )
    .map_err(cannot)?;
    #[cfg(unix)]
    if let Some(metadata) = &current {
        keep_owner(temp.as_file(), metadata);
    }
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

/// Refuses anything but a regular file at the destination.
fn refuse_special(shown: &str, kind: std::fs::FileType) -> miette::Result<()> {
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        return Err(miette::miette!(
            help = format!("name a file inside it, such as {shown}/<file>"),
            "cannot write {shown}: it is a directory"
        ));
    }
    let what = if kind.is_symlink() {
        "a symbolic link (comanage does not write through links)"
    } else {
        special_kind(kind)
    };
    Err(miette::miette!(
        help = "name a regular file, write to standard output with `-o -` (report) or `-f -` (init), or remove what is there first",
        "cannot write {shown}: it is {what}, not a regular file"
    ))
}

/// What a file that is neither regular, a directory nor a link is.
pub(crate) fn special_kind(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    let _ = kind;
    "a special file"
}

/// Gives the new file the owner and group of the file it replaces. Only a
/// privileged process may give a file away, so failure is expected and
/// harmless: the file then belongs to whoever runs comanage.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
}

/// The fix for a failed write, by what went wrong.
fn help_for(kind: std::io::ErrorKind) -> &'static str {
    use std::io::ErrorKind;
    match kind {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "the disk (or your quota) is full: free some space, or write somewhere else"
        }
        ErrorKind::ReadOnlyFilesystem => "that file system is read-only: write somewhere else",
        ErrorKind::PermissionDenied => "check that you may write to the directory",
        _ => "check the path and that the file system is working",
    }
}

fn already_exists(shown: &str) -> miette::Report {
    miette::miette!(
        help = "pass --force to replace it, or -f to write somewhere else",
        "{shown} already exists; not overwriting it"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_called_a_full_disk() {
        assert!(help_for(std::io::ErrorKind::StorageFull).contains("full"));
        assert!(!help_for(std::io::ErrorKind::StorageFull).contains("may write"));
        assert!(help_for(std::io::ErrorKind::PermissionDenied).contains("may write"));
    }
}
