//! Writes the files generated from the model: `cargo run --example generate`.
//! tests/generated.rs fails when the committed copies differ from what this writes.
use haptik_webhook::{json_schema, rust_types, typescript};

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (path, text) in [
        ("pkg-template/model.d.ts", typescript::declarations()),
        ("pkg-template/src/constants.js", typescript::constants_js()),
        ("pkg-template/schema.json", json_schema::document()),
        ("src/event.rs", rust_types::module()),
    ] {
        let full = format!("{root}/{path}");
        if let Err(e) = std::fs::write(&full, text) {
            eprintln!("cannot write {full}: {e}");
            std::process::exit(1);
        }
    }
}
