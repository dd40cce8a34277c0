//! A query and a scope from one input, split at the first `0xff` byte (never
//! valid UTF-8): the query is the text before it, the scope the bytes after.
//! Without a separator the whole input is the scope and the query is
//! `patching`. Loads the scope, finds what the query names, builds the
//! answer and renders it as `comanage who` does (human plain and coloured,
//! JSON).
#![no_main]

use comanage::scope;
use comanage::who::{answer, human, query};
use libfuzzer_sys::fuzz_target;

/// The byte that separates the query from the scope.
const SEPARATOR: u8 = 0xff;

fuzz_target!(|data: &[u8]| {
    let (wanted, bytes) = match data.iter().position(|&b| b == SEPARATOR) {
        Some(at) => (String::from_utf8_lossy(&data[..at]), &data[at + 1..]),
        None => ("patching".into(), data),
    };
    let Ok(document) = scope::load_bytes("fuzz.scope.yaml", bytes.to_vec()) else {
        return;
    };
    match query::find(&document.scope, &wanted) {
        query::Found::Functions(found) => {
            let built = answer::build(&document.scope, &wanted, &found, None);
            let _ = human::render(&built, false, Some(5));
            let _ = human::render(&built, true, None);
            let _ = serde_json::to_string_pretty(&built);
        }
        query::Found::Nothing(suggestions) => {
            let _ = suggestions.len();
        }
    }
});
