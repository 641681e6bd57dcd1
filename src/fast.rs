//! The fast path: answers one question, "is this payload a known event with nothing to report?"
//! (or an unknown one, kept whole), without building a report. Most webhooks are; for them this
//! is the whole validation.
//!
//! It walks the same model with the same reader as [`crate::validate`], but keeps no path, makes
//! no messages and allocates nothing. It is conservative: anything that would give an issue, a
//! warning or a patch (and a few rare things that would not, such as escaped keys, an unknown
//! HSL type or more than [`MAX_OTHER_KEYS`] unknown keys in one object) makes it give up, and
//! the full pass runs. So it can only be faster, never different: tests/fast_path.rs checks that
//! every payload it accepts gets a clean report from the full pass, and that it accepts the
//! clean fixtures.

use crate::field_order;
use crate::json::{same_bytes, scan_string, Num, Reader};
use crate::model::{field_named, Field, Loose, Ty, Union, CLOSING_CATEGORIES, EVENT, HSL_ELEMENT};
use crate::options::{Options, MAX_DEPTH_CAP};

/// Unknown keys remembered per object to find duplicates; an object with more gives up.
const MAX_OTHER_KEYS: usize = 32;

/// A payload with no error, no warning and nothing to normalise, as the fast path found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clean {
    /// A known, non-deprecated event: its index in `model::EVENT.variants`.
    Known(usize),
    /// An event the model does not know, kept whole: its name (not a near miss of a known one).
    Unknown(String),
}

/// The index (in `model::EVENT.variants`) of the payload's event when it is a known,
/// non-deprecated event with no error, no warning and nothing to normalise; `None` when the full
/// pass must decide.
pub fn clean_event(input: &[u8], options: &Options) -> Option<usize> {
    match clean(input, options)? {
        Clean::Known(index) => Some(index),
        Clean::Unknown(_) => None,
    }
}

/// [`clean_event`], and also a clean unknown event (`typing_indicator`): the platform sends
/// events this version does not know, and they are kept whole, so most of them have nothing to
/// report either.
pub fn clean(input: &[u8], options: &Options) -> Option<Clean> {
    if input.len() > options.max_bytes {
        return None;
    }
    if !options.trusted_utf8 && core::str::from_utf8(input).is_err() {
        return None;
    }
    // Strict even in lenient mode: a comment or trailing comma is a warning, so the full pass's.
    let mut fast = Fast {
        r: Reader::new(input, false, true, options.max_depth.min(MAX_DEPTH_CAP)),
        others: Vec::new(),
        unknown_event: None,
    };
    if fast.next() != b'{' {
        return None;
    }
    if let Some(event) = fast.union(&EVENT) {
        return (fast.next() == 0 && fast.r.pos == input.len()).then_some(Clean::Known(event));
    }
    // An unknown event_name was read: the object is read again as values of any type, as the
    // full pass keeps it, and a near miss of a known name ("did you mean") is the full pass's.
    let name = core::str::from_utf8(fast.unknown_event?).ok()?;
    if crate::suggest::near_miss(name, EVENT.variants.iter().map(|v| v.tag)).is_some() {
        return None;
    }
    fast.r.pos = 0;
    fast.r.depth = 0;
    fast.others.clear();
    if fast.next() != b'{' {
        return None;
    }
    fast.map(&Ty::Any)?;
    (fast.next() == 0 && fast.r.pos == input.len()).then(|| Clean::Unknown(name.to_string()))
}

struct Fast<'a> {
    r: Reader<'a>,
    /// The unknown keys of the objects being read (each object's from its `Members::others`);
    /// all unescaped, so equal keys have equal bytes.
    others: Vec<&'a [u8]>,
    /// The payload's event_name when it is a name the model does not know (unescaped).
    unknown_event: Option<&'a [u8]>,
}

fn all_required(common: &'static [Field], fields: &'static [Field], present: u64) -> bool {
    common
        .iter()
        .chain(fields)
        .enumerate()
        .all(|(i, f)| !f.required || present & 1u64.checked_shl(i as u32).unwrap_or(0) != 0)
}

impl<'a> Fast<'a> {
    /// The byte at the reader's position; 0 at the end (never valid where a token is expected).
    #[inline(always)]
    fn byte(&self) -> u8 {
        self.r.src.get(self.r.pos).copied().unwrap_or(0)
    }

