//! The editor-feature requests (hover, completion, definition, references,
//! rename, code actions): LSP positions in, LSP results out; the work is
//! done by the pure functions of [`super::features`] on byte offsets.

use std::io::Write;
use std::sync::Arc;

use lsp_server::{ErrorCode, Request};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, HoverParams, HoverProviderCapability, OneOf, Position,
    ReferenceParams, RenameOptions, RenameParams, ServerCapabilities, TextDocumentPositionParams,
    Uri,
};
use serde_json::{Value, json};

use super::documents::OpenDocument;
use super::features::{self, CompletionKind, Edit};
use super::position::Encoding;
use super::server::{Server, params};
use crate::source::Span;

/// A request's error: its code and message.
type Failure = (ErrorCode, String);

/// Announces the feature requests the server answers.
pub fn add_capabilities(capabilities: &mut ServerCapabilities) {
    capabilities.hover_provider = Some(HoverProviderCapability::Simple(true));
    capabilities.completion_provider = Some(CompletionOptions {
        trigger_characters: Some(vec![" ".into(), "[".into(), ",".into(), ":".into()]),
        ..CompletionOptions::default()
    });
    capabilities.definition_provider = Some(OneOf::Left(true));
    capabilities.references_provider = Some(OneOf::Left(true));
    capabilities.rename_provider = Some(OneOf::Right(RenameOptions {
        prepare_provider: Some(true),
        work_done_progress_options: Default::default(),
    }));
    capabilities.code_action_provider =
        Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        }));
}

/// One served document as a request sees it: positions converted, the
/// loaded scope at hand.
struct View<'a> {
    uri: &'a Uri,
    document: &'a OpenDocument,
    encoding: Encoding,
}

impl View<'_> {
    /// The text the features read.
    fn text(&self) -> &str {
        self.document.text()
    }

    /// A position as a byte offset.
    fn offset(&self, position: Position) -> usize {
        self.document.lines().offset(position, self.encoding)
    }

    /// A span as an LSP range, in JSON.
    fn range(&self, span: Span) -> Value {
        json!(self.document.lines().range(span, self.encoding))
    }

    /// A span as an LSP location in this document.
    fn location(&self, span: Span) -> Value {
        json!({ "uri": self.uri, "range": self.range(span) })
    }

    /// Edits as LSP text edits.
    fn text_edits(&self, edits: &[Edit]) -> Value {
        edits
            .iter()
            .map(|edit| json!({ "range": self.range(edit.span), "newText": edit.new_text }))
            .collect()
    }

    /// Edits as a workspace edit of this document.
    fn workspace_edit(&self, edits: &[Edit]) -> Value {
        json!({ "changes": { self.uri.as_str(): self.text_edits(edits) } })
    }

    /// The loaded scope of the current text.
    fn loaded(&self) -> Option<Arc<crate::scope::Document>> {
        self.document.analysis.as_ref()?.document.clone()
    }
}

impl<W: Write> Server<W> {
    /// Answers a feature request; an unknown method is `MethodNotFound`.
    pub(super) fn answer_feature(&mut self, request: Request) -> Result<Value, Failure> {
        let method = request.method.as_str();
        match method {
            "textDocument/hover" => {
                let p: HoverParams = params(request.params, method)?;
                let at = p.text_document_position_params;
                self.with_view(&at, true, |view, offset| Ok(hover(view, offset)))
            }
            "textDocument/completion" => {
                let p: CompletionParams = params(request.params, method)?;
                self.with_view(&p.text_document_position, false, |view, offset| {
                    Ok(completion(view, offset))
                })
            }
            "textDocument/definition" => {
                let p: lsp_types::GotoDefinitionParams = params(request.params, method)?;
                self.with_view(&p.text_document_position_params, true, |view, offset| {
                    Ok(definition(view, offset))
                })
            }
            "textDocument/references" => {
                let p: ReferenceParams = params(request.params, method)?;
                let include = p.context.include_declaration;
                self.with_view(&p.text_document_position, true, |view, offset| {
                    Ok(references(view, offset, include))
                })
            }
            "textDocument/prepareRename" => {
                let p: TextDocumentPositionParams = params(request.params, method)?;
                self.with_view(&p, true, prepare_rename)
            }
            "textDocument/rename" => {
                let p: RenameParams = params(request.params, method)?;
                let new_name = p.new_name;
                self.with_view(&p.text_document_position, true, |view, offset| {
                    rename(view, offset, &new_name)
                })
            }
            "textDocument/codeAction" => {
                let p: CodeActionParams = params(request.params, method)?;
                let position = TextDocumentPositionParams {
                    text_document: p.text_document,
                    position: p.range.start,
                };
                self.with_view(&position, true, |view, _| Ok(code_actions(view, p.range)))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("comanage does not answer {method}"),
            )),
        }
    }

    /// Runs `answer` on the served document of `at`, with the offset of
    /// `at`'s position; `null` for a document that is not open or not a
    /// scope. With `fresh`, the document is analysed for its current text
    /// first (completion reads the last version that loaded instead, and
    /// must not wait for a check on every keystroke).
    fn with_view(
        &mut self,
        at: &TextDocumentPositionParams,
        fresh: bool,
        answer: impl FnOnce(&View<'_>, usize) -> Result<Value, Failure>,
    ) -> Result<Value, Failure> {
        let (options, encoding) = (self.options, self.encoding);
        let uri = &at.text_document.uri;
        let Some(document) = self.documents.get_mut(uri) else {
            return Ok(Value::Null);
        };
        if !document.served {
            return Ok(Value::Null);
        }
        if fresh {
            document.analysis(&options);
        }
        let view = View {
            uri,
            document,
            encoding,
        };
        let offset = view.offset(at.position);
        answer(&view, offset)
    }
}

