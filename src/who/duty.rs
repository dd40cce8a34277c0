//! Who is on duty when: the clock times the words `business` and `extended`
//! stand for, and the moment of the week `who --at` asks about.
//!
//! The format's coverage words are ordered (`business` < `extended` <
//! `24x7`) but say nothing about the clock. `who --at "sat 02:00"` needs the
//! clock: `business` is Mon–Fri 08:00–18:00 and `extended` Mon–Sat
//! 07:00–22:00 unless the scope's `hours-definitions:` block says otherwise.
//! A window whose end is not after its start runs past midnight into the
//! next day (`from: "22:00"`, `to: "06:00"`); one whose end equals its start
//! is the whole day.

use jiff::civil::{Time, Weekday};

use crate::scope::{Day, Hours, HoursWindow, Scope};

/// A moment of the week: a day and a time of day, as `--at` gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The day of the week.
    pub day: Weekday,
    /// Minutes since midnight, 0 to 1439.
    pub minute: u16,
}

impl Moment {
    /// Reads `sat 02:00`, `Saturday 2:00`, `02:00 sat` or
    /// `2026-12-05 02:00` (a date stands for its day of the week). A time
    /// alone is today's.
    pub fn parse(text: &str, today: Weekday) -> Result<Moment, String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let (day, time) = match words.as_slice() {
            [time] => (today, *time),
            [a, b] if looks_like_time(a) => (day_of(b)?, *a),
            [a, b] => (day_of(a)?, *b),
            _ => {
                return Err(format!(
                    "`{text}` is not a moment of the week; write a day and a time, such as `sat 02:00`"
                ));
            }
        };
        Ok(Moment {
            day,
            minute: minute_of(time)?,
        })
    }

    /// The current moment in the local time zone.
    pub fn now() -> Moment {
        let now = jiff::Zoned::now();
        Moment {
            day: now.weekday(),
            minute: minutes(now.time()),
        }
    }

    /// `Sat 02:00`.
    pub fn label(self) -> String {
        format!(
            "{} {:02}:{:02}",
            day_label(self.day),
            self.minute / 60,
            self.minute % 60
        )
    }
}

fn looks_like_time(text: &str) -> bool {
    text.contains(':')
}

fn minutes(time: Time) -> u16 {
    // At most 23 * 60 + 59: fits.
    (i32::from(time.hour()) * 60 + i32::from(time.minute())) as u16
}

/// `02:00` or `2:00` as minutes since midnight.
fn minute_of(text: &str) -> Result<u16, String> {
    let parsed = text
        .split_once(':')
        .filter(|(h, m)| (1..=2).contains(&h.len()) && m.len() == 2)
        .and_then(|(h, m)| Some((h.parse::<u16>().ok()?, m.parse::<u16>().ok()?)))
        .filter(|&(h, m)| h < 24 && m < 60);
    match parsed {
        Some((h, m)) => Ok(h * 60 + m),
        None => Err(format!(
            "`{text}` is not a time of day; write it as HH:MM, such as `02:00`"
        )),
    }
}

/// A day of the week from its name, its first three letters, or a date.
fn day_of(text: &str) -> Result<Weekday, String> {
    let lower = text.to_lowercase();
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    if let Some((_, day)) = NAMES
        .iter()
        .find(|(name, _)| lower.len() >= 3 && name.starts_with(&lower))
    {
        return Ok(*day);
    }
    if let Ok(date) = lower.parse::<jiff::civil::Date>() {
        return Ok(date.weekday());
    }
    Err(format!(
        "`{text}` is not a day of the week; write `mon` to `sun`, or a date such as `2026-12-05`"
    ))
}

fn day_label(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    }
}

fn weekday(day: Day) -> Weekday {
    match day {
        Day::Mon => Weekday::Monday,
        Day::Tue => Weekday::Tuesday,
        Day::Wed => Weekday::Wednesday,
        Day::Thu => Weekday::Thursday,
        Day::Fri => Weekday::Friday,
        Day::Sat => Weekday::Saturday,
        Day::Sun => Weekday::Sunday,
    }
}

/// One coverage word on the clock: the days it starts on, from when to when.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Window {
    /// Indexed by `Weekday::to_monday_zero_offset`.
    days: [bool; 7],
    from: u16,
    to: u16,
}

impl Window {
    const fn weekly(first: usize, last: usize, from: u16, to: u16) -> Window {
        let mut days = [false; 7];
        let mut i = first;
        while i <= last {
            days[i] = true;
            i += 1;
        }
        Window { days, from, to }
    }

    fn from_scope(window: &HoursWindow) -> Window {
        let mut days = [false; 7];
        for &day in &window.days {
            days[index(weekday(day))] = true;
        }
        Window {
            days,
            // The schema admits only HH:MM (or 24:00): the fallbacks are
            // for a model built in code.
            from: minute_of(&window.from).unwrap_or(0),
            to: if window.to == "24:00" {
                24 * 60
            } else {
                minute_of(&window.to).unwrap_or(0)
            },
        }
    }

