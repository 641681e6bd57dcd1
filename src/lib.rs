//! Typed, validated Haptik webhooks.
//!
//! The model of every event lives in [`model`] as data; [`validate`] reads a raw body once
//! against it and returns a [`Report`]: every error and warning with its JSON Pointer, and the
//! lossless normalisations ("patches") a consumer applies to the parsed value. Nothing here
//! knows about JavaScript; `wasm.rs` is the thin layer the npm package calls.

pub mod fast;
pub mod issue;
pub mod json;
pub mod json_schema;
pub mod model;
pub mod report;
pub mod signature;
pub mod typescript;
pub mod validate;

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
mod wasm_signature;

pub use issue::{Code, Issue};
pub use report::{Patch, Report};
pub use validate::{validate, Options};
