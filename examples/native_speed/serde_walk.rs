//! The model's check driven by serde_json (`MODE=serde_walk`), to measure what a serde-based
//! walker costs beside the hand-written reader (BENCHMARKS.md, "The JSON reader"). Not shipped.
//!
//! It is the most favourable serde design: `DeserializeSeed` visitors walk the model over
//! serde_json's `Deserializer`, keys borrowed, scalars read as `&RawValue` (their exact text),
//! a guess of each key from the field that followed the previous one. It checks kinds, known
//! and required fields, union tags, duplicates of known fields and integers, as the quick pass
//! does, and gives up on anything else; it does none of what a real one would also need
//! (escaped keys and lone surrogates, duplicate unknown keys, positions for messages), so its
//! cost is a floor.

use haptik_webhook::model::{Field, Loose, Object, Ty, Union, CLOSING_CATEGORIES, EVENT, HSL_ELEMENT, ROOT};
use serde::de::{DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::cell::Cell;
use std::fmt;

/// Whether `input` is a clean known event (its index), as far as this walker checks.
pub fn check(input: &str) -> Option<usize> {
    let mut walk = Walk {
        depth: 0,
        clean: true,
        event: None,
    };
    let mut de = serde_json::Deserializer::from_str(input);
    Value {
        walk: &mut walk,
        ty: &ROOT,
    }
    .deserialize(&mut de)
    .ok()?;
    de.end().ok()?;
    walk.event.filter(|_| walk.clean)
}

struct Walk {
    depth: u32,
    clean: bool,
    event: Option<usize>,
}

impl Walk {
    fn enter<E: serde::de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > 64 {
            return Err(E::custom("too deep"));
        }
        Ok(())
    }
}

thread_local! {
    /// For a field (by address), the index of the field that followed it last time.
    static NEXT: [Cell<(usize, usize)>; 64] = const { [const { Cell::new((0, 0)) }; 64] };
}

fn next_guess(previous: Option<&'static Field>) -> Option<usize> {
    let address = previous? as *const Field as usize;
    NEXT.with(|t| t.get(address / std::mem::size_of::<Field>() % 64).map(Cell::get))
        .filter(|(a, _)| *a == address)
        .map(|(_, i)| i)
}

fn learn(previous: Option<&'static Field>, index: usize) {
    if let Some(field) = previous {
        let address = field as *const Field as usize;
        NEXT.with(|t| {
            if let Some(slot) = t.get(address / std::mem::size_of::<Field>() % 64) {
                slot.set((address, index));
            }
        });
    }
}

struct Value<'w> {
    walk: &'w mut Walk,
    ty: &'static Ty,
}

impl<'de> DeserializeSeed<'de> for Value<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let walk = self.walk;
        let object = |walk, object: &'static Object| Members {
            walk,
            common: &[],
            object: Some(object),
            union: None,
        };
        match self.ty {
            Ty::Object(o) => d.deserialize_any(object(walk, o)),
            Ty::Loose(Loose::ClosingCategories) => d.deserialize_any(object(walk, &CLOSING_CATEGORIES)),
            Ty::Union(u) => d.deserialize_any(Members {
                walk,
                common: u.common,
                object: None,
                union: Some(u),
            }),
            Ty::Body => d.deserialize_any(Members {
                walk,
                common: HSL_ELEMENT.common,
                object: None,
                union: Some(&HSL_ELEMENT),
            }),
            Ty::Array(item) => d.deserialize_any(Items { walk, item }),
            Ty::Map(value) => d.deserialize_any(Entries { walk, value }),
            Ty::Any => d.deserialize_any(AnyValue { walk }),
            ty => {
                let raw = <&RawValue>::deserialize(d)?;
                walk.clean &= scalar(ty, raw.get());
                Ok(())
            }
        }
    }
}