    fn contains(&self, at: Moment) -> bool {
        let today = index(at.day);
        let yesterday = (today + 6) % 7;
        if self.from < self.to {
            self.days[today] && (self.from..self.to).contains(&at.minute)
        } else if self.from == self.to {
            self.days[today]
        } else {
            // Past midnight: the evening of a listed day, or the early
            // hours of the day after one.
            (self.days[today] && at.minute >= self.from)
                || (self.days[yesterday] && at.minute < self.to)
        }
    }

    /// `Mon–Fri 08:00–18:00`.
    fn label(&self) -> String {
        let days: Vec<usize> = (0..7).filter(|&i| self.days[i]).collect();
        let names = |i: usize| day_label(Weekday::Monday.wrapping_add(i as i64));
        let contiguous = days.windows(2).all(|w| w[1] == w[0] + 1);
        let days = match days.as_slice() {
            [] => "no day".to_owned(),
            [one] => names(*one).to_owned(),
            [first, .., last] if contiguous => format!("{}–{}", names(*first), names(*last)),
            many => many.iter().map(|&i| names(i)).collect::<Vec<_>>().join(","),
        };
        let clock = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        format!("{days} {}–{}", clock(self.from), clock(self.to))
    }
}

fn index(day: Weekday) -> usize {
    // 0 (Monday) to 6.
    day.to_monday_zero_offset() as usize
}

/// What `business` and `extended` mean on the clock for one scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    business: Window,
    extended: Window,
}

impl Clock {
    /// The scope's definitions, else the defaults.
    pub fn of(scope: &Scope) -> Clock {
        let defined = scope.hours_definitions.as_ref();
        Clock {
            business: defined
                .and_then(|d| d.business.as_ref())
                .map_or(Window::weekly(0, 4, 8 * 60, 18 * 60), Window::from_scope),
            extended: defined
                .and_then(|d| d.extended.as_ref())
                .map_or(Window::weekly(0, 5, 7 * 60, 22 * 60), Window::from_scope),
        }
    }

    /// Whether coverage `hours` is on duty at `at`.
    pub fn covers(&self, hours: Hours, at: Moment) -> bool {
        match hours {
            Hours::AllHours => true,
            Hours::Business => self.business.contains(at),
            Hours::Extended => self.extended.contains(at),
        }
    }

    /// `business = Mon–Fri 08:00–18:00, extended = Mon–Sat 07:00–22:00`.
    pub fn legend(&self) -> String {
        format!(
            "business = {}, extended = {}",
            self.business.label(),
            self.extended.label()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Moment {
        Moment::parse(text, Weekday::Wednesday).unwrap()
    }

    #[test]
    fn moments_parse_in_the_forms_people_type() {
        assert_eq!(at("sat 02:00"), at("Saturday 2:00"));
        assert_eq!(at("02:00 sat"), at("sat 02:00"));
        assert_eq!(at("2026-12-05 02:00"), at("sat 02:00"));
        assert_eq!(at("23:59").day, Weekday::Wednesday);
        assert_eq!(at("sat 02:00").label(), "Sat 02:00");
        for bad in ["sat", "sa 02:00", "sat 24:00", "sat 2:0", "x y z", ""] {
            assert!(Moment::parse(bad, Weekday::Monday).is_err(), "{bad}");
        }
    }

    #[test]
    fn default_windows() {
        let scope = crate::diff::testing::scope("parties: {}\nservices: {}\n");
        let clock = Clock::of(&scope);
        assert!(!clock.covers(Hours::Business, at("sat 02:00")));
        assert!(!clock.covers(Hours::Extended, at("sat 02:00")));
        assert!(clock.covers(Hours::AllHours, at("sat 02:00")));
        assert!(clock.covers(Hours::Extended, at("sat 07:00")));
        assert!(!clock.covers(Hours::Business, at("sat 07:00")));
        assert!(clock.covers(Hours::Business, at("fri 17:59")));
        assert!(!clock.covers(Hours::Business, at("fri 18:00")));
        assert!(!clock.covers(Hours::Business, at("mon 07:59")));
        assert_eq!(
            clock.legend(),
            "business = Mon–Fri 08:00–18:00, extended = Mon–Sat 07:00–22:00"
        );
    }

    #[test]
    fn scope_windows_replace_the_defaults_and_may_cross_midnight() {
        let scope = crate::diff::testing::scope(
            "parties: {}\nservices: {}\nhours-definitions:\n  extended: { days: [fri, sat], from: \"20:00\", to: \"04:00\" }\n  business: { days: [mon, wed], from: \"09:00\", to: \"24:00\" }\n",
        );
        let clock = Clock::of(&scope);
        assert!(clock.covers(Hours::Extended, at("sat 02:00")));
        assert!(clock.covers(Hours::Extended, at("sun 03:59")));
        assert!(!clock.covers(Hours::Extended, at("fri 02:00")));
        assert!(clock.covers(Hours::Business, at("wed 23:59")));
        assert!(!clock.covers(Hours::Business, at("tue 12:00")));
        assert_eq!(
            clock.legend(),
            "business = Mon,Wed 09:00–24:00, extended = Fri–Sat 20:00–04:00"
        );
    }
}
