//! Reads a payload once against the model, collecting every problem and the normalisations
//! the parsed value needs. One issue per real problem: a value of the wrong type is reported
//! once and not descended into.

use crate::issue::{push_pointer_segment, Code, Issue};
use crate::fast::Clean;
use crate::field_order;
use crate::json::{check_syntax, same_bytes, Failure, Fatal, Kind, Reader, Str};
use crate::model::{
    field_named, Field, Loose, Ty, Union, CLOSING_CATEGORIES, EVENT, HSL, HSL_ELEMENT, MESSAGE_EVENT, ROOT,
};
use crate::report::{Patch, Report};

pub use crate::options::{Options, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, MAX_DEPTH_CAP};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// At most this many errors, and as many warnings, are listed (the first ones in document
/// order; the last listed says there are more). Without a cap a 1 MiB body of 500 000 wrong
/// items made 500 000 issues: 400 MB of wasm memory, which a wasm instance never gives back.
pub const MAX_ISSUES: usize = 100;

/// At most this many normalisations (patches) per payload. Unlike issues, patches cannot be
/// dropped (the value needs every one), so a payload needing more is refused as `too_large`:
/// 49 000 integers beyond 2^53, 60 levels deep, fit in 1 MiB and would otherwise hold tens of
/// MB of wasm memory, which an instance never gives back. Real payloads need a handful.
pub const MAX_PATCHES: usize = 1_000;

/// Unknown keys of one object checked for near misses of its fields (the first ones).
const MAX_TYPO_CHECKS: usize = 32;

/// Adds `issue` unless the list already holds more than [`MAX_ISSUES`] (one more than listed:
/// how [`cap_issues`] knows some were left out).
fn push_capped(list: &mut Vec<Issue>, issue: Issue) {
    if list.len() <= MAX_ISSUES {
        list.push(issue);
    }
}

/// Keeps the first [`MAX_ISSUES`] (after sorting) and notes on the last one that there are more.
fn cap_issues(list: &mut Vec<Issue>, what: &str) {
    if list.len() > MAX_ISSUES {
        list.truncate(MAX_ISSUES);
        if let Some(last) = list.last_mut() {
            last.message.push_str(&format!(
                " (only the first {MAX_ISSUES} {what} are listed; there are more)"
            ));
        }
    }
}

/// Validates a raw webhook body against the model.
pub fn validate(input: &[u8], options: &Options) -> Report {
    match crate::fast::clean(input, options) {
        Some(Clean::Known(event)) => Report {
            event_name: EVENT.variants.get(event).map(|v| v.tag.to_string()),
            ..Report::default()
        },
        Some(Clean::Unknown(name)) => Report {
            event_name: Some(name),
            ..Report::default()
        },
        None => validate_in_full(input, options),
    }
}

