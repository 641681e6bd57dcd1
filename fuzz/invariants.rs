//! The invariants the fuzz targets assert, shared with `tests/fuzz_regressions.rs` (which runs
//! the kept corpus through them on every `cargo test`). Each `check_*` function panics, with a
//! message naming the broken invariant, when the core misbehaves on `data`.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use haptik_webhook::walk::{quick, Clean};
use haptik_webhook::json::check_syntax;
use haptik_webhook::signature::{decode_digest, sign, verify, Algorithm};
use haptik_webhook::validate::validate_in_full;
use haptik_webhook::{validate, Code, Issue, Options, Report};

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn options(lenient: bool, trusted_utf8: bool) -> Options {
    Options {
        lenient,
        trusted_utf8,
        ..Options::default()
    }
}

fn fatal(code: Code) -> bool {
    matches!(
        code,
        Code::Syntax | Code::NumberOutOfRange | Code::TooDeep | Code::TooLarge
    )
}

/// Codes that are never errors (`unsafe_integer` is either: a warning for ids kept exact).
fn only_warning(code: Code) -> bool {
    matches!(
        code,
        Code::LooseType
            | Code::LegacyShape
            | Code::Deprecated
            | Code::Comment
            | Code::TrailingComma
            | Code::ByteOrderMark
            | Code::PossibleTypo
    )
}

fn has(report: &Report, code: Code) -> bool {
    report.errors.iter().any(|e| e.code == code)
}

/// An issue without its line and column (which blanking a multi-line comment may move).
fn unplaced(issues: &[Issue]) -> Vec<Issue> {
    issues
        .iter()
        .map(|i| Issue {
            line: None,
            column: None,
            ..i.clone()
        })
        .collect()
}

/// Validates `data` (twice: the verdict must be deterministic) and, when the bytes are UTF-8,
/// also with the "trusted UTF-8" flag the JS side sets for strings: the report must not change.
pub fn validated(data: &[u8], lenient: bool) -> Report {
    let report = validate(data, &options(lenient, false));
    assert_eq!(
        report,
        validate(data, &options(lenient, false)),
        "validate is not deterministic"
    );
    if core::str::from_utf8(data).is_ok() {
        assert_eq!(
            report,
            validate(data, &options(lenient, true)),
            "the trusted-UTF-8 path disagrees"
        );
    }
    report
}

/// What must hold of any report on `data`.
pub fn well_formed(report: &Report, data: &[u8], lenient: bool) {
    // Its JSON encoding (what JS parses) is strict JSON, and every number a patch sets is
    // written in JSON's number syntax.
    let json = report.to_json();
    assert!(
        check_syntax(json.as_bytes(), false).is_ok(),
        "report JSON is not JSON: {json}"
    );
    for p in &report.patches {
        if let haptik_webhook::Normalised::Number { text } = &p.value {
            assert!(
                serde_json::from_str::<serde_json::Number>(text).is_ok(),
                "patch number is not a JSON number: {text}"
            );
        }
    }
    assert_eq!(report.is_valid(), report.errors.is_empty());
    for e in &report.errors {
        assert!(!only_warning(e.code), "warning code {:?} among errors", e.code);
    }
    for w in &report.warnings {
        assert!(
            only_warning(w.code) || w.code == Code::UnsafeInteger,
            "error code {:?} among warnings",
            w.code
        );
    }
    for i in report.errors.iter().chain(&report.warnings) {
        if let Some(off) = i.offset {
            assert!(
                off as usize <= data.len(),
                "offset {off} beyond the input ({} bytes)",
                data.len()
            );
            assert!(
                i.line.is_some() && i.column.is_some(),
                "an issue with an offset but no line/column"
            );
        }
        assert!(
            i.path.is_empty() || i.path.starts_with('/'),
            "bad JSON Pointer {:?}",
            i.path
        );
    }
    // A fatal problem is the only error, and nothing found before it is kept.
    if report.errors.iter().any(|e| fatal(e.code)) {
        assert_eq!(
            report.errors.len(),
            1,
            "a fatal error beside others: {:?}",
            report.errors
        );
        assert!(
            report.patches.is_empty() && report.blanks.is_empty(),
            "patches/blanks kept beside a fatal error"
        );
    }
    // Strict mode blanks nothing but a byte-order mark.
    if !lenient {
        for &(s, e) in &report.blanks {
            assert!(
                s == 0 && e == BOM.len() && data.starts_with(BOM),
                "strict mode blanked {s}..{e}"
            );
        }
    }
    // A body that is not UTF-8 gets exactly one syntax error, at its first bad byte.
    if let Err(e) = core::str::from_utf8(data) {
        let codes: Vec<(Code, Option<u32>)> = report.errors.iter().map(|i| (i.code, i.offset)).collect();
        assert_eq!(codes, [(Code::Syntax, Some(e.valid_up_to() as u32))], "invalid UTF-8");
        return;
    }
    // Otherwise the syntax verdict is the plain syntax checker's (after a BOM): same code, same
    // offset.
    let body_start = if data.starts_with(BOM) { BOM.len() } else { 0 };
    match check_syntax(&data[body_start..], lenient) {
        Ok(()) => assert!(
            !has(report, Code::Syntax) && !has(report, Code::NumberOutOfRange),
            "check_syntax accepts but validate reports {:?}",
            report.errors
        ),
        Err(f) => {
            let off = (f.offset + body_start) as u32;
            assert!(
                report.errors.iter().any(|e| e.code == f.code && e.offset == Some(off)),
                "check_syntax says {:?} at {off}, validate says {:?}",
                f.code,
                report.errors
            );
        }
    }
    // Blanking gives input of the same length that the strict reader accepts, with the same
    // verdict (errors, patches, event name; warnings minus the lenient-only ones).
    if !report.errors.iter().any(|e| fatal(e.code)) {
        let cleaned = report.strict_json(data);
        assert_eq!(cleaned.len(), data.len());
        assert!(
            check_syntax(&cleaned, false).is_ok(),
            "the blanked input is not strict JSON"
        );
        if !report.blanks.is_empty() {
            let again = validate(&cleaned, &options(false, false));
            assert_eq!(
                unplaced(&again.errors),
                unplaced(&report.errors),
                "blanked input: errors differ"
            );
            assert_eq!(again.patches, report.patches, "blanked input: patches differ");
            assert_eq!(again.event_name, report.event_name, "blanked input: event name differs");
            let kept: Vec<Issue> = report
                .warnings
                .iter()
                .filter(|w| !matches!(w.code, Code::Comment | Code::TrailingComma | Code::ByteOrderMark))
                .cloned()
                .collect();
            assert_eq!(
                unplaced(&again.warnings),
                unplaced(&kept),
                "blanked input: warnings differ"
            );
        }
    }
}

