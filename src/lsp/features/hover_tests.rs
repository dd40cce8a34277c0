use super::*;
use crate::lsp::features::test_support::{NORTHWIND, load, nth};

fn hover_at(text: &str, needle: &str, n: usize, into: usize) -> Option<Hover> {
    let doc = load(text);
    hover(&doc, nth(text, needle, n) + into)
}

#[test]
fn a_party_reference_shows_the_party_and_its_load() {
    let shown = hover_at(NORTHWIND, "owner: msp", 0, "owner: ".len()).unwrap();
    assert_eq!(&NORTHWIND[shown.range.range()], "msp");
    insta::assert_snapshot!(shown.markdown);
}

#[test]
fn a_party_key_shows_the_same_as_a_reference() {
    let key = hover_at(NORTHWIND, "  msp:\n", 0, 2).unwrap();
    let reference = hover_at(NORTHWIND, "owner: msp", 0, "owner: ".len()).unwrap();
    assert_eq!(key.markdown, reference.markdown);
    assert_ne!(key.range, reference.range);
}

#[test]
fn a_function_key_shows_the_who_answer() {
    let shown = hover_at(NORTHWIND, "security-monitoring:", 0, 3).unwrap();
    insta::assert_snapshot!(shown.markdown);
}

#[test]
fn a_rule_in_waive_shows_its_docs() {
    let shown = hover_at(NORTHWIND, "missing-backup:", 0, 0).unwrap();
    assert!(
        shown
            .markdown
            .starts_with("**`missing-backup`** (default: warn): ")
    );
    insta::assert_snapshot!(shown.markdown);
}

#[test]
fn a_path_shows_its_ladder() {
    let shown = hover_at(NORTHWIND, "escalation: security", 0, "escalation: ".len()).unwrap();
    insta::assert_snapshot!(shown.markdown);
}

#[test]
fn nothing_to_show_off_an_id() {
    assert_eq!(hover_at(NORTHWIND, "version: 1", 0, 0), None);
    assert_eq!(hover_at(NORTHWIND, "name: Cybersecurity", 0, 7), None);
}

#[test]
fn an_undefined_rule_in_lint_is_named_as_such() {
    let text = "version: 1\nengagement: { client: C }\nparties: { it: { name: I, role: internal } }\nservices: {}\nlint: { no-such-rule: allow }\n";
    let shown = hover_at(text, "no-such-rule", 0, 1).unwrap();
    assert_eq!(
        shown.markdown,
        "`no-such-rule` is not a lint rule; `comanage rules` lists them."
    );
}

#[test]
fn hostile_scope_text_is_shown_as_text() {
    let text = concat!(
        "version: 1\nengagement: { client: C }\nparties:\n",
        "  evil:\n    name: \"[x](http://evil) <img src=x> `code` \\u202Egnp.exe \\e[31m\"\n",
        "    role: provider\n",
        "    contacts: [{ name: \"**bold**\\nline\", email: \"<a@b>\" }]\n",
        "services:\n  s:\n    owner: evil\n    functions: { f: {} }\n",
    );
    let shown = hover_at(text, "owner: evil", 0, "owner: ".len()).unwrap();
    let md = &shown.markdown;
    // Markup from the scope appears only with its punctuation escaped.
    let unescaped = |needle: &str| {
        md.match_indices(needle)
            .any(|(i, _)| i == 0 || md.as_bytes()[i - 1] != b'\\')
    };
    for raw in ["[x]", "](http", "<img", "`code", "*bold", "<a@b>"] {
        assert!(!unescaped(raw), "{raw:?} reached the markdown: {md}");
    }
    for raw in ["\u{202e}", "\u{1b}", "\nline"] {
        assert!(!md.contains(raw), "{raw:?} reached the markdown: {md}");
    }
    assert!(md.contains(r"\[x\]\(http\:\/\/evil\)"), "{md}");
    assert!(md.contains(r"\\u\{202e\}"), "{md}");
    insta::assert_snapshot!(md);
}

#[test]
fn hover_works_in_a_crlf_file_with_an_emoji_before_the_value() {
    let text = NORTHWIND
        .replace(
            "name: Bluewater Managed Services\n    role",
            "name: \"🌊 Bluewater\"\n    role",
        )
        .replace('\n', "\r\n");
    let doc = load(&text);
    let offset = nth(&text, "owner: msp", 0) + "owner: ".len();
    let shown = hover(&doc, offset).unwrap();
    assert_eq!(&text[shown.range.range()], "msp");
    assert!(shown.markdown.starts_with("**🌊 Bluewater** (`msp`)"));
    // The byte just after the emoji's value is not an id.
    let name = nth(&text, "🌊", 0);
    assert_eq!(hover(&doc, name + "🌊".len()), None);
}

#[test]
fn an_undefined_party_reference_says_so_and_has_no_definition() {
    let text = NORTHWIND.replacen("    owner: msp\n", "    owner: ghost\n", 1);
    let doc = load(&text);
    let offset = nth(&text, "ghost", 0) + 1;
    let shown = hover(&doc, offset).unwrap();
    assert_eq!(
        shown.markdown,
        "No party `ghost` is defined under `parties:`."
    );
    assert_eq!(crate::lsp::features::definition(&doc, offset), None);
    assert_eq!(
        crate::lsp::features::references(&doc, offset, true).len(),
        1
    );
}
