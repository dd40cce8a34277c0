//! `comanage log` and the git access behind it, on real repositories made in
//! temporary directories. Author and committer dates are fixed, so commit
//! hashes (and the snapshots that show them) are the same on every machine.

mod diff;
mod log;
mod new_from_rev;
mod resolve;
pub(crate) mod scratch;
