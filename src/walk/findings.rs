//! How the full mode records what it finds: issues at the current path (their messages from
//! `text.rs`) and patches. Every one of these is reached past `Walker::full_only`, or passes it.

use super::text::{concat, shown};
use super::walker::{Seg, Step, Walker};
use super::{push_capped, MAX_PATCHES, MAX_PATCH_STEPS};
use crate::issue::{push_pointer_segment, Code, Issue};
use crate::json::{Failure, Kind};
use crate::report::{Normalised, Patch, Segment};

impl<'a, 'r, const FULL: bool> Walker<'a, 'r, FULL> {
    /// The current path as a JSON Pointer (for an issue), after the outer document's prefix.
    pub(super) fn pointer(&self) -> String {
        let mut p = String::with_capacity(64);
        p.push_str(self.prefix_pointer);
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

    /// The current path as a patch path: each key exactly (a lone surrogate included).
    pub(super) fn patch_path(&self) -> Vec<Segment> {
        let mut out = self.prefix_path.to_vec();
        out.extend(self.path.iter().map(|seg| match seg {
            Seg::Key(k) if !k.escaped => Segment::Key(String::from_utf8_lossy(k.raw).into_owned()),
            Seg::Key(k) => {
                let units = k.utf16();
                match String::from_utf16(&units) {
                    Ok(key) => Segment::Key(key),
                    Err(_) => Segment::KeyUnits(units),
                }
            }
            Seg::Index(i) => Segment::Index(u32::try_from(*i).unwrap_or(u32::MAX)),
        }));
        out
    }

    /// An issue at the current path; `message` is given the place for it: the path, or "the
    /// payload" at the root.
    pub(super) fn issue(&self, code: Code, at: usize, message: impl FnOnce(&str) -> String) -> Issue {
        let path = self.pointer();
        let message = message(if path.is_empty() { "the payload" } else { &path });
        let mut issue = Issue::new(code, path, message);
        issue.offset = Some(self.at_override.unwrap_or(at) as u32);
        issue
    }

    /// An issue at the member `name` of the object being read (a field it lacks, its union's
    /// tag), which the path does not hold: its path is the object's and `name`. Its message is
    /// the caller's, worded with that path. One copy out of line: these are rare.
    #[inline(never)]
    pub(super) fn issue_at_member(&self, name: &'static str, code: Code, at: usize) -> Issue {
        let mut issue = self.issue(code, at, |_| String::new());
        push_pointer_segment(&mut issue.path, name);
        issue
    }

    pub(super) fn error(&mut self, issue: Issue) {
        push_capped(&mut self.report.errors, issue);
    }

    /// A warning at the current path (the quick mode stops here).
    pub(super) fn warn(&mut self, code: Code, at: usize, message: impl FnOnce(&str) -> String) -> Step {
        self.full_only()?;
        let issue = self.issue(code, at, message);
        push_capped(&mut self.report.warnings, issue);
        Ok(())
    }

    pub(super) fn patch(&mut self, value: Normalised) {
        let depth = self.prefix_path.len() + self.path.len();
        if self.report.patches.len() >= MAX_PATCHES || self.patch_steps + depth > MAX_PATCH_STEPS {
            self.too_many_patches = true;
            return;
        }
        self.patch_steps += depth;
        let path = self.patch_path();
        self.report.patches.push(Patch { path, value });
    }

    /// A short rendering of the source from `at` to the reader's position.
    pub(super) fn received(&self, at: usize, kind: Kind) -> String {
        match kind {
            Kind::Object => "{…}".to_string(),
            Kind::Array => "[…]".to_string(),
            Kind::String | Kind::Number | Kind::Bool | Kind::Null => {
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
    pub(super) fn reject(
        &mut self,
        code: Code,
        at: usize,
        kind: Kind,
        expected: &str,
        found: impl FnOnce(&str) -> String,
    ) -> Step {
        self.full_only()?;
        let received = self.received(at, kind);
        let mut issue = self.issue(code, at, |place| {
            concat(&[place, " must be ", expected, ", but is ", &found(&received)])
        });
        issue.expected = Some(expected.to_string());
        issue.received = Some(shown(&received, kind));
        self.error(issue);
        Ok(())
    }

    /// The short rendering of the value that starts at `at` (already read past): re-reads it
    /// from there, for values found before the walker knew they were wrong (a union's tag).
    pub(super) fn received_at(&mut self, at: usize, kind: Kind) -> Result<String, Failure> {
        let (pos, depth) = (self.r.pos, self.r.depth);
        self.r.pos = at;
        let read = self.any(kind);
        let text = self.received(at, kind);
        self.r.pos = pos;
        self.r.depth = depth;
        read.map(|()| text)
    }

    /// Reports a value of the wrong kind (after consuming it: what is inside is still read as
    /// any value, so its integers beyond 2^53 are still said).
    pub(super) fn wrong_type(&mut self, expected: &str, kind: Kind, at: usize) -> Step {
        self.full_only()?;
        self.any(kind)?;
        self.reject(Code::InvalidType, at, kind, expected, |received| {
            if matches!(kind, Kind::Null) {
                kind.described().to_string()
            } else {
                concat(&[kind.described(), ": ", received])
            }
        })
    }

    /// An integer beyond 2^53 − 1 becomes its exact decimal string.
    pub(super) fn keep_exact(&mut self, digits: &[u8], at: usize) -> Step {
        self.full_only()?;
        let digits = String::from_utf8_lossy(digits).into_owned();
        self.patch(Normalised::String { value: digits.clone() });
        self.warn(Code::UnsafeInteger, at, |place| {
            format!("{place} is {digits}, beyond 2^53 − 1: kept exact as a string (JSON.parse would round it)")
        })
    }

    pub(super) fn duplicate(&mut self, at: usize) -> Step {
        self.full_only()?;
        let issue = self.issue(Code::DuplicateKey, at, |place| {
            format!("{place} appears more than once in its object; parsers disagree on which copy wins")
        });
        self.error(issue);
        Ok(())
    }
}
