//! Two scopes from one input, split at the first `0xff` byte (never valid
//! UTF-8, so it cannot occur inside either half a scope would load from):
//! load both, diff them when both load, and render the changes in every
//! format `comanage diff` offers.
#![no_main]

use comanage::diff;
use comanage::scope;
use libfuzzer_sys::fuzz_target;

/// The byte that separates the old scope from the new one.
const SEPARATOR: u8 = 0xff;

fuzz_target!(|data: &[u8]| {
    let (old, new) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (&data[..at], &data[at + 1..]),
        // No separator: diff the input against itself, which must be empty.
        None => (data, data),
    };
    let same = old == new;
    let (Ok(old), Ok(new)) = (
        scope::load_bytes("old.scope.yaml", old.to_vec()),
        scope::load_bytes("new.scope.yaml", new.to_vec()),
    ) else {
        return;
    };
    let changes = diff::diff(&old.scope, &new.scope);
    assert!(
        !same || changes.is_empty(),
        "a scope differs from itself: {changes:?}"
    );
    let _ = diff::human::render(&changes, false, true);
    let _ = diff::human::render(&changes, true, false);
    let sign_off = diff::sign_off(&changes, &old.scope, &new.scope);
    let name = |id: &str| id.to_owned();
    let _ = diff::markdown::render(&changes, ("old", "new"), &sign_off, &name);
    let _ = diff::json::render(&changes, &sign_off);
    let _ = diff::impact_counts(&changes);
    let _ = diff::summary_line(&changes);
});
