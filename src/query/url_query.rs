//! Reading values back from the URL query exactly as the app wrote them, and bounding the numbers
//! found there.
//!
//! The app writes every query value with [`crate::api::encode_segment`]: everything but RFC 3986
//! unreserved characters is percent-encoded, a space as `%20` and a `+` as `%2B`. Reading is the
//! exact inverse: one percent-decoding, with `+` taken literally (it is not a space here).
//! leptos_router's own query map decodes a second time, which turned a typed `%77` into `w`.

use percent_encoding::percent_decode_str;

use crate::api::encode_segment;

/// The value of `name` in the query string `search` (with or without its leading `?`),
/// percent-decoded once; the last one when the name repeats. A `+` stays a `+`; a `%` not
/// followed by two hex digits stays as it is; bytes that are not UTF-8 become U+FFFD.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .rev()
        .filter_map(|pair| match pair.split_once('=') {
            Some((key, value)) => Some((key, value)),
            None => (!pair.is_empty()).then_some((pair, "")),
        })
        .find(|(key, _)| *key == name)
        .map(|(_, value)| percent_decode_str(value).decode_utf8_lossy().into_owned())
}

/// The query string `search` (with or without its leading `?`) with `name` set to `value`
/// (encoded as [`query_value`] reads it) in place of any earlier value, or removed when `value`
/// is empty; `""` when nothing is left, else with its `?`.
pub fn with_value(search: &str, name: &str, value: &str) -> String {
    let mut pairs: Vec<String> = search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(name))
        .map(str::to_owned)
        .collect();
    if !value.is_empty() {
        pairs.push(format!("{name}={}", encode_segment(value)));
    }
    match pairs.is_empty() {
        true => String::new(),
        false => format!("?{}", pairs.join("&")),
    }
}

/// A whole number typed into the URL, kept within `min..=max`: digits only (surrounding spaces
/// allowed), a number past `max` (however long) becomes `max`, one below `min` becomes `min`.
/// Anything else (blank, a sign, an exponent, letters) is `None`, for the caller's default.
pub fn bounded_number(raw: &str, min: u32, max: u32) -> Option<u32> {
    let digits = raw.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Only an overflow fails here: every byte is a digit.
    let value = digits.parse::<u32>().unwrap_or(u32::MAX);
    Some(value.clamp(min, max))
}
