//! OBP's query parameters: paging (`limit`, `offset`, `sort_direction`) for the customer lists, and
//! the firehose's `from_date`/`to_date`, with OBP's error codes (OBP-10023..OBP-10026).
//!
//! Names are matched exactly; values are percent-decoded (`+` is a space) and an empty value counts
//! as absent.

use crate::db::Page;
use crate::obp_error::{msg, ObpError};

/// Default page size of the customer lists (OBP's `Constant.Pagination.limit`).
const DEFAULT_LIMIT: i64 = 50;

/// `limit`, `offset` and `sort_direction` from a raw query string, validated in OBP's order
/// (sort direction, limit, offset); other parameters are ignored.
pub fn paging(query: Option<&str>) -> Result<Page, ObpError> {
    let query = Query::parse(query);
    let ascending = query.ascending()?;
    query.page(ascending)
}

/// A request's query parameters, decoded, in the order they were sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Splits and decodes a raw query string (`None` when the URL has none).
    pub fn parse(raw: Option<&str>) -> Query {
        Query(
            raw.unwrap_or("")
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(name), decode(value))
                })
                .collect(),
        )
    }

    /// The first non-empty value of a parameter.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, value)| key == name && !value.is_empty())
            .map(|(_, value)| value.as_str())
    }

    /// `sort_direction`: `ASC` or `DESC` in any case (default DESC), else 400 OBP-10023.
    pub fn ascending(&self) -> Result<bool, ObpError> {
        match self
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
    pub fn page(&self, ascending: bool) -> Result<Page, ObpError> {
        let number = |name: &str, minimum: i32, error: &str, default: i64| match self.value(name) {
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
    pub fn date_ms(&self, name: &str) -> Result<Option<i64>, ObpError> {
        self.value(name)
            .map(|text| {
                parse_date_ms(text)
                    .ok_or_else(|| ObpError::bad_request(msg::FILTER_DATE_FORMAT_ERROR))
            })
            .transpose()
    }

    /// The parameters not named in `known`, in the order they were sent.
    pub fn others<'a>(&'a self, known: &'a [&str]) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.0
            .iter()
            .filter(|(name, _)| !known.contains(&name.as_str()))
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }
}

/// Percent-decodes a query component; `+` is a space, malformed escapes are kept as they are.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (escaped, bytes[index]) {
            (Some(byte), _) => {
                decoded.push(byte);
                index += 3;
            }
            (None, b'+') => {
                decoded.push(b' ');
                index += 1;
            }
            (None, byte) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// `2024-01-01T00:00:00.000Z` or `2024-01-01T00:00:00.000+0100` as milliseconds since the epoch.
fn parse_date_ms(text: &str) -> Option<i64> {
    let seconds = crate::dates::Timestamp::parse(&format!("{}Z", text.get(..19)?))?.unix();
    let millis = text.get(19..23)?.strip_prefix('.')?;
    if !millis.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let offset_minutes = match text.get(23..)? {
        "Z" => 0,
        zone if zone.len() == 5 && zone[1..].bytes().all(|b| b.is_ascii_digit()) => {
            let sign = match &zone[..1] {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let (hours, minutes): (i64, i64) = (zone[1..3].parse().ok()?, zone[3..].parse().ok()?);
            sign * (hours * 60 + minutes)
        }
        _ => return None,
    };
    Some((seconds - offset_minutes * 60) * 1000 + millis.parse::<i64>().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_values_and_skips_empty_ones() {
        let query = Query::parse(Some("a=%3Ax+y&a=2&b=&b=3&c&d=%zz"));
        assert_eq!(query.value("a"), Some(":x y"));
        assert_eq!(query.value("b"), Some("3"));
        assert_eq!(query.value("c"), None);
        assert_eq!(query.value("d"), Some("%zz"));
        assert_eq!(Query::parse(None), Query::default());
    }

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
}
