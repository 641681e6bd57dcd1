//! How findings are worded: renderings of values and the small texts of messages.

use crate::json::{Kind, Reader, Str};
use crate::model::{Loose, Ty};

/// How an issue's `received` shows a value: the value itself when it says its type (a JSON
/// string, null), else the value and its type (`42 (number)`, `true (boolean)`, `{…} (object)`).
pub(super) fn shown(value: &str, kind: Kind) -> String {
    match kind {
        Kind::String | Kind::Null => value.to_string(),
        Kind::Number => concat(&[value, " (number)"]),
        Kind::Bool => concat(&[value, " (boolean)"]),
        Kind::Object => concat(&[value, " (object)"]),
        Kind::Array => concat(&[value, " (array)"]),
    }
}

/// `"a", "b" or "c"`: the allowed values of an `expected`.
pub(super) fn one_of<'k>(names: impl Iterator<Item = &'k str>) -> String {
    let quoted: Vec<String> = names.map(json_string).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// `text` as a JSON string literal (serde_json writes it).
pub(super) fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// The string's value as text for the JSON reader, lone surrogates included: each becomes a
/// `\uXXXX` escape, which inside a JSON string means exactly that surrogate (as `JSON.parse` of
/// the value would keep it) and anywhere else is a syntax error (as `JSON.parse` would throw).
/// After an odd run of backslashes it becomes U+FFFD, keeping that invalid escape invalid.
pub(super) fn json_text(s: &Str) -> String {
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
pub(super) fn numeric_string(s: &Str, integer_only: bool) -> Option<String> {
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

pub(super) fn number_is_unsafe(text: &str) -> bool {
    crate::json::Num {
        raw: text.as_bytes(),
        plain_integer: true,
    }
    .is_unsafe_integer()
}

/// "<place> is missing; it is required": a required field (or a union's tag) not in its object.
pub(super) fn is_missing(place: &str) -> String {
    concat(&[place, " is missing; it is required"])
}

/// The parts joined, in one allocation: the messages of the common errors, which `format!`
/// would build for several times the cost.
pub(super) fn concat(parts: &[&str]) -> String {
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
