//! The walker's quick pass against its full pass (src/walk/, one walker in two modes): the
//! quick pass may only say "clean" where the full pass finds nothing at all, and it must say so
//! for the clean fixtures (else it is never used). The fuzz targets check the same invariant
//! (fuzz/invariants.rs, `check_quick_pass`), and tests/fuzz_regressions.rs runs it over the kept
//! corpus.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

#[path = "../fuzz/invariants.rs"]
mod invariants;

use haptik_webhook::validate::validate_in_full;
use haptik_webhook::walk::{quick, Clean};
use haptik_webhook::Options;

/// The known event the quick pass answers for (its index), or `None`.
fn clean_event(data: &[u8], options: &Options) -> Option<usize> {
    match quick(data, options)? {
        Clean::Known(index) => Some(index),
        Clean::Unknown(_) => None,
    }
}
use std::path::Path;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// `json` with the whitespace outside strings dropped, and `colon` / `comma` written for every
/// `:` and `,` there (JSON.stringify's, Python's `json.dumps` and odder spacings).
fn reformat(json: &[u8], colon: &[u8], comma: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut in_string, mut escape) = (false, false);
    for &b in json {
        if in_string {
            out.push(b);
            if escape {
                escape = false;
            } else if b == b'\\' {
                escape = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b' ' | b'\n' | b'\r' | b'\t' => {}
            b':' => out.extend_from_slice(if colon.is_empty() { b":" } else { colon }),
            b',' => out.extend_from_slice(if comma.is_empty() { b"," } else { comma }),
            b'"' => {
                in_string = true;
                out.push(b);
            }
            _ => out.push(b),
        }
    }
    out
}

/// Clean known events, written in several ways the quick pass must also accept.
fn clean_payloads() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (name, data) in fixtures() {
        let full = validate_in_full(&data, &Options::default());
        if full.is_valid() && full.warnings.is_empty() && full.patches.is_empty() && full.known_event_index().is_some()
        {
            let compact = reformat(&data, b"", b"");
            out.push((format!("{name} (python)"), reformat(&compact, b": ", b", ")));
            out.push((format!("{name} (spaced)"), reformat(&compact, b" :\n\t ", b"\r\n ,  ")));
            out.push((format!("{name} (compact)"), compact));
            out.push((name, data));
        }
    }
    out
}

#[test]
fn the_quick_pass_accepts_every_clean_known_event() {
    let clean = clean_payloads();
    let names: Vec<&str> = clean.iter().map(|(n, _)| n.as_str()).collect();
    assert!(clean.len() >= 9, "too few clean fixtures: {names:?}");
    for (name, data) in &clean {
        let full = validate_in_full(data, &Options::default());
        assert!(full.is_valid() && full.warnings.is_empty(), "{name}: {full:?}");
        let event = clean_event(data, &Options::default());
        assert_eq!(
            event.map(|e| e + 1),
            full.known_event_index(),
            "{name}: the quick pass gave up"
        );
    }
}

#[test]
fn the_quick_pass_gives_up_on_everything_the_full_pass_reports() {
    let cases: &[&str] = &[
        // Each is a clean message but for one thing.
        r#"{"version":"1.0","timestamp":"t","business_id":"343","user":{"auth_id":"a"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":12345678901234567890,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":1,"body":"hi"}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]},"x":1,"x":2}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a","auth_id":"a"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[{"payload":{"k":{"a":1,"a":1}}}]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"chat_complete","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":1.5,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[],"n":1e999}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a","device_platform":"5"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#,
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}},}"#,
        "\u{feff}{\"version\":\"1.0\",\"timestamp\":\"t\",\"business_id\":343,\"user\":{\"auth_id\":\"a\"},\"event_name\":\"message\",\"message\":{\"id\":1,\"body\":{\"type\":\"TEXT\",\"text\":\"hi\",\"data\":{\"quick_replies\":[]}}}}",
    ];
    let control = r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#;
    assert_eq!(clean_event(control.as_bytes(), &Options::default()), Some(0));
    for case in cases {
        for lenient in [false, true] {
            let options = Options {
                lenient,
                ..Options::default()
            };
            assert_eq!(clean_event(case.as_bytes(), &options), None, "{case}");
            // The one thing, and nothing else.
            let full = validate_in_full(case.as_bytes(), &options);
            assert_eq!(full.errors.len() + full.warnings.len(), 1, "{case}: {full:?}");
        }
    }
}

