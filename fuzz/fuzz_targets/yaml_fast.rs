//! The fast YAML reader either gives up or reads exactly the full parser's
//! tree, spans included.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        assert!(
            comanage::yaml::fast_reader_agrees(text),
            "the fast reader disagrees with the full parser on {text:?}"
        );
    }
});
