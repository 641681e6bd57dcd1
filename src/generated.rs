//! Every file generated from the model, listed once: `cargo run --example generate` writes
//! them and tests/generated.rs fails when a committed copy differs from what this produces.

use crate::{json_schema, openapi, rust_types, typescript};

/// `(path from the repository root, contents)` of each generated file.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("pkg-template/model.d.ts", typescript::declarations()),
        ("pkg-template/src/constants.js", typescript::constants_js()),
        ("pkg-template/src/json-schemas.js", json_schema::js_module()),
        ("pkg-template/schema.json", json_schema::document()),
        ("pkg-template/openapi.json", openapi::document()),
        ("src/event.rs", rust_types::module()),
    ]
}
