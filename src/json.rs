//! A pull reader over JSON bytes: no tree is built, values are read where they stand.
//!
//! Strict by default (RFC 8259). Lenient mode also accepts what the platform's documentation
//! examples contain: `//`, `#` and `/* */` comments and trailing commas; each is recorded in
//! `notes` and its bytes in `blanks`, so that overwriting those ranges with spaces yields
//! strict JSON of the same length.

use crate::issue::Code;

/// A problem that stops reading, boxed so that every `Result` in the hot path stays one word.
pub type Failure = Box<Fatal>;

/// A problem that stops reading: the rest of the input cannot be trusted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fatal {
    pub code: Code,
    pub message: String,
    pub offset: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

impl Kind {
    /// "a string", "an object", …: for messages.
    pub fn described(self) -> &'static str {
        match self {
            Kind::Object => "an object",
            Kind::Array => "an array",
            Kind::String => "a string",
            Kind::Number => "a number",
            Kind::Bool => "a boolean",
            Kind::Null => "null",
        }
    }
}

/// A string as it stands in the source: the bytes between the quotes.
#[derive(Clone, Copy, Debug)]
pub struct Str<'a> {
    pub raw: &'a [u8],
    pub escaped: bool,
}

impl<'a> Str<'a> {
    /// Compares with `s` without allocating when the string has no escapes.
    #[inline]
    pub fn is(&self, s: &str) -> bool {
        if self.escaped {
            return self.decode() == s;
        }
        same_bytes(self.raw, s.as_bytes())
    }

    /// The string's value. Lone surrogates (`\ud800`), which JavaScript keeps, become U+FFFD
    /// here: this value only names things in messages and paths.
    pub fn decode(&self) -> String {
        if !self.escaped {
            return String::from_utf8_lossy(self.raw).into_owned();
        }
        String::from_utf16_lossy(&self.utf16())
    }

    /// The string's exact value as UTF-16 code units, lone surrogates included (what a
    /// JavaScript string holds): two keys are the same key exactly when these are equal.
    pub fn utf16(&self) -> Vec<u16> {
        // The reader's input is UTF-8 (checked before it is read, or from a TextEncoder).
        let text = String::from_utf8_lossy(self.raw);
        let mut units: Vec<u16> = Vec::with_capacity(text.len());
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            let unit = match (c, self.escaped) {
                ('\\', true) => match chars.next() {
                    Some('n') => 0x0A,
                    Some('t') => 0x09,
                    Some('r') => 0x0D,
                    Some('b') => 0x08,
                    Some('f') => 0x0C,
                    Some('u') => {
                        let rest = chars.as_str();
                        chars = rest.get(4..).unwrap_or_default().chars();
                        rest.get(..4).and_then(|h| hex4(h.as_bytes())).unwrap_or(0xFFFD)
                    }
                    // `"`, `\\` or `/` (the reader checked the escapes).
                    Some(other) => other as u16,
                    None => 0x5C,
                },
                _ => {
                    let mut pair = [0u16; 2];
                    units.extend_from_slice(c.encode_utf16(&mut pair));
                    continue;
                }
            };
            units.push(unit);
        }
        units
    }
}

/// Byte equality for keys and names. Length and first byte first: most comparisons (field
/// look-ups) fail there. Then a loop inline: keys are short, and in wasm a call to `memcmp`
/// costs more than the work.
#[inline(always)]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.first() == b.first() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Bytes that end a string's plain run: the closing quote, a backslash, a control character.
/// A 256-entry table, for the last few bytes of the input (before them, eight bytes are checked
/// at a time without it).
static STRING_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        // b < 256: in bounds.
        #[allow(clippy::indexing_slicing)]
        {
            table[b] = b < 0x20 || b == b'"' as usize || b == b'\\' as usize;
        }
        b += 1;
    }
    table
};

