//! The JSON rendering, for scripts: `{"changes": [...], "sign_off": [...]}`.

use super::{Change, SignOff};

/// `changes` and who must sign them off as pretty JSON, with a final line
/// feed. Each change has `kind`, `group`, `pointer`, `old_pointer`, `old`,
/// `new`, `impact` and `summary` (and `functions` for a service
/// default-owner change); each sign-off entry `party`, `loses` and `gains`
/// (arrays of pointers).
pub fn render(changes: &[Change], sign_off: &[SignOff]) -> String {
    let document = serde_json::json!({ "changes": changes, "sign_off": sign_off });
    let mut text = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|_| "{\"changes\": [], \"sign_off\": []}".to_owned());
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
            functions: None,
        };
        let parsed: serde_json::Value = serde_json::from_str(&render(&[change], &[])).unwrap();
        let object = &parsed["changes"][0];
        assert_eq!(object["kind"], "tier-removed");
        assert_eq!(object["group"], "escalation");
        assert_eq!(object["impact"], "major");
        assert_eq!(object["new"], serde_json::Value::Null);
        assert_eq!(object["old"]["party"], "boss");
        assert_eq!(parsed["sign_off"], serde_json::json!([]));
    }
}
