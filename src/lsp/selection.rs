//! Which documents comanage serves (DESIGN.md section 9): files named
//! `scope.yaml` / `*.scope.yaml` (and the `.yml` spellings), and any YAML
//! document whose first lines carry a `yaml-language-server: $schema=`
//! comment naming a comanage schema.

/// How many lines from the top may hold the `$schema` comment.
const SCHEMA_COMMENT_LINES: usize = 5;

/// Whether the document at `uri` with `text` is a scope comanage serves.
pub fn is_served(uri: &str, text: &str) -> bool {
    crate::inputs::is_scope_file_name(file_name(uri)) || names_comanage_schema(text)
}

/// The last segment of a URI's path, without query or fragment.
fn file_name(uri: &str) -> &str {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    path.rsplit('/').next().unwrap_or(path)
}

/// Whether one of the first lines is a `# yaml-language-server: $schema=URL`
/// comment whose URL names comanage's schema: a file named
/// `scope.schema.json` (what `comanage init` and `comanage schema -o` write),
/// or any URL with `comanage` in it.
fn names_comanage_schema(text: &str) -> bool {
    text.lines().take(SCHEMA_COMMENT_LINES).any(|line| {
        let Some(comment) = line.trim_start().strip_prefix('#') else {
            return false;
        };
        let Some(rest) = comment.trim_start().strip_prefix("yaml-language-server:") else {
            return false;
        };
        let Some(url) = rest.trim_start().strip_prefix("$schema=") else {
            return false;
        };
        let url = url.split_whitespace().next().unwrap_or_default();
        file_name(url) == "scope.schema.json" || url.to_ascii_lowercase().contains("comanage")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_names_are_served() {
        assert!(is_served("file:///a/scope.yaml", ""));
        assert!(is_served("file:///a/harbor.scope.yml", ""));
        assert!(!is_served(
            "file:///a/docker-compose.yaml",
            "services: {}\n"
        ));
        assert!(!is_served("file:///a/scope.yaml.orig", ""));
    }

    #[test]
    fn a_schema_comment_names_the_document_a_scope() {
        let comment = "# yaml-language-server: $schema=../schema/scope.schema.json\nversion: 1\n";
        assert!(is_served("file:///a/clients.yaml", comment));
        let url = "---\n#yaml-language-server: $schema=https://example.org/comanage/v1.json\n";
        assert!(is_served("untitled:Untitled-1", url));
        let other =
            "# yaml-language-server: $schema=https://json.schemastore.org/github-workflow.json\n";
        assert!(!is_served("file:///a/ci.yaml", other));
        let late = format!("{}{comment}", "# filler\n".repeat(SCHEMA_COMMENT_LINES));
        assert!(!is_served("file:///a/clients.yaml", &late));
    }
}
