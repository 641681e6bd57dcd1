//! The walk: the model read against the payload, in either mode (see the module's docs).

use super::text::{expected, is_missing, json_text, number_is_unsafe, numeric_string, one_of, shown};
use super::{push_capped, CHECKED_AS_THEY_COME, MAX_TYPO_CHECKS};
use crate::field_order::{self, After};
use crate::issue::Code;
use crate::json::{same_bytes, Failure, Fatal, Kind, Reader, Str};
use crate::model::{
    field_named, required_bits, Field, Loose, Object, Ty, Union, CLOSING_CATEGORIES, EVENT, HSL, HSL_ELEMENT,
    MESSAGE_EVENT,
};
use crate::report::{Normalised, Report, Segment};

/// The payload's event, as the walk found it.
pub(super) enum Event<'a> {
    /// A known, non-deprecated event: its index in `model::EVENT.variants`.
    Known(usize),
    Unknown(Str<'a>),
}

pub(super) enum Seg<'a> {
    Key(Str<'a>),
    Index(usize),
}

pub(super) type Step = Result<(), Failure>;

/// A union's tag found ahead: its string (or the kind of the non-string found) and its offset.
pub(super) type Tag<'a> = (Result<Str<'a>, Kind>, usize);

/// Why the quick mode stopped: a finding, which the full mode reports. Never shown.
#[cold]
#[inline(never)]
pub(super) fn gave_up() -> Failure {
    Box::new(Fatal {
        code: Code::Internal,
        message: String::new(),
        offset: 0,
    })
}

pub(super) struct Walker<'a, 'r, const FULL: bool> {
    pub(super) r: Reader<'a>,
    /// Where findings go (the full mode only writes it).
    pub(super) report: &'r mut Report,
    pub(super) path: Vec<Seg<'a>>,
    /// The unknown keys of the objects being read, with their offsets (an object's own start
    /// where `keys` ended when it began): to find duplicates, and near misses of its fields.
    pub(super) keys: Vec<(Str<'a>, usize)>,
    /// The tag of the union object that [`Walker::fields`] gave up on.
    pub(super) restart: Option<Tag<'a>>,
    pub(super) event: Option<Event<'a>>,
    /// Path of this document inside an outer one (an HSL element serialised as a string): as a
    /// JSON Pointer, and as the start of a patch path.
    pub(super) prefix_pointer: &'r str,
    pub(super) prefix_path: &'r [Segment],
    /// Inside such a document, every issue is placed at the outer string.
    pub(super) at_override: Option<usize>,
    /// More than [`MAX_PATCHES`] were needed, or paths longer than [`MAX_PATCH_STEPS`] in all.
    pub(super) too_many_patches: bool,
    /// The steps of the patch paths so far.
    pub(super) patch_steps: usize,
}

/// [`lookup`], for a key that was not the guessed one: the field found is remembered as the
/// one that comes `after` what came before it (src/field_order.rs). Out of line: with the
/// guesses, most keys never need it.
#[inline(never)]
fn lookup_and_learn(
    after: After,
    common: &'static [Field],
    fields: &'static [Field],
    key: &Str,
) -> Option<(usize, &'static Field)> {
    let found = lookup(common, fields, key);
    if let Some((i, _)) = found {
        field_order::learn(after, common, fields, i);
    }
    found
}

/// The field named `key` among `common` then `fields`, with its index in that order.
#[inline]
fn lookup(common: &'static [Field], fields: &'static [Field], key: &Str) -> Option<(usize, &'static Field)> {
    if key.escaped {
        return common.iter().chain(fields).enumerate().find(|(_, f)| key.is(f.name));
    }
    field_named(common, fields, key.raw)
}

/// The bit of the field at `index` (in `common` then `fields`) in a set of fields: an object's
/// present fields, its required ones.
#[inline(always)]
fn field_bit(index: usize) -> u64 {
    1u64.checked_shl(index as u32).unwrap_or(0)
}

#[inline]
fn same_key(a: &Str, b: &Str) -> bool {
    if !a.escaped && !b.escaped {
        same_bytes(a.raw, b.raw)
    } else {
        // Exact UTF-16 values: `decode` maps every lone surrogate to U+FFFD, which would make
        // "\ud800" and "\udc00" (different keys in JavaScript) look like duplicates.
        a.utf16() == b.utf16()
    }
}

impl<'a, 'r, const FULL: bool> Walker<'a, 'r, FULL> {
    pub(super) fn new(src: &'a [u8], lenient: bool, max_depth: u32, report: &'r mut Report) -> Self {
        Walker {
            r: Reader::new(src, lenient, true, max_depth),
            report,
            // The full mode's path: one allocation for the usual depths (the quick mode keeps none).
            path: if FULL { Vec::with_capacity(16) } else { Vec::new() },
            keys: Vec::new(),
            restart: None,
            event: None,
            prefix_pointer: "",
            prefix_path: &[],
            at_override: None,
            too_many_patches: false,
            patch_steps: 0,
        }
    }

