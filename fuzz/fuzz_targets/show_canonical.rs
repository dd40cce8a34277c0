//! Any bytes through `comanage show`: load, and on success render the
//! canonical one-line-per-fact text. The canonical form of a valid scope
//! must be stable: rendering it twice gives the same text.
#![no_main]

use comanage::diff::canonical;
use comanage::scope;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(document) = scope::load_bytes("fuzz.scope.yaml", data.to_vec()) else {
        return;
    };
    let first = canonical::render(&document.scope);
    assert_eq!(
        first,
        canonical::render(&document.scope),
        "canonical text is not deterministic"
    );
});