    /// Skips strict JSON whitespace and returns the byte there.
    #[inline(always)]
    fn next(&mut self) -> u8 {
        let b = self.byte();
        if b > b' ' {
            return b;
        }
        self.next_after_whitespace()
    }

    fn next_after_whitespace(&mut self) -> u8 {
        loop {
            match self.byte() {
                b' ' | b'\n' | b'\r' | b'\t' => self.r.pos += 1,
                b => return b,
            }
        }
    }

    /// Consumes `{` or `[`, one level deeper.
    #[inline(always)]
    fn enter(&mut self) -> Option<()> {
        self.r.pos += 1;
        self.r.depth += 1;
        (self.r.depth <= self.r.max_depth).then_some(())
    }

    /// Consumes the `}` or `]` the reader is on, one level up.
    #[inline(always)]
    fn leave(&mut self) -> Option<()> {
        self.r.pos += 1;
        self.r.depth -= 1;
        Some(())
    }

    /// Reads the object the reader is on, calling `member` with the reader on each key's
    /// opening quote: it reads the key, its colon ([`Fast::colon`]) and the value.
    #[inline(always)]
    fn members(&mut self, mut member: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.enter()?;
        let mut b = self.next();
        if b == b'}' {
            return self.leave();
        }
        loop {
            if b != b'"' {
                return None;
            }
            member(self)?;
            match self.next() {
                b',' => {
                    self.r.pos += 1;
                    b = self.next();
                }
                b'}' => return self.leave(),
                _ => return None,
            }
        }
    }

    /// Consumes the colon after a key.
    #[inline(always)]
    fn colon(&mut self) -> Option<()> {
        if self.next() != b':' {
            return None;
        }
        self.r.pos += 1;
        Some(())
    }

    /// Reads the array the reader is on, calling `item` before each item.
    #[inline(always)]
    fn items(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.enter()?;
        if self.next() == b']' {
            return self.leave();
        }
        loop {
            item(self)?;
            match self.next() {
                b',' => self.r.pos += 1,
                b']' => return self.leave(),
                _ => return None,
            }
        }
    }

    /// Skips the string the reader is on (its content is checked; the input is UTF-8).
    #[inline(always)]
    fn string(&mut self) -> Option<()> {
        let (end, _) = scan_string(self.r.src, self.r.pos + 1).ok()?;
        self.r.pos = end + 1;
        Some(())
    }

