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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{ChangeKind, Group, Impact};

    #[test]
    fn changes_are_objects_with_the_documented_fields() {
        let change = Change {
            kind: ChangeKind::TierRemoved,
            group: Group::Escalation,
            pointer: "/escalation/std/2".into(),
            old_pointer: None,
            old: Some(serde_json::json!({"tier": 3, "party": "boss"})),
            new: None,
            impact: Impact::Major,
            summary: "tier 3 removed".into(),
        };
        let parsed: serde_json::Value = serde_json::from_str(&render(&[change])).unwrap();
        let object = &parsed[0];
        assert_eq!(object["kind"], "tier-removed");
        assert_eq!(object["group"], "escalation");
        assert_eq!(object["impact"], "major");
        assert_eq!(object["new"], serde_json::Value::Null);
        assert_eq!(object["old"]["party"], "boss");
        assert_eq!(render(&[]), "[]\n");
    }
}
