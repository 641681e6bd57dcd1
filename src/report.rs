//! What validation found, and its JSON encoding for the JS side.

use crate::issue::Issue;
use crate::model;
use serde::Serialize;

/// A lossless normalisation to apply to the value `JSON.parse` builds: the value at `path`
/// becomes what `value` says. Written for JS by serde (see [`Report::to_json`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Patch {
    /// Keys and array indices from the root.
    pub path: Vec<Segment>,
    pub value: Normalised,
}

/// One step of a [`Patch`]'s path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Segment {
    Key(String),
    /// A key that is not well-formed text (it holds a lone surrogate, which JSON and JavaScript
    /// allow and a Rust `String` cannot hold): its UTF-16 code units.
    KeyUnits(Vec<u16>),
    Index(u32),
}

/// What the value at a [`Patch`]'s path becomes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum Normalised {
    /// A number: `text` in JSON's number syntax (the content of a numeric string, `"343"`, or
    /// `1`/`0` for a boolean flag).
    Number { text: String },
    Boolean { value: bool },
    /// A string: the exact digits of an integer beyond 2^53, or an integer's decimal text.
    String { value: String },
    /// The string there, as a TEXT element: `{"type": "TEXT", "text": <the string>, "data":
    /// {"quick_replies": []}}` (a 2018 plain-string message body).
    TextElement,
    /// The string there, parsed as JSON (an HSL element serialised as a string; its text was
    /// validated as one).
    ParsedJson,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The payload's `event_name`, when it has a string one.
    pub event_name: Option<String>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    pub patches: Vec<Patch>,
    /// Byte ranges (lenient comments, trailing commas, a BOM) to overwrite with spaces to get
    /// strict JSON of the same length.
    pub blanks: Vec<(usize, usize)>,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether the event is one the model knows (and which: 1-based, in `model::event_names`).
    pub fn known_event_index(&self) -> Option<usize> {
        let name = self.event_name.as_deref()?;
        model::event_names().position(|n| n == name).map(|i| i + 1)
    }

    /// `input` with the `blanks` overwritten by spaces: strict JSON when the report is valid.
    pub fn strict_json(&self, input: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        blank(&mut out, &self.blanks);
        out
    }

    /// Fills in line and column from each issue's byte offset.
    /// One pass over the source for all issues, in offset order (the same counting as
    /// `issue::line_column`): a payload with 100 000 issues must not cost 100 000 scans.
    pub(crate) fn locate(&mut self, src: &[u8]) {
        let mut wanted: Vec<(usize, &mut Issue)> = self
            .errors
            .iter_mut()
            .chain(self.warnings.iter_mut())
            .filter_map(|i| match (i.offset, i.line) {
                (Some(offset), None) => Some((offset as usize, i)),
                _ => None,
            })
            .collect();
        crate::sort::stable_by_key(&mut wanted, |(offset, _)| *offset);
        let (mut pos, mut line, mut column) = (0usize, 1u32, 1u32);
        for (offset, issue) in wanted {
            let end = offset.min(src.len()).max(pos);
            let mut chunks = src.get(pos..end).unwrap_or_default().chunks_exact(8);
            for chunk in &mut chunks {
                let mut bytes = [0u8; 8];
                bytes.copy_from_slice(chunk);
                if plain_ascii(u64::from_le_bytes(bytes)) {
                    column += 8;
                } else {
                    count_lines(chunk, &mut line, &mut column);
                }
            }
            count_lines(chunks.remainder(), &mut line, &mut column);
            pos = end;
            issue.line = Some(line);
            issue.column = Some(column);
        }
    }

    /// The report as text fields separated by U+001F, which JS reads in order with `indexOf`
    /// (`JSON.parse` of the JSON form costs more than the validation itself): `1` or `0` (valid),
    /// the event name after a `=` (empty for none), the numbers of errors and of warnings, then
    /// eight fields per issue: code, path, message, expected, received, line, column, offset,
    /// each empty when absent. `None` when the JSON form is needed: patches or blanks to carry,
    /// or a separator inside a text (from a key or event name with an escaped U+001F).
    pub fn to_compact(&self) -> Option<String> {
        let issues = || self.errors.iter().chain(&self.warnings);
        if !self.patches.is_empty()
            || !self.blanks.is_empty()
            || issues().any(|i| i.expected.as_deref() == Some("") || i.received.as_deref() == Some(""))
        {
            return None;
        }
        let mut out = String::with_capacity(256);
        out.push(if self.is_valid() { '1' } else { '0' });
        out.push(SEPARATOR);
        if let Some(name) = &self.event_name {
            if name.as_bytes().contains(&(SEPARATOR as u8)) {
                return None;
            }
            out.push('=');
            out.push_str(name);
        }
        out.push(SEPARATOR);
        push_decimal(&mut out, self.errors.len() as u32);
        out.push(SEPARATOR);
        push_decimal(&mut out, self.warnings.len() as u32);
        for issue in issues() {
            for text in [
                Some(issue.code.as_str()),
                Some(issue.path.as_str()),
                Some(issue.message.as_str()),
            ]
            .into_iter()
            .chain([issue.expected.as_deref(), issue.received.as_deref()])
            {
                let text = text.unwrap_or_default();
                // A separator inside a text would shift every field after it.
                if text.as_bytes().contains(&(SEPARATOR as u8)) {
                    return None;
                }
                out.push(SEPARATOR);
                out.push_str(text);
            }
            for number in [issue.line, issue.column, issue.offset] {
                out.push(SEPARATOR);
                if let Some(n) = number {
                    push_decimal(&mut out, n);
                }
            }
        }
        Some(out)
    }

    /// The report as JSON (see docs/design.md, "The wasm boundary"), written by serde_json.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.wire()).unwrap_or_default() // only a serializer error could fail; none exists for these types
    }

    /// What [`Report::to_json`] writes, for any serde serializer (the object-input experiment
    /// also writes it with serde-wasm-bindgen, to measure that against JSON text).
    pub(crate) fn wire(&self) -> impl Serialize + '_ {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Wire<'a> {
            valid: bool,
            event_name: Option<&'a str>,
            errors: &'a [Issue],
            warnings: &'a [Issue],
            patches: &'a [Patch],
            cleaned: bool,
        }
        Wire {
            valid: self.is_valid(),
            event_name: self.event_name.as_deref(),
            errors: &self.errors,
            warnings: &self.warnings,
            patches: &self.patches,
            cleaned: !self.blanks.is_empty(),
        }
    }
}

