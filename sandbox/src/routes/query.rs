//! OBP's query parameters: paging (`limit`, `offset`, `sort_direction`) for the customer lists, and
//! the firehose's `from_date`/`to_date`, with OBP's error codes (OBP-10023..OBP-10026), read from a
//! decoded [`Query`].

use crate::db::Page;
use crate::http::Query;
use crate::obp_error::{msg, ObpError};

/// Default page size of the customer lists (OBP's `Constant.Pagination.limit`).
const DEFAULT_LIMIT: i64 = 50;

/// `limit`, `offset` and `sort_direction` from a raw query string, validated in OBP's order
/// (sort direction, limit, offset); other parameters are ignored.
pub fn paging(query: Option<&str>) -> Result<Page, ObpError> {
    let query = Query::parse(query);
    page(&query, ascending(&query)?)
}

/// `sort_direction`: `ASC` or `DESC` in any case (default DESC), else 400 OBP-10023.
pub fn ascending(query: &Query) -> Result<bool, ObpError> {
    match query
        .value("sort_direction")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("desc") => Ok(false),
        Some("asc") => Ok(true),
        Some(_) => Err(ObpError::bad_request(msg::FILTER_SORT_DIRECTION_ERROR)),
    }
}

/// `limit` (≥ 1, default 50, else 400 OBP-10025), then `offset` (≥ 0, default 0, else 400
/// OBP-10024), as a page in the given direction.
pub fn page(query: &Query, ascending: bool) -> Result<Page, ObpError> {
    let number = |name: &str, minimum: i32, error: &str, default: i64| match query.value(name) {
        None => Ok(default),
        Some(text) => match text.parse::<i32>() {
            Ok(number) if number >= minimum => Ok(i64::from(number)),
            _ => Err(ObpError::bad_request(error)),
        },
    };
    let limit = number("limit", 1, msg::FILTER_LIMIT_ERROR, DEFAULT_LIMIT)?;
    let offset = number("offset", 0, msg::FILTER_OFFSET_ERROR, 0)?;
    Ok(Page {
        limit,
        offset,
        ascending,
    })
}

/// A date parameter in milliseconds since the epoch: `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, or with a
/// `+HHMM`/`-HHMM` offset instead of `Z`; anything else is 400 OBP-10026.
pub fn date_ms(query: &Query, name: &str) -> Result<Option<i64>, ObpError> {
    query
        .value(name)
        .map(|text| {
            parse_date_ms(text).ok_or_else(|| ObpError::bad_request(msg::FILTER_DATE_FORMAT_ERROR))
        })
        .transpose()
}

/// `2024-01-01T00:00:00.000Z` or `2024-01-01T00:00:00.000+0100` as milliseconds since the epoch.
///
/// Any text may arrive here, so it is only ever split where [`str::split_at_checked`] agrees that
/// a character starts, never by slicing at a byte index.
fn parse_date_ms(text: &str) -> Option<i64> {
    let (date_time, rest) = text.split_at_checked(19)?;
    let seconds = crate::dates::Timestamp::parse(&format!("{date_time}Z"))?.unix();
    let (millis, zone) = rest.strip_prefix('.')?.split_at_checked(3)?;
    let offset_minutes = match zone {
        "Z" => 0,
        _ => {
            let (sign, hours_minutes) = match zone.split_at_checked(1)? {
                ("+", rest) => (1, rest),
                ("-", rest) => (-1, rest),
                _ => return None,
            };
            let (hours, minutes) = hours_minutes.split_at_checked(2)?;
            if minutes.len() != 2 {
                return None;
            }
            sign * (digits(hours)? * 60 + digits(minutes)?)
        }
    };
    Some((seconds - offset_minutes * 60) * 1000 + digits(millis)?)
}

