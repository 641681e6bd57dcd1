//! The typed Rust API: a raw body in, an [`Event`] (or the [`Report`] of what is wrong) out.
//!
//! Validation runs first (every problem, with its place); a valid body is then read with
//! serde_json, its loose forms normalised by the report's patches, into the generated types.

use crate::event::Event;
use crate::issue::{Code, Issue};
use crate::options::Options;
use crate::report::{Normalised, Report, Segment};
use crate::signature::{verify, Verdict};
use crate::validate::validate;
use serde::Deserialize;
use serde_json::Value;

/// Parses and validates a webhook body with the default [`Options`] (strict JSON, at most
/// 1 MiB, 64 levels deep). An unknown `event_name` or HSL type is an `Unknown` variant, never an
/// error; `Err` carries every error found (and the warnings).
pub fn parse_event(input: &[u8]) -> Result<Event, Report> {
    parse_event_with(input, &Options::default())
}

/// [`parse_event`] with options (e.g. `lenient` for the documentation's commented examples).
pub fn parse_event_with(input: &[u8], options: &Options) -> Result<Event, Report> {
    let report = validate(input, options);
    if !report.is_valid() {
        return Err(report);
    }
    match typed(input, &report) {
        Ok(event) => Ok(event),
        Err(issue) => Err(Report {
            errors: vec![*issue],
            ..report
        }),
    }
}

/// Every problem of a body, without building the event (the default [`Options`]).
pub fn validate_event(input: &[u8]) -> Report {
    validate(input, &Options::default())
}

/// The normalised value of a valid body, as the typed model.
fn typed(input: &[u8], report: &Report) -> Result<Event, Box<Issue>> {
    let mut value: Value = serde_json::from_slice(&report.strict_json(input)).map_err(not_representable)?;
    for patch in &report.patches {
        let slot = patch.path.iter().try_fold(&mut value, |at, step| match (at, step) {
            (Value::Object(map), Segment::Key(key)) => map.get_mut(key.as_str()),
            (Value::Array(items), Segment::Index(i)) => items.get_mut(*i as usize),
            _ => None,
        });
        let Some(slot) = slot else {
            return Err(internal(format_args!("no value at the patch path {:?}", patch.path)));
        };
        *slot = normalised(&patch.value, slot.take()).map_err(internal)?;
    }
    Event::deserialize(value).map_err(internal)
}

/// What a patch makes of the value `old` (see [`Normalised`]).
fn normalised(to: &Normalised, old: Value) -> Result<Value, serde_json::Error> {
    Ok(match (to, old) {
        (Normalised::Number { text }, _) => Value::Number(text.parse()?),
        (Normalised::Boolean { value }, _) => Value::Bool(*value),
        (Normalised::String { value }, _) => Value::String(value.clone()),
        (Normalised::TextElement, text) => serde_json::json!({ "type": "TEXT", "text": text, "data": { "quick_replies": [] } }),
        (Normalised::ParsedJson, Value::String(text)) => serde_json::from_str(&text)?,
        (Normalised::ParsedJson, other) => {
            return Err(serde::de::Error::custom(format_args!("a serialised element is not a string: {other}")))
        }
    })
}

/// serde_json refuses what a Rust `String` cannot hold (a lone surrogate such as `"\ud800"`),
/// which JSON and the validator allow.
fn not_representable(e: serde_json::Error) -> Box<Issue> {
    let mut issue = Issue::new(
        Code::InvalidEncoding,
        String::new(),
        format!("the payload cannot be held in Rust strings: {e}"),
    );
    issue.line = u32::try_from(e.line()).ok();
    issue.column = u32::try_from(e.column()).ok();
    Box::new(issue)
}

/// A valid body the typed model refuses: a bug of this crate, reported instead of hidden.
fn internal(e: impl std::fmt::Display) -> Box<Issue> {
    Box::new(Issue::new(
        Code::Internal,
        String::new(),
        format!("haptik-webhook internal error: a valid payload did not fit the typed model ({e})"),
    ))
}

/// Why [`verify_and_parse`] refused a delivery.
#[derive(Clone, Debug, PartialEq)]
pub enum WebhookError {
    /// The `X-Hub-Signature` did not verify: answer 401; the verdict says why.
    Signature(Verdict),
    /// Signed, but not a valid payload: every error (and warning) found.
    Payload(Report),
}

impl std::fmt::Display for WebhookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WebhookError::Signature(verdict) => write!(f, "invalid signature: {}", verdict.message),
            WebhookError::Payload(report) => match report.errors.first() {
                Some(first) => write!(
                    f,
                    "invalid Haptik webhook ({} errors): {}",
                    report.errors.len(),
                    first.message
                ),
                None => f.write_str("invalid Haptik webhook"),
            },
        }
    }
}

impl std::error::Error for WebhookError {}

/// The signature check and [`parse_event`] in one call, as a webhook endpoint needs them:
/// `header` is the `X-Hub-Signature` value, `secrets` one secret or several (during a rotation).
/// The signature is checked over the exact bytes first; the payload is read only when it holds.
pub fn verify_and_parse(body: &[u8], header: Option<&str>, secrets: &[&str]) -> Result<Event, WebhookError> {
    let verdict = verify(body, header, secrets);
    if !verdict.valid {
        return Err(WebhookError::Signature(verdict));
    }
    parse_event(body).map_err(WebhookError::Payload)
}
