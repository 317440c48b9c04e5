//! What the OBP routes, the Enterprise API, their error bodies and the middleware share about HTTP:
//! JSON responses, the request's `Content-Type` and decoded query parameters.
//!
//! Query names are matched exactly; values are percent-decoded (`+` is a space) and an empty value
//! counts as absent.

use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A JSON response (`application/json; charset=utf-8`); a body that cannot be written is logged
/// and answered with a bare 500.
pub fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (
            status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            bytes,
        )
            .into_response(),
        Err(error) => {
            crate::log::error(format_args!(
                "cannot write a JSON response, answered 500: {error}"
            ));
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The request's `Content-Type` ("" when absent).
pub fn content_type(headers: &HeaderMap) -> &str {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

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
    fn others_keeps_the_unknown_parameters_in_order() {
        let query = Query::parse(Some("limit=1&b=2&a=&limit=3"));
        let others: Vec<_> = query.others(&["limit"]).collect();
        assert_eq!(others, [("b", "2"), ("a", "")]);
    }

    /// Every byte but ASCII letters and digits as `%XX`, so any text survives a query string.
    fn encode(text: &str) -> String {
        text.bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => char::from(b).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }

    proptest! {
        #[test]
        fn encoded_names_and_values_round_trip(name in any::<String>(), value in any::<String>()) {
            let query = Query::parse(Some(&format!("x=1&{}={}&y", encode(&name), encode(&value))));
            let expected = (!value.is_empty()).then_some(value.as_str());
            prop_assert_eq!(query.value(&name), expected);
            prop_assert_eq!(query.value("x"), Some("1"));
        }
    }
}
