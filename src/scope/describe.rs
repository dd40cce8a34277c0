//! Naming the item a JSON pointer lies in, for messages.
//!
//! `/services/security/functions/patching/owner` is "function `patching` in
//! service `security`": users think in the file's items, not in pointers.

/// The segments of a JSON pointer, unescaped.
pub fn segments(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// A phrase naming the innermost item that holds `pointer`, such as
/// "function `patching` in service `security`", "party `msp`",
/// "tier 2 of escalation path `standard`" or "the engagement".
pub fn item(pointer: &str) -> String {
    let segments = segments(pointer);
    let s: Vec<&str> = segments.iter().map(String::as_str).collect();
    match s.as_slice() {
        ["services", service, "functions", function, ..] => {
            format!("function `{function}` in service `{service}`")
        }
        ["services", service, ..] => format!("service `{service}`"),
        ["parties", party, "contacts", index, ..] => {
            format!("contact {} of party `{party}`", ordinal(index))
        }
        ["parties", party, ..] => format!("party `{party}`"),
        ["decisions", decision, ..] => format!("decision `{decision}`"),
        ["escalation", path, index, ..] => {
            format!("tier entry {} of escalation path `{path}`", ordinal(index))
        }
        ["escalation", path, ..] => format!("escalation path `{path}`"),
        ["cadence", index, ..] => format!("cadence meeting {}", ordinal(index)),
        ["engagement", ..] => "the engagement".to_owned(),
        ["authority", ..] => "the authority section".to_owned(),
        ["lint", ..] => "the lint section".to_owned(),
        _ => "the scope".to_owned(),
    }
}

/// `"0"` -> `"1"`: list indexes as people count them.
fn ordinal(index: &str) -> String {
    index
        .parse::<usize>()
        .map_or_else(|_| index.to_owned(), |i| (i + 1).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_items() {
        assert_eq!(
            item("/services/sec/functions/patching/owner"),
            "function `patching` in service `sec`"
        );
        assert_eq!(item("/services/sec/owner"), "service `sec`");
        assert_eq!(item("/parties/msp/role"), "party `msp`");
        assert_eq!(
            item("/escalation/std/1/party"),
            "tier entry 2 of escalation path `std`"
        );
        assert_eq!(item("/cadence/0"), "cadence meeting 1");
        assert_eq!(item(""), "the scope");
        assert_eq!(segments("/a~1b/c~0d"), ["a/b", "c~d"]);
    }
}
