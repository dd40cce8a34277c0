//! Any bytes through `comanage report`: load, lint, build the report model,
//! and render it in every format (table plain and coloured at two widths,
//! markdown, HTML, CSV, JSON).
#![no_main]

use comanage::lint::{self, LintOptions};
use comanage::report;
use comanage::scope::{self, Date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A fixed date, so that a crash reproduces on any day.
    let today: Date = "2026-11-22".parse().expect("a valid date");
    let Ok(document) = scope::load_bytes("fuzz.scope.yaml", data.to_vec()) else {
        return;
    };
    let found = lint::check(&document, &LintOptions { today });
    let built = report::build(&document, today, &found);
    let _ = report::table::render(&built, 100, false);
    let _ = report::table::render(&built, 40, true);
    let _ = report::markdown::render(&built);
    let _ = report::html::render(&built);
    let _ = report::csv::render(&built);
    let _ = report::json::render(&built);
});