/// The quick pass never says "clean" where the full pass finds anything: an accepted payload
/// is an event with no error, warning, normalisation or cleaning, in every mode, and the event
/// the full pass names.
pub fn check_quick_pass(data: &[u8]) {
    for (lenient, trusted) in [(false, false), (true, false), (false, true)] {
        if trusted && core::str::from_utf8(data).is_err() {
            continue;
        }
        let options = options(lenient, trusted);
        if let Some(found) = quick(data, &options) {
            let full = validate_in_full(data, &options);
            assert!(
                full.errors.is_empty() && full.warnings.is_empty() && full.patches.is_empty() && full.blanks.is_empty(),
                "the quick pass accepted what the full pass reports: {full:?}"
            );
            match found {
                Clean::Known(event) => {
                    assert_eq!(full.known_event_index(), Some(event + 1), "the quick pass named another event");
                }
                Clean::Unknown(name) => {
                    assert_eq!(full.known_event_index(), None, "the quick pass took a known event for an unknown one");
                    assert_eq!(full.event_name.as_deref(), Some(name.as_str()), "the quick pass named another event");
                }
            }
        }
    }
}

/// The strict parser/validator target.
pub fn check_strict(data: &[u8]) {
    check_quick_pass(data);
    if let Err(why) = compare_with_serde_json(data) {
        panic!("the reader and serde_json disagree: {why}");
    }
    let report = validated(data, false);
    well_formed(&report, data, false);
    // A limit below the size is a too_large error and nothing else.
    if !data.is_empty() {
        let small = Options {
            max_bytes: data.len() - 1,
            ..options(false, false)
        };
        let r = validate(data, &small);
        assert!(
            r.errors.len() == 1 && r.errors[0].code == Code::TooLarge,
            "too_large not enforced"
        );
    }
}

/// How the reader's verdict on a text compares with serde_json's, its oracle: the differences
/// the design chooses (each documented in docs/hostile-input.md), or `Err` for any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// A `\u` escape of a lone surrogate: valid JSON text, kept as `JSON.parse` keeps it.
    LoneSurrogate,
    /// A duplicate key: the reader's `duplicate_key` error (serde_json keeps the last value).
    DuplicateKey,
    /// A leading UTF-8 byte-order mark: ignored with a warning, where serde_json refuses it.
    ByteOrderMark,
}

/// The reader's verdict on the text alone (not the model): `Ok`, or the code that refused it.
fn reader_verdict(data: &[u8]) -> Result<(), Code> {
    let options = Options {
        max_depth: 128, // serde_json's recursion limit
        max_bytes: usize::MAX,
        ..options(false, false)
    };
    let text_level = [
        Code::Syntax,
        Code::InvalidEncoding,
        Code::NumberOutOfRange,
        Code::TooDeep,
        Code::DuplicateKey,
    ];
    match validate(data, &options)
        .errors
        .iter()
        .find(|e| text_level.contains(&e.code))
    {
        Some(e) => Err(e.code),
        None => Ok(()),
    }
}

