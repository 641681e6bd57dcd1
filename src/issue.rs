//! One problem found in a payload: an error (the payload is rejected) or a warning (accepted,
//! and worth knowing about).

/// A stable, machine-readable issue code. `as_str` is what JavaScript sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    /// Not JSON (strict mode also rejects comments and trailing commas).
    Syntax,
    /// Bytes that are not UTF-8, or a JS string with lone surrogates.
    InvalidEncoding,
    /// The same key twice in one object: an error on every path, since parsers disagree on
    /// which one wins.
    DuplicateKey,
    MissingField,
    InvalidType,
    InvalidValue,
    /// An integer beyond ±(2^53 − 1): kept exact as a string of digits (a warning).
    UnsafeInteger,
    /// A number too large for a double (e.g. `1e400`): `JSON.parse` would give `Infinity`.
    NumberOutOfRange,
    TooLarge,
    TooDeep,
    /// Warning: a loose form accepted and converted to the documented type.
    LooseType,
    /// Warning: an older shape of the payload, accepted as it is.
    LegacyShape,
    /// Warning: an event the platform has deprecated.
    Deprecated,
    /// Warning (lenient mode): a `//`, `/* */` or `#` comment.
    Comment,
    /// Warning (lenient mode): a comma before `}` or `]`.
    TrailingComma,
    /// Warning: a UTF-8 byte-order mark before the JSON.
    ByteOrderMark,
    /// Warning: an unknown name (event, HSL type, key) close to a known one: "did you mean".
    PossibleTypo,
    /// The validator itself failed (a wasm trap); the JS side re-initialised it. Never expected.
    Internal,
}

/// Written as [`Code::as_str`], the one spelling JS sees.
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Code {
    pub const ALL: [Code; 18] = [
        Code::Syntax,
        Code::InvalidEncoding,
        Code::DuplicateKey,
        Code::MissingField,
        Code::InvalidType,
        Code::InvalidValue,
        Code::UnsafeInteger,
        Code::NumberOutOfRange,
        Code::TooLarge,
        Code::TooDeep,
        Code::LooseType,
        Code::LegacyShape,
        Code::Deprecated,
        Code::Comment,
        Code::TrailingComma,
        Code::ByteOrderMark,
        Code::PossibleTypo,
        Code::Internal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::InvalidEncoding => "invalid_encoding",
            Code::DuplicateKey => "duplicate_key",
            Code::MissingField => "missing_field",
            Code::InvalidType => "invalid_type",
            Code::InvalidValue => "invalid_value",
            Code::UnsafeInteger => "unsafe_integer",
            Code::NumberOutOfRange => "number_out_of_range",
            Code::TooLarge => "too_large",
            Code::TooDeep => "too_deep",
            Code::LooseType => "loose_type",
            Code::LegacyShape => "legacy_shape",
            Code::Deprecated => "deprecated",
            Code::Comment => "comment",
            Code::TrailingComma => "trailing_comma",
            Code::ByteOrderMark => "byte_order_mark",
            Code::PossibleTypo => "possible_typo",
            Code::Internal => "internal",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Issue {
    pub code: Code,
    /// JSON Pointer (RFC 6901) of the value concerned; "" is the whole payload.
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// A short rendering of the value found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<String>,
    /// Source position: 1-based line and column (UTF-16 code units, as JS strings count) and
    /// 0-based byte offset. Absent where there is no position (e.g. a size limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
}

impl Issue {
    pub fn new(code: Code, path: String, message: String) -> Issue {
        Issue {
            code,
            path,
            message,
            expected: None,
            received: None,
            line: None,
            column: None,
            offset: None,
        }
    }
}

/// Appends `segment` to a JSON Pointer, escaping `~` and `/` as RFC 6901 says.
pub fn push_pointer_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    if !segment.bytes().any(|b| b == b'~' || b == b'/') {
        pointer.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// 1-based line and column (in UTF-16 code units) of byte `offset` in `src`.
pub fn line_column(src: &[u8], offset: usize) -> (u32, u32) {
    let end = offset.min(src.len());
    let before = src.get(..end).unwrap_or_default();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut column = 1u32;
    for &b in before.get(line_start..).unwrap_or_default() {
        // Count UTF-16 units: every lead byte starts a character; 4-byte ones are surrogate pairs.
        if b & 0xC0 != 0x80 {
            column += if b >= 0xF0 { 2 } else { 1 };
        }
    }
    (line as u32, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes() {
        // Segments with nothing to escape take a shorter way: both must give RFC 6901 text.
        let mut p = String::new();
        for segment in ["a/b", "m~n", "plain", "a/b~c", "~", "", "é/😀"] {
            push_pointer_segment(&mut p, segment);
        }
        assert_eq!(p, "/a~1b/m~0n/plain/a~1b~0c/~0//é~1😀");
    }

    #[test]
    fn line_column_counts_utf16() {
        let src = "{\n  \"a\": \"é😀x\"".as_bytes();
        let x = src.iter().position(|&b| b == b'x').unwrap_or(0);
        assert_eq!(line_column(src, x), (2, 12));
        assert_eq!(line_column(src, 0), (1, 1));
    }

    #[test]
    fn codes_are_distinct_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()));
            assert!(c.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
    }
}