/// Validates a raw webhook body against the model, with no fast path: what [`validate`] does
/// when the payload is not a clean known event (and what tests compare the fast path with).
pub fn validate_in_full(input: &[u8], options: &Options) -> Report {
    let mut report = Report::default();
    if input.len() > options.max_bytes {
        let mut issue = Issue::new(
            Code::TooLarge,
            String::new(),
            format!(
                "the payload is {} bytes, more than the limit of {} bytes",
                input.len(),
                options.max_bytes
            ),
        );
        issue.expected = Some(format!("at most {} bytes", options.max_bytes));
        issue.received = Some(format!("{} bytes", input.len()));
        report.errors.push(issue);
        return report;
    }
    let max_depth = options.max_depth.min(MAX_DEPTH_CAP);
    // A body that is not UTF-8 is not JSON text at all: that is the one problem to report,
    // whatever else is wrong. (One check of the whole input is also cheaper than one per string.)
    if !options.trusted_utf8 {
        if let Err(e) = core::str::from_utf8(input) {
            let mut issue = Issue::new(
                Code::Syntax,
                String::new(),
                format!(
                    "the body is not UTF-8 text: invalid byte sequence at byte {}",
                    e.valid_up_to()
                ),
            );
            issue.offset = Some(e.valid_up_to() as u32);
            report.errors.push(issue);
            report.locate(input);
            return report;
        }
    }
    let mut reader = Reader::new(input, options.lenient, true, max_depth);
    let body_start = if input.starts_with(BOM) { BOM.len() } else { 0 };
    if body_start > 0 {
        reader.pos = body_start;
        report.blanks.push((0, BOM.len()));
        let mut issue = Issue::new(
            Code::ByteOrderMark,
            String::new(),
            "a UTF-8 byte-order mark precedes the JSON; ignored".into(),
        );
        issue.offset = Some(0);
        report.warnings.push(issue);
    }
    let mut v = Validator {
        r: reader,
        report: &mut report,
        path: Vec::with_capacity(16),
        prefix_pointer: "",
        prefix_json: "",
        at_override: None,
        too_many_patches: false,
    };
    let outcome = v.check(&ROOT).and_then(|()| v.r.finish());
    let notes = std::mem::take(&mut v.r.notes);
    let blanks = std::mem::take(&mut v.r.blanks);
    let pointer = v.pointer();
    let too_many_patches = v.too_many_patches;
    let outcome = outcome.and_then(|()| {
        if too_many_patches {
            Err(Box::new(Fatal {
                code: Code::TooLarge,
                message: format!(
                    "the payload needs more than {MAX_PATCHES} normalisations (such as integers beyond 2^53 kept exact), more than is kept in memory"
                ),
                offset: 0,
            }))
        } else {
            Ok(())
        }
    });
    match outcome {
        Ok(()) => {
            for (code, at) in notes {
                let what = if code == Code::Comment {
                    "a comment"
                } else {
                    "a trailing comma"
                };
                let mut issue = Issue::new(
                    code,
                    String::new(),
                    format!("{what}, which strict JSON does not allow (accepted in lenient mode)"),
                );
                issue.offset = Some(at as u32);
                push_capped(&mut report.warnings, issue);
            }
            report.blanks.extend(blanks);
        }
        Err(mut fatal) => {
            if fatal.code == Code::TooDeep {
                // Deep input may also be broken: a syntax error is the more useful answer.
                if let Err(syntax) = check_syntax(input.get(body_start..).unwrap_or_default(), options.lenient) {
                    *fatal = Fatal {
                        offset: syntax.offset + body_start,
                        ..*syntax
                    };
                }
            }
            // Nothing found before a fatal problem is trustworthy enough to report beside it.
            report.errors.clear();
            report.warnings.retain(|w| w.code == Code::ByteOrderMark);
            report.patches.clear();
            report.blanks.clear();
            let mut issue = Issue::new(
                fatal.code,
                if fatal.code == Code::Syntax {
                    String::new()
                } else {
                    pointer
                },
                fatal.message,
            );
            issue.offset = Some(fatal.offset as u32);
            report.errors.push(issue);
        }
    }
    // Document order, for people reading the list beside the payload.
    sort_by_offset(&mut report.errors);
    sort_by_offset(&mut report.warnings);
    cap_issues(&mut report.errors, "errors");
    cap_issues(&mut report.warnings, "warnings");
    report.locate(input);
    report
}

/// Sorts issues by offset, keeping the order of equal ones (lenient notes arrive after every
/// other issue). The lists are capped (at most [`MAX_ISSUES`] + 1), so an insertion sort is cheap.
fn sort_by_offset(issues: &mut [Issue]) {
    crate::issue::sort_stable_by_key(issues, |i| i.offset);
}

enum Seg<'a> {
    Key(Str<'a>),
    Index(usize),
}

struct Validator<'a, 'r> {
    r: Reader<'a>,
    report: &'r mut Report,
    path: Vec<Seg<'a>>,
    /// Path of this document inside an outer one (an HSL element serialised as a string): as a
    /// JSON Pointer, and as the JSON array items of a patch path.
    prefix_pointer: &'r str,
    prefix_json: &'r str,
    /// Inside such a document, every issue is placed at the outer string.
    at_override: Option<usize>,
    /// More than [`MAX_PATCHES`] were needed.
    too_many_patches: bool,
}

type Step = Result<(), Failure>;

/// A union's tag found ahead: its string (or the kind of the non-string found) and its offset.
type Tag<'a> = (Result<Str<'a>, Kind>, usize);

/// The field named `key` among `common` then `fields`, with its index in that order.
#[inline]
fn lookup(common: &'static [Field], fields: &'static [Field], key: &Str) -> Option<(usize, &'static Field)> {
    if key.escaped {
        return common.iter().chain(fields).enumerate().find(|(_, f)| key.is(f.name));
    }
    field_named(common, fields, key.raw)
}

/// The field that followed `after` last time (or came first, `at_start`), when `key` is its name.
#[inline]
fn guessed(
    after: Option<&'static Field>,
    at_start: bool,
    common: &'static [Field],
    fields: &'static [Field],
    key: &Str,
) -> Option<(usize, &'static Field)> {
    let (i, field) = field_order::guess(after, at_start, common, fields)?;
    (!key.escaped && same_bytes(key.raw, field.name.as_bytes())).then_some((i, field))
}

/// How reading a union's object ended.
enum Resolved<'a> {
    Done,
    /// The tag is missing, not a string, or names no known variant: read it as unknown.
    Restart(Option<Tag<'a>>),
}

/// Keys already seen in one object, to report duplicates.
#[derive(Default)]
struct SeenKeys<'a> {
    few: Vec<Str<'a>>,
    many: Option<std::collections::HashSet<Vec<u16>>>,
}

