//! The hand-written pieces the generated typed model (`event.rs`) builds on: the value types
//! of loose fields, and the serde helpers of the tagged unions.

use serde::de::{self, Deserializer, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};
use std::fmt;

/// An identifier: an integer of any size, kept exact (the platform's ids are numeric and
/// increasing; JavaScript cannot hold those beyond 2^53 as numbers, Rust keeps every digit).
/// Read from a number or from a string of digits; written as a number when it fits 64 bits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id {
    /// Canonical decimal: an optional `-`, then digits without leading zeros.
    digits: String,
}

impl Id {
    /// The id from its decimal digits (an optional `-` first), or `None` for anything else.
    pub fn from_digits(text: &str) -> Option<Id> {
        let (sign, digits) = match text.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", text),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let trimmed = digits.trim_start_matches('0');
        let digits = if trimmed.is_empty() { "0" } else { trimmed };
        let sign = if digits == "0" { "" } else { sign };
        Some(Id {
            digits: format!("{sign}{digits}"),
        })
    }

    /// The decimal digits, exact at any size.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn as_u64(&self) -> Option<u64> {
        self.digits.parse().ok()
    }

    pub fn as_i64(&self) -> Option<i64> {
        self.digits.parse().ok()
    }
}

impl From<u64> for Id {
    fn from(n: u64) -> Id {
        Id { digits: n.to_string() }
    }
}

impl From<i64> for Id {
    fn from(n: i64) -> Id {
        Id { digits: n.to_string() }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.as_u64(), self.as_i64()) {
            (Some(n), _) => serializer.serialize_u64(n),
            (None, Some(n)) => serializer.serialize_i64(n),
            // Beyond 64 bits serde's data model has no exact number: the digits as a string.
            (None, None) => serializer.serialize_str(&self.digits),
        }
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        struct IdVisitor;
        impl Visitor<'_> for IdVisitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer, or a string of its digits")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Id, E> {
                Ok(Id::from(n))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Id, E> {
                Ok(Id::from(n))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Id, E> {
                integral(n)
                    .map(Id::from)
                    .ok_or_else(|| E::invalid_value(de::Unexpected::Float(n), &self))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Id, E> {
                Id::from_digits(s).ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &self))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

/// `user.device_platform`: a channel code, or a string the platform put there instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NumberOrString {
    Number(Number),
    Text(String),
}

/// An object, or (in older payloads) a plain string in its place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ObjectOrText<T> {
    Object(T),
    Text(String),
}

/// A whole number within ±(2^53 − 1) written as a float (`1.0`, `1e2`), as an `i64`.
fn integral(n: f64) -> Option<i64> {
    const SAFE: f64 = 9_007_199_254_740_991.0;
    // The range check first: the cast below is then exact.
    (n.is_finite() && n.fract() == 0.0 && n.abs() <= SAFE).then_some(n as i64)
}

struct IntegerVisitor;
impl Visitor<'_> for IntegerVisitor {
    type Value = i64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<i64, E> {
        Ok(n)
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<i64, E> {
        i64::try_from(n).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<i64, E> {
        integral(n).ok_or_else(|| E::invalid_value(de::Unexpected::Float(n), &self))
    }
}

/// An integer field: any integral spelling the validator accepts (`1`, `1.0`, `1e2`).
pub(crate) fn integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    deserializer.deserialize_any(IntegerVisitor)
}

/// An optional integer field (absent is `None` through `#[serde(default)]`).
pub(crate) fn some_integer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    integer(deserializer).map(Some)
}

/// An optional field that may also be `null`: present (even as null) is `Some`.
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// A tagged union's object, split into its tag's string and its other fields (in order).
pub(crate) fn split_tag<'de, D: Deserializer<'de>>(
    deserializer: D,
    tag: &str,
) -> Result<(String, Map<String, Value>), D::Error> {
    let mut fields = Map::deserialize(deserializer)?;
    match fields.shift_remove(tag) {
        Some(Value::String(name)) => Ok((name, fields)),
        Some(_) => Err(de::Error::custom(format_args!("`{tag}` must be a string"))),
        None => Err(de::Error::custom(format_args!("missing field `{tag}`"))),
    }
}

/// The tag put back first, for the member that keeps it (the unknown one).
pub(crate) fn with_tag(fields: Map<String, Value>, tag: &str, name: String) -> Map<String, Value> {
    let mut out = Map::with_capacity(fields.len() + 1);
    out.insert(tag.to_string(), Value::String(name));
    out.extend(fields);
    out
}

/// A variant's type from the fields of its object.
pub(crate) fn from_fields<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
    fields: Map<String, Value>,
) -> Result<T, D::Error> {
    T::deserialize(Value::Object(fields)).map_err(de::Error::custom)
}

/// A known variant written with its tag first, then its fields.
pub(crate) fn serialize_tagged<S: Serializer, T: Serialize>(
    serializer: S,
    tag: &str,
    name: &str,
    inner: &T,
) -> Result<S::Ok, S::Error> {
    let fields = match serde_json::to_value(inner).map_err(serde::ser::Error::custom)? {
        Value::Object(fields) => fields,
        _ => return Err(serde::ser::Error::custom("a variant must serialise to an object")),
    };
    let mut map = serializer.serialize_map(Some(fields.len() + 1))?;
    map.serialize_entry(tag, name)?;
    for (key, value) in &fields {
        map.serialize_entry(key, value)?;
    }
    map.end()
}
