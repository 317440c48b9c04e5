//! Lenient field decoders for OBP's real-world variations (nulls, numbers sent as strings).

use serde::{Deserialize, Deserializer};

/// A string that may arrive as `null` or a number; missing or null become `""`.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
    })
}

/// A boolean that may arrive as `null`; null becomes `false`.
pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or_default())
}

/// A whole number that may arrive as `null` or a numeric string; otherwise 0.
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::Number(n)) => n.as_i64().unwrap_or_default(),
        Some(serde_json::Value::String(s)) => s.trim().parse().unwrap_or_default(),
        _ => 0,
    })
}

/// A list that may arrive as `null`; null becomes empty.
pub fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}