impl<'a> SeenKeys<'a> {
    /// Records `key`; false if it was already there.
    fn insert(&mut self, key: Str<'a>) -> bool {
        if let Some(set) = &mut self.many {
            return set.insert(key.utf16());
        }
        if self.few.iter().any(|k| same_key(k, &key)) {
            return false;
        }
        self.few.push(key);
        if self.few.len() > 32 {
            self.many = Some(self.few.iter().map(Str::utf16).collect());
        }
        true
    }
}

fn same_key(a: &Str, b: &Str) -> bool {
    if !a.escaped && !b.escaped {
        a.raw == b.raw
    } else {
        // Exact UTF-16 values: `decode` maps every lone surrogate to U+FFFD, which would make
        // "\ud800" and "\udc00" (different keys in JavaScript) look like duplicates.
        a.utf16() == b.utf16()
    }
}

impl<'a, 'r> Validator<'a, 'r> {
    fn pointer(&self) -> String {
        let mut p = self.prefix_pointer.to_string();
        for seg in &self.path {
            match seg {
                // The input is UTF-8 (checked, or trusted), so an unescaped key is its text.
                Seg::Key(k) if !k.escaped => {
                    push_pointer_segment(&mut p, core::str::from_utf8(k.raw).unwrap_or_default())
                }
                Seg::Key(k) => push_pointer_segment(&mut p, &k.decode()),
                Seg::Index(i) => push_pointer_segment(&mut p, &i.to_string()),
            }
        }
        p
    }

    /// The items of a patch path as JSON (no brackets): each key exactly as written in the
    /// source (escapes kept, so a lone surrogate survives), each index as a string.
    fn patch_path_items(&self) -> String {
        let mut out = self.prefix_json.to_string();
        for seg in &self.path {
            if !out.is_empty() {
                out.push(',');
            }
            out.push('"');
            match seg {
                Seg::Key(k) => out.push_str(&String::from_utf8_lossy(k.raw)),
                Seg::Index(i) => out.push_str(&i.to_string()),
            }
            out.push('"');
        }
        out
    }

    /// An issue at the current path; `message` is given the place for it: the path, or "the
    /// payload" at the root.
    fn issue(&self, code: Code, at: usize, message: impl FnOnce(&str) -> String) -> Issue {
        let path = self.pointer();
        let message = message(if path.is_empty() { "the payload" } else { &path });
        let mut issue = Issue::new(code, path, message);
        issue.offset = Some(self.at_override.unwrap_or(at) as u32);
        issue
    }

    fn error(&mut self, issue: Issue) {
        push_capped(&mut self.report.errors, issue);
    }

    fn warn(&mut self, code: Code, at: usize, message: impl FnOnce(&str) -> String) {
        let issue = self.issue(code, at, message);
        push_capped(&mut self.report.warnings, issue);
    }

    fn patch(&mut self, value: String) {
        if self.report.patches.len() >= MAX_PATCHES {
            self.too_many_patches = true;
            return;
        }
        let path = format!("[{}]", self.patch_path_items());
        self.report.patches.push(Patch { path, value });
    }

    /// A short rendering of the source from `at` to the reader's position.
    fn received(&self, at: usize, kind: Kind) -> String {
        match kind {
            Kind::Object => "{…}".to_string(),
            Kind::Array => "[…]".to_string(),
            _ => {
                let text = String::from_utf8_lossy(self.r.src.get(at..self.r.pos).unwrap_or_default()).into_owned();
                if text.chars().count() > 40 {
                    let mut short: String = text.chars().take(39).collect();
                    short.push('…');
                    short
                } else {
                    text
                }
            }
        }
    }

    /// Reports a value (already consumed, so it is reported once) that is not what `expected`
    /// says: "<place> must be <expected>, but is <found>", `found` given the rendered value.
    fn reject(&mut self, code: Code, at: usize, kind: Kind, expected: &str, found: impl FnOnce(&str) -> String) {
        let received = self.received(at, kind);
        let mut issue = self.issue(code, at, |place| {
            concat(&[place, " must be ", expected, ", but is ", &found(&received)])
        });
        issue.expected = Some(expected.to_string());
        issue.received = Some(shown(&received, kind));
        self.error(issue);
    }

    /// The short rendering of the value that starts at `at` (already read past): re-reads it
    /// from there, for values found before the reader knew they were wrong (a union's tag).
    fn received_at(&mut self, at: usize, kind: Kind) -> Result<String, Failure> {
        let (pos, depth) = (self.r.pos, self.r.depth);
        self.r.pos = at;
        let read = self.any(kind);
        let text = self.received(at, kind);
        self.r.pos = pos;
        self.r.depth = depth;
        read.map(|()| text)
    }

    /// Reports a value of the wrong kind (after consuming it).
    fn wrong_type(&mut self, expected: &str, kind: Kind, at: usize) -> Step {
        self.any(kind)?;
        self.reject(Code::InvalidType, at, kind, expected, |received| {
            if matches!(kind, Kind::Null) {
                kind.described().to_string()
            } else {
                concat(&[kind.described(), ": ", received])
            }
        });
        Ok(())
    }

