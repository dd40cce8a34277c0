//! The protocol's frame: initialize and its capabilities, the position
//! encoding, shutdown and exit.

use serde_json::{Value, json};

use super::client::{Client, uri_of};

const UNKNOWN_PARTY: &str = "tests/fixtures/lint/unknown-party/fires.scope.yaml";

#[test]
fn initialize_announces_incremental_sync_and_utf16_by_default() {
    let (client, result) = Client::initialized(json!({}));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(result["serverInfo"]["name"], "comanage");
    insta::assert_json_snapshot!("lsp-initialize", result["capabilities"]);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

/// A scope with `😀東京` (4 + 6 bytes, 2 + 2 UTF-16 units) before an
/// unknown owner on line 6.
const EMOJI_SCOPE: &str = "version: 1\nparties:\n  internal: {name: IT, role: internal}\nservices:\n  desk:\n    functions:\n      tickets: {name: 😀東京, owner: nobody}\nengagement: {client: Harbor, provider: Lakeside}\n";

/// Opens [`EMOJI_SCOPE`]; its `unknown-party` diagnostic and its line 6.
fn unknown_owner_after_emoji(client: &mut Client) -> (Value, &'static str) {
    let uri = "file:///tmp/emoji.scope.yaml";
    client.open(uri, EMOJI_SCOPE);
    let diagnostics = client.diagnostics(uri);
    let unknown = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-party")
        .cloned()
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    (unknown, EMOJI_SCOPE.lines().nth(6).unwrap())
}

#[test]
fn utf8_is_chosen_when_the_client_offers_it() {
    let (mut client, result) = Client::initialized(json!({
        "general": { "positionEncodings": ["utf-16", "utf-8"] }
    }));
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    let (unknown, line) = unknown_owner_after_emoji(&mut client);
    let byte = line.find("nobody").unwrap() as u64;
    assert_eq!(
        unknown["range"]["start"],
        json!({ "line": 6, "character": byte })
    );
    assert_eq!(unknown["range"]["end"]["character"], byte + 6);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn utf16_ranges_count_code_units() {
    let (mut client, _) = Client::initialized(json!({}));
    let (unknown, line) = unknown_owner_after_emoji(&mut client);
    let units = line[..line.find("nobody").unwrap()].encode_utf16().count() as u64;
    assert_eq!(
        unknown["range"]["start"],
        json!({ "line": 6, "character": units })
    );
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn the_diagnostics_of_a_fixture() {
    let (mut client, _) = Client::initialized(json!({}));
    let uri = uri_of(UNKNOWN_PARTY);
    let text = std::fs::read_to_string(crate::common::root().join(UNKNOWN_PARTY)).unwrap();
    client.open(&uri, &text);
    let mut diagnostics = Value::Array(client.diagnostics(&uri));
    for related in diagnostics.as_array_mut().unwrap() {
        if let Some(infos) = related
            .get_mut("relatedInformation")
            .and_then(Value::as_array_mut)
        {
            for info in infos {
                info["location"]["uri"] = json!("[uri]");
            }
        }
    }
    insta::assert_json_snapshot!("lsp-diagnostics-unknown-party", diagnostics);
    assert_eq!(client.shutdown_and_exit(), Some(0));
}

#[test]
fn exit_without_shutdown_ends_with_1() {
    let (client, _) = Client::initialized(json!({}));
    assert_eq!(client.exit(), Some(1));
}

#[test]
fn the_end_of_the_input_ends_the_server() {
    // Closing standard input without `exit` is the client going away.
    let (mut client, _) = Client::initialized(json!({}));
    client.close_input();
    assert_eq!(client.wait(), Some(1));
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut client = Client::start();
    let response = client.request("textDocument/hover", json!({}));
    assert_eq!(response["error"]["code"], -32002, "{response}");
    client.initialize(json!({}));
    let after = client.request("shutdown", Value::Null);
    assert_eq!(after["result"], Value::Null);
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(
        late["error"]["code"], -32600,
        "only exit after shutdown: {late}"
    );
    assert_eq!(client.exit(), Some(0));
}
