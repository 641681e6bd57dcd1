//! serde_json is the differential oracle of the hand-written JSON reader (src/json.rs, kept for
//! speed: BENCHMARKS.md, "The JSON reader"). On every file of JSONTestSuite and of the fuzz
//! corpus, the reader accepts exactly the texts `serde_json::from_slice::<Value>` accepts, but for
//! the differences the design chooses, each checked here:
//! - a `\u` escape of a lone surrogate is valid JSON text, kept as `JSON.parse` keeps it
//!   (serde_json's `Value` cannot hold it in a Rust `String`);
//! - a duplicate key is the reader's `duplicate_key` error (serde_json keeps the last value);
//! - a UTF-8 byte-order mark before the text is ignored with a `byte_order_mark` warning
//!   (docs/hostile-input.md), where serde_json refuses it.
use haptik_webhook::{validate, Code, Options};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The reader's verdict on the text alone (not on the model): `Ok` or the code that refused it.
fn reader(bytes: &[u8]) -> Result<(), Code> {
    let options = Options {
        // serde_json's own recursion limit is 128 levels.
        max_depth: 128,
        max_bytes: usize::MAX,
        ..Default::default()
    };
    let report = validate(bytes, &options);
    let text_level = [
        Code::Syntax,
        Code::InvalidEncoding,
        Code::NumberOutOfRange,
        Code::TooDeep,
        Code::DuplicateKey,
    ];
    match report.errors.iter().find(|e| text_level.contains(&e.code)) {
        Some(e) => Err(e.code),
        None => Ok(()),
    }
}

#[test]
fn the_reader_accepts_what_serde_json_accepts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("tests/JSONTestSuite/test_parsing"), &mut all);
    files(&root.join("tests/fuzz-corpus/strict"), &mut all);
    files(&root.join("tests/fuzz-corpus/seeds"), &mut all);
    all.sort();
    assert!(all.len() > 500, "{} files", all.len());
    let (mut agreed, mut surrogates, mut duplicates, mut boms) = (0, 0, 0, 0);
    let mut disagreements = Vec::new();
    for path in &all {
        let bytes = std::fs::read(path).unwrap_or_default();
        let oracle = serde_json::from_slice::<serde_json::Value>(&bytes);
        let ours = reader(&bytes);
        let after_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&[]);
        match (&oracle, ours) {
            (Ok(_), Ok(())) => agreed += 1,
            (Err(_), Err(_)) => agreed += 1,
            // serde_json says "lone leading surrogate", or "unexpected end of hex escape" when a
            // high surrogate is not followed by a `\u` escape.
            (Err(e), Ok(())) if e.to_string().contains("surrogate") || e.to_string().contains("end of hex escape") => {
                surrogates += 1
            }
            (Err(_), Ok(())) if bytes.starts_with(b"\xEF\xBB\xBF") && reader(after_bom).is_ok() => {
                // The rest is judged on its own (it may hold a lone surrogate too).
                let rest = serde_json::from_slice::<serde_json::Value>(after_bom);
                match rest {
                    Ok(_) => boms += 1,
                    Err(e) if e.to_string().contains("surrogate") || e.to_string().contains("end of hex escape") => {
                        boms += 1;
                        surrogates += 1
                    }
                    Err(e) => disagreements.push(format!("{}: after the BOM serde_json says {e}", path.display())),
                }
            }
            (Ok(_), Err(Code::DuplicateKey)) => duplicates += 1,
            _ => disagreements.push(format!(
                "{}: serde_json {:?}, reader {:?}",
                path.strip_prefix(root).unwrap_or(path).display(),
                oracle.as_ref().map(|_| ()).map_err(|e| e.to_string()),
                ours
            )),
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    assert!(
        surrogates > 0 && duplicates > 0 && boms > 0,
        "each chosen difference is exercised ({surrogates}, {duplicates}, {boms})"
    );
    assert!(agreed > all.len() * 9 / 10, "{agreed} of {} agree", all.len());
    println!("{agreed} agree; chosen differences: {surrogates} lone surrogates, {duplicates} duplicate keys, {boms} byte-order marks; of {}", all.len());
}
