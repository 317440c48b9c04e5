//! OBP date-times: `yyyy-MM-dd'T'HH:mm:ss'Z'` in UTC, the only format OBP bodies and responses use;
//! and the Enterprise API's millisecond variant ([`iso_millis`]).

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

const SECONDS_PER_DAY: i64 = 86_400;

/// A UTC instant with one-second precision, written as `2013-01-21T23:08:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The instant `seconds` after 1970-01-01T00:00:00Z (negative for earlier ones).
    pub fn from_unix(seconds: i64) -> Self {
        Timestamp(seconds)
    }

    /// Midnight UTC of a calendar day; `None` when the day does not exist.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Self> {
        valid_day(year, month, day)
            .then(|| Timestamp(days_from_civil(year, month, day) * SECONDS_PER_DAY))
    }

    /// The current instant (milliseconds dropped).
    pub fn now() -> Self {
        Timestamp(now_millis().div_euclid(1000))
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix(self) -> i64 {
        self.0
    }

    /// Parses exactly `yyyy-MM-ddTHH:mm:ssZ`; anything else (milliseconds, offsets, date only) is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 20 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[10] != b'T' {
            return None;
        }
        if bytes[13] != b':' || bytes[16] != b':' || bytes[19] != b'Z' {
            return None;
        }
        let number = |from: usize, to: usize| -> Option<i64> {
            let digits = text.get(from..to)?;
            digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse().ok())
                .flatten()
        };
        let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
        let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
        let month = u32::try_from(month).ok()?;
        let day = u32::try_from(day).ok()?;
        if !valid_day(year, month, day) || hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let days = days_from_civil(year, month, day);
        Some(Timestamp(
            days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second,
        ))
    }

    /// The calendar day as `yyyy-MM-dd` (the "V300" customer shape).
    pub fn date_only(self) -> String {
        let (year, month, day) = civil_from_days(self.0.div_euclid(SECONDS_PER_DAY));
        format!("{year:04}-{month:02}-{day:02}")
    }
}

/// Milliseconds since 1970-01-01T00:00:00Z, now.
pub fn now_millis() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(elapsed) => i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

/// An instant in milliseconds since the epoch as ISO-8601 UTC with milliseconds,
/// `2024-09-25T12:01:00.103Z` (the Enterprise API's `created`). Fixed width for years 0..=9999,
/// so these strings sort as the instants do.
pub fn iso_millis(millis: i64) -> String {
    let seconds = Timestamp(millis.div_euclid(1000)).to_string();
    let whole = seconds.strip_suffix('Z').unwrap_or(&seconds);
    format!("{whole}.{:03}Z", millis.rem_euclid(1000))
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds_of_day = self.0.rem_euclid(SECONDS_PER_DAY);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.date_only(),
            seconds_of_day / 3600,
            seconds_of_day % 3600 / 60,
            seconds_of_day % 60
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid date '{text}', expected yyyy-MM-ddTHH:mm:ssZ"
            ))
        })
    }
}

impl ToSql for Timestamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Timestamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Timestamp::parse(text)
            .ok_or_else(|| FromSqlError::Other(format!("bad timestamp {text}").into()))
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn valid_day(year: i64, month: u32, day: u32) -> bool {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return false,
    };
    (0..=9999).contains(&year) && (1..=days_in_month).contains(&day)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both values are bounded by the arithmetic above (1..=12 and 1..=31).
    (year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Timestamp;

    #[test]
    fn round_trips_the_obp_format() {
        for text in [
            "1970-01-01T00:00:00Z",
            "2013-01-21T23:08:00Z",
            "1100-01-01T00:00:00Z",
            "2024-02-29T12:00:59Z",
        ] {
            let parsed = Timestamp::parse(text).expect(text);
            assert_eq!(parsed.to_string(), text);
        }
        assert_eq!(
            Timestamp::parse("2013-01-21T23:08:00Z").map(Timestamp::unix),
            Some(1_358_809_680)
        );
    }

    #[test]
    fn rejects_other_formats() {
        for text in [
            "2023-03-13T11:39:33.076Z",
            "2023-03-13",
            "2023-02-30T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-01-01T24:00:00Z",
            "2023-01-01 00:00:00Z",
            "+023-01-01T00:00:00Z",
        ] {
            assert_eq!(Timestamp::parse(text), None, "{text}");
        }
    }

    #[test]
    fn writes_milliseconds() {
        assert_eq!(
            super::iso_millis(1_727_265_660_103),
            "2024-09-25T12:01:00.103Z"
        );
        assert_eq!(super::iso_millis(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(super::iso_millis(5), "1970-01-01T00:00:00.005Z");
    }

    #[test]
    fn date_only_drops_the_time() {
        let parsed = Timestamp::parse("1987-06-05T23:59:59Z").expect("valid");
        assert_eq!(parsed.date_only(), "1987-06-05");
        assert_eq!(
            Timestamp::from_ymd(1987, 6, 5).map(|t| t.to_string()),
            Some("1987-06-05T00:00:00Z".into())
        );
    }

    /// 0000-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z.
    const YEARS_0_TO_9999: std::ops::RangeInclusive<i64> = -62_167_219_200..=253_402_300_799;

    proptest! {
        #[test]
        fn any_text_parses_without_panicking(text in any::<String>()) {
            let _ = Timestamp::parse(&text);
        }

        #[test]
        fn one_character_swapped_parses_or_not(
            seconds in YEARS_0_TO_9999,
            index in 0..20_usize,
            swapped in any::<char>(),
        ) {
            let text: String = Timestamp::from_unix(seconds)
                .to_string()
                .chars()
                .enumerate()
                .map(|(at, c)| if at == index { swapped } else { c })
                .collect();
            if let Some(parsed) = Timestamp::parse(&text) {
                prop_assert_eq!(parsed.to_string(), text);
            }
        }

        #[test]
        fn instants_round_trip(seconds in YEARS_0_TO_9999) {
            let text = Timestamp::from_unix(seconds).to_string();
            prop_assert_eq!(text.len(), 20);
            prop_assert_eq!(Timestamp::parse(&text), Some(Timestamp::from_unix(seconds)));
        }

        #[test]
        fn accepted_text_is_canonical(
            text in "[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z",
        ) {
            if let Some(parsed) = Timestamp::parse(&text) {
                prop_assert_eq!(parsed.to_string(), text);
            }
        }
    }
}
