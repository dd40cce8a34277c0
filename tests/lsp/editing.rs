//! Documents as the editor changes them: incremental and full changes,
//! saves, closes, and which documents are served.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::client::Client;

const SCOPE: &str = "version: 1\nparties:\n  internal: {name: IT, role: internal}\nservices:\n  desk:\n    functions:\n      tickets: {name: Tickets, owner: nobody}\nengagement: {client: Harbor, provider: Lakeside}\n";

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn change(client: &mut Client, uri: &str, version: i32, changes: Value) {
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
    );
}

#[test]
fn an_incremental_change_clears_a_diagnostic() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/desk.scope.yaml";
    client.open(uri, SCOPE);
    assert!(codes(&client.diagnostics(uri)).contains(&"unknown-party".to_owned()));
    let line = SCOPE.lines().nth(6).unwrap();
    let start = line.find("nobody").unwrap();
    let started = Instant::now();
    change(
        &mut client,
        uri,
        2,
        json!([{ "range": {
            "start": { "line": 6, "character": start },
            "end": { "line": 6, "character": start + 6 },
        }, "text": "internal" }]),
    );
    let after = client.diagnostics(uri);
    assert!(started.elapsed() < Duration::from_secs(10), "hang guard");
    assert!(
        !codes(&after).contains(&"unknown-party".to_owned()),
        "{after:#?}"
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_full_change_and_a_save_republish() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/desk.scope.yaml";
    client.open(uri, &SCOPE.replace("nobody", "internal"));
    let clean = client.diagnostics(uri);
    assert!(!codes(&clean).contains(&"unknown-party".to_owned()));
    change(&mut client, uri, 2, json!([{ "text": SCOPE }]));
    assert!(codes(&client.diagnostics(uri)).contains(&"unknown-party".to_owned()));
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(codes(&client.diagnostics(uri)).contains(&"unknown-party".to_owned()));
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/desk.scope.yaml";
    client.open(uri, SCOPE);
    assert!(!client.diagnostics(uri).is_empty());
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(client.diagnostics(uri).is_empty());
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_schema_comment_makes_any_yaml_a_scope() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/clients/harbor.yaml";
    let text = format!("# yaml-language-server: $schema=../scope.schema.json\n{SCOPE}");
    client.open(uri, &text);
    assert!(codes(&client.diagnostics(uri)).contains(&"unknown-party".to_owned()));
    // Removing the comment makes it plain YAML again: the diagnostics go.
    change(&mut client, uri, 2, json!([{ "text": SCOPE }]));
    assert!(client.diagnostics(uri).is_empty());
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn a_burst_of_changes_publishes_once_for_the_last() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = "file:///srv/desk.scope.yaml";
    client.open(uri, SCOPE);
    client.diagnostics(uri);
    for version in 2..=6 {
        change(&mut client, uri, version, json!([{ "text": SCOPE }]));
    }
    let published = client.wait_for("the burst's publish", |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    assert_eq!(published["params"]["version"], 6, "{published}");
    let more = client.arrives_within(Duration::from_millis(400), |m| {
        m["method"] == "textDocument/publishDiagnostics"
    });
    assert!(more.is_none(), "one publish for the burst: {more:?}");
    assert_eq!(client.shutdown_and_exit(), Some(0));
}
