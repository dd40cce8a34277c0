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
            "format": "date",
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
                        .ok_or_else(|| format!("`{text}` is too long a duration"))?,
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
                .ok_or_else(|| format!("`{text}` is too long a duration"))?;
        }
        if number.is_some() {
            return Err(invalid());
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
            "description": "A number and a unit (m, h, d, w), such as 15m, 4h, 2d or 1h30m.",
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
    fn dates_must_be_real() {
        assert!("2026-02-28".parse::<Date>().is_ok());
        assert!("2026-02-30".parse::<Date>().is_err());
        assert!("2026-1-01".parse::<Date>().is_err());
        assert!("2027-13-45".parse::<Date>().is_err());
    }

    #[test]
    fn days_between_dates() {
        let a: Date = "2026-01-01".parse().unwrap();
        let b: Date = "2026-03-01".parse().unwrap();
        assert_eq!(b.days_since(a), 59);
        assert_eq!(a.days_since(b), -59);
    }
}