    /// Where the two modes part: the full mode goes on to record a finding, the quick mode
    /// stops here (the full mode will decide).
    #[inline(always)]
    pub(super) fn full_only(&self) -> Step {
        if FULL {
            Ok(())
        } else {
            Err(gave_up())
        }
    }

    /// Reads the key the reader is on: in place in the quick mode, where speed counts, out of
    /// line in the full mode, where size does (BENCHMARKS.md, "Size").
    #[inline(always)]
    pub(super) fn key(&mut self) -> Result<Str<'a>, Failure> {
        if FULL {
            self.r.string()
        } else {
            self.r.string_in_place()
        }
    }

    #[inline(always)]
    pub(super) fn push(&mut self, seg: Seg<'a>) {
        if FULL {
            self.path.push(seg);
        }
    }

    #[inline(always)]
    pub(super) fn pop(&mut self) {
        if FULL {
            self.path.pop();
        }
    }

    /// The value the reader is on (after whitespace), as `ty` says.
    pub(super) fn value(&mut self, ty: &'static Ty) -> Step {
        let b = self.r.peek()?;
        let at = self.r.pos;
        // The expected first byte is tested directly; the kind is worked out for the rest.
        match ty {
            Ty::String | Ty::Enum(_) if b == b'"' => self.r.skip_string(),
            Ty::Bool if b == b't' || b == b'f' => self.r.literal().map(drop),
            Ty::Number if b == b'-' || b.is_ascii_digit() => {
                if !self.r.short_integer() {
                    self.r.number()?;
                }
                Ok(())
            }
            Ty::Integer | Ty::IntEnum(_) if b == b'-' || b.is_ascii_digit() => self.integer(false, at),
            Ty::Id if b == b'-' || b.is_ascii_digit() => self.integer(true, at),
            Ty::Nullable(_) if b == b'n' => self.r.literal().map(drop),
            Ty::Nullable(inner) => self.value(inner),
            Ty::Array(item) if b == b'[' => self.array(item),
            Ty::Object(o) if b == b'{' => self.object(o, at),
            Ty::Map(value) if b == b'{' => self.map(value),
            Ty::Union(u) if b == b'{' => self.union(u, at),
            Ty::Any => self.any(self.r.kind_of(b)?),
            Ty::Loose(loose) => self.loose(*loose, self.r.kind_of(b)?, at),
            Ty::Body => self.body(self.r.kind_of(b)?, at),
            // A value of another kind (or no value at all: a syntax error).
            Ty::String
            | Ty::Enum(_)
            | Ty::Bool
            | Ty::Number
            | Ty::Integer
            | Ty::IntEnum(_)
            | Ty::Id
            | Ty::Array(_)
            | Ty::Object(_)
            | Ty::Map(_)
            | Ty::Union(_) => {
                let kind = self.r.kind_of(b)?;
                self.wrong_type(expected(ty), kind, at)
            }
        }
    }

    /// Any JSON value, kept as it is; integers beyond 2^53 become exact strings.
    pub(super) fn any(&mut self, kind: Kind) -> Step {
        match kind {
            // A free-form object is a map of any values.
            Kind::Object => self.map(&Ty::Any),
            Kind::Array => self.array(&Ty::Any),
            Kind::String => self.r.skip_string(),
            Kind::Number if self.r.short_integer() => Ok(()),
            Kind::Number => {
                let at = self.r.pos;
                let n = self.r.number()?;
                if n.is_unsafe_integer() {
                    self.keep_exact(n.raw, at)?;
                }
                Ok(())
            }
            Kind::Bool | Kind::Null => self.r.literal().map(drop),
        }
    }