/// Every one-byte change (and deletion) of the clean fixtures: wherever the quick pass still says
/// "clean", the full pass must agree. Catches a quick pass that accepts too much.
#[test]
fn one_byte_mutations_of_clean_payloads_keep_the_invariant() {
    let mut accepted = 0usize;
    let mut total = 0usize;
    for (_, data) in clean_payloads().iter().filter(|(n, _)| n.ends_with("(compact)")) {
        for at in 0..data.len() {
            for replacement in [
                None,
                Some(b'"'),
                Some(b'1'),
                Some(b'{'),
                Some(b'}'),
                Some(b','),
                Some(b'\\'),
                Some(b'x'),
            ] {
                let mut m = data.clone();
                match replacement {
                    None => {
                        m.remove(at);
                    }
                    Some(b) => m[at] = b,
                }
                total += 1;
                if clean_event(&m, &Options::default()).is_some() {
                    accepted += 1;
                }
                invariants::check_quick_pass(&m);
            }
        }
    }
    // Some mutations (in string contents) stay clean: the quick pass must have been exercised.
    assert!(
        accepted > 0 && accepted < total,
        "{accepted} of {total} mutations accepted"
    );
}

/// The walker guesses each key from the order of the payloads before it (src/field_order.rs,
/// `Reader::guessed_key`). A guess is only a shortcut: keys that resemble the guessed name, or a guessed
/// field given twice or with a wrong value, get the same answers as with no guess at all.
#[test]
fn a_learned_field_order_never_changes_an_answer() {
    let payload = |user: &str| {
        format!(
            r#"{{"version":"1.0","timestamp":"t","business_id":343,"user":{user},"event_name":"message","message":{{"id":1,"body":{{"type":"TEXT","text":"hi","data":{{"quick_replies":[]}}}}}}}}"#
        )
    };
    let teach = payload(r#"{"auth_id":"a","user_name":"n","device_platform":5}"#);
    let cases = [
        (r#"{"auth_id":"a","user_name":"n","device_platform":5}"#, true),
        // Keys that start like a guessed field, but are not near misses of one.
        (r#"{"auth_id":"a","user_name_extra":"n","device_platform":5}"#, true),
        (r#"{"auth_id":"a","user_n":"n","device_platform":5}"#, true),
        // Near misses of an absent field: a possible_typo warning, so not clean (the quick pass
        // leaves them to the full pass).
        (r#"{"auth_id":"a","user_namex":"n","device_platform":5}"#, false),
        (r#"{"auth_id":"a","user_nam":"n","device_platform":5}"#, false),
        (r#"{"auth_id":"a","user_name":1,"device_platform":5}"#, false),
        (r#"{"auth_id":"a","user_name":"n","user_name":"n"}"#, false),
        (r#"{"auth_id":"a","user_name":"n","device_platform":"5"}"#, false),
        // An escaped key is the same key.
        (r#"{"auth_id":"a","user\u005fname":"n","device_platform":5}"#, true),
        (r#"{"user_name":"n","auth_id":"a"}"#, true),
        (r#"{"auth_id":"a","device_platform":5,"user_name":"n"}"#, true),
        (r#"{"user_name":"n"}"#, false),
        // The first key is guessed too (`auth_id`, from the teaching payload).
        (r#"{"auth_idx":"a","user_name":"n"}"#, false),
        (r#"{"auth_":"a","auth_id":"a"}"#, true),
        (r#"{"auth_id":7}"#, false),
    ];
    for (user, clean) in cases {
        for _ in 0..3 {
            clean_event(teach.as_bytes(), &Options::default()).expect("the teaching payload is clean");
            let case = payload(user);
            invariants::check_quick_pass(case.as_bytes());
            let full = validate_in_full(case.as_bytes(), &Options::default());
            let full_clean = full.errors.is_empty() && full.warnings.is_empty() && full.patches.is_empty();
            let quick = clean_event(case.as_bytes(), &Options::default()).is_some();
            assert_eq!(full_clean, clean, "{user}: {full:?}");
            assert_eq!(quick, clean, "{user}");
        }
    }
}

/// The full pass guesses keys from the same tables (src/field_order.rs): its whole report, for
/// clean and broken payloads, is the same whichever field order was learned before it.
#[test]
fn the_full_pass_answers_the_same_whatever_field_order_it_learned() {
    let orders = [
        r#"{"version":"1.0","timestamp":"t","business_id":343,"user":{"auth_id":"a","user_name":"n"},"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi"}}}"#,
        r#"{"message":{"body":{"text":"hi","type":"TEXT"},"id":1},"event_name":"message","user":{"user_name":"n","auth_id":"a"},"business_id":343,"timestamp":"t","version":"1.0"}"#,
        r#"{"event_name":"message","user":{"device_platform":5,"auth_id":"a"},"version":"1.0","message":{"id":1,"body":{"type":"TEXT","text":"hi"}},"timestamp":"t","business_id":343}"#,
    ];
    let cases = [
        orders[0].to_string(),
        orders[1].to_string(),
        // Duplicates, a near miss, a legacy name, wrong types, an escaped key, a missing field.
        r#"{"version":"1.0","timestamp":"t","business_id":{},"user":{"auth_id":"a","auth_id":"b","user_nam":"n"},"event_name":"message","message":{"body":{"type":"TEXT","text":1}}}"#.to_string(),
        r#"{"version":"1.0","timestamp":"t","business_id":"343","user":{"auth\u005fid":"a"},"event_name":"message","message":{"id":1,"id":2,"body":"plain"}}"#.to_string(),
        r#"{"event_name":"webhook_conversation_complete","version":"1.0","timestamp":"t","business_id":1,"user":{"auth_id":"a"},"data":{"conversation_no":7}}"#.to_string(),
    ];
    for case in &cases {
        let reports: Vec<String> = orders
            .iter()
            .map(|teach| {
                let _ = validate_in_full(teach.as_bytes(), &Options::default());
                let _ = clean_event(teach.as_bytes(), &Options::default());
                format!("{:?}", validate_in_full(case.as_bytes(), &Options::default()))
            })
            .collect();
        assert!(reports.iter().all(|r| r == &reports[0]), "{case}: {reports:#?}");
    }
}

/// An event the model does not know (the platform sends them; they are kept whole) is answered
/// by the quick pass too, when it has nothing to report; anything that would give a warning or a
/// patch leaves it to the full pass.
#[test]
fn the_quick_pass_answers_clean_unknown_events_and_nothing_else() {
    let unknown = |name: &str, rest: &str| {
        format!(r#"{{"version":"1.0","timestamp":"t","business_id":343,"event_name":"{name}","user":{{"auth_id":"a"}}{rest}}}"#)
    };
    let clean_cases = [
        unknown("typing_indicator", r#","typing_indicator":"start""#),
        unknown("agent_note", r#","note":{"text":"hi","n":[1,2,{"x":null}]}"#),
        // The envelope of an unknown event is not checked: kept as it is.
        r#"{"event_name":"typing_indicator","business_id":{"odd":true}}"#.to_string(),
        // An escaped name is its value, and an unknown HSL type is kept like an unknown event.
        unknown("typing\\u005findicator", ""),
        unknown("typing_indicator", r#","message":{"id":1,"body":{"type":"CAROUSEL_V2","data":1}}"#),
    ];
    for case in &clean_cases {
        invariants::check_quick_pass(case.as_bytes());
        let found = quick(case.as_bytes(), &Options::default());
        assert!(matches!(found, Some(Clean::Unknown(_))), "{case}: {found:?}");
        assert_eq!(clean_event(case.as_bytes(), &Options::default()), None, "{case}");
    }
    let left_to_the_full_pass = [
        unknown("mesage", ""),                            // a near miss: "did you mean"
        unknown("Message", ""),                           // the same name but for case
        unknown("chat-pinned", ""),                       // separators
        unknown("typing_indicator", r#","id":12345678901234567890"#), // kept exact: a patch
        unknown("typing_indicator", r#","x":1,"x":2"#),   // a duplicate key
        unknown("typing_indicator", r#","event_name":"typing_indicator""#),
        format!("{} ", unknown("typing_indicator", "")).replace("{\"version", "{ /* c */ \"version"),
        format!("\u{feff}{}", unknown("typing_indicator", "")),
        format!("{}x", unknown("typing_indicator", "")),
        r#"{"event_name":7}"#.to_string(),
        r#"{"version":"1.0"}"#.to_string(),
        // Clean, but what comes before the name is what a known event could not have (a loose
        // business_id): the quick pass has given up before it knows the event is unknown.
        r#"{"business_id":"343","event_name":"user_typing_started"}"#.to_string(),
    ];
    for case in &left_to_the_full_pass {
        invariants::check_quick_pass(case.as_bytes());
        for lenient in [false, true] {
            let options = Options { lenient, ..Options::default() };
            assert_eq!(quick(case.as_bytes(), &options), None, "{case}");
        }
    }
    // A deprecated event is known (with a warning), never taken for an unknown one.
    let deprecated = unknown("chat_complete", r#","message":{"id":1,"body":{"type":"TEXT","text":"hi"}}"#);
    assert_eq!(quick(deprecated.as_bytes(), &Options::default()), None);
}