/// Whether `raw` (a scalar's text) is what `ty` wants, without normalisation.
fn scalar(ty: &Ty, raw: &str) -> bool {
    let first = raw.as_bytes().first().copied().unwrap_or(0);
    let number = first == b'-' || first.is_ascii_digit();
    let safe_integer = || number && raw.len() < 16 && raw.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    match ty {
        Ty::String | Ty::Enum(_) | Ty::Loose(Loose::StringOrInteger) => first == b'"',
        Ty::Bool | Ty::Loose(Loose::Boolean) => first == b't' || first == b'f',
        Ty::Number | Ty::Loose(Loose::NumberOrString | Loose::NumberOrNumericString) => number,
        Ty::Integer | Ty::Id | Ty::IntEnum(_) | Ty::Loose(Loose::IntegerOrNumericString) => safe_integer(),
        Ty::Loose(Loose::Flag) => raw == "0" || raw == "1",
        Ty::Nullable(inner) => raw == "null" || scalar(inner, raw),
        Ty::Any | Ty::Array(_) | Ty::Object(_) | Ty::Map(_) | Ty::Union(_) | Ty::Body => false,
        Ty::Loose(Loose::ClosingCategories) => false,
    }
}

struct AnyValue<'w> {
    walk: &'w mut Walk,
}

impl<'de> Visitor<'de> for AnyValue<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.walk.clean &= v < 1 << 53;
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.walk.clean &= v > -(1 << 53);
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_borrowed_str<E>(self, _: &'de str) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Items {
            walk: self.walk,
            item: &Ty::Any,
        }
        .visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        Entries {
            walk: self.walk,
            value: &Ty::Any,
        }
        .visit_map(map)
    }
}

struct Items<'w> {
    walk: &'w mut Walk,
    item: &'static Ty,
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.walk.enter()?;
        while seq
            .next_element_seed(Value {
                walk: self.walk,
                ty: self.item,
            })?
            .is_some()
        {}
        self.walk.depth -= 1;
        Ok(())
    }
}

struct Entries<'w> {
    walk: &'w mut Walk,
    value: &'static Ty,
}

impl<'de> Visitor<'de> for Entries<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.walk.enter()?;
        while map.next_key::<&'de str>()?.is_some() {
            map.next_value_seed(Value {
                walk: self.walk,
                ty: self.value,
            })?;
        }
        self.walk.depth -= 1;
        Ok(())
    }
}

struct Members<'w> {
    walk: &'w mut Walk,
    common: &'static [Field],
    object: Option<&'static Object>,
    union: Option<&'static Union>,
}

impl<'de> Visitor<'de> for Members<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let walk = self.walk;
        walk.enter()?;
        let common = self.common;
        let mut fields = self.object.map_or(&[][..], |o| o.fields);
        let mut present = 0u64;
        let mut previous: Option<&'static Field> = None;
        while let Some(key) = map.next_key::<&'de str>()? {
            if let Some(u) = self.union.filter(|u| key == u.tag) {
                let tag = map.next_value::<&'de str>()?;
                let Some((i, v)) = u.variants.iter().enumerate().find(|(_, v)| v.tag == tag) else {
                    walk.clean = false;
                    return Err(A::Error::custom("an unknown tag: the quick pass reads it again"));
                };
                fields = v.object.fields;
                if std::ptr::eq(u, &EVENT) {
                    walk.event = Some(i);
                }
                previous = None;
                continue;
            }
            let field_at = |i: usize| common.get(i).or_else(|| fields.get(i.checked_sub(common.len())?));
            let guessed = next_guess(previous)
                .and_then(|i| Some((i, field_at(i)?)))
                .filter(|(_, f)| f.name == key);
            let found = guessed.or_else(|| {
                let found = common.iter().chain(fields).enumerate().find(|(_, f)| f.name == key);
                if let Some((i, _)) = found {
                    learn(previous, i);
                }
                found
            });
            match found {
                Some((i, field)) => {
                    let bit = 1u64 << i;
                    walk.clean &= present & bit == 0 && !field.legacy;
                    present |= bit;
                    previous = Some(field);
                    map.next_value_seed(Value { walk, ty: &field.ty })?;
                }
                None => {
                    // A variant's field before the tag, or an unknown key: the quick pass's.
                    walk.clean = false;
                    previous = None;
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let required = common.iter().chain(fields).enumerate().filter(|(_, f)| f.required);
        walk.clean &= required.into_iter().all(|(i, _)| present & 1u64 << i != 0);
        walk.depth -= 1;
        Ok(())
    }
}
