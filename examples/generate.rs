//! Writes the files generated from the model (listed in src/generated.rs):
//! `cargo run --example generate`. tests/generated.rs fails when a committed copy is stale.

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (path, text) in haptik_webhook::generated::files() {
        let full = format!("{root}/{path}");
        if let Err(e) = std::fs::write(&full, text) {
            eprintln!("cannot write {full}: {e}");
            std::process::exit(1);
        }
    }
}
