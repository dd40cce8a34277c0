//! The starter scope `comanage init` writes.
//!
//! The starter is a commented template (`starter.scope.yaml`) with `${NAME}`
//! markers. Markers are filled in one pass over the template, so a client name
//! that itself contains `${PROVIDER}` stays literal text.

pub mod quote;

use crate::scope::Date;

/// The template, with `${NAME}` markers.
const TEMPLATE: &str = include_str!("starter.scope.yaml");

/// Where the starter's `$schema` comment sends editors: a file beside the
/// scope, which `comanage schema -o scope.schema.json` (or `init --schema`)
/// writes. It works offline and matches the installed comanage; the schema's
/// `$id` URL is not published yet.
pub const SCHEMA_FILE: &str = "scope.schema.json";

/// What the starter scope is filled in with.
#[derive(Debug, Clone)]
pub struct Starter {
    /// The client business; a placeholder when `None`.
    pub client: Option<String>,
    /// The managed service provider; a placeholder when `None`.
    pub provider: Option<String>,
    /// The contract start and review date; renewal is a year later.
    pub today: Date,
}

impl Starter {
    /// The starter scope as YAML text.
    pub fn render(&self) -> String {
        let client = self.client.as_deref();
        let provider = self
            .provider
            .as_deref()
            .unwrap_or("Your managed service provider");
        let internal = client.map_or_else(|| "Internal IT".to_owned(), |c| format!("{c} IT"));
        let leadership = client.map_or_else(
            || "Leadership team".to_owned(),
            |c| format!("{c} leadership"),
        );
        let values = [
            ("SCHEMA_URL", format!("./{SCHEMA_FILE}")),
            (
                "CLIENT",
                quote::double_quoted(client.unwrap_or("Your company")),
            ),
            ("PROVIDER", quote::double_quoted(provider)),
            ("INTERNAL_NAME", quote::double_quoted(&internal)),
            ("LEADERSHIP_NAME", quote::double_quoted(&leadership)),
            ("START", self.today.to_string()),
            ("RENEWAL", one_year_after(self.today).to_string()),
            ("REVIEWED", self.today.to_string()),
        ];
        fill(TEMPLATE, &values)
    }
}

/// The same day a year later (28 February after a 29 February).
fn one_year_after(date: Date) -> Date {
    date.0
        .checked_add(jiff::Span::new().years(1))
        .map_or(date, Date)
}

/// `template` with each `${NAME}` replaced by its value, in one pass.
/// An unknown marker is left as written.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let known = after.find('}').and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (value, end))
        });
        match known {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("${");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::load_bytes;

    fn today() -> Date {
        "2026-11-22".parse().unwrap()
    }

    fn starter(client: Option<&str>, provider: Option<&str>) -> Starter {
        Starter {
            client: client.map(str::to_owned),
            provider: provider.map(str::to_owned),
            today: today(),
        }
    }

    #[test]
    fn placeholders_load() {
        let text = starter(None, None).render();
        assert!(!text.contains("${"), "unfilled marker:\n{text}");
        let document = load_bytes("scope.yaml", text.into_bytes()).unwrap();
        let engagement = &document.scope.engagement;
        assert_eq!(engagement.client, "Your company");
        assert_eq!(engagement.renewal, Some("2027-11-22".parse().unwrap()));
        assert_eq!(engagement.reviewed, Some(today()));
    }

    #[test]
    fn every_baseline_function_is_assigned_once() {
        let document = load_bytes("s", starter(None, None).render().into_bytes()).unwrap();
        let scope = &document.scope;
        let ids: Vec<&str> = scope.functions().map(|(_, id, _)| id).collect();
        for (id, _) in crate::scope::STANDARD_BASELINE {
            assert_eq!(ids.iter().filter(|i| **i == id).count(), 1, "{id}");
        }
        for (service_id, id, function) in scope.functions() {
            let service = &scope.services[service_id];
            let owners = scope.owners(service, function);
            assert_eq!(owners.len(), 1, "{id}");
            if function.critical {
                let backup = function.backup.as_deref();
                assert!(backup.is_some() && backup != Some(owners[0]), "{id}");
            }
            if let Some(need) = function.hours {
                assert!(
                    scope.parties[owners[0]].covered_hours().covers(need),
                    "{id}"
                );
            }
        }
    }

    #[test]
    fn hostile_names_round_trip() {
        let client = "Acme: \"Smith\" & Sons # 1\n- ${PROVIDER} 歯科\u{1b}[31m";
        let provider = "- dash: msp #tag";
        let text = starter(Some(client), Some(provider)).render();
        let document = load_bytes("s", text.into_bytes()).unwrap();
        let scope = &document.scope;
        assert_eq!(scope.engagement.client, client);
        assert_eq!(scope.engagement.provider.as_deref(), Some(provider));
        assert_eq!(scope.parties["msp"].name, provider);
        assert_eq!(scope.parties["internal"].name, format!("{client} IT"));
    }

    #[test]
    fn starter_has_no_lint_findings() {
        let document = load_bytes("s", starter(None, None).render().into_bytes()).unwrap();
        let options = crate::lint::LintOptions { today: today() };
        let findings = crate::lint::check(&document, &options);
        let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(rules.is_empty(), "{rules:?}");
    }

    #[test]
    fn the_schema_comment_names_the_file_beside_the_scope() {
        let text = starter(None, None).render();
        assert!(
            text.starts_with("# yaml-language-server: $schema=./scope.schema.json\n"),
            "{text}"
        );
    }

    #[test]
    fn leap_day_renews_on_the_last_of_february() {
        let leap: Date = "2028-02-29".parse().unwrap();
        assert_eq!(one_year_after(leap).to_string(), "2029-02-28");
    }

    #[test]
    fn fill_is_one_pass() {
        let values = [("A", "${B}".to_owned()), ("B", "b".to_owned())];
        assert_eq!(fill("x ${A} ${B} ${C} ${", &values), "x ${B} b ${C} ${");
    }
}
