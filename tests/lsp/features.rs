//! The editor features over the wire: hover, completion, definition,
//! references, rename and code actions on real scopes, positions in UTF-16.

use serde_json::{Value, json};

use super::client::{Client, uri_of};
use super::text::{apply, covered, position_of};

const NORTHWIND: &str = "examples/northwind-manufacturing.scope.yaml";

/// A server with the Northwind example open (its diagnostics received).
fn northwind() -> (Client, String, String) {
    let (mut client, _) = Client::initialized(json!({}));
    let text = std::fs::read_to_string(crate::common::root().join(NORTHWIND)).unwrap();
    let uri = uri_of(NORTHWIND);
    client.open(&uri, &text);
    client.diagnostics(&uri);
    (client, uri, text)
}

fn at(uri: &str, position: Value) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": position })
}

#[test]
fn hover_on_a_party_reference_shows_the_party() {
    let (mut client, uri, text) = northwind();
    let response = client.request(
        "textDocument/hover",
        at(
            &uri,
            position_of(&text, "owner: msp", 0, "owner: ".len() + 1),
        ),
    );
    let hover = &response["result"];
    assert_eq!(hover["contents"]["kind"], "markdown", "{response}");
    assert_eq!(covered(&text, &hover["range"]), "msp");
    insta::assert_snapshot!(
        "lsp-hover-party",
        hover["contents"]["value"].as_str().unwrap()
    );
    let nothing = client.request(
        "textDocument/hover",
        at(&uri, json!({ "line": 2, "character": 0 })),
    );
    assert_eq!(nothing["result"], Value::Null, "{nothing}");
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn hover_markdown_escapes_what_the_scope_says() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/hostile.scope.yaml";
    let text = "version: 1\nengagement: {client: C, provider: P}\nparties:\n  it:\n    name: \"[click](https://evil.example) <img src=x onerror=alert(1)> *bold* \\u202e\\u001b[31m\"\n    role: internal\nservices:\n  desk:\n    owner: it\n    functions:\n      tickets: {name: Tickets}\n";
    client.open(uri, text);
    client.diagnostics(uri);
    let response = client.request(
        "textDocument/hover",
        at(uri, position_of(text, "owner: it", 0, 7)),
    );
    let markdown = response["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{response}"));
    assert!(
        !markdown.contains("](https://evil"),
        "a link survived: {markdown}"
    );
    let unescaped_angle = markdown
        .match_indices('<')
        .any(|(i, _)| !markdown[..i].ends_with('\\'));
    assert!(!unescaped_angle, "HTML survived: {markdown}");
    assert!(
        !markdown.contains('\u{202e}') && !markdown.contains('\u{1b}'),
        "{markdown:?}"
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn completion_offers_party_ids_at_an_owner() {
    let (mut client, uri, text) = northwind();
    let response = client.request(
        "textDocument/completion",
        at(&uri, position_of(&text, "owner: msp", 0, "owner: ".len())),
    );
    let items = response["result"]["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{response}"));
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert!(
        labels.contains(&"internal") && labels.contains(&"msp"),
        "{labels:?}"
    );
    insta::assert_json_snapshot!("lsp-completion-owner", items);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_completion_detail_shows_a_party_names_controls_escaped() {
    let (mut client, _) = Client::initialized(json!({}));
    let text = "version: 1\nengagement: {client: Harbor, provider: Lakeside}\nparties:\n  msp: {name: \"Lake\\u202Eside\\u001B[31m\", role: provider}\nservices:\n  desk:\n    owner: msp\n    functions:\n      tickets: {name: Tickets}\n";
    let uri = "file:///tmp/bidi.scope.yaml";
    client.open(uri, text);
    client.diagnostics(uri);
    let response = client.request(
        "textDocument/completion",
        at(uri, position_of(text, "owner: msp", 0, "owner: ".len())),
    );
    let items = response["result"]["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{response}"));
    let msp = items
        .iter()
        .find(|i| i["label"] == "msp")
        .unwrap_or_else(|| panic!("{items:?}"));
    let detail = msp["detail"].as_str().unwrap();
    assert!(detail.starts_with("Lake"), "{detail}");
    assert!(
        !detail.contains('\u{202e}') && !detail.contains('\u{1b}'),
        "{detail:?}"
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn completion_works_while_the_text_is_broken() {
    let (mut client, uri, text) = northwind();
    // An unclosed flow list: the text no longer loads, the last good one is used.
    let broken = text.replacen("owner: msp", "owner: [m", 1);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": broken }] }),
    );
    let response = client.request(
        "textDocument/completion",
        at(
            &uri,
            position_of(&broken, "owner: [m", 0, "owner: [m".len()),
        ),
    );
    let items = response["result"]["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{response}"));
    assert!(items.iter().any(|i| i["label"] == "msp"), "{items:#?}");
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn definition_and_references_of_a_party() {
    let (mut client, uri, text) = northwind();
    let on_msp = position_of(&text, "owner: msp", 0, "owner: ".len());
    let definition = client.request("textDocument/definition", at(&uri, on_msp.clone()));
    let location = &definition["result"];
    assert_eq!(location["uri"], uri.as_str());
    assert_eq!(covered(&text, &location["range"]), "msp");
    assert_eq!(
        location["range"]["start"]["line"], 19,
        "the `msp:` key: {location}"
    );

    let mut references = |include: bool| {
        let mut params = at(&uri, on_msp.clone());
        params["context"] = json!({ "includeDeclaration": include });
        let response = client.request("textDocument/references", params);
        response["result"]
            .as_array()
            .cloned()
            .unwrap_or_else(|| panic!("{response}"))
    };
    let with = references(true);
    let without = references(false);
    assert_eq!(with.len(), without.len() + 1, "the declaration counts once");
    assert!(without.len() > 10, "{without:#?}");
    assert!(with.iter().all(|l| covered(&text, &l["range"]) == "msp"));
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn rename_a_party_everywhere_in_one_edit() {
    let (mut client, uri, text) = northwind();
    let on_msp = position_of(&text, "owner: msp", 0, "owner: ".len());
    let prepared = client.request("textDocument/prepareRename", at(&uri, on_msp.clone()));
    assert_eq!(covered(&text, &prepared["result"]), "msp", "{prepared}");
    let mut params = at(&uri, on_msp.clone());
    params["newName"] = json!("lakeside");
    let response = client.request("textDocument/rename", params);
    let edits = response["result"]["changes"][uri.as_str()]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("{response}"));
    let renamed = apply(&text, &edits);
    assert!(renamed.contains("\n  lakeside:\n"), "the key is renamed");
    assert!(!renamed.contains("owner: msp"));
    // The renamed scope lints as the original did: nothing dangles.
    let new_uri = "file:///srv/renamed.scope.yaml";
    client.open(new_uri, &renamed);
    let after = client.diagnostics(new_uri);
    assert!(
        !after
            .iter()
            .any(|d| d["code"] == "unknown-party" || d["code"] == "unused-party"),
        "{after:#?}"
    );

    let mut taken = at(&uri, on_msp);
    taken["newName"] = json!("internal");
    let refused = client.request("textDocument/rename", taken);
    assert_eq!(refused["error"]["code"], -32803, "{refused}");
    insta::assert_snapshot!(
        "lsp-rename-refused",
        refused["error"]["message"].as_str().unwrap()
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_quick_fix_clears_its_diagnostic() {
    let file = "tests/fixtures/lint/unknown-party/fires.scope.yaml";
    let (mut client, _) = Client::initialized(json!({}));
    let text = std::fs::read_to_string(crate::common::root().join(file)).unwrap();
    let uri = uri_of(file);
    client.open(&uri, &text);
    let diagnostics = client.diagnostics(&uri);
    let typo = diagnostics
        .iter()
        .find(|d| covered(&text, &d["range"]) == "interal")
        .cloned()
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": typo["range"],
            "context": { "diagnostics": [typo] },
        }),
    );
    let actions = response["result"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("{response}"));
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    insta::assert_json_snapshot!("lsp-code-action-titles", titles);
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("no preferred fix: {actions:#?}"));
    assert_eq!(fix["diagnostics"][0]["code"], "unknown-party");
    let edits = fix["edit"]["changes"][uri.as_str()].as_array().unwrap();
    let fixed = apply(&text, edits);
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let after = client.diagnostics(&uri);
    assert_eq!(after.len(), diagnostics.len() - 1, "{after:#?}");
    assert!(
        !after
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("interal"))
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn features_answer_null_off_a_scope() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/compose.yaml";
    client.open(uri, "services:\n  web: {image: nginx}\n");
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
    ] {
        let response = client.request(method, at(uri, json!({ "line": 1, "character": 3 })));
        assert_eq!(response["result"], Value::Null, "{method}: {response}");
    }
    let closed = client.request(
        "textDocument/hover",
        at(
            "file:///nowhere.scope.yaml",
            json!({ "line": 0, "character": 0 }),
        ),
    );
    assert_eq!(closed["result"], Value::Null);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
