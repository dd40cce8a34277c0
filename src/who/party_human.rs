//! `comanage who PARTY` for people: the party, then what it owns, backs up,
//! does and decides, its seats on the ladders and its meetings, one list
//! per label.

use std::fmt::Write;

use super::human::{contact_line, duty_suffix, field, hours_text, indented, line};
use super::party::{FunctionBrief, LadderSeat, PartyView};

/// Renders the answer about one party; `color` makes its name bold.
pub fn render(view: &PartyView, color: bool) -> String {
    let mut out = String::new();
    if let Some(at) = &view.at {
        let _ = writeln!(
            out,
            "on duty at {} ({})\n",
            line(&at.moment),
            line(&at.hours)
        );
    }
    let p = &view.party;
    let name = line(p.name.as_deref().unwrap_or(&p.id));
    let title = if color {
        format!("\u{1b}[1m{name}\u{1b}[0m")
    } else {
        name
    };
    let _ = writeln!(out, "{title}  ({})", line(&p.id));
    if let Some(role) = p.role {
        field(&mut out, "role", role.as_str());
    }
    let mut hours = p.hours.map(hours_text).unwrap_or("none").to_owned();
    hours.push_str(duty_suffix(p.on_duty));
    field(&mut out, "hours", &hours);
    for (i, contact) in p.contacts.iter().enumerate() {
        field(
            &mut out,
            if i == 0 { "contacts" } else { "" },
            &contact_line(contact),
        );
    }
    functions(&mut out, "owns", &view.owns);
    functions(&mut out, "backs up", &view.backs_up);
    functions(&mut out, "responsible", &view.responsible);
    if view.decides.is_empty() {
        field(&mut out, "decides", "nothing");
    }
    for (i, decision) in view.decides.iter().enumerate() {
        let mut text = line(&decision.question);
        if decision.contested {
            text.push_str("  (shared with another party: `comanage lint` reports this)");
        }
        field(&mut out, if i == 0 { "decides" } else { "" }, &text);
    }
    if !view.authority.is_empty() {
        field(&mut out, "authority", &view.authority.join(", "));
    }
    if view.ladders.is_empty() {
        field(&mut out, "escalation", "on no escalation path");
    }
    for (i, seat) in view.ladders.iter().enumerate() {
        field(
            &mut out,
            if i == 0 { "escalation" } else { "" },
            &ladder_seat(seat),
        );
    }
    if view.cadence.is_empty() {
        field(&mut out, "cadence", "attends no meeting");
    }
    for (i, meeting) in view.cadence.iter().enumerate() {
        let text = format!("{} (every {})", line(&meeting.name), meeting.every);
        field(&mut out, if i == 0 { "cadence" } else { "" }, &text);
    }
    out
}

fn functions(out: &mut String, label: &str, list: &[FunctionBrief]) {
    if list.is_empty() {
        field(out, label, "nothing");
        return;
    }
    let s = if list.len() == 1 { "" } else { "s" };
    field(out, label, &format!("{} function{s}", list.len()));
    for f in list {
        let mut text = if f.name == f.id {
            line(&f.id)
        } else {
            format!("{} ({})", line(&f.name), line(&f.id))
        };
        let _ = write!(text, " · {}", line(&f.service.name));
        if f.critical {
            text.push_str(" · critical");
        }
        if let Some(hours) = f.hours {
            let _ = write!(text, " · {}", hours_text(hours));
        }
        indented(out, &text);
    }
}

/// `tier 1 of 3 on `security` · SOC hotline · 24x7 · respond 15m`.
fn ladder_seat(seat: &LadderSeat) -> String {
    let mut text = format!(
        "tier {} of {} on `{}`",
        seat.tier,
        seat.of,
        line(&seat.path)
    );
    if let Some(channel) = &seat.channel {
        let _ = write!(text, " · {}", line(channel));
    }
    let _ = write!(text, " · {}", hours_text(seat.hours));
    if let Some(respond) = &seat.respond {
        let _ = write!(text, " · respond {respond}");
    }
    text.push_str(duty_suffix(seat.on_duty));
    text
}
