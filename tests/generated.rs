//! The generated files (src/generated.rs lists them) must match the model.
fn committed(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default()
}

#[test]
fn committed_generated_files_match_the_model() {
    for (path, text) in haptik_webhook::generated::files() {
        assert!(
            committed(path) == text,
            "{path} is out of date: run `cargo run --example generate`"
        );
    }
}

/// Each variant of a union has an object of its own: the TypeScript interface of a variant
/// carries its tag as a literal, so two tags cannot share one (found by
/// tests/node/adding-an-event.test.mjs, whose first try reused `MESSAGE_EVENT`).
#[test]
fn every_variant_has_its_own_object() {
    use haptik_webhook::model::{EVENT, HSL_ELEMENT};
    for union in [&EVENT, &HSL_ELEMENT] {
        for (i, a) in union.variants.iter().enumerate() {
            for b in union.variants.iter().skip(i + 1) {
                assert!(
                    !std::ptr::eq(a.object, b.object) && a.object.name != b.object.name,
                    "{} and {} share the object {}: give each variant its own",
                    a.tag,
                    b.tag,
                    a.object.name
                );
            }
        }
    }
}
