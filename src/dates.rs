//! Conversions between the browser's `yyyy-MM-dd` and `HH:mm` and OBP's body dates
//! (`yyyy-MM-dd'T'HH:mm:ss'Z'`) and query dates (`yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`), all UTC.

use crate::validation::{parse_date, parse_time};

/// OBP's body date for midnight UTC of `day` (`yyyy-MM-dd`).
pub fn to_obp(day: &str) -> String {
    format!("{}T00:00:00Z", day.trim())
}

/// OBP's body date for `day` at `time` (`HH:mm` or `HH:mm:ss`) UTC.
pub fn to_obp_at(day: &str, time: &str) -> String {
    let time = time.trim();
    let seconds = if time.len() == 5 { ":00" } else { "" };
    format!("{}T{time}{seconds}Z", day.trim())
}

/// OBP's query date for the first millisecond of `day` (UTC).
pub fn query_start(day: &str) -> String {
    format!("{}T00:00:00.000Z", day.trim())
}

/// OBP's query date for the last millisecond of `day` (UTC), so a range ending on `day`
/// includes it.
pub fn query_end(day: &str) -> String {
    format!("{}T23:59:59.999Z", day.trim())
}

/// A date-time for display: `yyyy-MM-dd HH:mm UTC`, the day alone when the time is not
/// readable, or an em dash when unset.
pub fn display_time(value: &str) -> String {
    let day = display(value);
    match value.get(10..16).and_then(|t| t.strip_prefix('T')) {
        Some(time) if parse_time(time).is_some() && !day_of(value).is_empty() => {
            format!("{day} {time} UTC")
        }
        _ => day,
    }
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

/// Today's date in UTC, `yyyy-MM-dd`.
pub fn today() -> String {
    let (y, m, d) = civil_from_days(unix_days_now());
    format!("{y:04}-{m:02}-{d:02}")
}

fn unix_days_now() -> i64 {
    (now_ms() / 86_400_000.0).floor() as i64
}

/// Milliseconds since the Unix epoch, now.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds since the Unix epoch, now.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis() as f64
}

/// How long ago `then_ms` (epoch milliseconds) was, said plainly: "just now", "1 min ago",
/// "2 h ago".
pub fn ago(then_ms: f64, now_ms: f64) -> String {
    let minutes = ((now_ms - then_ms).max(0.0) / 60_000.0).floor() as u64;
    match minutes {
        0 => "just now".to_owned(),
        1..=59 => format!("{minutes} min ago"),
        _ => format!("{} h ago", minutes / 60),
    }
}

/// The proleptic Gregorian date `days` days after 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days from 1970-01-01 to the proleptic Gregorian date `(year, month, day)`.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day number (days since 1970-01-01) of an OBP date or `yyyy-MM-dd`; `None` when unset.
pub fn day_number(value: &str) -> Option<i64> {
    let (y, m, d) = parse_date(&day_of(value))?;
    Some(days_from_civil(i64::from(y), m, d))
}
