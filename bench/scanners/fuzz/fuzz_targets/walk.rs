//! Walks arbitrary UTF-8 with the crate named by `$SCANNER` (one of
//! `scanner-bench`'s names): any panic, overflow or hang is a finding.
//! One target for all crates, so every crate runs the very same walk.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn scanner() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| {
        std::env::var("SCANNER").expect("set SCANNER to the crate to fuzz, e.g. SCANNER=yaml-rust2")
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = scanner_bench::candidates::walk(scanner(), text);
    }
});
