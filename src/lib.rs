//! Typed, validated Haptik webhooks.
//!
//! For a Rust service, three calls: [`verify_and_parse`] (signature and payload, what an endpoint
//! needs), [`parse_event`] (a body into the typed [`Event`]) and [`validate_event`] (every
//! problem as a [`Report`]: errors and warnings, each with its JSON Pointer, line and column).
//!
//! ```
//! use haptik_webhook::{parse_event, Event, HslElement};
//!
//! let body = br#"{"version": "1.0", "timestamp": "2019-07-03T11:42:44.077Z", "business_id": "343",
//!   "event_name": "message", "user": {"auth_id": "u-1"},
//!   "message": {"id": 9007199254740993, "body": "Your ticket is 44817."}}"#;
//! match parse_event(body) {
//!     Ok(Event::Message(m)) => {
//!         assert_eq!(m.business_id.as_u64(), Some(343)); // a numeric string, normalised
//!         assert_eq!(m.message.id.as_str(), "9007199254740993"); // exact beyond 2^53
//!         assert!(matches!(m.message.body, HslElement::Text(_))); // a plain-string body
//!     }
//!     Ok(other) => println!("{} event", other.event_name()),
//!     Err(report) => eprintln!("{} errors, first: {}", report.errors.len(), report.errors[0].message),
//! }
//! ```
//!
//! The model lives in [`model`] as data, the one source of the typed Rust types ([`event`], generated),
//! the TypeScript types and the JSON Schema. [`validate()`] reads a raw body once against it (the
//! one walker, [`walk`], in its quick mode and, when that finds something, its full mode); the
//! report's patches are the lossless normalisations a consumer applies to the parsed value.
//! Nothing here knows about JavaScript; `wasm.rs` is the thin layer the npm package calls.

// Generated (src/rust_types.rs): formatted by its generator, which tests/generated.rs compares it with.
#[rustfmt::skip]
// Generated from the model (src/rust_types.rs); kept with the other generated files.
#[path = "../generated/event.rs"]
pub mod event;
pub mod delivery;
mod event_support;
mod field_order;
pub mod generated;
pub mod issue;
pub mod js_model;
pub mod json;
pub mod json_schema;
pub mod model;
pub mod openapi;
pub mod options;
mod parse;
pub mod report;
pub mod rust_types;
pub mod signature;
mod sort;
pub mod suggest;
pub mod typescript;
pub mod validate;
pub mod walk;

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
mod wasm_signature;

pub use event::{Event, HslElement};
pub use event_support::{Id, NumberOrString, ObjectOrText};
pub use issue::{Code, Issue};
pub use options::Options;
pub use parse::{parse_event, parse_event_with, validate_event, verify_and_parse, WebhookError};
pub use report::{Normalised, Patch, Report, Segment};
pub use validate::validate;
