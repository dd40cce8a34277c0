//! Printing: every slide of the HTML report fits its printed page. Each
//! example, a 20-party / 80-function fixture, a five-party fixture with one
//! 113-character party name, and the examples' portfolio are
//! printed to PDF with headless Chromium, and the PDF must have exactly one
//! page per slide. Skipped (with a note) when Chromium is not installed.
//! The slide screenshots the README shows exist and stay small.

use std::path::Path;
use std::process::Command;

use crate::common::{comanage, fixture, stderr_of};

/// The Chromium binary on `PATH`, if any.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// Prints `html` to `pdf` with headless Chromium, isolated from any profile.
fn print_to_pdf(browser: &str, html: &Path, pdf: &Path, profile: &Path) {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "no PDF: {}", stderr_of(&output));
}

/// Page objects in a PDF (`/Type /Page`, not the `/Pages` tree nodes).
fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type")
        .filter(|(at, _)| {
            let rest = text[at + 5..].trim_start();
            rest.starts_with("/Page") && !rest.starts_with("/Pages")
        })
        .count()
}

#[test]
fn every_slide_prints_on_one_page() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: Chromium is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    std::fs::create_dir(&profile).unwrap();
    let twenty = fixture("report/twenty-parties.scope.yaml");
    let long_name = fixture("report/long-party-name.scope.yaml");
    let cases: [(&str, Vec<&str>); 6] = [
        ("harbor", vec!["examples/harbor-dental.scope.yaml"]),
        (
            "northwind",
            vec!["examples/northwind-manufacturing.scope.yaml"],
        ),
        ("cedar", vec!["examples/cedar-law.scope.yaml"]),
        ("twenty", vec![twenty.as_str()]),
        ("long-name", vec![long_name.as_str()]),
        ("portfolio", vec!["examples"]),
    ];
    for (name, paths) in cases {
        let html = dir.path().join(format!("{name}.html"));
        let pdf = dir.path().join(format!("{name}.pdf"));
        let output = comanage()
            .arg("report")
            .args(&paths)
            .args(["--format", "html", "-q", "-o"])
            .arg(&html)
            .output()
            .unwrap();
        assert!(html.exists(), "{name}: {}", stderr_of(&output));
        let page = std::fs::read_to_string(&html).unwrap();
        let slides = page.matches("<section class=\"slide").count();
        print_to_pdf(browser, &html, &pdf, &profile);
        let printed = pages(&std::fs::read(&pdf).unwrap());
        assert_eq!(
            printed, slides,
            "{name}: {slides} slides printed on {printed} pages"
        );
    }
}

#[test]
fn page_objects_are_counted_not_the_page_tree() {
    let pdf = b"<< /Type /Pages /Kids [1 0 R 2 0 R] >> << /Type /Page >> << /Type/Page >>";
    assert_eq!(pages(pdf), 2);
}

#[test]
fn every_screenshot_the_readme_shows_exists_and_stays_small() {
    let root = crate::common::root();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let images: Vec<&str> = readme
        .match_indices("](docs/")
        .filter_map(|(at, _)| readme[at + 2..].split(')').next())
        .collect();
    assert!(images.len() >= 11, "README shows {images:?}");
    for image in images {
        let size = std::fs::metadata(root.join(image))
            .unwrap_or_else(|e| panic!("README shows {image}: {e}"))
            .len();
        assert!(size < 150_000, "{image} is {size} bytes");
    }
}