/// Appends `n` in decimal (without the formatting machinery, which costs more than the rest of
/// a small report).
fn push_decimal(out: &mut String, n: u32) {
    let mut divisor = 1;
    while n / divisor >= 10 {
        divisor *= 10;
    }
    while divisor > 0 {
        out.push(char::from(b'0' + (n / divisor % 10) as u8));
        divisor /= 10;
    }
}

/// Eight bytes of ASCII with no line feed: eight more columns.
fn plain_ascii(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let newline = w ^ (ONES * u64::from(b'\n'));
    (w | newline.wrapping_sub(ONES) & !newline) & HIGH == 0
}

/// Advances line and column (in UTF-16 code units, as editors and JavaScript count) over `bytes`.
fn count_lines(bytes: &[u8], line: &mut u32, column: &mut u32) {
    for &b in bytes {
        if b == b'\n' {
            *line += 1;
            *column = 1;
        } else if b & 0xC0 != 0x80 {
            // Every lead byte starts a character; 4-byte ones are UTF-16 surrogate pairs.
            *column += if b >= 0xF0 { 2 } else { 1 };
        }
    }
}

fn blank(buf: &mut [u8], ranges: &[(usize, usize)]) {
    for &(start, end) in ranges {
        if let Some(bytes) = buf.get_mut(start..end) {
            bytes.fill(b' ');
        }
    }
}

/// Separates the fields of the compact report (ASCII "unit separator").
const SEPARATOR: char = '\u{1f}';

/// Overwrites `ranges` of `buf` with spaces (what [`Report::strict_json`] does, in place).
pub fn blank_in_place(buf: &mut [u8], ranges: &[(usize, usize)]) {
    blank(buf, ranges);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::{line_column, Code};

    /// Regression (found by tests/hostile): locating each issue used to rescan the input from
    /// its start, so 40 000 duplicate keys took 12 s; one pass now gives the same positions.
    #[test]
    fn locate_matches_line_column_for_many_issues() {
        // Every offset, and offsets far apart (whole 8-byte chunks of ASCII, of line feeds and
        // of multi-byte characters in between).
        let short = "{\n  \"é😀\": 1,\n\"a\":[1,\n2]}\n".repeat(50);
        let long = "{\"text\":\"a long line of plain ASCII text, then é and 😀 and more text\"}\n\n".repeat(20);
        for (src, step) in [(short, 1), (long.clone(), 13), (long, 29)] {
            check_locate(&src, step);
        }
    }

    fn check_locate(src: &str, step: usize) {
        let mut report = Report::default();
        for offset in (0..src.len() + 3).rev().step_by(step) {
            let mut issue = Issue::new(Code::InvalidType, String::new(), String::new());
            issue.offset = Some(offset as u32);
            report.errors.push(issue);
        }
        report.locate(src.as_bytes());
        for issue in &report.errors {
            let (line, column) = line_column(src.as_bytes(), issue.offset.unwrap_or(0) as usize);
            assert_eq!(
                (issue.line, issue.column),
                (Some(line), Some(column)),
                "offset {:?}",
                issue.offset
            );
        }
    }
}

#[cfg(test)]
mod compact_tests {
    use super::*;

    #[test]
    fn decimals() {
        for n in [0, 7, 10, 99, 100, 4_294_967_295, 1_000_000_000, 123_456] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;
    use crate::issue::Code;

    /// The JSON form is what the JS side parses: every field, absent ones left out, and each
    /// patch's path (a key with a lone surrogate as its code units) and what the value becomes.
    #[test]
    fn to_json_writes_every_field_and_typed_patches() {
        let mut issue = Issue::new(Code::InvalidType, "/a".into(), "m \"q\"\n".into());
        issue.line = Some(2);
        let report = Report {
            event_name: Some("message".into()),
            errors: vec![issue],
            warnings: vec![],
            patches: vec![
                Patch {
                    path: vec![Segment::KeyUnits(vec![0x6B, 0xD800]), Segment::Index(0)],
                    value: Normalised::String { value: "12".into() },
                },
                Patch {
                    path: vec![Segment::Key("n".into())],
                    value: Normalised::Number { text: "1.5".into() },
                },
            ],
            blanks: vec![(0, 1)],
        };
        assert_eq!(
            report.to_json(),
            r#"{"valid":false,"eventName":"message","errors":[{"code":"invalid_type","path":"/a","message":"m \"q\"\n","line":2}],"warnings":[],"patches":[{"path":[[107,55296],0],"value":{"to":"string","value":"12"}},{"path":["n"],"value":{"to":"number","text":"1.5"}}],"cleaned":true}"#
        );
    }
}
