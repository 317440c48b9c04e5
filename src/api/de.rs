//! Lenient field decoders for OBP's real-world variations (nulls, numbers sent as strings).
//!
//! They read the raw JSON token rather than a `serde_json::Value`, which keeps number formatting
//! code out of the wasm.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// The raw token: a JSON string decoded, `null` as empty, anything else as its literal text.
fn token<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let raw = <Option<Box<RawValue>>>::deserialize(d)?;
    let Some(raw) = raw else {
        return Ok(String::new());
    };
    match raw.get() {
        text if text.starts_with('"') => {
            serde_json::from_str(text).map_err(serde::de::Error::custom)
        }
        "null" => Ok(String::new()),
        other => Ok(other.to_owned()),
    }
}

/// A string that may arrive as `null` or a number; missing or null become `""`.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    token(d)
}

/// A boolean that may arrive as `null`; null becomes `false`.
pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or_default())
}

/// A whole number that may arrive as `null` or a numeric string; otherwise 0.
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(token(d)?.trim().parse().unwrap_or_default())
}

/// A list that may arrive as `null`; null becomes empty.
pub fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}
