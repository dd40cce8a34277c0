//! The load path runs one way: `yaml` → `source` → `scope::model` → `schema`
//! → `scope::load` → everything else, and `cli` and `commands` share
//! `runtime` instead of importing each other. A module that imports one
//! above it fails here, with the line to change.

use std::path::Path;

/// What sits above the typed model: no stage below it may import these.
const ABOVE_MODEL: &[&str] = &["schema", "scope::load", "lint", "commands", "cli"];
/// What sits above the text: the YAML layer may import none of these.
const ABOVE_YAML: &[&str] = &[
    "source",
    "scope",
    "schema",
    "diagnostics",
    "lint",
    "commands",
    "cli",
];

/// Each module (a file, or every file under a directory) and the modules it
/// must not import.
const RULES: &[(&str, &[&str])] = &[
    ("src/yaml", ABOVE_YAML),
    ("src/yaml.rs", ABOVE_YAML),
    (
        "src/source.rs",
        &["scope", "schema", "lint", "commands", "cli"],
    ),
    ("src/scope/model.rs", ABOVE_MODEL),
    ("src/scope/values.rs", ABOVE_MODEL),
    ("src/scope/describe.rs", ABOVE_MODEL),
    ("src/schema", &["scope::load", "lint", "commands", "cli"]),
    ("src/schema.rs", &["scope::load", "lint", "commands", "cli"]),
    ("src/commands", &["cli"]),
    ("src/inputs.rs", &["cli", "commands"]),
    ("src/runtime.rs", &["cli", "commands"]),
];

/// The non-test code of a file: everything before its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

fn files(path: &Path) -> Vec<std::path::PathBuf> {
    if path.is_file() {
        return vec![path.to_owned()];
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        out.extend(files(&entry.unwrap().path()));
    }
    out.sort();
    out
}

#[test]
fn the_load_path_imports_only_downward() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    for (module, forbidden) in RULES {
        for file in files(&root.join(module)) {
            for (number, line) in code(&file).lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for above in *forbidden {
                    let import = format!("crate::{above}");
                    let imports = line.match_indices(&import).any(|(at, _)| {
                        let next = line[at + import.len()..].chars().next();
                        !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    });
                    if imports {
                        wrong.push(format!(
                            "{}:{}: imports `{import}`, which is above it: {}",
                            file.strip_prefix(root).unwrap().display(),
                            number + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