    pub(super) fn integer(&mut self, id: bool, at: usize) -> Step {
        if self.r.short_integer() {
            return Ok(());
        }
        let n = self.r.number()?;
        if !n.is_integral() {
            self.reject(Code::InvalidType, at, Kind::Number, "an integer", str::to_string)?;
        } else if n.is_unsafe_integer() {
            if id {
                self.keep_exact(n.raw, at)?;
            } else {
                self.reject(
                    Code::UnsafeInteger,
                    at,
                    Kind::Number,
                    "an integer within ±(2^53 − 1)",
                    |received| format!("{received}, which JavaScript numbers cannot hold exactly"),
                )?;
            }
        }
        Ok(())
    }

    pub(super) fn array(&mut self, item: &'static Ty) -> Step {
        let mut more = self.r.open_array()?;
        let mut index = 0;
        while more {
            self.push(Seg::Index(index));
            self.value(item)?;
            self.pop();
            index += 1;
            more = self.r.more_items()?;
        }
        Ok(())
    }

    /// Records `key`, an unknown key of the object whose keys start at `from` in `keys`; false
    /// when it is a duplicate of one before it. Only the first ones are compared as they come:
    /// the others are answered true here, and checked when the object ends.
    #[inline(always)]
    pub(super) fn first_time(&mut self, from: usize, key: Str<'a>, at: usize) -> bool {
        let listed = self.keys.get(from..).unwrap_or_default();
        let new = listed.len() >= CHECKED_AS_THEY_COME || !listed.iter().any(|(k, _)| same_key(k, &key));
        self.keys.push((key, at));
        new
    }

    /// The object whose unknown keys start at `from` in `keys` ended: the duplicates not yet
    /// checked are found, and its keys forgotten.
    #[inline(always)]
    pub(super) fn end_of_keys(&mut self, from: usize) -> Step {
        if self.keys.len() - from > CHECKED_AS_THEY_COME {
            self.late_duplicates(from)?;
        }
        self.keys.truncate(from);
        Ok(())
    }