/// A non-empty run of ASCII digits as a number (no sign, no spaces).
fn digits(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn parses_obp_query_dates() {
        assert_eq!(parse_date_ms("1970-01-01T00:00:01.250Z"), Some(1250));
        assert_eq!(parse_date_ms("1970-01-01T01:00:00.000+0100"), Some(0));
        assert_eq!(
            parse_date_ms("1970-01-01T00:00:00.000-0030"),
            Some(1_800_000)
        );
        for bad in [
            "1970-01-01T00:00:00Z",
            "1970-01-01",
            "1970-01-01T00:00:00.00Z",
            "1970-01-01T00:00:00.000",
            "1970-01-01T00:00:00.000 0000",
            "1970-01-01T00:00:00.0a0Z",
        ] {
            assert_eq!(parse_date_ms(bad), None, "{bad}");
        }
    }

    /// Query text as hostile clients send it: any characters (control and multi-byte ones
    /// included), percent escapes valid and broken, and the separators.
    fn hostile_query() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            any::<char>().prop_map(String::from),
            "%[0-9A-Fa-f]{2}",
            "%[C-F][0-9A-F](%[89AB][0-9A-F]){0,3}",
            Just("%".to_owned()),
            Just("+".to_owned()),
            Just("&".to_owned()),
            Just("=".to_owned()),
            "(limit|offset|sort_direction|from_date|to_date)=",
            "-?[0-9]{1,25}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}",
        ];
        prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
    }

    /// `seconds` since the epoch as `yyyy-MM-ddTHH:mm:ss`.
    fn local_time(seconds: i64) -> String {
        let text = crate::dates::Timestamp::from_unix(seconds).to_string();
        text.trim_end_matches('Z').to_owned()
    }

    /// 0000-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z, the years OBP's dates can have.
    const YEARS_0_TO_9999: std::ops::RangeInclusive<i64> = -62_167_219_200..=253_402_300_799;

    proptest! {
        #[test]
        fn any_query_parses_without_panicking(raw in hostile_query()) {
            let query = Query::parse(Some(&raw));
            let _ = paging(Some(&raw));
            for name in ["from_date", "to_date"] {
                if let Err(error) = date_ms(&query, name) {
                    prop_assert_eq!(error.message, msg::FILTER_DATE_FORMAT_ERROR);
                }
            }
        }

        #[test]
        fn any_text_is_a_date_or_none(text in any::<String>(), tail in ".{0,8}") {
            let _ = parse_date_ms(&text);
            let _ = parse_date_ms(&format!("2024-01-01T00:00:00.000{tail}"));
        }

        #[test]
        fn limits_and_offsets_round_trip(limit in any::<i64>(), offset in any::<i64>()) {
            let page = paging(Some(&format!("limit={limit}&offset={offset}")));
            let in_range = |n: i64, min: i64| n >= min && i32::try_from(n).is_ok();
            let expected = match (in_range(limit, 1), in_range(offset, 0)) {
                (true, true) => Ok(Page { limit, offset, ascending: false }),
                (false, _) => Err(msg::FILTER_LIMIT_ERROR.to_owned()),
                (true, false) => Err(msg::FILTER_OFFSET_ERROR.to_owned()),
            };
            prop_assert_eq!(page.map_err(|error| error.message), expected);
        }

        #[test]
        fn utc_dates_round_trip(seconds in YEARS_0_TO_9999, millis in 0..1000_i64) {
            let text = format!("{}.{millis:03}Z", local_time(seconds));
            prop_assert_eq!(parse_date_ms(&text), Some(seconds * 1000 + millis));
            // Nothing in a UTC date needs escaping in a query string.
            let query = Query::parse(Some(&format!("from_date={text}")));
            prop_assert_eq!(date_ms(&query, "from_date"), Ok(Some(seconds * 1000 + millis)));
        }

        #[test]
        fn dates_with_offsets_round_trip(
            local in YEARS_0_TO_9999,
            millis in 0..1000_i64,
            offset in -(99 * 60 + 59)..=99 * 60 + 59_i64,
        ) {
            let sign = if offset < 0 { '-' } else { '+' };
            let zone = format!("{sign}{:02}{:02}", offset.abs() / 60, offset.abs() % 60);
            let text = format!("{}.{millis:03}{zone}", local_time(local));
            prop_assert_eq!(parse_date_ms(&text), Some((local - offset * 60) * 1000 + millis));
        }
    }
}
