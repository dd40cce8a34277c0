//! Hover: who a party is and what it owns, who owns a function and whom to
//! call (the `who` answer), what a rule checks.

use std::fmt::Write;

use super::Hover;
use super::locate::{self, Kind, Occurrence};
use super::markdown::{code, escape};
use crate::lint::rules;
use crate::scope::{Document, Scope};
use crate::who::answer::{self, FunctionAnswer, PartyAnswer, PartyRef, TierAnswer};
use crate::who::party;

/// The hover for the id at `offset`: a party key or reference, a function
/// key, an escalation path, a service, or a rule id in `lint:` or `waive:`.
/// `None` anywhere else.
pub fn hover(doc: &Document, offset: usize) -> Option<Hover> {
    let found = locate::at(doc, offset)?;
    let markdown = match found.kind {
        Kind::Party => party_markdown(&doc.scope, &found.id),
        Kind::Function => function_markdown(&doc.scope, &found)?,
        Kind::Path => path_markdown(&doc.scope, &found.id),
        Kind::Service => service_markdown(&doc.scope, &found.id),
        Kind::Rule => rule_markdown(&found.id),
    };
    Some(Hover {
        range: found.span,
        markdown,
    })
}

/// A party: name, role, hours, contacts, and how much it is on the hook for.
fn party_markdown(scope: &Scope, id: &str) -> String {
    if !scope.parties.contains_key(id) {
        return format!("No party {} is defined under `parties:`.", code(id));
    }
    let view = party::build(scope, id, id, None);
    let mut s = party_heading(&view.party);
    let counts = [
        (view.owns.len(), "owns", "function", "functions"),
        (view.backs_up.len(), "backs up", "function", "functions"),
        (
            view.responsible.len(),
            "responsible for",
            "function",
            "functions",
        ),
        (view.decides.len(), "decides", "decision", "decisions"),
        (
            view.ladders.len(),
            "on",
            "escalation tier",
            "escalation tiers",
        ),
        (view.cadence.len(), "attends", "meeting", "meetings"),
    ];
    // What it owns is always said (owning nothing is news); the rest only
    // when there is some.
    let counted: Vec<String> = counts
        .iter()
        .enumerate()
        .filter(|(i, (n, ..))| *i == 0 || *n > 0)
        .map(|(_, (n, verb, one, many))| format!("{verb} {n} {}", if *n == 1 { one } else { many }))
        .collect();
    let _ = write!(s, "\n\n{}", capitalise(&counted.join(" · ")));
    if !view.authority.is_empty() {
        let fields: Vec<String> = view.authority.iter().map(|f| code(f)).collect();
        let _ = write!(s, "\n\nAuthority: {}", fields.join(", "));
    }
    s
}

/// `**Name** (`id`)`, the role and hours, and the contacts.
fn party_heading(party: &PartyAnswer) -> String {
    let mut s = format!(
        "**{}** ({})",
        escape(party.name.as_deref().unwrap_or("")),
        code(&party.id)
    );
    if let (Some(role), Some(hours)) = (party.role, party.hours) {
        let _ = write!(s, "\n\n{} · hours: {}", role.as_str(), hours.as_str());
    }
    for (i, contact) in party.contacts.iter().enumerate() {
        if i == 0 {
            s.push_str("\n\nContacts:");
        }
        let _ = write!(s, "\n- {}", escape(&contact.name));
        for extra in [&contact.title, &contact.email, &contact.phone]
            .into_iter()
            .flatten()
        {
            let _ = write!(s, " · {}", escape(extra));
        }
    }
    s
}

/// A function: the `who` answer as Markdown.
fn function_markdown(scope: &Scope, found: &Occurrence) -> Option<String> {
    let built = answer::build(
        scope,
        &found.id,
        &[(found.service.as_str(), found.id.as_str())],
        None,
    );
    let function = built.functions.into_iter().next()?;
    Some(render_function(&function))
}

fn render_function(f: &FunctionAnswer) -> String {
    let mut s = format!(
        "**{}** ({}) in {} ({})",
        escape(&f.name),
        code(&f.id),
        escape(&f.service.name),
        code(&f.service.id)
    );
    let owners = match f.owners.as_slice() {
        [] => "**none**".to_owned(),
        owners => owners
            .iter()
            .map(|p| format!("{}{}", party_line(p), hours_of(p)))
            .collect::<Vec<_>>()
            .join("; "),
    };
    let _ = write!(s, "\n\nOwner: {owners}");
    if let Some(backup) = &f.backup {
        let _ = write!(s, "  \nBackup: {}{}", party_line(backup), hours_of(backup));
    }
    for (label, refs) in [
        ("Responsible", &f.responsible),
        ("Consulted", &f.consulted),
        ("Informed", &f.informed),
    ] {
        if !refs.is_empty() {
            let names: Vec<String> = refs.iter().map(reference).collect();
            let _ = write!(s, "  \n{label}: {}", names.join(", "));
        }
    }
    let mut facts = Vec::new();
    if f.critical {
        facts.push("critical".to_owned());
    }
    if let Some(hours) = f.hours {
        facts.push(format!("needs {}", hours.as_str()));
    }
    if let Some(recovery) = &f.recovery {
        facts.push(format!("recovery {}", escape(recovery)));
    }
    if !facts.is_empty() {
        let _ = write!(s, "\n\n{}", capitalise(&facts.join(" · ")));
    }
    if let Some(path) = &f.escalation {
        if path.defined {
            let _ = write!(s, "\n\nEscalation {}:", code(&path.id));
            ladder(&mut s, &path.tiers);
        } else {
            let _ = write!(s, "\n\nEscalation {}: no such path.", code(&path.id));
        }
    }
    for contact in f.owners.iter().flat_map(|p| p.contacts.first()) {
        let reach: Vec<String> = [&contact.phone, &contact.email]
            .into_iter()
            .flatten()
            .map(|v| escape(v))
            .collect();
        if !reach.is_empty() {
            let _ = write!(
                s,
                "\n\nCall: {} · {}",
                escape(&contact.name),
                reach.join(" · ")
            );
        }
    }
    s
}

