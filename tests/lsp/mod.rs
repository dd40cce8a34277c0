//! `comanage lsp` driven over its stdio by a small JSON-RPC client, as an
//! editor drives it.

mod agreement;
mod client;
mod editing;
mod features;
mod neovim;
mod protocol;
mod robustness;
mod text;
