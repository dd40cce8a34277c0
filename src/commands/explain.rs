//! `comanage explain RULE`: one rule's documentation.

use crate::commands::rules::level_word;
use crate::lint::rule::Rule;
use crate::lint::rules::{REGISTRY, find};
use crate::runtime::{CommandResult, GlobalArgs, Status, write_stdout};

/// Arguments of `comanage explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The rule id, such as `coverage-gap` (`comanage rules` lists them).
    #[arg(value_name = "RULE", value_parser = RuleId, hide_possible_values = true)]
    pub rule: String,
}

/// Parses any text as a rule id (an unknown one gets a "did you mean" from
/// [`run`]), and offers the registry's ids to shell completions.
#[derive(Debug, Clone, Copy)]
struct RuleId;

impl clap::builder::TypedValueParser for RuleId {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(REGISTRY.iter().map(|rule| {
            clap::builder::PossibleValue::new(rule.id).help(rule.summary)
        })))
    }
}

/// Prints the documentation of one rule; an unknown id gets the closest.
pub fn run(_global: &GlobalArgs, args: &Args) -> CommandResult {
    let Some(rule) = find(&args.rule) else {
        let ids = REGISTRY.iter().map(|rule| rule.id);
        let help = match crate::suggest::closest(&args.rule, ids) {
            Some(close) => format!("did you mean `{close}`? `comanage rules` lists every rule"),
            None => "`comanage rules` lists every rule".to_owned(),
        };
        return Err(miette::miette!(
            help = help,
            "`{}` is not a lint rule",
            crate::terminal::sanitize(&args.rule)
        ));
    };
    write_stdout(&render(rule, crate::terminal::width().min(100)))?;
    Ok(Status::Clean)
}

/// The documentation of `rule` as terminal text, prose wrapped at `width`.
pub fn render(rule: &Rule, width: usize) -> String {
    let docs = &rule.docs;
    let mut out = format!(
        "{} (default: {})\n\n{}\n",
        rule.id,
        level_word(rule.default_level),
        wrap(rule.summary, width, "")
    );
    for (title, text) in [("What it checks", docs.what), ("Why it matters", docs.why)] {
        out.push_str(&format!("\n{title}\n{}\n", wrap(text, width, "  ")));
    }
    for (title, yaml) in [("Example", docs.example), ("Use instead", docs.use_instead)] {
        out.push_str(&format!("\n{title}\n"));
        for line in yaml.lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push_str(&format!("\nFix\n{}\n", wrap(docs.fix, width, "  ")));
    out.push_str(&format!(
        "\nTo change its level: `lint: {{ {}: allow | warn | deny }}`. To waive it on one item: \
         `waive: {{ {}: {{ reason: …, until: YYYY-MM-DD }} }}`.\n",
        rule.id, rule.id
    ));
    out
}

fn wrap(text: &str, width: usize, indent: &str) -> String {
    let options = textwrap::Options::new(width.max(40))
        .initial_indent(indent)
        .subsequent_indent(indent);
    textwrap::fill(text, options)
}
