//! Every feature at many offsets of every example and fixture (hostile,
//! broken, aliased ones included): none may panic, and every span it
//! returns lies on character boundaries of the text.

use std::path::Path;

use super::*;
use crate::lint::{self, LintOptions};
use crate::scope;
use crate::source::SourceFile;

fn scope_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("examples"), root.join("tests/fixtures")];
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // The lint fixtures are many small variations of one scope: the
            // rest cover their shapes, and the test stays quick.
            if path.is_dir() && !path.ends_with("fixtures/lint") {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let bytes = std::fs::read(&path).unwrap();
                files.push((
                    path.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ));
            }
        }
    }
    files.sort();
    files
}

fn assert_on_boundaries(text: &str, span: Span, what: &str, file: &str) {
    assert!(
        span.end() <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end()),
        "{what} gave {span:?} in {file}"
    );
}

#[test]
fn no_feature_panics_at_any_offset_of_any_fixture() {
    let today = "2026-12-01".parse().unwrap();
    let files = scope_files();
    assert!(files.len() > 40, "the fixtures were found");
    for (name, text) in &files {
        let loaded = scope::load(SourceFile::new(name.clone(), text.clone()));
        let (doc, diagnostics) = match &loaded {
            Ok(doc) => (Some(doc), lint::check(doc, &LintOptions { today })),
            Err(rejected) => (None, rejected.diagnostics.clone()),
        };
        // Offsets into the text the features see (a BOM is dropped on load).
        let text = doc.map_or(text.as_str(), |d| d.source.text());
        // Completion reads only the text: 80 offsets. The document features
        // parse it on each call: 10 offsets, and the starts of 10 ids.
        let spread = |n: usize| (0..=n).map(move |i| i * text.len() / n);
        let ids = locate::occurrences(text);
        let at_ids = ids.iter().take(10).map(|o| o.span.start);
        for offset in spread(80) {
            if text.is_char_boundary(offset) {
                for c in completion(text, doc, offset) {
                    assert_on_boundaries(text, c.replace, "completion", name);
                }
            }
        }
        for offset in spread(10).chain(at_ids) {
            if !text.is_char_boundary(offset) {
                continue;
            }
            for action in code_actions(text, &diagnostics, Span::new(offset, 0)) {
                for edit in &action.edits {
                    assert_on_boundaries(text, edit.span, "code action", name);
                }
            }
            let Some(doc) = doc else { continue };
            if let Some(h) = hover(doc, offset) {
                assert_on_boundaries(text, h.range, "hover", name);
            }
            let spans = definition(doc, offset)
                .into_iter()
                .chain(references(doc, offset, true))
                .chain(prepare_rename(doc, offset).ok());
            for span in spans {
                assert_on_boundaries(text, span, "a symbol", name);
            }
            if let Ok(edits) = rename(doc, offset, "renamed-id") {
                let after = apply_edits(text, &edits);
                assert!(
                    scope::load(SourceFile::new(name.clone(), after)).is_ok(),
                    "a rename at {offset} of {name} broke the file"
                );
            }
        }
    }
}

#[test]
fn every_code_action_on_every_fixture_finding_leaves_valid_yaml() {
    let today = "2026-12-01".parse().unwrap();
    let mut applied = 0;
    for (name, text) in scope_files() {
        let Ok(doc) = scope::load(SourceFile::new(name.clone(), text)) else {
            continue;
        };
        let text = doc.source.text();
        let diagnostics = lint::check(&doc, &LintOptions { today });
        for diagnostic in diagnostics.iter().take(12) {
            for action in code_actions(text, &diagnostics, diagnostic.primary.span) {
                let after = apply_edits(text, &action.edits);
                assert!(
                    crate::yaml::parse(&after).is_ok(),
                    "`{}` on {name} made invalid YAML:\n{after}",
                    action.title
                );
                applied += 1;
            }
        }
    }
    assert!(applied > 20, "only {applied} actions were tried");
}