    fn check(&mut self, ty: &'static Ty) -> Step {
        let kind = self.r.kind()?;
        let at = self.r.pos;
        match (ty, kind) {
            (Ty::Any, _) => self.any(kind),
            (Ty::String | Ty::Enum(_), Kind::String) => self.r.string().map(drop),
            (Ty::Bool, Kind::Bool) => self.r.literal().map(drop),
            (Ty::Number, Kind::Number) => self.r.number().map(drop),
            (Ty::Integer | Ty::Id | Ty::IntEnum(_), Kind::Number) => self.integer(matches!(ty, Ty::Id), at),
            (Ty::Nullable(_), Kind::Null) => self.r.literal().map(drop),
            (Ty::Nullable(inner), _) => self.check(inner),
            (Ty::Array(item), Kind::Array) => self.array(item),
            (Ty::Object(o), Kind::Object) => self.object(o.fields, &[], at),
            (Ty::Map(value), Kind::Object) => self.map(value),
            (Ty::Union(u), Kind::Object) => self.union(u, at),
            (Ty::Loose(loose), _) => self.loose(*loose, kind, at),
            (Ty::Body, _) => self.body(kind, at),
            _ => self.wrong_type(expected(ty), kind, at),
        }
    }

    /// Any JSON value, kept as it is; integers beyond 2^53 become exact strings.
    fn any(&mut self, kind: Kind) -> Step {
        match kind {
            // A free-form object is a map of any values.
            Kind::Object => self.map(&Ty::Any),
            Kind::Array => {
                self.r.begin_array()?;
                let mut first = true;
                let mut index = 0;
                while self.r.next_item(&mut first)? {
                    self.path.push(Seg::Index(index));
                    let kind = self.r.kind()?;
                    self.any(kind)?;
                    self.path.pop();
                    index += 1;
                }
                Ok(())
            }
            Kind::String => self.r.string().map(drop),
            Kind::Number => {
                let at = self.r.pos;
                let n = self.r.number()?;
                if n.is_unsafe_integer() {
                    self.keep_exact(n.raw, at);
                }
                Ok(())
            }
            Kind::Bool | Kind::Null => self.r.literal().map(drop),
        }
    }

    /// An integer beyond 2^53 − 1 becomes its exact decimal string.
    fn keep_exact(&mut self, digits: &[u8], at: usize) {
        let digits = String::from_utf8_lossy(digits).into_owned();
        self.patch(json_string(&digits));
        self.warn(Code::UnsafeInteger, at, |place| {
            format!("{place} is {digits}, beyond 2^53 − 1: kept exact as a string (JSON.parse would round it)")
        });
    }

    fn duplicate(&mut self, at: usize) {
        let issue = self.issue(Code::DuplicateKey, at, |place| {
            format!("{place} appears more than once in its object; parsers disagree on which copy wins")
        });
        self.error(issue);
    }

    fn integer(&mut self, id: bool, at: usize) -> Step {
        let n = self.r.number()?;
        if !n.is_integral() {
            self.reject(Code::InvalidType, at, Kind::Number, "an integer", str::to_string);
        } else if n.is_unsafe_integer() {
            if id {
                self.keep_exact(n.raw, at);
            } else {
                self.reject(
                    Code::UnsafeInteger,
                    at,
                    Kind::Number,
                    "an integer within ±(2^53 − 1)",
                    |received| format!("{received}, which JavaScript numbers cannot hold exactly"),
                );
            }
        }
        Ok(())
    }

    fn array(&mut self, item: &'static Ty) -> Step {
        self.r.begin_array()?;
        let mut first = true;
        let mut index = 0;
        while self.r.next_item(&mut first)? {
            self.path.push(Seg::Index(index));
            self.check(item)?;
            self.path.pop();
            index += 1;
        }
        Ok(())
    }

    fn map(&mut self, value: &'static Ty) -> Step {
        self.r.begin_object()?;
        let mut first = true;
        let mut seen = SeenKeys::default();
        while let Some((key, key_at)) = self.r.next_key(&mut first)? {
            self.path.push(Seg::Key(key));
            if !seen.insert(key) {
                self.duplicate(key_at);
            }
            self.check(value)?;
            self.path.pop();
        }
        Ok(())
    }

    /// An object with the given fields (`common` first); `tag` names the union's tag, already
    /// checked. Unknown keys are kept.
    fn object(&mut self, fields: &'static [Field], common: &'static [Field], at: usize) -> Step {
        match self.fields(fields, common, None, at)? {
            Resolved::Done => Ok(()),
            // Without a union there is nothing to restart.
            Resolved::Restart(_) => Ok(()),
        }
    }