/// Finds the end of the string content that starts at `start` (after the opening quote):
/// `Ok((index of the closing quote, whether it has escapes))`, or `Err(index)` of what is wrong
/// there (an invalid escape, a control character, or the end of the input).
/// Plain runs are skipped eight bytes at a time: a byte of `x` below is zero (or, for `w`,
/// below 0x20) where its high bit ends up set; only the lowest flagged byte is exact, which is
/// the one wanted, and bytes >= 0x80 are never flagged.
#[inline(always)]
pub(crate) fn scan_string(src: &[u8], start: usize) -> Result<(usize, bool), usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = start;
    let mut escaped = false;
    loop {
        // The next special byte, and `i` on it: eight bytes at a time (the byte taken from the
        // word, not loaded again), one at a time in the last few bytes of the input.
        let b = loop {
            if let Some(chunk) = src.get(i..i + 8) {
                let mut bytes = [0u8; 8];
                bytes.copy_from_slice(chunk);
                let w = u64::from_le_bytes(bytes);
                let quote = w ^ (ONES * u64::from(b'"'));
                let backslash = w ^ (ONES * u64::from(b'\\'));
                let flags = (quote.wrapping_sub(ONES) & !quote
                    | backslash.wrapping_sub(ONES) & !backslash
                    | w.wrapping_sub(ONES * 0x20) & !w)
                    & HIGH;
                if flags != 0 {
                    // The lowest flag is bit 8k + 7 of byte k.
                    let bit = flags.trailing_zeros();
                    i += (bit / 8) as usize;
                    break (w >> (bit & !7)) as u8;
                }
                i += 8;
            } else {
                match src.get(i) {
                    Some(&b) if string_special(b) => break b,
                    Some(_) => i += 1,
                    None => return Err(i),
                }
            }
        };
        match b {
            b'"' => return Ok((i, escaped)),
            b'\\' => {
                escaped = true;
                match src.get(i + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                    Some(b'u') if src.get(i + 2..i + 6).and_then(hex4).is_some() => i += 6,
                    _ => return Err(i),
                }
            }
            _ => return Err(i),
        }
    }
}

/// Bytes that start a token where whitespace may come first: all but whitespace and the
/// first bytes of comments (`/`, `#`), which take the slow path (skipped in lenient mode, an
/// error in strict mode); 0 stands for the end of the input.
static TOKEN_START: [bool; 256] = {
    let mut table = [true; 256];
    let not = [b' ', b'\t', b'\n', b'\r', b'/', b'#'];
    let mut i = 0;
    while i < not.len() {
        // i < not.len(), and a u8 indexes 256 entries.
        #[allow(clippy::indexing_slicing)]
        {
            table[not[i] as usize] = false;
        }
        i += 1;
    }
    table
};

#[inline(always)]
fn token_start(b: u8) -> bool {
    // A u8 index into a 256-entry table cannot be out of bounds.
    #[allow(clippy::indexing_slicing)]
    TOKEN_START[b as usize]
}

#[inline(always)]
fn string_special(b: u8) -> bool {
    // A u8 index into a 256-entry table cannot be out of bounds.
    #[allow(clippy::indexing_slicing)]
    STRING_SPECIAL[b as usize]
}

fn hex4(h: &[u8]) -> Option<u16> {
    let mut v: u16 = 0;
    for &c in h {
        v = v.checked_mul(16)?.checked_add(u16::from(hex_digit(c)?))?;
    }
    Some(v)
}

fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// A number as it stands in the source.
#[derive(Clone, Copy, Debug)]
pub struct Num<'a> {
    pub raw: &'a [u8],
    /// No fraction and no exponent.
    pub plain_integer: bool,
}

/// 2^53 − 1, the largest integer a double holds exactly together with all smaller ones.
const MAX_SAFE: &[u8] = b"9007199254740991";