/// A party as `Name (`id`)`, or `` `id` (not defined) ``.
fn party_line(p: &PartyAnswer) -> String {
    reference(&PartyRef {
        id: p.id.clone(),
        name: p.name.clone(),
    })
}

fn hours_of(p: &PartyAnswer) -> String {
    p.hours
        .map_or(String::new(), |h| format!(", {}", h.as_str()))
}

fn reference(p: &PartyRef) -> String {
    match &p.name {
        Some(name) => format!("{} ({})", escape(name), code(&p.id)),
        None => format!("{} (not defined)", code(&p.id)),
    }
}

/// The tiers of a path as a numbered list.
fn ladder(s: &mut String, tiers: &[TierAnswer]) {
    if tiers.is_empty() {
        s.push_str(" no tiers.");
    }
    for tier in tiers {
        let _ = write!(s, "\n{}. {}", tier.tier, reference(&tier.party));
        if let Some(channel) = &tier.channel {
            let _ = write!(s, " · {}", escape(channel));
        }
        if let Some(respond) = &tier.respond {
            let _ = write!(s, " · respond {}", escape(respond));
        }
        if let Some(resolve) = &tier.resolve {
            let _ = write!(s, " · resolve {}", escape(resolve));
        }
        let _ = write!(s, " · {}", tier.hours.as_str());
    }
}

/// An escalation path: its ladder, and how many functions follow it.
fn path_markdown(scope: &Scope, id: &str) -> String {
    let Some(tiers) = scope.escalation.get(id) else {
        return format!(
            "No escalation path {} is defined under `escalation:`.",
            code(id)
        );
    };
    let followers = scope
        .functions()
        .filter(|(_, _, f)| scope.escalation_path_id(f) == Some(id))
        .count();
    let mut s = format!(
        "Escalation path {} · followed by {followers} {}",
        code(id),
        if followers == 1 {
            "function"
        } else {
            "functions"
        }
    );
    let resolved: Vec<TierAnswer> = tiers
        .iter()
        .map(|tier| TierAnswer {
            tier: tier.tier,
            party: answer::party_ref(scope, &tier.party),
            channel: tier.channel.clone(),
            hours: scope.tier_hours(tier),
            respond: tier.respond.map(|d| d.to_string()),
            resolve: tier.resolve.map(|d| d.to_string()),
            on_duty: None,
        })
        .collect();
    s.push_str("\n\nTiers:");
    ladder(&mut s, &resolved);
    s
}

/// A service: its name, default owner and function count.
fn service_markdown(scope: &Scope, id: &str) -> String {
    let Some(service) = scope.services.get(id) else {
        return format!("No service {} is defined under `services:`.", code(id));
    };
    let n = service.functions.len();
    let mut s = format!(
        "**{}** ({}) · {n} {}",
        escape(service.display_name(id)),
        code(id),
        if n == 1 { "function" } else { "functions" }
    );
    if let Some(owner) = &service.owner {
        let owners: Vec<String> = owner
            .ids()
            .into_iter()
            .map(|p| reference(&answer::party_ref(scope, p)))
            .collect();
        let _ = write!(s, "\n\nDefault owner: {}", owners.join(", "));
    }
    s
}

/// A rule: its summary and documentation, as `comanage explain` shows it.
fn rule_markdown(id: &str) -> String {
    let Some(rule) = rules::find(id) else {
        return format!(
            "{} is not a lint rule; `comanage rules` lists them.",
            code(id)
        );
    };
    let level = match rule.default_level {
        crate::scope::LintLevel::Allow => "allow",
        crate::scope::LintLevel::Warn => "warn",
        crate::scope::LintLevel::Deny => "deny",
    };
    let d = &rule.docs;
    format!(
        "**{}** (default: {level}): {}\n\n{}\n\n**Why:** {}\n\n**Fix:** {}\n\nExample:\n```yaml\n{}\n```\nInstead:\n```yaml\n{}\n```",
        code(rule.id),
        rule.summary,
        d.what,
        d.why,
        d.fix,
        d.example.trim_end(),
        d.use_instead.trim_end()
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
#[path = "hover_tests.rs"]
mod tests;
