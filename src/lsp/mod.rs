//! `comanage lsp`: the checks in the editor.
pub mod features;