impl<'a> Num<'a> {
    fn digits(&self) -> &'a [u8] {
        self.raw.strip_prefix(b"-").unwrap_or(self.raw)
    }

    /// A plain integer beyond ±(2^53 − 1), which `JSON.parse` would round.
    pub fn is_unsafe_integer(&self) -> bool {
        let d = self.digits();
        self.plain_integer && (d.len() > MAX_SAFE.len() || (d.len() == MAX_SAFE.len() && d > MAX_SAFE))
    }

    /// The parts of the number: integer digits, fraction digits, exponent (saturated).
    fn parts(&self) -> (&'a [u8], &'a [u8], i64) {
        let d = self.digits();
        let (mantissa, exp) = match d.iter().position(|&b| b == b'e' || b == b'E') {
            Some(i) => (d.get(..i).unwrap_or_default(), d.get(i + 1..).unwrap_or_default()),
            None => (d, &b""[..]),
        };
        let (int, frac) = match mantissa.iter().position(|&b| b == b'.') {
            Some(i) => (
                mantissa.get(..i).unwrap_or_default(),
                mantissa.get(i + 1..).unwrap_or_default(),
            ),
            None => (mantissa, &b""[..]),
        };
        let (negative, exp_digits) = match exp.first() {
            Some(b'-') => (true, exp.get(1..).unwrap_or_default()),
            Some(b'+') => (false, exp.get(1..).unwrap_or_default()),
            _ => (false, exp),
        };
        let mut e: i64 = 0;
        for &c in exp_digits {
            e = e.saturating_mul(10).saturating_add(i64::from(c - b'0'));
        }
        (int, frac, if negative { -e } else { e })
    }

    /// The significant digits (leading zeros dropped) and the decimal exponent of the first.
    fn significand(&self) -> Option<(Vec<u8>, i64)> {
        let (int, frac, exp) = self.parts();
        let all: Vec<u8> = int.iter().chain(frac).copied().collect();
        let first = all.iter().position(|&b| b != b'0')?;
        let e10 = (int.len() as i64 - 1 - first as i64).saturating_add(exp);
        let mut sig = all.get(first..).unwrap_or_default().to_vec();
        while sig.last() == Some(&b'0') {
            sig.pop();
        }
        Some((sig, e10))
    }

    /// Whether the number is a whole number that a double holds exactly (`1`, `1.0`, `1e2`),
    /// whatever its spelling. Computed from the digits: no float parsing.
    pub fn is_integral(&self) -> bool {
        if self.plain_integer {
            return true;
        }
        match self.significand() {
            None => true, // zero
            // Whole when no significant digit falls after the decimal point; spelled with a
            // fraction or exponent, only below 10^15 counts (beyond, write the plain integer).
            Some((sig, e10)) => (0..15).contains(&e10) && (sig.len() as i64) <= e10 + 1,
        }
    }

    /// Too large for a double: `JSON.parse` would give ±Infinity. Exact: the number overflows
    /// when it is at least 2^1024 − 2^970 (halfway to the next power, which rounds up).
    fn overflows(&self) -> bool {
        // Only numbers with an exponent or over 300 digits can reach 1.8e308 (a plain integer
        // has no exponent: most numbers are answered without a look at their digits).
        if self.raw.len() < 300 && (self.plain_integer || !self.raw.iter().any(|&b| b == b'e' || b == b'E')) {
            return false;
        }
        match self.significand() {
            None => false,
            Some((sig, 308)) => {
                let limit = OVERFLOW_DIGITS.as_bytes();
                let n = sig.len().max(limit.len());
                let digit = |s: &[u8], i: usize| s.get(i).copied().unwrap_or(b'0');
                (0..n)
                    .map(|i| (digit(&sig, i), digit(limit, i)))
                    .find(|(a, b)| a != b)
                    .is_none_or(|(a, b)| a > b)
            }
            Some((_, e10)) => e10 > 308,
        }
    }
}

/// The digits of 2^1024 − 2^970, the least decimal that rounds to infinity as a double.
const OVERFLOW_DIGITS: &str = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

pub struct Reader<'a> {
    pub src: &'a [u8],
    pub pos: usize,
    pub lenient: bool,
    /// The bytes are known to be UTF-8 (they came from a `TextEncoder`): skip the check.
    pub trusted_utf8: bool,
    pub max_depth: u32,
    pub depth: u32,
    /// Lenient-mode findings: what (comment or trailing comma) and where.
    pub notes: Vec<(Code, usize)>,
    /// Byte ranges to overwrite with spaces to get strict JSON.
    pub blanks: Vec<(usize, usize)>,
}

#[cold]
fn syntax(offset: usize, message: impl Into<String>) -> Failure {
    Box::new(Fatal {
        code: Code::Syntax,
        message: message.into(),
        offset,
    })
}

