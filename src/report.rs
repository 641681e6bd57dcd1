//! What validation found, and its JSON encoding for the JS side.

use crate::issue::Issue;
use crate::model;
use crate::validate::{validate_in_full, Options};
use std::fmt::Write;

/// A lossless normalisation to apply to the value `JSON.parse` builds: set `path` to `value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Patch {
    /// Keys and array indices from the root, as the JSON text of an array of strings: each key
    /// exactly as written in the payload (escapes kept, so even a lone surrogate is exact).
    /// One string per patch keeps many deep patches small. [`Patch::segments`] decodes it.
    pub path: String,
    /// The new value, as JSON text.
    pub value: String,
}

impl Patch {
    /// The path's keys and indices, decoded (a lone surrogate becomes U+FFFD here).
    pub fn segments(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut r = crate::json::Reader::new(self.path.as_bytes(), false, true, 2);
        let mut first = true;
        if r.kind().is_ok() && r.begin_array().is_ok() {
            while let Ok(true) = r.next_item(&mut first) {
                match r.string() {
                    Ok(s) => out.push(s.decode()),
                    Err(_) => break,
                }
            }
        }
        out
    }
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
        wanted.sort_unstable_by_key(|(offset, _)| *offset);
        let (mut pos, mut line, mut column) = (0usize, 1u32, 1u32);
        for (offset, issue) in wanted {
            let end = offset.min(src.len()).max(pos);
            for &b in src.get(pos..end).unwrap_or_default() {
                if b == b'\n' {
                    line += 1;
                    column = 1;
                } else if b & 0xC0 != 0x80 {
                    // Every lead byte starts a character; 4-byte ones are UTF-16 surrogate pairs.
                    column += if b >= 0xF0 { 2 } else { 1 };
                }
            }
            pos = end;
            issue.line = Some(line);
            issue.column = Some(column);
        }
    }

    /// The report as JSON (see docs/design.md, "The wasm ABI").
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256);
        out.push_str("{\"valid\":");
        out.push_str(if self.is_valid() { "true" } else { "false" });
        out.push_str(",\"eventName\":");
        match &self.event_name {
            Some(name) => push_json_string(&mut out, name),
            None => out.push_str("null"),
        }
        for (key, list) in [("errors", &self.errors), ("warnings", &self.warnings)] {
            out.push_str(",\"");
            out.push_str(key);
            out.push_str("\":[");
            for (i, issue) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_issue(&mut out, issue);
            }
            out.push(']');
        }
        out.push_str(",\"patches\":[");
        for (i, patch) in self.patches.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"path\":");
            out.push_str(&patch.path);
            out.push_str(",\"value\":");
            out.push_str(&patch.value);
            out.push('}');
        }
        out.push_str("],\"cleaned\":");
        out.push_str(if self.blanks.is_empty() { "false" } else { "true" });
        out.push('}');
        out
    }
}

fn blank(buf: &mut [u8], ranges: &[(usize, usize)]) {
    for &(start, end) in ranges {
        if let Some(bytes) = buf.get_mut(start..end) {
            bytes.fill(b' ');
        }
    }
}

fn push_issue(out: &mut String, issue: &Issue) {
    out.push_str("{\"code\":\"");
    out.push_str(issue.code.as_str());
    out.push_str("\",\"path\":");
    push_json_string(out, &issue.path);
    out.push_str(",\"message\":");
    push_json_string(out, &issue.message);
    for (key, value) in [("expected", &issue.expected), ("received", &issue.received)] {
        if let Some(v) = value {
            out.push_str(",\"");
            out.push_str(key);
            out.push_str("\":");
            push_json_string(out, v);
        }
    }
    for (key, value) in [("line", issue.line), ("column", issue.column), ("offset", issue.offset)] {
        if let Some(v) = value {
            out.push_str(",\"");
            out.push_str(key);
            out.push_str("\":");
            let _ = write!(out, "{v}");
        }
    }
    out.push('}');
}

/// Appends `s` as a JSON string literal: runs that need no escape are copied whole.
pub fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if (c as u32) < 0x20 => "",
            _ => continue,
        };
        out.push_str(s.get(run..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push_str(escape);
        }
        run = i + c.len_utf8();
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}

pub const FLAG_LENIENT: u32 = 1;
pub const FLAG_TRUSTED_UTF8: u32 = 2;

/// `run_for_js` result: a valid unknown event with nothing to report; its name is the output.
pub const CLEAN_UNKNOWN_EVENT: u32 = 5;

/// The JS entry point behind `hw_validate`: validates `input[..len]`; returns the known event's
/// 1-based index when there is nothing else to say, [`CLEAN_UNKNOWN_EVENT`] with the name in
/// `output` for an unknown one, or 0 after writing the report to `output` (and, when the report
/// has blanks, making `input` strict JSON in place). Reports are rare; clean payloads cost no JSON.
pub fn run_for_js(input: &mut [u8], len: u32, flags: u32, max_depth: u32, output: &mut Vec<u8>) -> u32 {
    let Some(src) = input.get_mut(..len as usize) else {
        output.clear();
        return 0;
    };
    let options = Options {
        lenient: flags & FLAG_LENIENT != 0,
        trusted_utf8: flags & FLAG_TRUSTED_UTF8 != 0,
        max_depth,
        max_bytes: usize::MAX, // the JS side checks the size before copying
    };
    output.clear();
    // Most payloads are clean known events: answered without a report.
    if let Some(event) = crate::fast::clean_event(src, &options) {
        return event as u32 + 1;
    }
    let report = validate_in_full(src, &options);
    if report.is_valid() && report.warnings.is_empty() && report.patches.is_empty() && report.blanks.is_empty() {
        if let Some(index) = report.known_event_index() {
            return index as u32;
        }
        if let Some(name) = &report.event_name {
            output.extend_from_slice(name.as_bytes());
            return CLEAN_UNKNOWN_EVENT;
        }
    }
    blank(src, &report.blanks);
    // The report becomes the output buffer itself: no second copy of a large report.
    *output = report.to_json().into_bytes();
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::{line_column, Code};

    /// Regression (found by tests/hostile): locating each issue used to rescan the input from
    /// its start, so 40 000 duplicate keys took 12 s; one pass now gives the same positions.
    #[test]
    fn locate_matches_line_column_for_many_issues() {
        let src = "{\n  \"é😀\": 1,\n\"a\":[1,\n2]}\n".repeat(50);
        let mut report = Report::default();
        for offset in (0..src.len() + 3).rev() {
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
mod json_string_tests {
    use super::push_json_string;

    #[test]
    fn json_strings_escape_what_json_requires() {
        let mut out = String::new();
        push_json_string(&mut out, "a\"b\\c\nd\u{1}é😀\t");
        assert_eq!(out, "\"a\\\"b\\\\c\\nd\\u0001é😀\\t\"");
    }
}
