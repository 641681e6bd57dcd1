//! Validation as the rest of the crate asks for it: the walker's quick pass first (a clean
//! event needs no report), the full pass when it gives up (src/walk/).

use crate::model::EVENT;
use crate::report::Report;
use crate::walk::{self, Clean};

pub use crate::options::{Options, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, MAX_DEPTH_CAP};
pub use crate::walk::{MAX_ISSUES, MAX_PATCHES};

/// Validates a raw webhook body against the model: every problem, and the normalisations its
/// parsed value needs.
pub fn validate(input: &[u8], options: &Options) -> Report {
    match summarise(input, options) {
        Summary::CleanKnown(event) => Report {
            event_name: EVENT.variants.get(event).map(|v| v.tag.to_string()),
            ..Report::default()
        },
        Summary::CleanUnknown(name) => Report {
            event_name: Some(name),
            ..Report::default()
        },
        Summary::Report(report) => report,
    }
}

/// Validates a raw webhook body with the full pass alone: what [`validate`] does when the
/// payload is not a clean event (and what tests compare the quick pass with).
pub fn validate_in_full(input: &[u8], options: &Options) -> Report {
    walk::full(input, options)
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

/// Validates `input`: the quick pass first (a clean event costs no report), else the full
/// pass, whose report is summarised when there is nothing in it.
pub fn summarise(input: &[u8], options: &Options) -> Summary {
    let options = &utf8_checked_once(input, options);
    // A body that is not UTF-8 (or is too large to read) goes straight to the full pass, which
    // reports it.
    let clean = if options.trusted_utf8 {
        walk::quick(input, options)
    } else {
        None
    };
    match clean {
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

/// `options`, with the input trusted to be UTF-8 once one check shows it, so that the quick
/// pass and the full pass after it do not both check it (a body over `max_bytes` is not read).
fn utf8_checked_once(input: &[u8], options: &Options) -> Options {
    let trusted_utf8 =
        options.trusted_utf8 || (input.len() <= options.max_bytes && core::str::from_utf8(input).is_ok());
    Options {
        trusted_utf8,
        ..options.clone()
    }
}