    /// Reads an object's members against `common` and `fields`. For a union (`union` given),
    /// `fields` starts empty and the variant is chosen when the tag is read: the common fields
    /// before it are checked on the assumption that the variant is known (the usual case, and
    /// one pass); if it turns out not to be, the caller reads the object again as unknown.
    fn fields(
        &mut self,
        mut fields: &'static [Field],
        common: &'static [Field],
        union: Option<&'static Union>,
        at: usize,
    ) -> Result<Resolved<'a>, Failure> {
        self.r.begin_object()?;
        let mut first = true;
        // Known fields are tracked by bit (a set bit seen again is a duplicate); only other keys
        // need the slower set.
        let mut present: u64 = 0;
        let mut tag_seen = false;
        let mut resolved = union.is_none();
        let mut others = SeenKeys::default();
        let mut unknown: Vec<(Str<'a>, usize)> = Vec::new();
        // The previous member's field, for the guess of the next one (src/field_order.rs).
        let mut previous: Option<&'static Field> = None;
        let mut at_start = true;
        while let Some((key, key_at)) = self.r.next_key(&mut first)? {
            self.path.push(Seg::Key(key));
            let (after, was_at_start) = (previous.take(), std::mem::replace(&mut at_start, false));
            if let Some(u) = union.filter(|u| key.is(u.tag)) {
                if std::mem::replace(&mut tag_seen, true) {
                    self.duplicate(key_at);
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
                    match self.resolve(u, (tag, tag_at)) {
                        Some(variant_fields) => {
                            fields = variant_fields;
                            resolved = true;
                        }
                        None => return Ok(Resolved::Restart(Some((tag, tag_at)))),
                    }
                }
            } else {
                let mut found = guessed(after, was_at_start, common, fields, &key).or_else(|| {
                    let found = lookup(common, fields, &key);
                    if let Some((i, _)) = found {
                        field_order::learn(after, was_at_start, common, fields, i);
                    }
                    found
                });
                if let Some(u) = union.filter(|_| !resolved && found.is_none()) {
                    // A key that depends on the variant: find the tag ahead first.
                    let Some(tag) = self.lookahead_tag_from(u.tag, at) else {
                        return Ok(Resolved::Restart(None));
                    };
                    let Some(variant_fields) = self.resolve(u, tag) else {
                        return Ok(Resolved::Restart(Some(tag)));
                    };
                    fields = variant_fields;
                    resolved = true;
                    found = lookup(common, fields, &key);
                }
                if let Some((i, field)) = found {
                    previous = Some(field);
                    let bit = 1u64.checked_shl(i as u32).unwrap_or(0);
                    if present & bit != 0 {
                        self.duplicate(key_at);
                    }
                    present |= bit;
                    if field.legacy {
                        self.warn(Code::LegacyShape, key_at, |place| {
                            format!("{place} is an older name of this field, accepted as it is")
                        });
                    }
                    self.check(&field.ty)?;
                } else {
                    if !others.insert(key) {
                        self.duplicate(key_at);
                    }
                    if unknown.len() < MAX_TYPO_CHECKS {
                        unknown.push((key, key_at));
                    }
                    let kind = self.r.kind()?;
                    self.any(kind)?;
                }
            }
            self.path.pop();
        }
        if !resolved {
            return Ok(Resolved::Restart(None));
        }
        self.possible_typos(common, fields, present, &unknown);
        self.missing(common, fields, present, at);
        Ok(Resolved::Done)
    }
    /// A key the model does not know that is a near miss of a field the object lacks
    /// (`bussiness_id` without `business_id`): kept, with a "did you mean" warning.
    fn possible_typos(
        &mut self,
        common: &'static [Field],
        fields: &'static [Field],
        present: u64,
        unknown: &[(Str<'a>, usize)],
    ) {
        let absent = || {
            common
                .iter()
                .chain(fields)
                .enumerate()
                .filter(move |(i, _)| present & 1u64.checked_shl(*i as u32).unwrap_or(0) == 0)
                .map(|(_, f)| f.name)
        };
        for &(key, key_at) in unknown {
            let name = key.decode();
            if let Some(meant) = crate::suggest::near_miss(&name, absent()) {
                self.path.push(Seg::Key(key));
                self.warn(Code::PossibleTypo, key_at, |place| {
                    format!("{place} is not a field this version knows (kept as it is): did you mean \"{meant}\"?")
                });
                self.path.pop();
            }
        }
    }

    fn missing(&mut self, common: &'static [Field], fields: &'static [Field], present: u64, at: usize) {
        for (i, field) in common.iter().chain(fields).enumerate() {
            if field.required && present & 1u64.checked_shl(i as u32).unwrap_or(0) == 0 {
                let mut issue = self.issue(Code::MissingField, at, |_| String::new());
                push_pointer_segment(&mut issue.path, field.name);
                issue.message = concat(&[&issue.path, " is missing; it is required"]);
                issue.expected = Some(expected(&field.ty).to_string());
                self.error(issue);
            }
        }
    }

    /// Finds the union's tag in the object that starts at `at`, without consuming anything.
    fn lookahead_tag_from(&mut self, tag: &str, at: usize) -> Option<Tag<'a>> {
        let (pos, depth, notes, blanks) = (self.r.pos, self.r.depth, self.r.notes.len(), self.r.blanks.len());
        self.r.pos = at;
        let found = (|| -> Result<Option<Tag<'a>>, Failure> {
            self.r.begin_object()?;
            let mut first = true;
            while let Some((key, _)) = self.r.next_key(&mut first)? {
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
            }
            Ok(None)
        })();
        self.r.pos = pos;
        self.r.depth = depth;
        self.r.notes.truncate(notes);
        self.r.blanks.truncate(blanks);
        // A syntax error ahead is found again, and reported, by the main pass.
        found.ok().flatten()
    }

