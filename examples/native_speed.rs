//! Times `validate` natively on a payload file: `cargo run --release --example native_speed -- FILE`.
//! A quick check of the Rust core alone; the real benchmark is `npm run bench`.
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/fixtures/message_text.json".into());
    let bytes = std::fs::read(&path).unwrap_or_default();
    let options = haptik_webhook::Options {
        trusted_utf8: true,
        ..Default::default()
    };
    let n: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let mut valid = 0;
    let start = std::time::Instant::now();
    for _ in 0..n {
        valid += usize::from(haptik_webhook::validate(std::hint::black_box(&bytes), &options).is_valid());
    }
    let per = start.elapsed().as_nanos() as f64 / n as f64;
    println!(
        "{} bytes: {per:.0} ns per validate ({:.0} MB/s), valid {valid}/{n}",
        bytes.len(),
        bytes.len() as f64 / per * 1000.0
    );
}
