//! Times the Rust core natively on a payload file:
//! `cargo run --release --example native_speed -- FILE` (`validate`), or with `MODE=js` what
//! the wasm export runs (`validate::summarise`: the quick pass, else the full pass), with `MODE=quick` the quick pass alone (`walk::quick`), with `MODE=serde_walk` the same check driven by serde_json (serde_walk.rs: a floor for a serde-based walker), or with `MODE=full` the full pass alone (`validate::validate_in_full`), or with `MODE=serde_syntax` / `MODE=serde_value` serde_json reading the same bytes (into `IgnoredAny` / a `Value`), or with `MODE=typed` the typed Rust API (`parse_event`). `N` sets the number of calls. A quick check of the core alone (and a target for
//! `valgrind --tool=callgrind`); the real benchmark is `npm run bench`.
mod serde_walk;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/message_text.json".into());
    let bytes = std::fs::read(&path).unwrap_or_default();
    let text = std::str::from_utf8(&bytes).unwrap_or_default();
    let options = haptik_webhook::Options {
        trusted_utf8: true,
        ..Default::default()
    };
    let n: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let mode = std::env::var("MODE").unwrap_or_default();
    let mut valid = 0;
    let start = std::time::Instant::now();
    for _ in 0..n {
        valid += if mode == "js" {
            match haptik_webhook::validate::summarise(std::hint::black_box(&bytes), &options) {
                haptik_webhook::validate::Summary::CleanKnown(_)
                | haptik_webhook::validate::Summary::CleanUnknown(_) => 1,
                haptik_webhook::validate::Summary::Report(r) => usize::from(r.is_valid()),
            }
        } else if mode == "quick" {
            usize::from(haptik_webhook::walk::quick(std::hint::black_box(&bytes), &options).is_some())
        } else if mode == "serde_walk" {
            // The same check driven by serde_json's Deserializer (serde_walk.rs): a floor.
            usize::from(serde_walk::check(std::hint::black_box(text)).is_some())
        } else if mode == "serde_syntax" {
            // serde_json reading the same bytes and keeping nothing: the least a serde_json-based
            // validator would cost before checking a single field (BENCHMARKS.md, "The JSON reader").
            usize::from(serde_json::from_slice::<serde::de::IgnoredAny>(std::hint::black_box(&bytes)).is_ok())
        } else if mode == "serde_value" {
            usize::from(serde_json::from_slice::<serde_json::Value>(std::hint::black_box(&bytes)).is_ok())
        } else if mode == "typed" {
            // The typed Rust API: the check, then serde_json and serde derive build the `Event`.
            usize::from(haptik_webhook::parse_event(std::hint::black_box(&bytes)).is_ok())
        } else if mode == "full" {
            usize::from(haptik_webhook::validate::validate_in_full(std::hint::black_box(&bytes), &options).is_valid())
        } else {
            usize::from(haptik_webhook::validate(std::hint::black_box(&bytes), &options).is_valid())
        };
    }
    let per = start.elapsed().as_nanos() as f64 / n as f64;
    println!(
        "{} bytes: {per:.0} ns per call ({:.0} MB/s), valid {valid}/{n}",
        bytes.len(),
        bytes.len() as f64 / per * 1000.0
    );
}
