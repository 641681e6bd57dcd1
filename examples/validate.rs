//! Prints the validation report of a payload file as JSON: `cargo run --example validate -- FILE [--lenient]`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lenient = args.iter().any(|a| a == "--lenient");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: validate FILE [--lenient]");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let options = haptik_webhook::Options {
        lenient,
        ..Default::default()
    };
    println!("{}", haptik_webhook::validate(&bytes, &options).to_json());
}
