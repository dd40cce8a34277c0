//! `comanage rules`: the lint rules, one line each.

use crate::lint::rules::REGISTRY;
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stdout};
use crate::scope::LintLevel;

/// Output formats of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns: id, default level, what fires the rule.
    #[default]
    Human,
    /// An array of `{id, level, summary}`.
    Json,
}

/// Arguments of `comanage rules`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// The word for a level, as the `lint:` map writes it.
pub fn level_word(level: LintLevel) -> &'static str {
    match level {
        LintLevel::Allow => "allow",
        LintLevel::Warn => "warn",
        LintLevel::Deny => "deny",
    }
}

/// Lists every rule with its default level.
pub fn run(_global: &GlobalArgs, args: &Args) -> CommandResult {
    let text = match args.format {
        Format::Human => {
            let width = REGISTRY.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let mut out = String::new();
            for rule in REGISTRY {
                out.push_str(&format!(
                    "{:width$}  {:4}  {}\n",
                    rule.id,
                    level_word(rule.default_level),
                    rule.summary
                ));
            }
            out.push_str("\nSet a level in the scope's `lint:` map (allow, warn, deny); `comanage explain RULE` documents one rule.\n");
            out
        }
        Format::Json => {
            let rules: Vec<serde_json::Value> = REGISTRY
                .iter()
                .map(|rule| {
                    serde_json::json!({
                        "id": rule.id,
                        "level": level_word(rule.default_level),
                        "summary": rule.summary,
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&rules).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    write_stdout(&text)?;
    Ok(Status::Clean)
}