    /// The fields of the variant a tag names (reporting a deprecated one), or None when the tag
    /// is not a string naming a known variant.
    fn resolve(&mut self, u: &'static Union, (tag, tag_at): Tag<'a>) -> Option<&'static [Field]> {
        let tag = tag.ok()?;
        let variant = u.variants.iter().find(|v| tag.is(v.tag))?;
        if self.is_root_event(u) {
            self.report.event_name = Some(variant.tag.to_string());
        }
        if variant.deprecated {
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
            });
            self.path.truncate(depth);
        }
        Some(variant.object.fields)
    }

    /// Whether `u` is the payload's own event union (not one inside a serialised body).
    fn is_root_event(&self, u: &'static Union) -> bool {
        std::ptr::eq(u, &EVENT) && self.prefix_pointer.is_empty() && self.at_override.is_none()
    }

    fn union(&mut self, u: &'static Union, at: usize) -> Step {
        // What to roll back if the object turns out to be an unknown member.
        let (depth, notes, blanks) = (self.r.depth, self.r.notes.len(), self.r.blanks.len());
        let (errors, warnings, patches) = (
            self.report.errors.len(),
            self.report.warnings.len(),
            self.report.patches.len(),
        );
        let path = self.path.len();
        let tag = match self.fields(&[], u.common, Some(u), at)? {
            Resolved::Done => return Ok(()),
            Resolved::Restart(tag) => tag,
        };
        self.r.pos = at;
        self.r.depth = depth;
        self.r.notes.truncate(notes);
        self.r.blanks.truncate(blanks);
        self.report.errors.truncate(errors);
        self.report.warnings.truncate(warnings);
        self.report.patches.truncate(patches);
        self.path.truncate(path);
        if !matches!(tag, Some((Ok(_), _))) && self.is_root_event(u) {
            // A missing or non-string event_name does not hide the rest: the envelope is
            // checked (and the message, when there is one), then the tag's own error below.
            let fields = match self.lookahead_tag_from("message", at) {
                Some(_) => MESSAGE_EVENT.fields,
                None => &[],
            };
            self.r.pos = at;
            // Without a union there is no tag to find: it never asks for a restart.
            let _ = self.fields(fields, u.common, None, at)?;
        } else {
            // Unknown events and elements are kept whole, never rejected.
            self.any(Kind::Object)?;
        }
        match tag {
            Some((Ok(name), tag_at)) => {
                let decoded = name.decode();
                // Accepted as unknown (the platform adds names), but a near miss is said.
                if let Some(meant) = crate::suggest::near_miss(&decoded, u.variants.iter().map(|v| v.tag)) {
                    let mut issue = self.issue(Code::PossibleTypo, tag_at, |_| String::new());
                    push_pointer_segment(&mut issue.path, u.tag);
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
                    self.report.event_name = Some(decoded);
                }
            }
            other => {
                let mut issue = self.issue(Code::MissingField, at, |_| String::new());
                push_pointer_segment(&mut issue.path, u.tag);
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
                    issue.message = concat(&[&issue.path, " is missing; it is required"]);
                }
                self.error(issue);
            }
        }
        Ok(())
    }

    fn loose(&mut self, loose: Loose, kind: Kind, at: usize) -> Step {
        match (loose, kind) {
            (Loose::IntegerOrNumericString, Kind::Number) => self.integer(true, at),
            (Loose::NumberOrString | Loose::NumberOrNumericString, Kind::Number) => self.r.number().map(drop),
            (Loose::Boolean, Kind::Bool) => self.r.literal().map(drop),
            (Loose::StringOrInteger, Kind::String) => self.r.string().map(drop),
            (Loose::IntegerOrNumericString | Loose::NumberOrString | Loose::NumberOrNumericString, Kind::String) => {
                let s = self.r.string()?;
                let integer_only = loose == Loose::IntegerOrNumericString;
                match numeric_string(&s, integer_only) {
                    Some(number) if integer_only && number_is_unsafe(&number) => {
                        self.warn(Code::UnsafeInteger, at, |place| {
                            format!("{place} is the string \"{number}\", beyond 2^53 − 1: kept as the string")
                        });
                    }
                    Some(number) => {
                        self.warn(Code::LooseType, at, |place| {
                            format!("{place} is the string \"{number}\"; converted to the number {number}")
                        });
                        self.patch(number);
                    }
                    None if loose == Loose::NumberOrString => {
                        let received = self.received(at, kind);
                        self.warn(Code::LooseType, at, |place| {
                            format!("{place} is the non-numeric string {received}; kept as it is")
                        });
                    }
                    None => {
                        let expected = if integer_only { "an integer" } else { "a number" };
                        self.reject(Code::InvalidType, at, kind, expected, |received| {
                            format!("a string that is not one: {received}")
                        });
                    }
                }
                Ok(())
            }
            (Loose::Boolean, Kind::String) => {
                let s = self.r.string()?;
                let value = s.decode().to_ascii_lowercase();
                if value == "true" || value == "false" {
                    let received = self.received(at, kind);
                    self.warn(Code::LooseType, at, |place| {
                        format!("{place} is the string {received}; converted to the boolean {value}")
                    });
                    self.patch(value);
                } else {
                    self.reject(Code::InvalidType, at, kind, "a boolean", |received| {
                        format!("the string {received}")
                    });
                }
                Ok(())
            }
            (Loose::Flag, Kind::Number) => {
                let n = self.r.number()?;
                if n.raw != b"0" && n.raw != b"1" {
                    self.reject(Code::InvalidValue, at, kind, "0 or 1", str::to_string);
                }
                Ok(())
            }
            (Loose::Flag, Kind::Bool) => {
                let value = self.r.literal()?;
                let number = if value { "1" } else { "0" };
                self.warn(Code::LooseType, at, |place| {
                    format!("{place} is the boolean {value}; converted to {number}")
                });
                self.patch(number.into());
                Ok(())
            }
            (Loose::StringOrInteger, Kind::Number) => {
                let n = self.r.number()?;
                if n.plain_integer {
                    let digits = String::from_utf8_lossy(n.raw).into_owned();
                    let value = json_string(&digits);
                    self.warn(Code::LooseType, at, |place| {
                        format!("{place} is the number {digits}; converted to the string \"{digits}\"")
                    });
                    self.patch(value);
                } else {
                    self.reject(Code::InvalidType, at, kind, "a string (or an integer)", str::to_string);
                }
                Ok(())
            }
            (Loose::ClosingCategories, Kind::Object) => self.object(CLOSING_CATEGORIES.fields, &[], at),
            (Loose::ClosingCategories, Kind::String) => {
                self.r.string()?;
                self.warn(Code::LegacyShape, at, |place| {
                    format!("{place} is a plain string (the shape before Aug 2019); kept as it is")
                });
                Ok(())
            }
            _ => self.wrong_type(expected(&Ty::Loose(loose)), kind, at),
        }
    }

    fn body(&mut self, kind: Kind, at: usize) -> Step {
        match kind {
            Kind::Object => self.union(&HSL_ELEMENT, at),
            Kind::String => {
                let s = self.r.string()?;
                let text = json_text(&s);
                if text.trim_start().starts_with('{') {
                    self.serialised_element(&text, at)
                } else {
                    let raw = String::from_utf8_lossy(self.r.src.get(at..self.r.pos).unwrap_or_default()).into_owned();
                    self.warn(Code::LegacyShape, at, |place| {
                        format!("{place} is a plain string (the 2018 shape); represented as a TEXT element")
                    });
                    self.patch(format!(
                        "{{\"type\":\"TEXT\",\"text\":{raw},\"data\":{{\"quick_replies\":[]}}}}"
                    ));
                    Ok(())
                }
            }
            _ => self.wrong_type(expected(&Ty::Body), kind, at),
        }
    }

    /// A body holding an HSL element serialised as a JSON string: validated as a document of its
    /// own, then the patch replaces the string with the element.
    fn serialised_element(&mut self, text: &str, at: usize) -> Step {
        let first_patch = self.report.patches.len();
        let first_error = self.report.errors.len();
        let first_warning = self.report.warnings.len();
        self.patch(text.to_string());
        let (prefix_pointer, prefix_json) = (self.pointer(), self.patch_path_items());
        let remaining_depth = self.r.max_depth.saturating_sub(self.r.depth);
        let mut inner = Validator {
            r: Reader::new(text.as_bytes(), false, true, remaining_depth),
            report: &mut *self.report,
            path: Vec::new(),
            prefix_pointer: &prefix_pointer,
            prefix_json: &prefix_json,
            at_override: Some(at),
            too_many_patches: false,
        };
        let outcome = inner.check(&HSL).and_then(|()| inner.r.finish());
        self.too_many_patches |= inner.too_many_patches;
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

/// The string's value as text for the JSON reader, lone surrogates included: each becomes a
/// `\uXXXX` escape, which inside a JSON string means exactly that surrogate (as `JSON.parse` of
/// the value would keep it) and anywhere else is a syntax error (as `JSON.parse` would throw).
/// After an odd run of backslashes it becomes U+FFFD, keeping that invalid escape invalid.
/// `"a", "b" or "c"`: the allowed values of an `expected`.
/// How an issue's `received` shows a value: the value itself when it says its type (a JSON
/// string, null), else the value and its type (`42 (number)`, `true (boolean)`, `{…} (object)`).
fn shown(value: &str, kind: Kind) -> String {
    match kind {
        Kind::String | Kind::Null => value.to_string(),
        Kind::Number => concat(&[value, " (number)"]),
        Kind::Bool => concat(&[value, " (boolean)"]),
        Kind::Object => concat(&[value, " (object)"]),
        Kind::Array => concat(&[value, " (array)"]),
    }
}

fn one_of<'k>(names: impl Iterator<Item = &'k str>) -> String {
    let quoted: Vec<String> = names.map(json_string).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// `text` as a JSON string literal (serde_json writes it).
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn json_text(s: &Str) -> String {
    if !s.escaped {
        return s.decode();
    }
    let mut out = String::new();
    let mut backslashes = 0usize;
    for unit in char::decode_utf16(s.utf16()) {
        match unit {
            Ok(c) => {
                backslashes = if c == '\\' { backslashes + 1 } else { 0 };
                out.push(c);
            }
            Err(e) if backslashes % 2 == 0 => {
                backslashes = 0;
                out.push_str(&format!("\\u{:04x}", e.unpaired_surrogate()));
            }
            Err(_) => {
                backslashes = 0;
                out.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    out
}

/// The string's content when it is a JSON number (integers only if `integer_only`), as text.
fn numeric_string(s: &Str, integer_only: bool) -> Option<String> {
    if s.escaped || s.raw.is_empty() {
        return None;
    }
    let mut r = Reader::new(s.raw, false, true, 1);
    let n = r.number().ok()?;
    if r.pos != s.raw.len() || (integer_only && !n.plain_integer) {
        return None;
    }
    Some(String::from_utf8_lossy(s.raw).into_owned())
}

fn number_is_unsafe(text: &str) -> bool {
    crate::json::Num {
        raw: text.as_bytes(),
        plain_integer: true,
    }
    .is_unsafe_integer()
}

/// The parts joined, in one allocation: the messages of the common errors, which `format!`
/// would build for several times the cost.
fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// What a type expects, for messages.
pub fn expected(ty: &Ty) -> &'static str {
    match ty {
        Ty::Any => "any value",
        Ty::String | Ty::Enum(_) => "a string",
        Ty::Bool => "a boolean",
        Ty::Integer | Ty::Id | Ty::IntEnum(_) => "an integer",
        Ty::Number => "a number",
        Ty::Nullable(inner) => match inner {
            Ty::String => "a string or null",
            _ => "a value or null",
        },
        Ty::Array(_) => "an array",
        Ty::Object(_) | Ty::Map(_) | Ty::Union(_) => "an object",
        Ty::Loose(Loose::IntegerOrNumericString) => "an integer",
        Ty::Loose(Loose::NumberOrString) => "a number",
        Ty::Loose(Loose::Boolean) => "a boolean",
        Ty::Loose(Loose::Flag) => "0 or 1",
        Ty::Loose(Loose::NumberOrNumericString) => "a number",
        Ty::Loose(Loose::StringOrInteger) => "a string",
        Ty::Loose(Loose::ClosingCategories) => "an object",
        Ty::Body => "an HSL element (an object) or a string",
    }
}

/// What a validation comes to, in the fewest words: most payloads need no report at all.
#[derive(Debug)]
pub enum Summary {
    /// A known event with nothing to report: its 0-based index in [`crate::model::event_names`].
    CleanKnown(usize),
    /// A valid event of a name the model does not know, with nothing to report.
    CleanUnknown(String),
    /// Anything else: errors, warnings, patches or blanks to apply.
    Report(Report),
}

/// Validates `input`: the fast path first (a clean known event costs no report), else the full
/// pass, whose report is summarised when there is nothing in it.
pub fn summarise(input: &[u8], options: &Options) -> Summary {
    match crate::fast::clean(input, options) {
        Some(Clean::Known(event)) => return Summary::CleanKnown(event),
        Some(Clean::Unknown(name)) => return Summary::CleanUnknown(name),
        None => {}
    }
    let report = validate_in_full(input, options);
    if report.is_valid() && report.warnings.is_empty() && report.patches.is_empty() && report.blanks.is_empty() {
        if let Some(index) = report.known_event_index() {
            return Summary::CleanKnown(index - 1);
        }
        if let Some(name) = report.event_name {
            return Summary::CleanUnknown(name);
        }
    }
    Summary::Report(report)
}
