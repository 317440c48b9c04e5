//! URL building: every id that goes into a path or query is percent-encoded here.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986 unreserved characters is escaped, so an id can never add a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes one path segment or query value.
pub fn encode_segment(raw: &str) -> String {
    match raw {
        // "." and ".." would be collapsed by the browser's URL parser.
        "." => "%2E".to_owned(),
        ".." => "%2E%2E".to_owned(),
        _ => utf8_percent_encode(raw, SEGMENT).to_string(),
    }
}

/// Joins literal path words and ids into an absolute path (`/banks/gh.29.uk`), encoding each.
pub(crate) fn join(parts: &[&str]) -> String {
    parts.iter().fold(String::new(), |mut out, part| {
        out.push('/');
        out.push_str(&encode_segment(part));
        out
    })
}

/// `/banks/BANK_ID/customers/CUSTOMER_ID` followed by `rest`, every part encoded.
pub(crate) fn customer_path(bank_id: &str, customer_id: &str, rest: &[&str]) -> String {
    join(&["banks", bank_id, "customers", customer_id]) + &join(rest)
}

/// A query string built from name/value pairs, each value encoded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query(Vec<(&'static str, String)>);

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `name=value`.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.0.push((name, value.to_string()));
        self
    }

    /// `?a=1&b=2`, or an empty string when there are no pairs.
    pub fn build(&self) -> String {
        self.0
            .iter()
            .enumerate()
            .map(|(i, (name, value))| {
                let sep = if i == 0 { '?' } else { '&' };
                format!("{sep}{name}={}", encode_segment(value))
            })
            .collect()
    }
}
