//! The generated TypeScript types, constants and JSON Schema must match the model.
use haptik_webhook::{json_schema, rust_types, typescript};

fn committed(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default()
}

#[test]
fn committed_generated_files_match_the_model() {
    for (path, text) in [
        ("pkg-template/model.d.ts", typescript::declarations()),
        ("pkg-template/src/constants.js", typescript::constants_js()),
        ("pkg-template/schema.json", json_schema::document()),
        ("src/event.rs", rust_types::module()),
    ] {
        assert!(
            committed(path) == text,
            "{path} is out of date: run `cargo run --example generate`"
        );
    }
}
