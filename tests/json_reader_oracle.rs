//! serde_json is the differential oracle of the hand-written JSON reader (src/json.rs, kept for
//! speed: BENCHMARKS.md, "The JSON reader"). On every file of JSONTestSuite and of the fuzz
//! corpus, the reader accepts exactly the texts `serde_json::from_slice::<Value>` accepts, but for
//! the differences the design chooses (`invariants::Chosen`: lone surrogates kept, duplicate keys
//! refused, a byte-order mark ignored). The strict fuzz target checks the same on every input.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

#[path = "../fuzz/invariants.rs"]
mod invariants;

use invariants::{compare_with_serde_json, Chosen};
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

#[test]
fn the_reader_accepts_what_serde_json_accepts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("tests/JSONTestSuite/test_parsing"), &mut all);
    files(&root.join("tests/fuzz-corpus/strict"), &mut all);
    files(&root.join("tests/fuzz-corpus/seeds"), &mut all);
    all.sort();
    assert!(all.len() > 500, "{} files", all.len());
    let mut agreed = 0;
    let mut chosen = Vec::new();
    let mut disagreements = Vec::new();
    for path in &all {
        let bytes = std::fs::read(path).unwrap_or_default();
        match compare_with_serde_json(&bytes) {
            Ok(found) if found.is_empty() => agreed += 1,
            Ok(found) => chosen.extend(found),
            Err(why) => disagreements.push(format!("{}: {why}", path.strip_prefix(root).unwrap_or(path).display())),
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
    let count = |c: Chosen| chosen.iter().filter(|&&x| x == c).count();
    let (surrogates, duplicates, boms) = (
        count(Chosen::LoneSurrogate),
        count(Chosen::DuplicateKey),
        count(Chosen::ByteOrderMark),
    );
    assert!(
        surrogates > 0 && duplicates > 0 && boms > 0,
        "each chosen difference is exercised ({surrogates}, {duplicates}, {boms})"
    );
    assert!(agreed > all.len() * 9 / 10, "{agreed} of {} agree", all.len());
    println!("{agreed} agree; chosen differences: {surrogates} lone surrogates, {duplicates} duplicate keys, {boms} byte-order marks; of {}", all.len());
}