fn lone_surrogate(e: &serde_json::Error) -> bool {
    // "lone leading surrogate", or "unexpected end of hex escape" when a high surrogate is not
    // followed by a `\u` escape.
    let text = e.to_string();
    text.contains("surrogate") || text.contains("end of hex escape")
}

/// Compares the hand-written reader with `serde_json::from_slice::<Value>` on `data`.
pub fn compare_with_serde_json(data: &[u8]) -> Result<Vec<Chosen>, String> {
    let oracle = serde_json::from_slice::<serde_json::Value>(data);
    match (&oracle, reader_verdict(data)) {
        (Ok(_), Ok(())) | (Err(_), Err(_)) => Ok(vec![]),
        (Err(e), Ok(())) if lone_surrogate(e) => Ok(vec![Chosen::LoneSurrogate]),
        (Ok(_), Err(Code::DuplicateKey)) => Ok(vec![Chosen::DuplicateKey]),
        (Err(_), Ok(())) if data.starts_with(BOM) => {
            let rest = &data[BOM.len()..];
            match (serde_json::from_slice::<serde_json::Value>(rest), reader_verdict(rest)) {
                (Ok(_), Ok(())) => Ok(vec![Chosen::ByteOrderMark]),
                (Err(e), Ok(())) if lone_surrogate(&e) => Ok(vec![Chosen::ByteOrderMark, Chosen::LoneSurrogate]),
                (o, r) => Err(format!(
                    "after the BOM: serde_json {:?}, reader {r:?}",
                    o.map(|_| ()).map_err(|e| e.to_string())
                )),
            }
        }
        (o, r) => Err(format!(
            "serde_json {:?}, reader {r:?}",
            o.as_ref().map(|_| ()).map_err(|e| e.to_string())
        )),
    }
}

/// The lenient parser target: lenient accepts everything strict accepts, with the same result.
pub fn check_lenient(data: &[u8]) {
    let lenient = validated(data, true);
    well_formed(&lenient, data, true);
    let strict = validate(data, &options(false, false));
    if !has(&strict, Code::Syntax) {
        assert_eq!(lenient, strict, "lenient and strict disagree on input strict reads");
    }
}

/// Splits fuzz bytes into (algorithm choice, body, header, secrets) at NUL bytes.
fn signature_parts(data: &[u8]) -> (Algorithm, &[u8], Option<String>, Vec<String>) {
    let (first, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let algorithm = if first & 1 == 0 {
        Algorithm::Sha256
    } else {
        Algorithm::Sha1
    };
    let mut parts = rest.split(|&b| b == 0);
    let body = parts.next().unwrap_or_default();
    let header = parts.next().and_then(|h| {
        if first & 2 == 0 {
            Some(String::from_utf8_lossy(h).into_owned())
        } else {
            None
        }
    });
    let secrets = parts.map(|s| String::from_utf8_lossy(s).into_owned()).collect();
    (algorithm, body, header, secrets)
}

/// The signature target: a deterministic verdict, no panic, and sign/verify round-trips.
pub fn check_signature(data: &[u8]) {
    let (algorithm, body, header, secrets) = signature_parts(data);
    let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
    let v = verify(body, header.as_deref(), &refs);
    assert_eq!(v, verify(body, header.as_deref(), &refs), "verify is not deterministic");
    if v.valid {
        assert!(v.reason.is_none() && v.message.is_empty());
        let i = v.secret_index.expect("a valid verdict names its secret");
        assert!(
            i < refs.len() && !refs[i].is_empty(),
            "matched secret #{i} is not a usable secret"
        );
    } else {
        assert!(
            v.reason.is_some() && !v.message.is_empty(),
            "an invalid verdict without a reason: {v:?}"
        );
        assert!(v.secret_index.is_none());
    }
    // What sign() makes, verify() accepts with that secret, and with no other body.
    for secret in refs.iter().filter(|s| !s.is_empty()).take(2) {
        let header = sign(body, secret, algorithm);
        let ok = verify(body, Some(&header), &[secret]);
        assert!(
            ok.valid && ok.secret_index == Some(0) && ok.algorithm == Some(algorithm),
            "sign/verify round trip: {ok:?}"
        );
        let mut other = body.to_vec();
        other.push(b'x');
        assert!(
            !verify(&other, Some(&header), &[secret]).valid,
            "a signature matched another body"
        );
    }
    // Digest decoding never panics and keeps its length promise.
    if let Some(h) = &header {
        for len in [20, 32] {
            if let Some(d) = decode_digest(h, len) {
                assert_eq!(d.len(), len);
            }
        }
    }
}

/// Every check, for the regression test.
pub fn check_all(data: &[u8]) {
    check_strict(data);
    check_lenient(data);
    check_signature(data);
}
