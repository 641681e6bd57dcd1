//! Runs every file kept under tests/fuzz-corpus/ (the minimised fuzz corpora, the hand-written
//! seeds and any crash the fuzzers found) through every fuzz invariant: the strict validator,
//! the lenient one (which must agree with strict wherever strict reads the input) and the
//! signature check. The fuzzers themselves live in fuzz/ (see the README, "Hostile input"); this is
//! what `cargo test` runs of them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

#[path = "../fuzz/invariants.rs"]
mod invariants;

use haptik_webhook::{Normalised, Segment};
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
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus"),
        &mut out,
    );
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
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
            failed.push(format!("{}: {}", path.display(), msg.unwrap_or_default()));
        }
    }
    assert!(
        failed.is_empty(),
        "{} corpus file(s) broke an invariant:\n{}",
        failed.len(),
        failed.join("\n")
    );
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
    for distinct in [
        r#""\ud800":1,"\udc00":2"#,
        r#""\ud800":1,"\ufffd":2"#,
        r#""\ud800":1,"�":2"#,
    ] {
        assert_eq!(
            error_codes(format!("{{{event},{distinct}}}").as_bytes()),
            Vec::<&str>::new(),
            "{distinct}"
        );
    }
    for same in [r#""\ud800":1,"\uD800":2"#, r#""é":1,"\u00e9":2"#, r#""a":1,"\u0061":2"#] {
        assert_eq!(
            error_codes(format!("{{{event},{same}}}").as_bytes()),
            ["duplicate_key"],
            "{same}"
        );
    }
    // The same beyond 33 keys, where duplicates are found by sorting when the object ends.
    let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
    let many = many.join(",");
    let distinct = format!("{{{event},{many},\"\\ud800\":1,\"\\udc00\":2}}");
    assert_eq!(error_codes(distinct.as_bytes()), Vec::<&str>::new());
    let same = format!("{{{event},{many},\"\\ud800\":1,\"\\uD800\":2}}");
    assert_eq!(error_codes(same.as_bytes()), ["duplicate_key"]);
}

/// Regressions: line/column of each issue were found by rescanning the input from its start
/// (quadratic: 40 000 duplicate keys took 12 s in wasm), and every issue was kept (a 1 MiB body
/// of 500 000 wrong items took 400 MB of wasm memory). Now at most MAX_ISSUES are listed, the
/// first ones, each at its exact position, the last saying there are more.
#[test]
fn many_issues_are_capped_and_located() {
    use haptik_webhook::validate::MAX_ISSUES;
    let n = 20_000;
    let body = vec!["\"a\":1"; n];
    let text = format!("{{\"event_name\":\"x_unknown\",\n{}}}", body.join(",\n"));
    let report = haptik_webhook::validate(text.as_bytes(), &haptik_webhook::Options::default());
    assert_eq!(report.errors.len(), MAX_ISSUES);
    for (i, e) in report.errors.iter().enumerate() {
        assert_eq!(e.code.as_str(), "duplicate_key");
        assert_eq!((e.line, e.column), (Some(i as u32 + 3), Some(1)));
    }
    assert!(report.errors[MAX_ISSUES - 1]
        .message
        .ends_with("(only the first 100 errors are listed; there are more)"));
    assert!(!report.errors[MAX_ISSUES - 2].message.contains("listed"));
    // Exactly MAX_ISSUES: all listed, no note.
    let body = vec!["\"a\":1"; MAX_ISSUES + 1];
    let text = format!("{{\"event_name\":\"x_unknown\",{}}}", body.join(","));
    let report = haptik_webhook::validate(text.as_bytes(), &haptik_webhook::Options::default());
    assert_eq!(report.errors.len(), MAX_ISSUES);
    assert!(report.errors.iter().all(|e| !e.message.contains("listed")));
    // Warnings too (lenient comments here), and patches are never dropped.
    let items: Vec<String> = (0..500).map(|_| "12345678901234567890 // c\n".to_string()).collect();
    let text = format!("{{\"event_name\":\"x_unknown\",\"a\":[{}]}}", items.join(","));
    let report = haptik_webhook::validate(
        text.as_bytes(),
        &haptik_webhook::Options {
            lenient: true,
            ..Default::default()
        },
    );
    assert!(report.errors.is_empty());
    assert_eq!(report.warnings.len(), MAX_ISSUES);
    assert_eq!(report.patches.len(), 500);
    assert_eq!(report.blanks.len(), 500);
}

/// Regression: a message body holding an HSL element serialised as a JSON string was decoded
/// with every lone surrogate turned into U+FFFD, so the patched element lost what
/// `JSON.parse(JSON.parse(raw).message.body)` keeps. The element is checked with the surrogate
/// kept (as an escape), and the patch now says "parse the string there", so nothing is copied
/// and nothing can be lost (tests/node/core.test.mjs checks the value JS gets).
#[test]
fn lone_surrogate_in_a_serialised_element_is_kept() {
    let event = |body: &str| {
        format!(
            r#"{{"version":"1.0","timestamp":"t","business_id":1,"business_name":"b","event_name":"message","user":{{"auth_id":"a","device_platform":1,"device_platform_name":"p","user_name":"u","user_id":"1"}},"agent":{{"id":1,"name":"n","profile_image":"","is_automated":true,"email":null}},"message":{{"id":1,"body":{body}}}}}"#
        )
    };
    let report = |body: &str| haptik_webhook::validate(event(body).as_bytes(), &haptik_webhook::Options::default());
    // In the inner string: a valid element.
    let r = report(r#""{\"type\":\"TEXT\",\"text\":\"a\ud800b\",\"data\":{\"quick_replies\":[]}}""#);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let body = [Segment::Key("message".into()), Segment::Key("body".into())];
    let patch = r.patches.iter().find(|p| p.path == body).map(|p| &p.value);
    assert_eq!(patch, Some(&Normalised::ParsedJson));
    // Outside an inner string, or right after a backslash: not JSON, as JSON.parse would say.
    for bad in [
        r#""{\"type\":\ud800}""#,
        r#""{\"type\":\"TEXT\",\"text\":\"a\\\ud800\"}""#,
    ] {
        let r = report(bad);
        assert_eq!(
            r.errors.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(),
            ["invalid_value"],
            "{bad}"
        );
    }
}
