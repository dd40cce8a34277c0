//! `comanage what-if`: what falls through the cracks when a party leaves or
//! its work moves (DESIGN.md 7).
//!
//! [`transform`] changes the typed scope in memory; [`compare`] lints the
//! current and the changed scope with the same options and keeps the findings
//! that appear or disappear, shown at their place in the current file.

pub mod transform;

pub use transform::{Change, Transformed, transform};