impl<'a> Reader<'a> {
    pub fn new(src: &'a [u8], lenient: bool, trusted_utf8: bool, max_depth: u32) -> Reader<'a> {
        Reader {
            src,
            pos: 0,
            lenient,
            trusted_utf8,
            max_depth,
            depth: 0,
            notes: Vec::new(),
            blanks: Vec::new(),
        }
    }

    #[inline(always)]
    fn byte(&self, i: usize) -> Option<u8> {
        self.src.get(i).copied()
    }

    fn found(&self, at: usize) -> String {
        match self.byte(at) {
            None => "the end of the input".to_string(),
            Some(b) if b.is_ascii_graphic() => format!("'{}'", b as char),
            Some(b) => format!("byte 0x{b:02X}"),
        }
    }

    /// A syntax error at the reader's position: "expected <what>, found <the byte there>". Cold
    /// and out of line, so the hot steps that can fail stay small.
    #[cold]
    #[inline(never)]
    fn expected(&self, what: &str) -> Failure {
        syntax(self.pos, format!("expected {what}, found {}", self.found(self.pos)))
    }

    fn skip_ws_slow(&mut self) -> Result<(), Failure> {
        while let Some(b) = self.byte(self.pos) {
            match b {
                b' ' | b'\n' | b'\r' | b'\t' => self.pos += 1,
                b'/' | b'#' => self.comment()?,
                _ => break,
            }
        }
        Ok(())
    }

    fn comment(&mut self) -> Result<(), Failure> {
        let start = self.pos;
        let block = self.byte(start) == Some(b'/') && self.byte(start + 1) == Some(b'*');
        let line =
            self.byte(start) == Some(b'#') || (self.byte(start) == Some(b'/') && self.byte(start + 1) == Some(b'/'));
        if !block && !line {
            return Err(syntax(start, format!("unexpected {}", self.found(start))));
        }
        if !self.lenient {
            return Err(syntax(
                start,
                "comments are not allowed in JSON (the lenient option accepts them)",
            ));
        }
        let end = if block {
            let rest = self.src.get(start + 2..).unwrap_or_default();
            match rest.windows(2).position(|w| w == b"*/") {
                Some(i) => start + 2 + i + 2,
                None => return Err(syntax(start, "unterminated /* comment")),
            }
        } else {
            let rest = self.src.get(start..).unwrap_or_default();
            start + rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())
        };
        if !self.trusted_utf8 {
            // A body that is not UTF-8 is not JSON text, comments included.
            if let Err(e) = core::str::from_utf8(self.src.get(start..end).unwrap_or_default()) {
                return Err(syntax(
                    start + e.valid_up_to(),
                    "invalid UTF-8 byte sequence in a comment",
                ));
            }
        }
        self.notes.push((Code::Comment, start));
        self.blanks.push((start, end));
        self.pos = end;
        Ok(())
    }

    /// The kind of the value whose first byte is `b` (the reader on it, after [`Reader::peek`]).
    #[inline(always)]
    pub fn kind_of(&self, b: u8) -> Result<Kind, Failure> {
        match b {
            b'{' => Ok(Kind::Object),
            b'[' => Ok(Kind::Array),
            b'"' => Ok(Kind::String),
            b'-' | b'0'..=b'9' => Ok(Kind::Number),
            b't' | b'f' => Ok(Kind::Bool),
            b'n' => Ok(Kind::Null),
            _ => Err(self.expected("a value")),
        }
    }

    /// The kind of the next value, after whitespace. The reader stays on its first byte.
    #[inline(always)]
    pub fn kind(&mut self) -> Result<Kind, Failure> {
        let b = self.peek()?;
        self.kind_of(b)
    }

