//! The one walker of the model: reads a payload once against `src/model.rs`, in one of two
//! modes compiled from this one source (`const FULL: bool`).
//!
//! - The **quick** mode answers "is this a known event with nothing to report?" (or an unknown
//!   one, kept whole). It keeps no path, makes no message and allocates nothing in the usual
//!   case; at the first finding (an error, a warning, a normalisation) or syntax error it gives
//!   up, and the full mode decides. Most webhooks are clean: for them this is the whole
//!   validation.
//! - The **full** mode records every finding with its JSON Pointer, message and place. One issue
//!   per real problem: a value of the wrong type is reported once and not descended into.
//!
//! Every place that finds something calls `Walker::full_only` (or goes through a helper that
//! does) before recording it: in the quick mode that is where the walk stops, so the two modes
//! cannot disagree about what is clean. Keys are guessed from the field order of the payloads
//! before (src/field_order.rs) and compared in place before they are scanned.
//!
//! Files: this one (the two entry points, and what the full mode makes of its findings),
//! `walker.rs` (the walk), `findings.rs` (how the full mode records what it finds), `text.rs`
//! (how findings are worded).

mod findings;
mod text;
mod walker;

use crate::issue::{Code, Issue};
use crate::json::Fatal;
use crate::model::ROOT;
use crate::options::{Options, MAX_DEPTH_CAP};
use crate::report::Report;
pub use text::expected;
use walker::{Event, Walker};

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

/// At most this many steps (keys and indices) in the paths of a payload's patches, for the same
/// reason: 1 000 patches 250 levels deep (maxDepth allows 256) would hold some 12 MB of paths;
/// this bound (1 000 patches at the default depth limit) keeps them to about 3 MB.
pub const MAX_PATCH_STEPS: usize = 65_536;

/// Unknown keys of one object checked for near misses of its fields (the first ones).
const MAX_TYPO_CHECKS: usize = 32;

/// Unknown keys of one object checked for duplicates as they come (each against those before
/// it); the others are checked when the object ends, by sorting (see `Walker::late_duplicates`).
const CHECKED_AS_THEY_COME: usize = MAX_TYPO_CHECKS + 1;

/// A payload the quick mode found nothing to report in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clean {
    /// A known, non-deprecated event: its index in `model::EVENT.variants`.
    Known(usize),
    /// An event the model does not know, kept whole: its name (not a near miss of a known one).
    Unknown(String),
}

/// The quick mode: `Some` when the payload is an event with nothing to report (no error, no
/// warning, nothing to normalise); `None` when the full mode must decide.
pub fn quick(input: &[u8], options: &Options) -> Option<Clean> {
    if input.len() > options.max_bytes || (!options.trusted_utf8 && core::str::from_utf8(input).is_err()) {
        return None;
    }
    let mut found = Report::default();
    // Strict even in lenient mode: a comment or trailing comma is a warning, the full mode's.
    let mut w: Walker<'_, '_, false> = Walker::new(input, false, options.max_depth.min(MAX_DEPTH_CAP), &mut found);
    w.value(&ROOT).ok()?;
    w.r.finish().ok()?;
    match w.event? {
        Event::Known(index) => Some(Clean::Known(index)),
        Event::Unknown(name) => Some(Clean::Unknown(name.decode())),
    }
}

/// The full mode: every problem of a raw webhook body, and the normalisations its parsed value
/// needs.
pub fn full(input: &[u8], options: &Options) -> Report {
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
    let body_start = if input.starts_with(BOM) { BOM.len() } else { 0 };
    if body_start > 0 {
        report.blanks.push((0, BOM.len()));
        let mut issue = Issue::new(
            Code::ByteOrderMark,
            String::new(),
            "a UTF-8 byte-order mark precedes the JSON; ignored".into(),
        );
        issue.offset = Some(0);
        report.warnings.push(issue);
    }
    let mut w: Walker<'_, '_, true> = Walker::new(input, options.lenient, max_depth, &mut report);
    w.r.pos = body_start;
    let outcome = w.value(&ROOT).and_then(|()| w.r.finish());
    let notes = std::mem::take(&mut w.r.notes);
    let blanks = std::mem::take(&mut w.r.blanks);
    let too_many_patches = w.too_many_patches;
    let outcome = outcome.and_then(|()| {
        if too_many_patches {
            Err(Box::new(Fatal {
                code: Code::TooLarge,
                message: format!(
                    "the payload needs more than {MAX_PATCHES} normalisations (such as integers beyond 2^53 kept exact), or their paths more than {MAX_PATCH_STEPS} steps in all: more than is kept in memory"
                ),
                offset: 0,
            }))
        } else {
            Ok(())
        }
    });
    // Where the walk stopped, for a fatal problem's path.
    let pointer = if outcome.is_err() { w.pointer() } else { String::new() };
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
                let body = input.get(body_start..).unwrap_or_default();
                if let Err(syntax) = crate::json::check_syntax(body, options.lenient) {
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
            let path = if fatal.code == Code::Syntax {
                String::new()
            } else {
                pointer
            };
            let mut issue = Issue::new(fatal.code, path, fatal.message);
            issue.offset = Some(fatal.offset as u32);
            report.errors.push(issue);
        }
    }
    // Document order, for people reading the list beside the payload.
    crate::sort::stable_by_key(&mut report.errors, |i| i.offset);
    crate::sort::stable_by_key(&mut report.warnings, |i| i.offset);
    cap_issues(&mut report.errors, "errors");
    cap_issues(&mut report.warnings, "warnings");
    report.locate(input);
    report
}

/// Adds `issue` unless the list already holds more than [`MAX_ISSUES`] (one more than listed:
/// how [`cap_issues`] knows some were left out).
pub(super) fn push_capped(list: &mut Vec<Issue>, issue: Issue) {
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