    /// The duplicates among the unknown keys of an object with more of them than are checked as
    /// they come: the keys sorted (their UTF-16 units, then their place), a key equal to the
    /// one before it is a duplicate; those before [`CHECKED_AS_THEY_COME`] were reported
    /// already. O(n log n) whatever the keys are, so a hostile object cannot make it slow.
    #[cold]
    #[inline(never)]
    pub(super) fn late_duplicates(&mut self, from: usize) -> Step {
        let keys = self.keys.get(from..).unwrap_or_default();
        let mut sorted: Vec<(Vec<u16>, usize)> = keys.iter().enumerate().map(|(i, (k, _))| (k.utf16(), i)).collect();
        crate::sort::unstable(&mut sorted);
        let late_duplicate = |pair: &[(Vec<u16>, usize)]| match pair {
            [(before, _), (key, i)] => (before == key && *i >= CHECKED_AS_THEY_COME).then_some(*i),
            _ => None,
        };
        if !FULL {
            // The quick mode only needs to know whether there is one.
            return match sorted.windows(2).any(|pair| late_duplicate(pair).is_some()) {
                true => self.full_only(),
                false => Ok(()),
            };
        }
        let mut late: Vec<usize> = sorted.windows(2).filter_map(late_duplicate).collect();
        // In document order, as the issues of the walk come (the first ones are listed).
        crate::sort::unstable(&mut late);
        let late: Vec<(Str<'a>, usize)> = late.iter().filter_map(|&i| keys.get(i).copied()).collect();
        for (key, at) in late {
            self.push(Seg::Key(key));
            self.duplicate(at)?;
            self.pop();
        }
        Ok(())
    }

    pub(super) fn map(&mut self, value: &'static Ty) -> Step {
        let mut more = self.r.open_object()?;
        let from = self.keys.len();
        while more {
            let key_at = self.r.pos;
            let key = self.key()?;
            self.r.colon()?;
            self.push(Seg::Key(key));
            if !self.first_time(from, key, key_at) {
                self.duplicate(key_at)?;
            }
            // Free-form values are mostly strings: read here, without the call to `value` (in the
            // quick mode; the full mode keeps its size down).
            if !FULL && matches!(value, Ty::Any) && self.r.peek()? == b'"' {
                self.r.skip_string()?;
            } else {
                self.value(value)?;
            }
            self.pop();
            more = self.r.more_members()?;
        }
        self.end_of_keys(from)?;
        Ok(())
    }

    /// An object with the given fields. Unknown keys are kept.
    pub(super) fn object(&mut self, object: &'static Object, at: usize) -> Step {
        // Without a union there is nothing to restart.
        self.fields::<false>(Some(object), &[], None, at).map(drop)
    }

    /// Reads an object's members against `common` and `object`'s fields. For a union (`union`
    /// given), `object` is `None` and the variant is chosen when the tag is read: the common
    /// fields before it are checked on the assumption that the variant is known (the usual case,
    /// and one pass); if it turns out not to be, the caller reads the object again as unknown.
    pub(super) fn fields<const UNION: bool>(
        &mut self,
        object: Option<&'static Object>,
        common: &'static [Field],
        union: Option<&'static Union>,
        at: usize,
    ) -> Result<bool, Failure> {
        let (mut fields, mut required) = object.map_or((&[][..], 0), |o| (o.fields, o.required));
        let mut more = self.r.open_object()?;
        // Known fields are tracked by bit (a set bit seen again is a duplicate); only other keys
        // need the slower list.
        let mut present: u64 = 0;
        let mut tag_seen = false;
        let union = if UNION { union } else { None };
        let mut resolved = union.is_none();
        let from = self.keys.len();
        // What came before the next member, for the guess of its key (src/field_order.rs).
        let mut previous = After::Start;
        while more {
            let key_at = self.r.pos;
            let after = std::mem::replace(&mut previous, After::Other);
            // The guessed field, compared in place: when it is the key, the key is neither
            // scanned nor looked up.
            let guess = field_order::guess(after, common, fields);
            let guessed = guess.and_then(|(i, field)| Some((self.r.guessed_key(field.name)?, (i, field))));
            let (key, guessed) = match guessed {
                // The colon is consumed with the guessed key.
                Some((key, known)) => (key, Some(known)),
                None => {
                    let key = self.key()?;
                    self.r.colon()?;
                    (key, None)
                }
            };
            self.push(Seg::Key(key));
            if let Some(u) = union.filter(|u| guessed.is_none() && key.is(u.tag)) {
                if std::mem::replace(&mut tag_seen, true) {
                    self.duplicate(key_at)?;
                }
                let kind = self.r.kind()?;
                let tag_at = self.r.pos;
                if resolved {
                    self.any(kind)?;
                } else {
                    let tag = if kind == Kind::String {
                        Ok(self.r.string()?)
                    } else {
                        Err(kind)
                    };
                    match self.resolve(u, (tag, tag_at))? {
                        Some(variant) => {
                            (fields, required) = (variant.fields, variant.required);
                            resolved = true;
                            previous = After::Tag(variant);
                        }
                        None => return Ok(self.give_up_union(Some((tag, tag_at)))),
                    }
                }
            } else {
                let mut found = guessed.or_else(|| lookup_and_learn(after, common, fields, &key));
                if let Some(u) = union.filter(|_| !resolved && found.is_none()) {
                    // A key that depends on the variant: find the tag ahead first.
                    let Some(tag) = self.lookahead_tag_from(u.tag, at) else {
                        return Ok(self.give_up_union(None));
                    };
                    let Some(variant) = self.resolve(u, tag)? else {
                        return Ok(self.give_up_union(Some(tag)));
                    };
                    (fields, required) = (variant.fields, variant.required);
                    resolved = true;
                    found = lookup(common, fields, &key);
                }
                match found {
                    Some((i, field)) => {
                        previous = After::Field(field);
                        let bit = field_bit(i);
                        if present & bit != 0 {
                            self.duplicate(key_at)?;
                        }
                        present |= bit;
                        if field.legacy {
                            self.warn(Code::LegacyShape, key_at, |place| {
                                format!("{place} is an older name of this field, accepted as it is")
                            })?;
                        }
                        // Most fields are strings: read here, without the call to `value`.
                        if matches!(field.ty, Ty::String | Ty::Enum(_)) && self.r.peek()? == b'"' {
                            self.r.skip_string()?;
                        } else {
                            self.value(&field.ty)?;
                        }
                    }
                    None => {
                        if !self.first_time(from, key, key_at) {
                            self.duplicate(key_at)?;
                        }
                        let kind = self.r.kind()?;
                        self.any(kind)?;
                    }
                }
            }
            self.pop();
            more = self.r.more_members()?;
        }
        if !resolved {
            return Ok(self.give_up_union(None));
        }
        if self.keys.len() > from {
            self.possible_typos(common, fields, present, from)?;
            self.end_of_keys(from)?;
        }
        // Required fields by bit: the common ones first, as `present` counts them.
        let need = required_bits(common) | required.checked_shl(common.len() as u32).unwrap_or(0);
        if present & need != need {
            self.missing(common, fields, present, at)?;
        }
        Ok(true)
    }

    /// Leaves a union's object to be read again as unknown (see [`Walker::union`]), `tag` the
    /// tag found (if any): always `false`, what [`Walker::fields`] returns then.
    #[cold]
    pub(super) fn give_up_union(&mut self, tag: Option<Tag<'a>>) -> bool {
        self.restart = tag;
        false
    }

    /// A key the model does not know that is a near miss of a field the object lacks
    /// (`bussiness_id` without `business_id`): kept, with a "did you mean" warning.
    pub(super) fn possible_typos(
        &mut self,
        common: &'static [Field],
        fields: &'static [Field],
        present: u64,
        from: usize,
    ) -> Step {
        let absent = || {
            common
                .iter()
                .chain(fields)
                .enumerate()
                .filter(move |(i, _)| present & field_bit(*i) == 0)
                .map(|(_, f)| f.name)
        };
        let mut i = from;
        while let Some(&(key, key_at)) = self.keys.get(i).filter(|_| i - from < MAX_TYPO_CHECKS) {
            i += 1;
            if let Some(meant) = crate::suggest::near_miss(&key.decode(), absent()) {
                self.push(Seg::Key(key));
                self.warn(Code::PossibleTypo, key_at, |place| {
                    format!("{place} is not a field this version knows (kept as it is): did you mean \"{meant}\"?")
                })?;
                self.pop();
            }
        }
        Ok(())
    }

    pub(super) fn missing(
        &mut self,
        common: &'static [Field],
        fields: &'static [Field],
        present: u64,
        at: usize,
    ) -> Step {
        for (i, field) in common.iter().chain(fields).enumerate() {
            if field.required && present & field_bit(i) == 0 {
                self.full_only()?;
                let mut issue = self.issue_at_member(field.name, Code::MissingField, at);
                issue.message = is_missing(&issue.path);
                issue.expected = Some(expected(&field.ty).to_string());
                self.error(issue);
            }
        }
        Ok(())
    }

    /// Finds the union's tag in the object that starts at `at`, without consuming anything.
    #[cold]
    #[inline(never)]
    pub(super) fn lookahead_tag_from(&mut self, tag: &str, at: usize) -> Option<Tag<'a>> {
        let (pos, depth, notes, blanks) = (self.r.pos, self.r.depth, self.r.notes.len(), self.r.blanks.len());
        // Looking ahead checks syntax only, at any depth: too deep is the main walk's to report.
        let max_depth = std::mem::replace(&mut self.r.max_depth, u32::MAX);
        self.r.pos = at;
        let found = (|| -> Result<Option<Tag<'a>>, Failure> {
            let mut more = self.r.open_object()?;
            while more {
                let key = self.r.string()?;
                self.r.colon()?;
                if key.is(tag) {
                    let kind = self.r.kind()?;
                    let at = self.r.pos;
                    return Ok(Some((
                        if kind == Kind::String {
                            Ok(self.r.string()?)
                        } else {
                            Err(kind)
                        },
                        at,
                    )));
                }
                self.r.skip_value()?;
                more = self.r.more_members()?;
            }
            Ok(None)
        })();
        self.r.pos = pos;
        self.r.depth = depth;
        self.r.max_depth = max_depth;
        self.r.notes.truncate(notes);
        self.r.blanks.truncate(blanks);
        // A syntax error ahead is found again, and reported, by the main walk.
        found.ok().flatten()
    }

    /// The fields of the variant a tag names (reporting a deprecated one), or None when the tag
    /// is not a string naming a known variant.
    pub(super) fn resolve(
        &mut self,
        u: &'static Union,
        (tag, tag_at): Tag<'a>,
    ) -> Result<Option<&'static Object>, Failure> {
        let Ok(tag) = tag else { return Ok(None) };
        let Some((index, variant)) = u.variants.iter().enumerate().find(|(_, v)| tag.is(v.tag)) else {
            return Ok(None);
        };
        if self.is_root_event(u) {
            self.event = Some(Event::Known(index));
            if FULL {
                self.report.event_name = Some(variant.tag.to_string());
            }
        }
        if variant.deprecated {
            self.full_only()?;
            let depth = self.path.len();
            if !matches!(self.path.last(), Some(Seg::Key(k)) if k.is(u.tag)) {
                self.path.push(Seg::Key(Str {
                    raw: u.tag.as_bytes(),
                    escaped: false,
                }));
            }
            self.warn(Code::Deprecated, tag_at, |_| {
                format!(
                    "the {} event is deprecated by the platform in favour of webhook_conversation_complete",
                    variant.tag
                )
            })?;
            self.path.truncate(depth);
        }
        Ok(Some(variant.object))
    }

    /// Whether `u` is the payload's own event union (not one inside a serialised body).
    pub(super) fn is_root_event(&self, u: &'static Union) -> bool {
        std::ptr::eq(u, &EVENT) && self.prefix_pointer.is_empty() && self.at_override.is_none()
    }

    pub(super) fn union(&mut self, u: &'static Union, at: usize) -> Step {
        // What to roll back if the object turns out to be an unknown member.
        let (depth, notes, blanks, keys) = (self.r.depth, self.r.notes.len(), self.r.blanks.len(), self.keys.len());
        let (errors, warnings, patches) = (
            self.report.errors.len(),
            self.report.warnings.len(),
            self.report.patches.len(),
        );
        let path = self.path.len();
        if self.fields::<true>(None, u.common, Some(u), at)? {
            return Ok(());
        }
        let tag = self.restart.take();
        self.r.pos = at;
        self.r.depth = depth;
        self.r.notes.truncate(notes);
        self.r.blanks.truncate(blanks);
        self.keys.truncate(keys);
        self.report.errors.truncate(errors);
        self.report.warnings.truncate(warnings);
        self.report.patches.truncate(patches);
        self.path.truncate(path);
        if !matches!(tag, Some((Ok(_), _))) && self.is_root_event(u) {
            // A missing or non-string event_name is an error, which does not hide the rest: the
            // envelope is checked (and the message, when there is one), then the tag's own error.
            self.full_only()?;
            let object = self.lookahead_tag_from("message", at).map(|_| &MESSAGE_EVENT);
            self.r.pos = at;
            // Without a union there is no tag to find: it never asks for a restart.
            let _ = self.fields::<false>(object, u.common, None, at)?;
        } else {
            // Unknown events and elements are kept whole, never rejected.
            self.any(Kind::Object)?;
        }
        match tag {
            Some((Ok(name), tag_at)) => {
                let decoded = name.decode();
                // Accepted as unknown (the platform adds names), but a near miss is said.
                if let Some(meant) = crate::suggest::near_miss(&decoded, u.variants.iter().map(|v| v.tag)) {
                    self.full_only()?;
                    let mut issue = self.issue_at_member(u.tag, Code::PossibleTypo, tag_at);
                    issue.message = format!(
                        "{} is \"{decoded}\", which this version does not know (kept as an unknown {}): did you mean \"{meant}\"?",
                        issue.path,
                        if std::ptr::eq(u, &EVENT) { "event" } else { "element" }
                    );
                    issue.expected = Some(one_of(u.variants.iter().map(|v| v.tag)));
                    issue.received = serde_json::to_string(&decoded).ok();
                    push_capped(&mut self.report.warnings, issue);
                }
                if self.is_root_event(u) {
                    self.event = Some(Event::Unknown(name));
                    if FULL {
                        self.report.event_name = Some(decoded);
                    }
                }
            }
            other => {
                self.full_only()?;
                let mut issue = self.issue_at_member(u.tag, Code::MissingField, at);
                // The known values are few: they are listed (others are accepted as unknown).
                issue.expected = Some(format!(
                    "a string, such as {}",
                    one_of(u.variants.iter().map(|v| v.tag))
                ));
                if let Some((Err(kind), tag_at)) = other {
                    let value = self.received_at(tag_at, kind)?;
                    issue.offset = Some(self.at_override.unwrap_or(tag_at) as u32);
                    issue.code = Code::InvalidType;
                    issue.message = if matches!(kind, Kind::Null) {
                        format!("{} must be a string, but is null", issue.path)
                    } else {
                        format!("{} must be a string, but is {}: {value}", issue.path, kind.described())
                    };
                    issue.received = Some(shown(&value, kind));
                } else {
                    issue.message = is_missing(&issue.path);
                }
                self.error(issue);
            }
        }
        Ok(())
    }

    pub(super) fn loose(&mut self, loose: Loose, kind: Kind, at: usize) -> Step {
        let wrong = |w: &mut Self| w.wrong_type(expected(&Ty::Loose(loose)), kind, at);
        match loose {
            Loose::IntegerOrNumericString => match kind {
                Kind::Number => self.integer(true, at),
                Kind::String => self.numeric_string(loose, kind, at),
                Kind::Object | Kind::Array | Kind::Bool | Kind::Null => wrong(self),
            },
            Loose::NumberOrString | Loose::NumberOrNumericString => match kind {
                Kind::Number if self.r.short_integer() => Ok(()),
                Kind::Number => self.r.number().map(drop),
                Kind::String => self.numeric_string(loose, kind, at),
                Kind::Object | Kind::Array | Kind::Bool | Kind::Null => wrong(self),
            },
            Loose::Boolean => match kind {
                Kind::Bool => self.r.literal().map(drop),
                Kind::String => {
                    self.full_only()?;
                    let s = self.r.string()?;
                    let value = s.decode().to_ascii_lowercase();
                    if value == "true" || value == "false" {
                        let received = self.received(at, kind);
                        self.warn(Code::LooseType, at, |place| {
                            format!("{place} is the string {received}; converted to the boolean {value}")
                        })?;
                        self.patch(Normalised::Boolean { value: value == "true" });
                        Ok(())
                    } else {
                        self.reject(Code::InvalidType, at, kind, "a boolean", |received| {
                            format!("the string {received}")
                        })
                    }
                }
                Kind::Object | Kind::Array | Kind::Number | Kind::Null => wrong(self),
            },
            Loose::Flag => match kind {
                Kind::Number => {
                    let n = self.r.number()?;
                    if n.raw != b"0" && n.raw != b"1" {
                        self.reject(Code::InvalidValue, at, kind, "0 or 1", str::to_string)?;
                    }
                    Ok(())
                }
                Kind::Bool => {
                    self.full_only()?;
                    let value = self.r.literal()?;
                    let number = if value { "1" } else { "0" };
                    self.warn(Code::LooseType, at, |place| {
                        format!("{place} is the boolean {value}; converted to {number}")
                    })?;
                    self.patch(Normalised::Number { text: number.into() });
                    Ok(())
                }
                Kind::Object | Kind::Array | Kind::String | Kind::Null => wrong(self),
            },
            Loose::StringOrInteger => match kind {
                Kind::String => self.r.skip_string(),
                Kind::Number => {
                    // Converted or rejected: a finding either way.
                    self.full_only()?;
                    let n = self.r.number()?;
                    if n.plain_integer {
                        let digits = String::from_utf8_lossy(n.raw).into_owned();
                        self.warn(Code::LooseType, at, |place| {
                            format!("{place} is the number {digits}; converted to the string \"{digits}\"")
                        })?;
                        self.patch(Normalised::String { value: digits });
                        Ok(())
                    } else {
                        self.reject(Code::InvalidType, at, kind, "a string (or an integer)", str::to_string)
                    }
                }
                Kind::Object | Kind::Array | Kind::Bool | Kind::Null => wrong(self),
            },
            Loose::ClosingCategories => match kind {
                Kind::Object => self.object(&CLOSING_CATEGORIES, at),
                Kind::String => {
                    self.full_only()?;
                    self.r.skip_string()?;
                    self.warn(Code::LegacyShape, at, |place| {
                        format!("{place} is a plain string (the shape before Aug 2019); kept as it is")
                    })
                }
                Kind::Array | Kind::Number | Kind::Bool | Kind::Null => wrong(self),
            },
        }
    }

    /// A string where a number is due (`business_id: "343"`): a numeric one is converted (or,
    /// beyond 2^53, kept), another kept or rejected as the loose form says.
    pub(super) fn numeric_string(&mut self, loose: Loose, kind: Kind, at: usize) -> Step {
        self.full_only()?;
        let s = self.r.string()?;
        let integer_only = loose == Loose::IntegerOrNumericString;
        match numeric_string(&s, integer_only) {
            Some(number) if integer_only && number_is_unsafe(&number) => {
                self.warn(Code::UnsafeInteger, at, |place| {
                    format!("{place} is the string \"{number}\", beyond 2^53 − 1: kept as the string")
                })?;
            }
            Some(number) => {
                self.warn(Code::LooseType, at, |place| {
                    format!("{place} is the string \"{number}\"; converted to the number {number}")
                })?;
                self.patch(Normalised::Number { text: number });
            }
            None if loose == Loose::NumberOrString => {
                let received = self.received(at, kind);
                self.warn(Code::LooseType, at, |place| {
                    format!("{place} is the non-numeric string {received}; kept as it is")
                })?;
            }
            None => {
                let expected = if integer_only { "an integer" } else { "a number" };
                self.reject(Code::InvalidType, at, kind, expected, |received| {
                    format!("a string that is not one: {received}")
                })?;
            }
        }
        Ok(())
    }

    pub(super) fn body(&mut self, kind: Kind, at: usize) -> Step {
        match kind {
            Kind::Object => self.union(&HSL_ELEMENT, at),
            Kind::String => {
                self.full_only()?;
                let s = self.r.string()?;
                let text = json_text(&s);
                if text.trim_start().starts_with('{') {
                    self.serialised_element(&text, at)
                } else {
                    self.warn(Code::LegacyShape, at, |place| {
                        format!("{place} is a plain string (the 2018 shape); represented as a TEXT element")
                    })?;
                    self.patch(Normalised::TextElement);
                    Ok(())
                }
            }
            Kind::Array | Kind::Number | Kind::Bool | Kind::Null => self.wrong_type(expected(&Ty::Body), kind, at),
        }
    }

    /// A body holding an HSL element serialised as a JSON string: validated as a document of its
    /// own, then the patch replaces the string with the element.
    pub(super) fn serialised_element(&mut self, text: &str, at: usize) -> Step {
        self.full_only()?;
        let first_patch = self.report.patches.len();
        let first_error = self.report.errors.len();
        let first_warning = self.report.warnings.len();
        self.patch(Normalised::ParsedJson);
        let (prefix_pointer, prefix_path) = (self.pointer(), self.patch_path());
        let remaining_depth = self.r.max_depth.saturating_sub(self.r.depth);
        let mut inner: Walker<'_, '_, true> = Walker::new(text.as_bytes(), false, remaining_depth, &mut *self.report);
        inner.prefix_pointer = &prefix_pointer;
        inner.prefix_path = &prefix_path;
        inner.patch_steps = self.patch_steps;
        inner.at_override = Some(at);
        let outcome = inner.value(&HSL).and_then(|()| inner.r.finish());
        self.too_many_patches |= inner.too_many_patches;
        self.patch_steps = inner.patch_steps;
        match outcome {
            Ok(()) => {
                let issue = self.issue(Code::LooseType, at, |place| {
                    format!("{place} is an HSL element serialised as a JSON string; parsed into the element")
                });
                self.report.warnings.insert(first_warning, issue);
            }
            Err(fatal) => {
                self.report.patches.truncate(first_patch);
                self.report.errors.truncate(first_error);
                self.report.warnings.truncate(first_warning);
                let mut issue = self.issue(Code::InvalidValue, at, |place| {
                    format!(
                        "{} is a string that looks like a serialised HSL element but is not valid JSON: {}",
                        place, fatal.message
                    )
                });
                issue.expected = Some("an HSL element".into());
                self.error(issue);
            }
        }
        Ok(())
    }
}
