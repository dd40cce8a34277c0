//! Dates and durations as the format writes them (DESIGN.md section 1.1).
//!
//! Durations are hand-parsed rather than taken from a duration crate: the
//! format allows exactly `m`, `h`, `d` and `w` written together without spaces
//! (`1h30m`) and prints one normalised short form, which no general-purpose
//! parser matches on both sides.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The pattern a duration matches.
pub const DURATION_PATTERN: &str = "^([0-9]+[mhdw])+$";

/// The pattern a date matches: `YYYY-MM-DD` of a real calendar day, leap
/// years included. A pattern rather than `format: date`, because validators
/// differ on whether `format` is checked at all, and every validator checks a
/// pattern: editors then refuse `2027-02-29` as `comanage validate` does.
pub const DATE_PATTERN: &str = concat!(
    "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$",
);

/// The longest duration a scope may hold, in minutes: 876000h, 100 years of
/// 365 days. Longer values are typing mistakes, and the bound keeps every
/// sum of durations far from overflow.
pub const MAX_DURATION_MINUTES: u64 = 876_000 * 60;

/// The longest duration as the format writes it, for messages.
pub const MAX_DURATION_TEXT: &str = "876000h";

/// Whether `text` has the shape of a duration (`DURATION_PATTERN`), whatever
/// its length.
pub fn is_duration_shaped(text: &str) -> bool {
    let mut after_digit = false;
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' => after_digit = true,
            b'm' | b'h' | b'd' | b'w' if after_digit => after_digit = false,
            _ => return false,
        }
    }
    !text.is_empty() && !after_digit
}

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub jiff::civil::Date);

impl Date {
    /// Days from `earlier` to `self` (negative when `self` is before).
    pub fn days_since(self, earlier: Date) -> i64 {
        // Civil dates differ by whole days; `since` with days as the largest
        // unit cannot fail for dates jiff can represent.
        self.0
            .since((jiff::Unit::Day, earlier.0))
            .map_or(0, |span| i64::from(span.get_days()))
    }

    /// Today's date in the local time zone.
    pub fn today() -> Date {
        Date(jiff::Zoned::now().date())
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(format!("`{text}` is not a date; write it as YYYY-MM-DD"));
        }
        text.parse::<jiff::civil::Date>()
            .map(Date)
            .map_err(|_| format!("`{text}` is not a real calendar date"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "A calendar date, YYYY-MM-DD.",
        })
    }
}

/// A length of time such as `15m`, `4h`, `2d` or `1h30m`, kept in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration {
    minutes: u64,
}

impl Duration {
    /// A duration of `minutes` minutes.
    pub const fn from_minutes(minutes: u64) -> Self {
        Self { minutes }
    }

    /// The length in minutes.
    pub const fn minutes(self) -> u64 {
        self.minutes
    }
}

impl FromStr for Duration {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || {
            format!(
                "`{text}` is not a duration; write a number and a unit, such as 15m, 4h, 2d or 1h30m"
            )
        };
        let too_long = || {
            format!("`{text}` is longer than {MAX_DURATION_TEXT} (100 years), the longest duration")
        };
        if text.is_empty() {
            return Err(invalid());
        }
        let mut minutes: u64 = 0;
        let mut number: Option<u64> = None;
        for c in text.chars() {
            if let Some(digit) = c.to_digit(10) {
                let value = number.unwrap_or(0);
                number = Some(
                    value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u64::from(digit)))
                        .ok_or_else(too_long)?,
                );
                continue;
            }
            let unit = match c {
                'm' => 1,
                'h' => 60,
                'd' => 60 * 24,
                'w' => 60 * 24 * 7,
                _ => return Err(invalid()),
            };
            let value = number.take().ok_or_else(invalid)?;
            minutes = value
                .checked_mul(unit)
                .and_then(|v| minutes.checked_add(v))
                .ok_or_else(too_long)?;
        }
        if number.is_some() {
            return Err(invalid());
        }
        if minutes > MAX_DURATION_MINUTES {
            return Err(too_long());
        }
        Ok(Self { minutes })
    }
}

