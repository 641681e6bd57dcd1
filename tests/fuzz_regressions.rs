//! Runs every file kept under tests/fuzz-corpus/ (the minimised fuzz corpora, the hand-written
//! seeds and any crash the fuzzers found) through every fuzz invariant: the strict validator,
//! the lenient one (which must agree with strict wherever strict reads the input) and the
//! signature check. The fuzzers themselves live in fuzz/ (see docs/hostile-input.md); this is
//! what `cargo test` runs of them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

#[path = "../fuzz/invariants.rs"]
mod invariants;

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn corpus() -> Vec<PathBuf> {
    let mut out = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus"), &mut out);
    out.sort();
    out
}

#[test]
fn every_corpus_file_keeps_every_invariant() {
    let all = corpus();
    assert!(all.len() >= 20, "the kept corpus is missing ({} files)", all.len());
    let mut failed = Vec::new();
    for path in &all {
        let data = std::fs::read(path).unwrap();
        let outcome = std::panic::catch_unwind(|| invariants::check_all(&data));
        if let Err(e) = outcome {
            let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
            failed.push(format!("{}: {}", path.display(), msg.unwrap_or_default()));
        }
    }
    assert!(failed.is_empty(), "{} corpus file(s) broke an invariant:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn each_target_has_its_minimised_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    for target in ["strict", "lenient", "signature"] {
        let n = std::fs::read_dir(root.join(target)).map(|d| d.count()).unwrap_or(0);
        assert!(n > 0, "tests/fuzz-corpus/{target} is empty or missing");
    }
}

fn error_codes(input: &[u8]) -> Vec<&'static str> {
    let report = haptik_webhook::validate(input, &haptik_webhook::Options::default());
    report.errors.iter().map(|e| e.code.as_str()).collect()
}

/// Regression: keys were compared after `decode`, which maps every lone surrogate to U+FFFD, so
/// `"\ud800"` and `"\udc00"` (two keys in JavaScript) were reported as a duplicate.
#[test]
fn lone_surrogate_keys_are_compared_exactly() {
    let event = r#""event_name":"x_unknown""#;
    for distinct in [r#""\ud800":1,"\udc00":2"#, r#""\ud800":1,"\ufffd":2"#, r#""\ud800":1,"�":2"#] {
        assert_eq!(error_codes(format!("{{{event},{distinct}}}").as_bytes()), Vec::<&str>::new(), "{distinct}");
    }
    for same in [r#""\ud800":1,"\uD800":2"#, r#""é":1,"\u00e9":2"#, r#""a":1,"\u0061":2"#] {
        assert_eq!(error_codes(format!("{{{event},{same}}}").as_bytes()), ["duplicate_key"], "{same}");
    }
    // The same beyond 32 keys, where the duplicate check switches to a hash set.
    let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
    let many = many.join(",");
    let distinct = format!("{{{event},{many},\"\\ud800\":1,\"\\udc00\":2}}");
    assert_eq!(error_codes(distinct.as_bytes()), Vec::<&str>::new());
    let same = format!("{{{event},{many},\"\\ud800\":1,\"\\uD800\":2}}");
    assert_eq!(error_codes(same.as_bytes()), ["duplicate_key"]);
}

/// Regression: line/column of each issue were found by rescanning the input from its start
/// (quadratic: 40 000 duplicate keys took 12 s in wasm). Positions must still be exact.
#[test]
fn many_issues_are_each_located() {
    let n = 20_000;
    let body: Vec<&str> = std::iter::repeat("\"a\":1").take(n).collect();
    let text = format!("{{\"event_name\":\"x_unknown\",\n{}}}", body.join(",\n"));
    let report = haptik_webhook::validate(text.as_bytes(), &haptik_webhook::Options::default());
    assert_eq!(report.errors.len(), n - 1);
    for (i, e) in report.errors.iter().enumerate() {
        assert_eq!((e.line, e.column), (Some(i as u32 + 3), Some(1)));
    }
}

/// Regression: a message body holding an HSL element serialised as a JSON string was decoded
/// with every lone surrogate turned into U+FFFD, so the patched element lost what
/// `JSON.parse(JSON.parse(raw).message.body)` keeps. Now the patch keeps it as an escape.
#[test]
fn lone_surrogate_in_a_serialised_element_is_kept() {
    let event = |body: &str| {
        format!(
            r#"{{"version":"1.0","timestamp":"t","business_id":1,"business_name":"b","event_name":"message","user":{{"auth_id":"a","device_platform":1,"device_platform_name":"p","user_name":"u","user_id":"1"}},"agent":{{"id":1,"name":"n","profile_image":"","is_automated":true,"email":null}},"message":{{"id":1,"body":{body}}}}}"#
        )
    };
    let report = |body: &str| haptik_webhook::validate(event(body).as_bytes(), &haptik_webhook::Options::default());
    // In the inner string: kept as the escape (JSON for exactly that surrogate).
    let r = report(r#""{\"type\":\"TEXT\",\"text\":\"a\ud800b\",\"data\":{\"quick_replies\":[]}}""#);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let patch = r.patches.iter().find(|p| p.path == ["message", "body"]).map(|p| p.value.as_str());
    assert_eq!(patch, Some(r#"{"type":"TEXT","text":"a\ud800b","data":{"quick_replies":[]}}"#));
    // Outside an inner string, or right after a backslash: not JSON, as JSON.parse would say.
    for bad in [r#""{\"type\":\ud800}""#, r#""{\"type\":\"TEXT\",\"text\":\"a\\\ud800\"}""#] {
        let r = report(bad);
        assert_eq!(r.errors.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), ["invalid_value"], "{bad}");
    }
}
