//! Unit tests of the HTML page: the findings and `--since` slides (which the
//! examples cannot show yet), escaping of finding text, slide chunking.

use super::html;
use super::model::{SinceChange, build};
use crate::diagnostics::{Diagnostic, Level};
use crate::scope::load_bytes;
use crate::source::Span;

const SCOPE: &str = "\
version: 1
engagement: { client: Acme }
parties:
  it: { name: Acme IT, role: internal }
services:
  ops:
    owner: it
    functions:
      patching: { critical: true }
";

fn page(changes: Option<Vec<SinceChange>>) -> String {
    let document = load_bytes("t.yaml", SCOPE.as_bytes().to_vec()).expect("test scope loads");
    let span = Span { start: 0, len: 1 };
    let findings = vec![
        Diagnostic::error("missing-backup", "<b>no</b> backup for `patching`", span)
            .with_pointer("/services/ops/functions/patching")
            .with_level(Level::Warning),
        Diagnostic::error("no-tie-breaker", "nobody breaks ties", span),
    ];
    let mut report = build(&document, "2026-11-22".parse().expect("date"), &findings);
    report.changes = changes;
    html::render(&report).expect("renders")
}

#[test]
fn findings_slide_lists_rules_and_escapes_messages() {
    let html = page(None);
    assert!(html.contains("missing-backup"));
    assert!(html.contains("no-tie-breaker"));
    assert!(html.contains("&#60;b&#62;no&#60;/b&#62; backup"));
    assert!(!html.contains("<b>no</b>"));
    assert!(html.contains("1 error · 1 warning"));
    assert!(!html.contains("What changed"));
}

#[test]
fn changes_slide_shows_when_asked() {
    let summary = "function `patching` in service `ops` moved to it; <script>x</script> `v2`";
    let names = |id: &str| (id == "patching").then(|| "Patching".to_owned());
    let parties = |id: &str| (id == "it").then(|| "Acme IT".to_owned());
    let html = page(Some(vec![SinceChange {
        group: "Cybersecurity".to_owned(),
        summary: summary.to_owned(),
        phrases: super::since::phrases(summary, &names, &parties),
        impact: "major".to_owned(),
    }]));
    assert!(html.contains("What changed"));
    assert!(html.contains("function <span class=\"who\">Patching</span> in service <code>ops</code> moved to <span class=\"who\">Acme IT</span>"), "{html}");
    assert!(html.contains("<code>v2</code>"));
    let table = html.split("<table class=\"changes\">").nth(1).unwrap();
    let table = table.split("</table>").next().unwrap();
    assert!(!table.contains('`'), "raw markdown on the slide: {table}");
    assert!(html.contains("<span class=\"badge bad\">major</span>"));
    assert!(!html.contains("<script"));
    // The slide comes right after the title slide.
    let title_end = html.find("</section>").unwrap();
    let changes = html.find("What changed").unwrap();
    assert!(changes > title_end && changes < html.find("Who owns what").unwrap());
    let none = page(Some(Vec::new()));
    assert!(none.contains("Nothing in the scope changed."));
}

#[test]
fn long_matrices_continue_on_the_next_slide_with_their_heading() {
    let mut text = String::from(
        "version: 1\nengagement: { client: Acme }\nparties:\n  it: { name: Acme IT, role: internal }\nservices:\n  ops:\n    owner: it\n    functions:\n",
    );
    for i in 0..25 {
        text.push_str(&format!("      f{i}: {{}}\n"));
    }
    let document = load_bytes("t.yaml", text.into_bytes()).expect("test scope loads");
    let report = build(&document, "2026-11-22".parse().expect("date"), &[]);
    let html = html::render(&report).expect("renders");
    assert!(html.contains("RACI matrix<span class=\"part\"> (1 of 2)"));
    assert!(html.contains("RACI matrix<span class=\"part\"> (2 of 2)"));
    // The service heading opens each slide, and the rows are shared out
    // evenly (13 and 12), not 16 and an almost empty second slide.
    assert_eq!(html.matches("<tr class=\"svc\">").count(), 2);
    let per_slide: Vec<usize> = html
        .split("<section class=\"slide")
        .filter(|slide| slide.contains("RACI matrix"))
        .map(|slide| slide.matches("<td class=\"fn\"").count())
        .collect();
    assert_eq!(per_slide, [13, 12]);
}

#[test]
fn lists_are_spread_evenly_over_as_few_slides_as_they_need() {
    let sizes = |n: usize, size: usize| -> Vec<usize> {
        html::chunks((0..n).collect(), size)
            .iter()
            .map(|c| c.items.len())
            .collect()
    };
    // One row over a slide's capacity is not left alone on a slide.
    assert_eq!(sizes(10, 9), [5, 5]);
    assert_eq!(sizes(19, 9), [7, 6, 6]);
    assert_eq!(sizes(9, 9), [9]);
    assert_eq!(sizes(3, 9), [3]);
    assert!(sizes(0, 9).is_empty());
    let parts: Vec<(usize, usize)> = html::chunks((0..10).collect(), 9)
        .iter()
        .map(|c| (c.part, c.parts))
        .collect();
    assert_eq!(parts, [(1, 2), (2, 2)]);
}
