//! The yaml-test-suite as an accept/reject check: every case is a folder
//! with an `in.yaml`, and a file named `error` beside it when a conforming
//! parser must reject the text. Events are not compared (each crate has its
//! own event type); a panic is caught and counted, never allowed to stop
//! the run.

use std::path::{Path, PathBuf};

use crate::candidates;

/// How one crate fared on the suite.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    /// Cases read.
    pub cases: usize,
    /// Valid texts accepted and invalid ones rejected.
    pub right: usize,
    /// Valid texts rejected.
    pub rejected_valid: usize,
    /// Invalid texts accepted.
    pub accepted_invalid: usize,
    /// Cases on which the crate panicked.
    pub panics: usize,
}

/// Every case folder under `root`, sorted so runs compare.
pub fn cases(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            // The suite's `name/` and `tags/` folders are links to the cases;
            // following them would count each case several times.
            if entry.file_type()?.is_dir() {
                pending.push(entry.path());
            }
        }
        if dir.join("in.yaml").is_file() {
            found.push(dir);
        }
    }
    found.sort();
    Ok(found)
}

/// Scores the crate called `name` on `cases`; `wrong` receives each case it
/// gets wrong, with what happened.
pub fn score(name: &str, cases: &[PathBuf], mut wrong: impl FnMut(&Path, &str)) -> Score {
    let mut score = Score::default();
    for case in cases {
        let Ok(bytes) = std::fs::read(case.join("in.yaml")) else {
            continue;
        };
        // A few cases are not UTF-8 on purpose; comanage reads only UTF-8.
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        score.cases += 1;
        let invalid = case.join("error").exists();
        match std::panic::catch_unwind(|| candidates::walk(name, &text)) {
            Err(_) => {
                score.panics += 1;
                wrong(case, "panicked");
            }
            Ok(Ok(_)) if invalid => {
                score.accepted_invalid += 1;
                wrong(case, "accepted an invalid text");
            }
            Ok(Err(message)) if !invalid => {
                score.rejected_valid += 1;
                wrong(case, &format!("rejected a valid text: {message}"));
            }
            Ok(_) => score.right += 1,
        }
    }
    score
}
