//! Every file generated from the model, listed once: `cargo run --example generate` writes
//! them and tests/generated.rs fails when a committed copy differs from what this produces.
//! They all live in `generated/`, laid out as in the npm package (scripts/build.sh copies the
//! folder over pkg-template/'s hand-written files); `generated/event.rs` is this crate's
//! `event` module.

use crate::{js_model, json_schema, openapi, rust_types, typescript};

/// `(path from the repository root, contents)` of each generated file.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("generated/model.d.ts", typescript::declarations()),
        ("generated/src/constants.js", typescript::constants_js()),
        ("generated/src/json-schemas.js", json_schema::js_module()),
        ("generated/src/model-table.js", js_model::module()),
        ("generated/schema.json", json_schema::document()),
        ("generated/openapi.json", openapi::document()),
        ("generated/event.rs", rust_types::module()),
    ]
}
