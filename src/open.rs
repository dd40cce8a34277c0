//! Opening a file to read it, refusing anything but a regular file.
//!
//! A scope given as `-f` may be a FIFO that no one ever writes to, or a
//! device such as `/dev/zero` or a terminal: read, they would block for ever
//! or never end (DESIGN.md section 8). The file is opened without blocking
//! (`O_NONBLOCK`: opening a FIFO waits for a writer otherwise) and without
//! becoming the controlling terminal, then its type is checked on the open
//! handle, so a file swapped in between a check and the open changes
//! nothing.

use std::fs::File;
use std::path::Path;

/// The outcome of opening a path for reading.
#[derive(Debug)]
pub enum Opened {
    /// A regular file, open for reading.
    Regular(File),
    /// Something else: what it is, in words ("a FIFO (named pipe)").
    Special(&'static str),
}

/// Opens `path` for reading when it is a regular file (after following
/// symbolic links); says what it is otherwise.
pub fn regular_file(path: &Path) -> std::io::Result<Opened> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        // O_NONBLOCK changes nothing for a regular file's reads.
        Ok(Opened::Regular(file))
    } else if kind.is_dir() {
        Ok(Opened::Special("a directory"))
    } else {
        Ok(Opened::Special(crate::write::special_kind(kind)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_open() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("scope.yaml");
        std::fs::write(&file, "version: 1\n").expect("write");
        assert!(matches!(regular_file(&file), Ok(Opened::Regular(_))));
        assert!(matches!(
            regular_file(Path::new("/dev/zero")),
            Ok(Opened::Special("a device"))
        ));
        assert!(matches!(
            regular_file(dir.path()),
            Ok(Opened::Special("a directory"))
        ));
    }
}
