//! The typed Rust API (`parse_event`): every sample and fixture reads into the right variant,
//! serialising a clean event gives its payload back, loose forms come out normalised, ids stay
//! exact beyond 2^53, and unknown events, HSL types and keys are kept.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
use haptik_webhook::event::{MessageEvent, TextElement};
use haptik_webhook::{parse_event, parse_event_with, validate_event, Code, Event, HslElement, Id, Options};
use serde_json::{json, Value};
use std::path::Path;

fn files(dir: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("index.json"))
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

fn message(ev: &Event) -> &MessageEvent {
    match ev {
        Event::Message(m) => m,
        other => panic!("expected a message event, got {other:?}"),
    }
}

#[test]
fn every_valid_sample_and_fixture_parses_into_its_variant() {
    let mut seen = 0;
    for (name, bytes) in files("samples").into_iter().chain(files("tests/fixtures")) {
        let report = validate_event(&bytes);
        let parsed = parse_event(&bytes);
        assert_eq!(report.is_valid(), parsed.is_ok(), "{name}: {:?}", parsed.err());
        let Ok(event) = parsed else { continue };
        seen += 1;
        let raw: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(event.event_name(), raw["event_name"].as_str().unwrap(), "{name}");
        let known = haptik_webhook::model::event_names().any(|n| n == event.event_name());
        assert_eq!(event.is_known(), known, "{name}");
    }
    assert!(seen >= 20, "only {seen} valid payloads read");
}

#[test]
fn a_clean_event_serialises_back_to_its_payload() {
    let mut checked = 0;
    for (name, bytes) in files("samples").into_iter().chain(files("tests/fixtures")) {
        let report = validate_event(&bytes);
        // Clean: valid, and nothing normalised (a normalised one gives the normalised value).
        if !report.is_valid() || !report.patches.is_empty() {
            continue;
        }
        let event = parse_event(&bytes).unwrap();
        let back = serde_json::to_value(&event).unwrap();
        let raw: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back, raw, "{name}");
        // And it reads back into the same event.
        assert_eq!(serde_json::from_value::<Event>(back).unwrap(), event, "{name}");
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} clean payloads");
}

#[test]
fn loose_forms_come_out_normalised() {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/body-plain-string.json")).unwrap();
    let ev = parse_event(&bytes).unwrap();
    let m = message(&ev);
    assert_eq!(m.business_id, Id::from(343u64));
    // "13" (a numeric string) becomes the number; "True" becomes true.
    assert_eq!(serde_json::to_value(&m.user.device_platform).unwrap(), json!(13));
    assert_eq!(m.agent.as_ref().unwrap().is_automated, Some(true));
    // A plain-string body becomes a TEXT element.
    match &m.message.body {
        HslElement::Text(TextElement { text, .. }) => assert_eq!(text.as_deref(), Some("Your ticket number is 44817.")),
        other => panic!("expected a TEXT element, got {other:?}"),
    }
    let loose = br#"{"version":"1.0","timestamp":"t","business_id":"343","event_name":"message","user":{"auth_id":"a"},
        "message":{"id":1,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#;
    assert_eq!(message(&parse_event(loose).unwrap()).business_id.as_u64(), Some(343));
}

#[test]
fn ids_beyond_2_pow_53_stay_exact() {
    let body = br#"{"version":"1.0","timestamp":"t","business_id":343,"event_name":"message","user":{"auth_id":"a"},
        "agent":{"id":18446744073709551615},
        "message":{"id":9007199254740993,"body":{"type":"TEXT","text":"hi","data":{"quick_replies":[]}}}}"#;
    let ev = parse_event(body).unwrap();
    let m = message(&ev);
    assert_eq!(m.message.id.as_str(), "9007199254740993");
    assert_eq!(m.message.id.as_u64(), Some(9_007_199_254_740_993));
    assert_eq!(m.agent.as_ref().unwrap().id.as_u64(), Some(u64::MAX));
    // Written back as the same number, every digit kept.
    let text = serde_json::to_string(&ev).unwrap();
    assert!(text.contains(r#""id":9007199254740993"#), "{text}");
    assert!(text.contains(r#""id":18446744073709551615"#), "{text}");
}

#[test]
fn unknown_events_types_and_keys_are_kept() {
    let body = br#"{"event_name":"typing_indicator","typing_indicator":"start","n":[1,2]}"#;
    match parse_event(body).unwrap() {
        Event::Unknown(u) => {
            assert_eq!(u.event_name, "typing_indicator");
            assert_eq!(u.extra["typing_indicator"], json!("start"));
            assert_eq!(
                serde_json::to_value(Event::Unknown(u)).unwrap(),
                serde_json::from_slice::<Value>(body).unwrap()
            );
        }
        other => panic!("expected an unknown event, got {other:?}"),
    }
    let body = br#"{"version":"1.0","timestamp":"t","business_id":343,"event_name":"message","user":{"auth_id":"a","new_key":{"x":1}},
        "message":{"id":5,"body":{"type":"STAR_RATING","stars":5}},"extra_top":true}"#;
    let ev = parse_event(body).unwrap();
    let m = message(&ev);
    assert_eq!(m.extra["extra_top"], json!(true));
    assert_eq!(m.user.extra["new_key"], json!({"x": 1}));
    match &m.message.body {
        HslElement::Unknown(el) => {
            assert_eq!(el.r#type, "STAR_RATING");
            assert_eq!(el.extra["stars"], json!(5));
        }
        other => panic!("expected an unknown element, got {other:?}"),
    }
    assert_eq!(m.message.body.type_name(), "STAR_RATING");
}

#[test]
fn an_invalid_body_gives_every_error() {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/invalid-two-errors.json")).unwrap();
    let report = parse_event(&bytes).unwrap_err();
    assert_eq!(report.errors.len(), 2, "{:?}", report.errors);
    assert!(report.errors.iter().all(|e| e.line.is_some()));
    let syntax = parse_event(b"{\"event_name\": ").unwrap_err();
    assert_eq!(syntax.errors[0].code, Code::Syntax);
}

#[test]
fn lenient_reads_the_documentation_example() {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/docs-example-conversation-complete.jsonc"))
            .unwrap();
    assert!(parse_event(&bytes).is_err());
    let options = Options {
        lenient: true,
        ..Options::default()
    };
    let ev = parse_event_with(&bytes, &options).unwrap();
    assert!(matches!(ev, Event::WebhookConversationComplete(_)), "{ev:?}");
}

#[test]
fn a_lone_surrogate_is_an_error_not_a_panic() {
    // Valid JSON that a Rust String cannot hold.
    let body = br#"{"event_name":"x","note":"\ud800"}"#;
    match parse_event(body) {
        Ok(ev) => panic!("a lone surrogate cannot be read into a String: {ev:?}"),
        Err(report) => assert!(
            report.errors.iter().any(|e| e.code == Code::InvalidEncoding),
            "{:?}",
            report.errors
        ),
    }
}