    /// Reads a key (the reader on its quote); `None` when it has escapes.
    #[inline(always)]
    fn key(&mut self) -> Option<&'a [u8]> {
        let start = self.r.pos + 1;
        let (end, escaped) = scan_string(self.r.src, start).ok()?;
        self.r.pos = end + 1;
        if escaped {
            return None;
        }
        self.r.src.get(start..end)
    }

    #[inline(always)]
    fn number(&mut self) -> Option<Num<'a>> {
        self.r.number().ok()
    }

    /// `true`, `false` or `null`, the reader on its first byte `b`.
    #[inline(always)]
    fn literal(&mut self, b: u8) -> Option<()> {
        let word: &[u8] = match b {
            b't' => b"true",
            b'f' => b"false",
            _ => b"null",
        };
        let end = self.r.pos + word.len();
        if self.r.src.get(self.r.pos..end)? != word {
            return None;
        }
        self.r.pos = end;
        Some(())
    }

    fn value(&mut self, ty: &'static Ty) -> Option<()> {
        let b = self.next();
        match (ty, b) {
            (Ty::Any, _) => self.any(b),
            (Ty::String | Ty::Enum(_), b'"') => self.string(),
            (Ty::Bool, b't' | b'f') | (Ty::Nullable(_), b'n') => self.literal(b),
            (Ty::Number, b'-' | b'0'..=b'9') => self.number().map(drop),
            (Ty::Integer | Ty::Id | Ty::IntEnum(_), b'-' | b'0'..=b'9') => self.safe_integer(),
            (Ty::Nullable(inner), _) => self.value(inner),
            (Ty::Array(item), b'[') => self.items(|f| f.value(item)),
            (Ty::Object(o), b'{') => self.object(o.fields),
            (Ty::Map(item), b'{') => self.map(item),
            (Ty::Union(u), b'{') => self.union(u).map(drop),
            (Ty::Body, b'{') => self.union(&HSL_ELEMENT).map(drop),
            (Ty::Loose(loose), _) => self.loose(*loose, b),
            // Wrong kinds, and a string body (a legacy or serialised element): the full pass.
            _ => None,
        }
    }

    /// A number that is a whole number within ±(2^53 − 1).
    #[inline]
    fn safe_integer(&mut self) -> Option<()> {
        let n = self.number()?;
        (n.is_integral() && !n.is_unsafe_integer()).then_some(())
    }

    /// The loose forms in their canonical form only (the others are normalised, and reported).
    fn loose(&mut self, loose: Loose, b: u8) -> Option<()> {
        match (loose, b) {
            (Loose::IntegerOrNumericString, b'-' | b'0'..=b'9') => self.safe_integer(),
            (Loose::NumberOrString | Loose::NumberOrNumericString, b'-' | b'0'..=b'9') => self.number().map(drop),
            (Loose::Boolean, b't' | b'f') => self.literal(b),
            (Loose::StringOrInteger, b'"') => self.string(),
            (Loose::Flag, b'0' | b'1') => {
                let n = self.number()?;
                (n.raw == b"0" || n.raw == b"1").then_some(())
            }
            (Loose::ClosingCategories, b'{') => self.object(CLOSING_CATEGORIES.fields),
            _ => None,
        }
    }

    /// Any value, the reader on its first byte `b`; an integer beyond 2^53 (which would be
    /// patched) gives up.
    fn any(&mut self, b: u8) -> Option<()> {
        match b {
            b'{' => self.map(&Ty::Any),
            b'[' => self.items(|f| {
                let b = f.next();
                f.any(b)
            }),
            b'"' => self.string(),
            b'-' | b'0'..=b'9' => (!self.number()?.is_unsafe_integer()).then_some(()),
            b't' | b'f' | b'n' => self.literal(b),
            _ => None,
        }
    }

    fn map(&mut self, item: &'static Ty) -> Option<()> {
        let others = self.others.len();
        self.members(|f| {
            let key = f.key()?;
            f.other_key(others, key)?;
            f.colon()?;
            f.value(item)
        })?;
        self.others.truncate(others);
        Some(())
    }

    fn object(&mut self, fields: &'static [Field]) -> Option<()> {
        let mut members = Members::new(self.others.len());
        self.members(|f| match f.guessed_key(&members, &[], fields) {
            Some(known) => f.known_member(&mut members, known),
            None => {
                let key = f.key()?;
                f.member(&mut members, &[], fields, key)
            }
        })?;
        self.others.truncate(members.others);
        all_required(&[], fields, members.present).then_some(())
    }

    /// The field that followed the previous member's field last time, when the key the reader
    /// is on is its name (then the reader moves past the key): most payloads come from one
    /// serialiser and write their fields in the same order, so one comparison replaces scanning
    /// the key and looking it up. Never a wrong answer: the name is compared in full.
    #[inline(always)]
    fn guessed_key(
        &mut self,
        members: &Members,
        common: &'static [Field],
        fields: &'static [Field],
    ) -> Option<(usize, &'static Field)> {
        let (i, field) = field_order::guess(members.last, members.first, common, fields)?;
        let rest = self.r.src.get(self.r.pos + 1..)?;
        let name = field.name.as_bytes();
        if rest.get(name.len()) != Some(&b'"') || !same_bytes(rest.get(..name.len())?, name) {
            return None;
        }
        self.r.pos += name.len() + 2;
        Some((i, field))
    }

    /// One member (its key read) of an object with the given fields: its value checked against
    /// its field or, for an unknown key, as any value.
    #[inline(always)]
    fn member(
        &mut self,
        members: &mut Members,
        common: &'static [Field],
        fields: &'static [Field],
        key: &'a [u8],
    ) -> Option<()> {
        match field_named(common, fields, key) {
            Some(known) => {
                field_order::learn(members.last, members.first, common, fields, known.0);
                self.known_member(members, known)
            }
            None => {
                members.last = None;
                members.first = false;
                // A near miss of a field gets a warning from the full pass: leave it to that.
                if looks_like_a_field(common, fields, key) {
                    return None;
                }
                self.other_key(members.others, key)?;
                self.colon()?;
                let b = self.next();
                self.any(b)
            }
        }
    }

    /// A member whose key is the field `i` (its key read): its value.
    #[inline(always)]
    fn known_member(&mut self, members: &mut Members, (i, field): (usize, &'static Field)) -> Option<()> {
        let bit = 1u64.checked_shl(i as u32)?;
        // A duplicate, or a legacy name (a warning): the full pass.
        if members.present & bit != 0 || field.legacy {
            return None;
        }
        members.present |= bit;
        members.last = Some(field);
        members.first = false;
        self.colon()?;
        // Most fields are strings: read them here, without the call to `value`.
        if matches!(field.ty, Ty::String) && self.next() == b'"' {
            return self.string();
        }
        self.value(&field.ty)
    }

    /// An object of the union `u`; the index of its (known, non-deprecated) variant.
    fn union(&mut self, u: &'static Union) -> Option<usize> {
        let start = self.r.pos;
        let mut members = Members::new(self.others.len());
        let mut variant = None;
        let mut tag_read = false;
        let mut fields: &'static [Field] = &[];
        self.members(|f| {
            if let Some(known) = f.guessed_key(&members, u.common, fields) {
                return f.known_member(&mut members, known);
            }
            let key = f.key()?;
            if same_bytes(key, u.tag.as_bytes()) {
                if std::mem::replace(&mut tag_read, true) {
                    return None; // a second tag: a duplicate key
                }
                f.colon()?;
                let v = f.tag(u)?;
                variant = Some(v);
                fields = u.variants.get(v)?.object.fields;
                members.last = None;
                members.first = false;
                return Some(());
            }
            if variant.is_none() && field_named(u.common, &[], key).is_none() {
                // A key that depends on the variant, before the tag: find the tag ahead.
                let v = f.tag_ahead(u, start)?;
                variant = Some(v);
                fields = u.variants.get(v)?.object.fields;
            }
            f.member(&mut members, u.common, fields, key)
        })?;
        self.others.truncate(members.others);
        let v = variant?;
        all_required(u.common, fields, members.present).then_some(v)
    }

    /// Records an unknown key of the object whose unknown keys start at `others`; `None` when
    /// it is a duplicate or the object has too many.
    #[inline]
    fn other_key(&mut self, others: usize, key: &'a [u8]) -> Option<()> {
        let seen = self.others.get(others..)?;
        if seen.len() >= MAX_OTHER_KEYS || seen.iter().any(|k| same_bytes(k, key)) {
            return None;
        }
        self.others.push(key);
        Some(())
    }

    /// Reads a union's tag value: the index of the known, non-deprecated variant it names. An
    /// unknown name of the event union (only ever the payload itself) is remembered.
    fn tag(&mut self, u: &'static Union) -> Option<usize> {
        if self.next() != b'"' {
            return None;
        }
        let tag = self.key()?;
        let Some(i) = u.variants.iter().position(|v| same_bytes(v.tag.as_bytes(), tag)) else {
            if core::ptr::eq(u, &EVENT) {
                self.unknown_event = Some(tag);
            }
            return None;
        };
        (!u.variants.get(i)?.deprecated).then_some(i)
    }

    /// Finds the tag of the union object that starts at `start`, without moving the reader.
    fn tag_ahead(&mut self, u: &'static Union, start: usize) -> Option<usize> {
        let (pos, depth, others) = (self.r.pos, self.r.depth, self.others.len());
        self.r.pos = start;
        let mut found = None;
        // Stops (with `None`) at the tag; skipping is checking, as any value.
        let _ = self.members(|f| {
            let key = f.key()?;
            f.colon()?;
            if same_bytes(key, u.tag.as_bytes()) {
                found = f.tag(u);
                return None;
            }
            let b = f.next();
            f.any(b)
        });
        self.r.pos = pos;
        self.r.depth = depth;
        self.others.truncate(others);
        found
    }
}

/// Whether an unknown key is a near miss of one of the fields (see `suggest`). Out of line:
/// unknown keys are rare, and the hot loop stays small.
#[cold]
#[inline(never)]
fn looks_like_a_field(common: &'static [Field], fields: &'static [Field], key: &[u8]) -> bool {
    std::str::from_utf8(key)
        .ok()
        .and_then(|name| crate::suggest::near_miss(name, common.iter().chain(fields).map(|f| f.name)))
        .is_some()
}

/// What one object has shown so far: its known fields (by bit), and where its unknown keys
/// start in `Fast::others`.
struct Members {
    present: u64,
    others: usize,
    /// The field of the previous member, when it was a known one (for the next key's guess).
    last: Option<&'static Field>,
    /// No member read yet (the first key has a guess of its own).
    first: bool,
}

impl Members {
    fn new(others: usize) -> Members {
        Members {
            present: 0,
            others,
            last: None,
            first: true,
        }
    }
}
