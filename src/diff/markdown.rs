//! The markdown rendering.
