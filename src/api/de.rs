//! Lenient field decoders for OBP's real-world variations (nulls, numbers sent as strings).
//!
//! A model names them once for every field of a type with `serde_with::apply`, e.g.
//! `String => #[serde(default, deserialize_with = "de::string")]`; a field that must be present
//! as it is (the record's id) opts out with `#[serde_with(skip_apply)]`. Numbers and nested
//! objects take their decoder field by field.
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

/// A whole number ≥ 0 that may arrive as `null` or a numeric string; otherwise 0.
pub fn uint<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<u64> + Default,
{
    let number = token(d)?.trim().parse::<u64>().ok();
    Ok(number.and_then(|n| T::try_from(n).ok()).unwrap_or_default())
}

/// A whole number that may be missing or `null` (`None`), or arrive as a numeric string.
pub fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(token(d)?.trim().parse().ok())
}

/// An object that may arrive as `null`; null becomes its default.
pub fn or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A list that may arrive as `null`; null becomes empty.
pub fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    or_default(d)
}

/// Reads the list under `key` in OBP's wrapper object (`{"addresses": […]}`), skipping any other
/// member; a missing or `null` list is empty. One decoder for every irregular wrapper key.
pub fn wrapped_list<T: serde::de::DeserializeOwned>(
    body: &str,
    key: &'static str,
) -> Result<Vec<T>, serde_json::Error> {
    use serde::de::DeserializeSeed;
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let list = ListUnder::<T>::new(key).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(list)
}

struct ListUnder<T> {
    key: &'static str,
    item: std::marker::PhantomData<T>,
}

impl<T> ListUnder<T> {
    fn new(key: &'static str) -> Self {
        Self {
            key,
            item: std::marker::PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> serde::de::DeserializeSeed<'de> for ListUnder<T> {
    type Value = Vec<T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ListUnder<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "an object with a \"{}\" list", self.key)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
        let mut found = None;
        while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if name == self.key {
                found = map.next_value::<Option<Vec<T>>>()?;
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        found.ok_or_else(|| serde::de::Error::missing_field(self.key))
    }
}
