//! Any bytes through the whole checking pipeline: decode, parse, schema,
//! typed model, every lint rule, and the renderings users see.
//!
//! A rejected file must render its diagnostics too: the spans of a parse
//! error are the likeliest to point outside the text.
#![no_main]

use comanage::findings::{self, FileFindings};
use comanage::lint::{self, LintOptions};
use comanage::scope::{self, Date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A fixed date, so that a crash reproduces on any day.
    let today: Date = "2026-11-22".parse().expect("a valid date");
    let file = match scope::load_bytes("fuzz.scope.yaml", data.to_vec()) {
        Ok(document) => {
            let diagnostics = lint::check(&document, &LintOptions { today });
            FileFindings {
                source: document.source,
                diagnostics,
            }
        }
        Err(rejected) => FileFindings {
            source: rejected.source,
            diagnostics: rejected.diagnostics,
        },
    };
    let files = [file];
    let _ = findings::render_human(&files, false, 100);
    let _ = findings::render_json(&files);
    let _ = findings::render_github(&files);
    let _ = lint::sarif::render(&files, &lint::sarif::SarifOptions::default());
});
