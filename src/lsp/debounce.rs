//! When a document's diagnostics go out: soon after a burst of edits ends,
//! never more often than every [`MIN_INTERVAL`], and at least every
//! [`MAX_WAIT`] while edits keep coming.
//!
//! Linting every keystroke would flood the editor and waste work that the
//! next keystroke throws away; waiting too long makes the checks feel
//! detached from the typing. DESIGN.md section 9: published within 250 ms
//! of the last change on the 40-function example, at most one publish per
//! 150 ms per document.

use std::time::{Duration, Instant};

/// Quiet time after the last change before publishing: short enough that
/// lint (a few ms on a 40-function scope) still lands well within 250 ms.
pub const QUIET: Duration = Duration::from_millis(90);

/// The least time between two publishes of one document.
pub const MIN_INTERVAL: Duration = Duration::from_millis(150);

/// The longest a change waits while edits keep arriving (100 a second
/// would otherwise never leave a quiet gap).
pub const MAX_WAIT: Duration = Duration::from_millis(600);

/// The publishing state of one document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Schedule {
    /// The first change not yet published, if any.
    pending_since: Option<Instant>,
    /// The last change.
    last_change: Option<Instant>,
    /// When diagnostics last went out.
    last_publish: Option<Instant>,
    /// Publish as soon as the interval allows (open, save).
    urgent: bool,
}

impl Schedule {
    /// Records an edit at `now`.
    pub fn changed(&mut self, now: Instant) {
        self.pending_since.get_or_insert(now);
        self.last_change = Some(now);
    }

    /// Asks for a publish without waiting for quiet (open, save).
    pub fn now(&mut self, now: Instant) {
        self.pending_since.get_or_insert(now);
        self.last_change.get_or_insert(now);
        self.urgent = true;
    }

    /// When the pending diagnostics are due, if any are pending.
    pub fn due(&self) -> Option<Instant> {
        let since = self.pending_since?;
        let last_change = self.last_change.unwrap_or(since);
        let wanted = if self.urgent {
            since
        } else {
            (last_change + QUIET).min(since + MAX_WAIT)
        };
        let allowed = self.last_publish.map_or(wanted, |last| last + MIN_INTERVAL);
        Some(wanted.max(allowed))
    }

    /// Records a publish at `now`.
    pub fn published(&mut self, now: Instant) {
        self.pending_since = None;
        self.urgent = false;
        self.last_publish = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_publishes_once_after_it_ends() {
        let start = Instant::now();
        let mut schedule = Schedule::default();
        assert_eq!(schedule.due(), None);
        for ms in [0, 10, 20, 30] {
            schedule.changed(start + Duration::from_millis(ms));
        }
        let due = schedule.due().unwrap();
        assert_eq!(due, start + Duration::from_millis(30) + QUIET);
        assert!(due - (start + Duration::from_millis(30)) < Duration::from_millis(250));
    }

    #[test]
    fn publishes_are_spaced_by_the_interval() {
        let start = Instant::now();
        let mut schedule = Schedule::default();
        schedule.now(start);
        assert_eq!(schedule.due(), Some(start));
        schedule.published(start);
        schedule.now(start + Duration::from_millis(10));
        assert_eq!(schedule.due(), Some(start + MIN_INTERVAL));
    }

    #[test]
    fn endless_edits_still_publish() {
        let start = Instant::now();
        let mut schedule = Schedule::default();
        for ms in (0..2000).step_by(10) {
            schedule.changed(start + Duration::from_millis(ms));
        }
        assert_eq!(schedule.due(), Some(start + MAX_WAIT));
    }
}