    #[inline(always)]
    fn enter(&mut self) -> Result<(), Failure> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(Box::new(Fatal {
                code: Code::TooDeep,
                message: format!("the payload nests deeper than {} levels", self.max_depth),
                offset: self.pos,
            }));
        }
        Ok(())
    }

    /// Consumes the `[` the reader is on (one level deeper) and reports whether the array has
    /// an item (the reader then on it) or is empty (its `]` consumed).
    #[inline(always)]
    pub fn open_array(&mut self) -> Result<bool, Failure> {
        self.enter()?;
        self.pos += 1;
        if self.peek()? == b']' {
            self.pos += 1;
            self.depth -= 1;
            return Ok(false);
        }
        Ok(true)
    }

    /// After an item of the array being read: whether another follows (the comma consumed, the
    /// reader on it) or the array ends (its `]` consumed, one level up).
    #[inline(always)]
    pub fn more_items(&mut self) -> Result<bool, Failure> {
        match self.peek()? {
            b',' => {
                let comma = self.pos;
                self.pos += 1;
                if self.peek()? == b']' {
                    self.depth -= 1;
                    return self.trailing_comma(comma);
                }
                Ok(true)
            }
            b']' => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ => Err(self.expected("',' or ']'")),
        }
    }

    /// Consumes the `{` the reader is on (one level deeper) and reports whether the object has
    /// a member (the reader then on its key's opening quote) or is empty (its `}` consumed).
    #[inline(always)]
    pub fn open_object(&mut self) -> Result<bool, Failure> {
        self.enter()?;
        self.pos += 1;
        match self.peek()? {
            b'"' => Ok(true),
            b'}' => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ => Err(self.expected_key()),
        }
    }

    /// After a member of the object being read: whether another follows (the comma consumed,
    /// the reader on its key's opening quote) or the object ends (its `}` consumed, one level
    /// up).
    #[inline(always)]
    pub fn more_members(&mut self) -> Result<bool, Failure> {
        match self.peek()? {
            b',' => {
                let comma = self.pos;
                self.pos += 1;
                match self.peek()? {
                    b'"' => Ok(true),
                    b'}' => {
                        self.depth -= 1;
                        self.trailing_comma(comma)
                    }
                    _ => Err(self.expected_key()),
                }
            }
            b'}' => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ => Err(self.expected("',' or '}'")),
        }
    }

    /// A comma at `comma` before the closing byte the reader is on: noted and consumed in
    /// lenient mode (the container ends), an error in strict mode.
    #[cold]
    fn trailing_comma(&mut self, comma: usize) -> Result<bool, Failure> {
        if !self.lenient {
            return Err(syntax(comma, "trailing comma (the lenient option accepts it)"));
        }
        self.notes.push((Code::TrailingComma, comma));
        self.blanks.push((comma, comma + 1));
        self.pos += 1;
        Ok(false)
    }

    /// Reads a string (the reader is on its opening quote), its UTF-8 checked when the reader's
    /// input is not known to be UTF-8. Out of line: the strings whose content matters (keys not
    /// guessed, tags, loose forms) are few; [`Reader::skip_string`] reads the others in place.
    #[inline(never)]
    pub fn string(&mut self) -> Result<Str<'a>, Failure> {
        let start = self.pos + 1;
        let s = self.string_in_place()?;
        if !self.trusted_utf8 {
            if let Err(e) = core::str::from_utf8(s.raw) {
                return Err(syntax(
                    start + e.valid_up_to(),
                    "invalid UTF-8 byte sequence in a string",
                ));
            }
        }
        Ok(s)
    }

    /// What is wrong at `at`, where [`scan_string`] stopped in the string that starts at the
    /// reader's position.
    #[cold]
    #[inline(never)]
    fn string_failure(&self, at: usize) -> Failure {
        match (self.byte(at), self.byte(at + 1)) {
            (None, _) => syntax(self.pos, "unterminated string"),
            (Some(b'\\'), Some(b'u')) => syntax(at, "invalid \\u escape: four hex digits must follow"),
            (Some(b'\\'), _) => syntax(at, "invalid escape in a string"),
            (Some(b), _) => syntax(at, format!("control character 0x{b:02X} in a string must be escaped")),
        }
    }

    /// Reads a number (the reader is on its first byte).
    pub fn number(&mut self) -> Result<Num<'a>, Failure> {
        let start = self.pos;
        let mut i = start;
        if self.byte(i) == Some(b'-') {
            i += 1;
        }
        match self.byte(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while matches!(self.byte(i), Some(b'0'..=b'9')) {
                    i += 1;
                }
            }
            _ => return Err(syntax(i, "invalid number: a digit must follow '-'")),
        }
        let mut plain_integer = true;
        if self.byte(i) == Some(b'.') {
            plain_integer = false;
            i += 1;
            if !matches!(self.byte(i), Some(b'0'..=b'9')) {
                return Err(syntax(i, "invalid number: a digit must follow '.'"));
            }
            while matches!(self.byte(i), Some(b'0'..=b'9')) {
                i += 1;
            }
        }
        if matches!(self.byte(i), Some(b'e' | b'E')) {
            plain_integer = false;
            i += 1;
            if matches!(self.byte(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !matches!(self.byte(i), Some(b'0'..=b'9')) {
                return Err(syntax(i, "invalid number: a digit must follow the exponent"));
            }
            while matches!(self.byte(i), Some(b'0'..=b'9')) {
                i += 1;
            }
        }
        if matches!(self.byte(i), Some(b'0'..=b'9')) {
            return Err(syntax(i, "invalid number: leading zeros are not allowed"));
        }
        self.pos = i;
        let num = Num {
            raw: self.src.get(start..i).unwrap_or_default(),
            plain_integer,
        };
        if num.overflows() {
            return Err(Box::new(Fatal {
                code: Code::NumberOutOfRange,
                message: "number too large for a double (JSON.parse would make it Infinity)".to_string(),
                offset: start,
            }));
        }
        Ok(num)
    }

    /// When the reader is on a plain integer of at most 15 digits (so within ±(2^53 − 1), and a
    /// whole number whatever its type wants), consumes it and returns true; any other number
    /// (and any syntax error) is left to [`Reader::number`]. Most numbers of a payload are ids
    /// and codes like these.
    #[inline(always)]
    pub fn short_integer(&mut self) -> bool {
        let first = self.pos + usize::from(self.byte(self.pos) == Some(b'-'));
        let mut end = first;
        while matches!(self.byte(end), Some(b'0'..=b'9')) {
            end += 1;
        }
        let digits = end - first;
        let leading_zero = digits > 1 && self.byte(first) == Some(b'0');
        if digits == 0 || digits > 15 || leading_zero || matches!(self.byte(end), Some(b'.' | b'e' | b'E')) {
            return false;
        }
        self.pos = end;
        true
    }

    /// Reads `true`, `false` or `null` (the word its first byte names); returns the boolean
    /// (false for null).
    #[inline(always)]
    pub fn literal(&mut self) -> Result<bool, Failure> {
        let (word, value): (&[u8], bool) = match self.byte(self.pos) {
            Some(b't') => (b"true", true),
            Some(b'f') => (b"false", false),
            _ => (b"null", false),
        };
        let end = self.pos + word.len();
        if self.src.get(self.pos..end) != Some(word) {
            return Err(self.expected("a value"));
        }
        self.pos = end;
        Ok(value)
    }

    /// The byte of the next token, after whitespace (and lenient comments); 0 at the end of the
    /// input (never a valid token). The reader's small steps are inlined always: in wasm, calls
    /// and `Result`s through memory cost a third of the time (measured).
    #[inline(always)]
    pub fn peek(&mut self) -> Result<u8, Failure> {
        let b = self.byte(self.pos).unwrap_or(0);
        if token_start(b) {
            return Ok(b);
        }
        self.skip_ws_slow()?;
        Ok(self.byte(self.pos).unwrap_or(0))
    }

    /// Skips the string the reader is on (its content checked), keeping nothing: most strings
    /// are only checked to be strings.
    #[inline(always)]
    pub fn skip_string(&mut self) -> Result<(), Failure> {
        self.string_in_place().map(drop)
    }

    /// When the key the reader is on (on its opening quote) is exactly `name`, unescaped, and
    /// its colon follows right after it, moves past both and returns the key: one comparison in
    /// place instead of a scan, a look-up and a colon, for a key guessed from the field order
    /// (src/field_order.rs). Anything else (including space before the colon) is left to the
    /// usual steps.
    #[inline(always)]
    pub fn guessed_key(&mut self, name: &'static str) -> Option<Str<'a>> {
        let name = name.as_bytes();
        let start = self.pos + 1;
        let raw = self.src.get(start..start + name.len())?;
        if self.src.get(start + name.len()..start + name.len() + 2) != Some(&b"\":"[..]) || !same_bytes(raw, name) {
            return None;
        }
        self.pos = start + name.len() + 2;
        Some(Str { raw, escaped: false })
    }

    /// Consumes the colon after a key.
    #[inline(always)]
    pub fn colon(&mut self) -> Result<(), Failure> {
        if self.peek()? != b':' {
            return Err(self.expected("':' after a key"));
        }
        self.pos += 1;
        Ok(())
    }

    /// [`Reader::string`] in place, with no UTF-8 check: for input known to be UTF-8 (the walker
    /// checks it first), where a call per string would cost.
    #[inline(always)]
    pub fn string_in_place(&mut self) -> Result<Str<'a>, Failure> {
        let start = self.pos + 1;
        match scan_string(self.src, start) {
            Ok((end, escaped)) => {
                self.pos = end + 1;
                Ok(Str {
                    raw: self.src.get(start..end).unwrap_or_default(),
                    escaped,
                })
            }
            Err(at) => Err(self.string_failure(at)),
        }
    }

    /// The error for a member that does not start with a key.
    #[cold]
    pub fn expected_key(&self) -> Failure {
        self.expected("a key in double quotes")
    }

    /// Skips one value of any kind, checking its syntax, without recursion (a stack of the
    /// containers open), so arbitrarily deep input costs memory proportional to its size,
    /// never the call stack. Strings are read with their UTF-8 checked (`check_syntax` reads
    /// bytes nobody checked).
    pub fn skip_value(&mut self) -> Result<(), Failure> {
        // The closing byte of each container open.
        let mut stack: Vec<u8> = Vec::new();
        loop {
            // A value starts here.
            let opened = match self.kind()? {
                Kind::Object => self.open_object()?.then_some(b'}'),
                Kind::Array => self.open_array()?.then_some(b']'),
                Kind::String => self.string().map(|_| None)?,
                Kind::Number => self.number().map(|_| None)?,
                Kind::Bool | Kind::Null => self.literal().map(|_| None)?,
            };
            // The container the next value is in: the one just opened, or, once the finished
            // ones are closed, the innermost one with more to come.
            let within = match opened {
                Some(close) => {
                    stack.push(close);
                    close
                }
                None => loop {
                    let more = match stack.last() {
                        None => return Ok(()),
                        Some(b'}') => self.more_members()?,
                        Some(_) => self.more_items()?,
                    };
                    match stack.last() {
                        Some(&close) if more => break close,
                        _ => stack.pop(),
                    };
                },
            };
            // An object's member: its key and colon first.
            if within == b'}' {
                self.string()?;
                self.colon()?;
            }
        }
    }

    /// After the top-level value: only whitespace (and lenient comments) may follow.
    pub fn finish(&mut self) -> Result<(), Failure> {
        self.peek()?;
        if self.pos < self.src.len() {
            return Err(syntax(
                self.pos,
                format!("unexpected {} after the JSON value", self.found(self.pos)),
            ));
        }
        Ok(())
    }
}

