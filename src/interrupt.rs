//! Removing temporary files when the process is interrupted.
//!
//! An interrupted `report -o` would otherwise leave its half-written
//! `.comanage-*.tmp` behind. [`create_removed_on_interrupt`] records a path until
//! its guard is dropped; on SIGINT, SIGTERM or SIGHUP a watcher thread
//! removes the recorded paths, then ends the process the way the signal
//! would have. The watcher is started on first use only, so a command that
//! writes no file never installs a handler.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// Paths to remove on interrupt, with a number per guard.
static PENDING: Mutex<Vec<(u64, PathBuf)>> = Mutex::new(Vec::new());
static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
static WATCHER: Once = Once::new();

/// Keeps a path on the list of files removed on interrupt while it lives.
#[must_use = "the path is only removed on interrupt while the guard lives"]
pub struct Cleanup {
    id: u64,
}

/// Creates a file with `create` and removes it (at `path_of` it) if the
/// process is interrupted before the returned guard is dropped. The list is
/// locked while the file is created, so an interrupt that arrives between
/// creating and recording it still finds it.
pub fn create_removed_on_interrupt<T, E>(
    create: impl FnOnce() -> Result<T, E>,
    path_of: impl FnOnce(&T) -> &Path,
) -> Result<(T, Cleanup), E> {
    start_watcher();
    let mut pending = pending();
    let created = create()?;
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    pending.push((id, path_of(&created).to_path_buf()));
    Ok((created, Cleanup { id }))
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        pending().retain(|(id, _)| *id != self.id);
    }
}

fn pending() -> std::sync::MutexGuard<'static, Vec<(u64, PathBuf)>> {
    // A panic while holding the lock leaves a list that is still valid.
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(unix)]
fn start_watcher() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    WATCHER.call_once(|| {
        // Without a handler the default action still ends the process; only
        // the temporary file would be left, as before.
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                for (_, path) in pending().drain(..) {
                    let _ = std::fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    });
}

#[cfg(not(unix))]
fn start_watcher() {
    WATCHER.call_once(|| {});
}
