//! The JSON rendering: an array of [`Change`] objects, for scripts.

use super::Change;

/// `changes` as a pretty JSON array, with a final line feed. Each object has
/// `kind`, `group`, `pointer`, `old_pointer`, `old`, `new`, `impact` and
/// `summary`.
pub fn render(changes: &[Change]) -> String {
    let mut text = serde_json::to_string_pretty(changes).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}
