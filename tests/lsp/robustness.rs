//! The server never dies: malformed JSON-RPC, unknown methods, a panicking
//! handler, documents that are no scope or too large, and a flood of edits.

use std::time::Duration;

use serde_json::{Value, json};

use super::client::Client;

/// Whether the server still answers: a request that must fail cleanly.
fn still_answers(client: &mut Client) {
    let response = client.request("comanage/no-such-request", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
}

#[test]
fn malformed_input_is_answered_and_skipped() {
    let (mut client, _) = Client::initialized(json!({}));
    let garbage: &[&[u8]] = &[
        b"\x00\xff\xfe garbage with no header at all\r\n\r\n",
        b"Content-Length: twelve\r\n\r\n",
        b"Content-Length: -5\r\n\r\n",
        b"Content-Length: 9\r\n\r\n{not json",
        b"Content-Length: 20\r\n\r\n{\"id\": 41, \"x\": 1}  ",
        b"Content-Length: 2\r\n\r\n[]",
    ];
    for bytes in garbage {
        client.send_raw(bytes);
        still_answers(&mut client);
    }
    let errors: Vec<Value> = client
        .take_stash()
        .into_iter()
        .filter(|m| m.get("error").is_some())
        .collect();
    assert_eq!(
        errors.len(),
        garbage.len(),
        "one error answer each: {errors:#?}"
    );
    assert!(errors.iter().any(|e| e["error"]["code"] == -32700));
    assert!(
        errors
            .iter()
            .any(|e| e["id"] == 41 && e["error"]["code"] == -32600),
        "the invalid request is answered under its id: {errors:#?}"
    );
    assert!(client.is_running());
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn unknown_methods_fail_and_unknown_notifications_are_ignored() {
    let (mut client, _) = Client::initialized(json!({}));
    client.notify("$/someExtension", json!({ "x": 1 }));
    client.notify("textDocument/didChange", json!({ "not": "params" }));
    let response = client.request("workspace/symbol", json!({ "query": "x" }));
    assert_eq!(response["error"]["code"], -32601);
    insta::assert_json_snapshot!("lsp-method-not-found", response);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_panicking_handler_is_logged_answered_and_survived() {
    let mut client = Client::start_with(&[("COMANAGE_LSP_PANIC_FOR_TESTS", "1")]);
    client.initialize(json!({}));
    let response = client.request("comanage/panic", json!({}));
    assert_eq!(response["error"]["code"], -32603, "{response}");
    let log = client.wait_for("the log message", |m| m["method"] == "window/logMessage");
    assert_eq!(log["params"]["type"], 1, "an error: {log}");
    assert!(
        log["params"]["message"]
            .as_str()
            .unwrap()
            .contains("comanage/panic"),
        "{log}"
    );
    still_answers(&mut client);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn the_panic_request_is_unknown_without_the_test_switch() {
    let (mut client, _) = Client::initialized(json!({}));
    let response = client.request("comanage/panic", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn yaml_that_is_no_scope_gets_no_diagnostics() {
    let (mut client, _) = Client::initialized(json!({}));
    client.open(
        "file:///srv/docker-compose.yaml",
        "services:\n  web: {image: nginx}\n",
    );
    // A scope name on a document that is not a scope: the schema speaks.
    client.open("file:///srv/scope.yaml", "- just\n- a list\n");
    let diagnostics = client.diagnostics("file:///srv/scope.yaml");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let none = client.arrives_within(Duration::from_millis(500), |m| {
        m["params"]["uri"] == "file:///srv/docker-compose.yaml"
    });
    assert!(none.is_none(), "{none:?}");
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_document_over_64_mib_is_reported_too_large() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/huge.scope.yaml";
    let mut text = String::from("version: 1\n# ");
    text.push_str(&"x".repeat(64 * 1024 * 1024));
    text.push('\n');
    client.open(uri, &text);
    drop(text);
    let diagnostics = client.diagnostics(uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(message.contains("at most 64 MiB"), "{message}");
    assert_eq!(diagnostics[0]["code"], "parse");
    still_answers(&mut client);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_hundred_edits_a_second_end_in_the_last_texts_diagnostics() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/flood.scope.yaml";
    let base = "version: 1\nparties:\n  internal: {name: IT, role: internal}\nservices:\n  desk:\n    functions:\n      tickets: {name: Tickets, owner: OWNER}\nengagement: {client: Harbor, provider: Lakeside}\n";
    client.open(uri, &base.replace("OWNER", "nobody"));
    for version in 2..=200 {
        let owner = if version % 2 == 0 {
            "internal"
        } else {
            "ghost"
        };
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": base.replace("OWNER", owner) }],
            }),
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // Version 200 names `internal`: the last publish must be for it.
    let last = client.wait_for("the publish of the last version", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 200
    });
    let codes: Vec<&Value> = last["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(!codes.contains(&&json!("unknown-party")), "{codes:?}");
    let publishes = client
        .take_stash()
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .count();
    // ~2 s of edits at one publish per 150 ms at most (and the open).
    assert!(publishes <= 16, "{publishes} publishes for 2 s of edits");
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn typing_character_by_character_ends_in_the_same_text() {
    // Ranged inserts in UTF-16 after an emoji, as an editor sends keystrokes:
    // the server's text must end as the editor's, so its diagnostics match a
    // fresh open of the final text.
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/typed.scope.yaml";
    let start = "version: 1\nengagement: {client: C, provider: P}\nparties:\n  it: {name: \"😀 IT\", role: internal}\nservices:\n  desk:\n    functions:\n      tickets: {name: 😀, owner: }\n";
    client.open(uri, start);
    client.diagnostics(uri);
    let line = start.lines().nth(7).unwrap();
    let column = line[..line.rfind(' ').unwrap() + 1].encode_utf16().count();
    let typed = "ghost";
    for (i, c) in typed.chars().enumerate() {
        let at = json!({ "line": 7, "character": column + i });
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": i + 2 },
                "contentChanges": [{ "range": { "start": at, "end": at }, "text": c.to_string() }],
            }),
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let version = typed.len() + 1;
    let last = client.wait_for("the last version's diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
    });
    let expected_text = start.replace("owner: }", "owner: ghost}");
    let fresh = "file:///srv/fresh.scope.yaml";
    client.open(fresh, &expected_text);
    let expected = client.diagnostics(fresh);
    let got = last["params"]["diagnostics"].as_array().unwrap();
    let without_related = |list: &[Value]| -> Vec<Value> {
        list.iter()
            .map(|d| {
                let mut d = d.clone();
                d.as_object_mut().unwrap().remove("relatedInformation");
                d
            })
            .collect()
    };
    assert_eq!(without_related(got), without_related(&expected));
    assert!(
        got.iter()
            .any(|d| d["message"].as_str().unwrap().contains("`ghost`"))
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