/// `textDocument/hover`: Markdown about the party, function or rule there.
fn hover(view: &View<'_>, offset: usize) -> Value {
    let Some(loaded) = view.loaded() else {
        return Value::Null;
    };
    match features::hover(&loaded, offset) {
        Some(found) => json!({
            "contents": { "kind": "markdown", "value": found.markdown },
            "range": view.range(found.range),
        }),
        None => Value::Null,
    }
}

/// `textDocument/completion`: the ids and values that fit there, read from
/// the last version of the document that loaded.
fn completion(view: &View<'_>, offset: usize) -> Value {
    let last_good = view.document.last_good.as_deref();
    let items: Vec<Value> = features::completion(view.text(), last_good, offset)
        .into_iter()
        .map(|item| {
            json!({
                "label": item.label,
                "kind": completion_kind(item.kind),
                // A party's or a service's name, written by another company.
                "detail": item.detail.as_deref().map(crate::terminal::sanitize_line),
                "textEdit": { "range": view.range(item.replace), "newText": item.label },
            })
        })
        .collect();
    json!({ "isIncomplete": false, "items": items })
}

/// The LSP kind shown beside a completion.
fn completion_kind(kind: CompletionKind) -> lsp_types::CompletionItemKind {
    use lsp_types::CompletionItemKind as Lsp;
    match kind {
        CompletionKind::Party => Lsp::VARIABLE,
        CompletionKind::Path => Lsp::REFERENCE,
        CompletionKind::Service => Lsp::MODULE,
        CompletionKind::Rule => Lsp::KEYWORD,
        CompletionKind::Value => Lsp::ENUM_MEMBER,
    }
}

/// `textDocument/definition`: where the party or path is defined.
fn definition(view: &View<'_>, offset: usize) -> Value {
    view.loaded()
        .and_then(|loaded| features::definition(&loaded, offset))
        .map_or(Value::Null, |span| view.location(span))
}

/// `textDocument/references`: every place that names it.
fn references(view: &View<'_>, offset: usize, include_declaration: bool) -> Value {
    let Some(loaded) = view.loaded() else {
        return Value::Null;
    };
    features::references(&loaded, offset, include_declaration)
        .into_iter()
        .map(|span| view.location(span))
        .collect()
}

/// The refusal of a rename in a scope that does not load.
fn not_loaded() -> Failure {
    (
        ErrorCode::RequestFailed,
        "comanage renames only in a scope that loads: fix its parse and schema errors first"
            .to_owned(),
    )
}

/// `textDocument/prepareRename`: the id that would be renamed, or why not.
fn prepare_rename(view: &View<'_>, offset: usize) -> Result<Value, Failure> {
    let loaded = view.loaded().ok_or_else(not_loaded)?;
    match features::prepare_rename(&loaded, offset) {
        Ok(span) => Ok(view.range(span)),
        Err(reason) => Err((ErrorCode::RequestFailed, reason)),
    }
}

/// `textDocument/rename`: one workspace edit of the key and every
/// reference, or the reason it is refused.
fn rename(view: &View<'_>, offset: usize, new_name: &str) -> Result<Value, Failure> {
    let loaded = view.loaded().ok_or_else(not_loaded)?;
    match features::rename(&loaded, offset, new_name) {
        Ok(edits) => Ok(view.workspace_edit(&edits)),
        Err(reason) => Err((ErrorCode::RequestFailed, reason)),
    }
}

/// `textDocument/codeAction`: the quick fixes of the findings in `range`.
fn code_actions(view: &View<'_>, range: lsp_types::Range) -> Value {
    let Some(analysis) = view.document.analysis.as_ref() else {
        return json!([]);
    };
    let shown = analysis.shown();
    let published = analysis.lsp_diagnostics(view.uri, &view.document.lines(), view.encoding);
    let span = {
        let start = view.offset(range.start);
        let end = view.offset(range.end).max(start);
        Span::new(start, end - start)
    };
    features::code_actions(view.text(), &shown, span)
        .into_iter()
        .map(|action| {
            let diagnostics: Vec<&lsp_types::Diagnostic> = action
                .diagnostic
                .and_then(|index| published.get(index))
                .into_iter()
                .collect();
            json!({
                "title": crate::terminal::sanitize_line(&action.title),
                "kind": "quickfix",
                "diagnostics": diagnostics,
                "isPreferred": action.preferred,
                "edit": view.workspace_edit(&action.edits),
            })
        })
        .collect()
}
