//! Conversions between the browser's `yyyy-MM-dd` and OBP's `yyyy-MM-dd'T'HH:mm:ss'Z'`.

use crate::validation::parse_date;

/// OBP's body date for midnight UTC of `day` (`yyyy-MM-dd`).
pub fn to_obp(day: &str) -> String {
    format!("{}T00:00:00Z", day.trim())
}

/// The `yyyy-MM-dd` part of an OBP date or date-time; empty when there is none or when it is
/// OBP's "not set" placeholder (year 1100).
pub fn day_of(value: &str) -> String {
    value
        .get(..10)
        .filter(|day| parse_date(day).is_some())
        .unwrap_or_default()
        .to_owned()
}

/// A date for display: the day, or an em dash when unset.
pub fn display(value: &str) -> String {
    match day_of(value) {
        day if day.is_empty() => "\u{2014}".to_owned(),
        day => day,
    }
}