/// Whether `bytes` hold U+FFFD (EF BF BD), which `TextEncoder.encodeInto` writes for a lone
/// surrogate: for a text without U+FFFD of its own, this is the test that it had none (the JS
/// side's cheaper stand-in for `isWellFormed` on large texts; BENCHMARKS.md, "Lone surrogates").
/// Every third byte is enough to look at: one of the three bytes of EF BF BD falls on it.
pub fn contains_replacement_char(bytes: &[u8]) -> bool {
    const REPLACEMENT: [u8; 3] = [0xEF, 0xBF, 0xBD];
    let mut i = 2;
    while let Some(&b) = bytes.get(i) {
        // Text rarely has these (continuation bytes of a few characters, and U+F000 to U+FFFF).
        if matches!(b, 0xBD | 0xBF | 0xEF) {
            let from = i.saturating_sub(2);
            if (from..=i).any(|s| bytes.get(s..s + 3) == Some(&REPLACEMENT[..])) {
                return true;
            }
        }
        i += 3;
    }
    // The last one or two bytes are never the start of a whole EF BF BD.
    false
}

/// Checks that `src` is one JSON value (syntax only, any depth).
pub fn check_syntax(src: &[u8], lenient: bool) -> Result<(), Failure> {
    let mut r = Reader::new(src, lenient, false, u32::MAX);
    r.skip_value()?;
    r.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The every-third-byte scan against a plain search, with EF BF BD at every offset of every
    /// length up to 40, after near misses (EF BF, EF alone) and among other 0xEF bytes.
    #[test]
    fn contains_replacement_char_agrees_with_a_plain_search() {
        let plain = |b: &[u8]| b.windows(3).any(|w| w == [0xEF, 0xBF, 0xBD]);
        let fillers: [&[u8]; 4] = [b"a", &[0xEF], &[0xEF, 0xBF], &[0xE2, 0x82, 0xB9]];
        let mut checked = 0;
        for len in 0..40 {
            for filler in fillers {
                let base: Vec<u8> = filler.iter().copied().cycle().take(len).collect();
                assert_eq!(contains_replacement_char(&base), plain(&base), "{base:?}");
                for at in 0..=len {
                    let mut bytes = base.clone();
                    bytes.splice(at..at, [0xEF, 0xBF, 0xBD]);
                    assert!(contains_replacement_char(&bytes), "{bytes:?}");
                    bytes.truncate(at + 2); // cut inside it: EF BF at the very end
                    assert_eq!(contains_replacement_char(&bytes), plain(&bytes), "{bytes:?}");
                    checked += 2;
                }
            }
        }
        assert!(checked > 3000);
    }

    #[test]
    fn strict_rejects_what_lenient_accepts() {
        let doc = b"{\"a\": 1, // note\n # more\n \"b\": [1,2,],}";
        assert_eq!(check_syntax(doc, false).map_err(|e| e.code), Err(Code::Syntax));
        assert!(check_syntax(doc, true).is_ok());
    }

    #[test]
    fn blanking_lenient_findings_gives_strict_json() {
        let doc = b"{\"a\": 1, /* c */ \"b\": [1,],}".to_vec();
        let mut r = Reader::new(&doc, true, false, 64);
        r.skip_value().map_err(|e| e.message).unwrap_or_default();
        let mut out = doc.clone();
        for (s, e) in &r.blanks {
            for b in out.get_mut(*s..*e).unwrap_or_default() {
                *b = b' ';
            }
        }
        assert!(check_syntax(&out, false).is_ok());
        assert_eq!(r.notes.iter().filter(|n| n.0 == Code::TrailingComma).count(), 2);
    }

    #[test]
    fn numbers() {
        for ok in ["0", "-0", "1.5e3", "123456789012345678901234567890"] {
            assert!(check_syntax(ok.as_bytes(), false).is_ok(), "{ok}");
        }
        for bad in ["01", "1.", "-", "1e", ".5", "+1"] {
            assert!(check_syntax(bad.as_bytes(), false).is_err(), "{bad}");
        }
        assert_eq!(
            check_syntax(b"1e400", false).map_err(|e| e.code),
            Err(Code::NumberOutOfRange)
        );
        let n = |s: &'static str| Num {
            raw: s.as_bytes(),
            plain_integer: !s.contains(['.', 'e']),
        };
        assert!(!n("9007199254740991").is_unsafe_integer());
        assert!(n("9007199254740992").is_unsafe_integer());
        assert!(n("-12345678901234567890").is_unsafe_integer());
        assert!(n("1.0").is_integral() && n("1e2").is_integral() && !n("1.5").is_integral());
    }

    /// `scan_string` byte by byte, as the grammar says it.
    fn scan_string_reference(s: &[u8], start: usize) -> Result<(usize, bool), usize> {
        let mut i = start;
        let mut escaped = false;
        loop {
            match s.get(i) {
                None => return Err(i),
                Some(b'"') => return Ok((i, escaped)),
                Some(b'\\') => {
                    escaped = true;
                    match s.get(i + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                        Some(b'u') if s.get(i + 2..i + 6).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) => {
                            i += 6
                        }
                        _ => return Err(i),
                    }
                }
                Some(&b) if b < 0x20 => return Err(i),
                Some(_) => i += 1,
            }
        }
    }

    #[test]
    fn word_scan_agrees_with_a_byte_scan() {
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let alphabet = [
            b'a', b'"', b'\\', 0x1F, 0x00, 0x20, 0x7F, 0x80, 0xFF, 0xE9, b'~', b'u', b'0', b'n',
        ];
        for _ in 0..50_000 {
            let len = (rng % 40) as usize;
            let s: Vec<u8> = (0..len)
                .map(|_| {
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    // Mostly plain bytes, so that runs of 8 and more occur.
                    let pick = (rng % 40) as usize;
                    alphabet.get(pick).copied().unwrap_or(b'a')
                })
                .collect();
            for start in [0, 1, 3] {
                assert_eq!(
                    scan_string(&s, start),
                    scan_string_reference(&s, start),
                    "{s:?} from {start}"
                );
            }
        }
    }

    /// `Str::utf16` against serde_json's decoding of the same string literal, for random
    /// strings of escapes (every kind, surrogate pairs among them) and characters of 1 to 4 bytes.
    #[test]
    fn utf16_decodes_as_serde_json_does() {
        let pieces = [
            "a", "\\n", "\\t", "\\r", "\\b", "\\f", "\\\\", "\\\"", "\\/", "\\u00e9", "\\u0041",
            "\\ud83d\\ude00", "é", "😀", "\u{7f}", "€", "\\u005c", "\\uFFFF",
        ];
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let mut literal = String::new();
            for _ in 0..(rng % 9) {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                literal.push_str(pieces.get((rng % pieces.len() as u64) as usize).copied().unwrap_or("a"));
            }
            let expected: Vec<u16> = serde_json::from_str::<String>(&format!("\"{literal}\""))
                .map(|s| s.encode_utf16().collect())
                .unwrap_or_default();
            let s = Str {
                raw: literal.as_bytes(),
                escaped: literal.contains('\\'),
            };
            assert_eq!(s.utf16(), expected, "{literal}");
        }
    }

    #[test]
    fn decode_escapes() {
        let s = Str {
            raw: br#"a\n\u00e9\ud83d\ude00\/"#,
            escaped: true,
        };
        assert_eq!(s.decode(), "a\né😀/");
        assert!(s.is("a\né😀/"));
    }

    #[test]
    fn deep_input_skips_without_recursion() {
        let deep = "[".repeat(200_000) + &"]".repeat(200_000);
        assert!(check_syntax(deep.as_bytes(), false).is_ok());
        let open = "[".repeat(200_000);
        assert_eq!(
            check_syntax(open.as_bytes(), false).map_err(|e| e.code),
            Err(Code::Syntax)
        );
    }

    #[test]
    fn invalid_utf8_is_a_syntax_error() {
        assert_eq!(check_syntax(b"\"\xFF\"", false).map_err(|e| e.code), Err(Code::Syntax));
        assert!(check_syntax("\"é\"".as_bytes(), false).is_ok());
    }
}