impl fmt::Display for Duration {
    /// The normalised short form: `90m` prints as `1h30m`, `1440m` as `1d`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.minutes == 0 {
            return f.write_str("0m");
        }
        let days = self.minutes / (60 * 24);
        let hours = self.minutes / 60 % 24;
        let minutes = self.minutes % 60;
        for (value, unit) in [(days, 'd'), (hours, 'h'), (minutes, 'm')] {
            if value > 0 {
                write!(f, "{value}{unit}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DURATION_PATTERN,
            "description": "A number and a unit (m, h, d, w), such as 15m, 4h, 2d or 1h30m; at most 876000h (100 years).",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_compare_by_length_and_print_normalised() {
        let ninety: Duration = "90m".parse().unwrap();
        let hour_and_half: Duration = "1h30m".parse().unwrap();
        assert_eq!(ninety, hour_and_half);
        assert_eq!(ninety.to_string(), "1h30m");
        assert_eq!("30m".parse::<Duration>().unwrap().to_string(), "30m");
        assert_eq!(
            "1d".parse::<Duration>().unwrap(),
            "24h".parse::<Duration>().unwrap()
        );
        assert_eq!("1w".parse::<Duration>().unwrap().to_string(), "7d");
        assert_eq!("0m".parse::<Duration>().unwrap().to_string(), "0m");
    }

    #[test]
    fn bad_durations_are_rejected() {
        for text in [
            "",
            "15",
            "m",
            "15 minutes",
            "1.5h",
            "1h30",
            "-1h",
            "99999999999999999999m",
        ] {
            assert!(text.parse::<Duration>().is_err(), "{text}");
        }
    }

    #[test]
    fn durations_stop_at_a_hundred_years() {
        let longest: Duration = MAX_DURATION_TEXT.parse().unwrap();
        assert_eq!(longest.minutes(), MAX_DURATION_MINUTES);
        assert_eq!(
            "5214w2d".parse::<Duration>().unwrap().minutes(),
            MAX_DURATION_MINUTES
        );
        for text in [
            "876001h",
            "52560001m",
            "36500d1m",
            "99999999999999999999999h",
        ] {
            let err = text.parse::<Duration>().unwrap_err();
            assert!(err.contains("longer than 876000h"), "{text}: {err}");
        }
    }

    #[test]
    fn the_duration_shape_matches_the_pattern() {
        for text in ["1h", "1h30m", "0m", "99999999999999999999999h", "1h1h"] {
            assert!(is_duration_shaped(text), "{text}");
        }
        for text in ["", "h", "1", "1hm", "1.5h", "-1h", "1 h", "1H"] {
            assert!(!is_duration_shaped(text), "{text}");
        }
    }

    #[test]
    fn dates_must_be_real() {
        assert!("2026-02-28".parse::<Date>().is_ok());
        assert!("2026-02-30".parse::<Date>().is_err());
        assert!("2026-1-01".parse::<Date>().is_err());
        assert!("2027-13-45".parse::<Date>().is_err());
    }

    #[test]
    fn the_date_pattern_accepts_exactly_the_real_dates() {
        let pattern = matches_date_pattern;
        // Every day of a leap-year cycle and its century exceptions, against
        // the calendar.
        for year in [1900, 2000, 2024, 2026, 2100, 2400, 0] {
            for month in 1..=12 {
                for day in 1..=31 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    let real = text.parse::<Date>().is_ok();
                    assert_eq!(pattern(&text), real, "{text}");
                }
            }
        }
        for text in [
            "2026-1-01",
            "2026-01-1",
            "20260-01-01",
            "2026-00-10",
            "2026-01-00",
            "",
        ] {
            assert!(!pattern(text), "{text}");
        }
    }

    /// Whether `text` matches [`DATE_PATTERN`], with the schema validator's
    /// own regex engine.
    fn matches_date_pattern(text: &str) -> bool {
        let schema = serde_json::json!({ "type": "string", "pattern": DATE_PATTERN });
        jsonschema::is_valid(&schema, &serde_json::json!(text))
    }

    #[test]
    fn days_between_dates() {
        let a: Date = "2026-01-01".parse().unwrap();
        let b: Date = "2026-03-01".parse().unwrap();
        assert_eq!(b.days_since(a), 59);
        assert_eq!(a.days_since(b), -59);
    }
}
