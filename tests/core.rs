//! The validator against the model: every event, HSL type, loose form, issue code and legacy
//! shape, unknown events and elements, lenient mode.

use haptik_webhook::{validate, Code, Issue, Normalised, Options, Report, Segment};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default()
}

fn check(text: &str) -> Report {
    validate(text.as_bytes(), &Options::default())
}

fn lenient(text: &str) -> Report {
    validate(
        text.as_bytes(),
        &Options {
            lenient: true,
            ..Default::default()
        },
    )
}

fn codes(issues: &[Issue]) -> Vec<(&'static str, &str)> {
    issues.iter().map(|i| (i.code.as_str(), i.path.as_str())).collect()
}

/// A message event around `body` (JSON text).
fn message_with(body: &str) -> String {
    format!(
        r#"{{"version":"1.0","timestamp":"2021-01-01T00:00:00.000Z","business_id":343,"event_name":"message","user":{{"auth_id":"u1"}},"agent":{{"id":1,"name":"gogo","is_automated":true,"email":null}},"message":{{"id":7,"body":{body}}}}}"#
    )
}

/// A patch path as `a/b/0`.
fn steps(path: &[Segment]) -> String {
    let step = |s: &Segment| match s {
        Segment::Key(k) => k.clone(),
        Segment::KeyUnits(units) => String::from_utf16_lossy(units),
        Segment::Index(i) => i.to_string(),
    };
    path.iter().map(step).collect::<Vec<_>>().join("/")
}

fn assert_clean(r: &Report) {
    assert!(r.errors.is_empty(), "errors: {:?}", r.errors);
    assert!(r.warnings.is_empty(), "warnings: {:?}", r.warnings);
    assert!(r.patches.is_empty(), "patches: {:?}", r.patches);
}

#[test]
fn every_documented_event_validates_clean() {
    for (file, event) in [
        ("message_text.json", "message"),
        ("chat_pinned.json", "chat_pinned"),
        ("conversation_complete.json", "webhook_conversation_complete"),
    ] {
        let r = check(&fixture(file));
        assert_clean(&r);
        assert_eq!(r.event_name.as_deref(), Some(event));
        assert!(r.known_event_index().is_some());
    }
}

#[test]
fn chat_complete_is_valid_and_flagged_deprecated() {
    let r = check(&fixture("chat_complete.json"));
    assert!(r.is_valid());
    assert_eq!(codes(&r.warnings), vec![("deprecated", "/event_name")]);
}

#[test]
fn legacy_2019_conversation_complete_is_accepted_with_warnings() {
    let r = check(&fixture("conversation_complete_2019.json"));
    assert!(r.is_valid(), "{:?}", r.errors);
    assert_eq!(
        codes(&r.warnings),
        vec![
            ("legacy_shape", "/data/closing_categories"),
            ("legacy_shape", "/data/conversation_data"),
            ("legacy_shape", "/data/permanent_user_data"),
        ]
    );
    assert!(r.patches.is_empty(), "legacy shapes are kept as they are");
}

#[test]
fn unknown_events_keep_everything_and_are_never_errors() {
    let r = check(&fixture("typing_indicator.json"));
    assert_clean(&r);
    assert_eq!(r.event_name.as_deref(), Some("typing_indicator"));
    assert_eq!(r.known_event_index(), None);
    // Even fields that would be wrong in a known event are not checked.
    let r = check(r#"{"event_name":"future_event","business_id":"not a number","message":7}"#);
    assert_clean(&r);
    // Common fields read before the name are checked on the assumption of a known event; an
    // unknown name found later undoes that, patches and warnings included.
    let r = check(r#"{"business_id":"343","user":{"auth_id":7},"event_name":"future_event","n":12345678901234567890}"#);
    assert!(
        r.errors.is_empty() && r.event_name.as_deref() == Some("future_event"),
        "{:?}",
        r.errors
    );
    assert_eq!(codes(&r.warnings), vec![("unsafe_integer", "/n")]);
    assert_eq!(r.patches.len(), 1);
    // The same for an unknown HSL type whose `text` comes first.
    let r = check(&message_with(r#"{"text":5,"type":"HOLOGRAM"}"#));
    assert_clean(&r);
}

#[test]
fn every_hsl_type_validates() {
    let bodies = [
        r#"{"text":"Hi","type":"TEXT","data":{"quick_replies":[{"actionable_text":"Yes","type":"TEXT_ONLY","uri":"","payload":{"message":"Yes","gogo_message":""}}]}}"#,
        r#"{"text":"Pick","type":"BUTTON","data":{"items":[{"actionable_text":"Open","type":"APP_ACTION","uri":"LINK","payload":{"url":"https://x.invalid"},"is_default":1,"location_required":false}]}}"#,
        r#"{"text":"Cards","type":"CAROUSEL","data":{"width":"MEDIUM","image_aspect_ratio":1.5,"items":[{"thumbnail":{"image":"https://x.invalid/a.png","type":"LANDSCAPE"},"title":"A","sub_title":"B","description":"C","meta":"4.5","actionables":[{"actionable_text":"Buy","uri":"CAROUSEL_DETAIL","payload":{"title":"A","images":["https://x.invalid/a.png"]}}],"mini_actionable":{"actionable_text":"i","type":"APP_ACTION","uri":"SELF_SERVE_WEB","payload":{"url":"https://x.invalid"}}}]}}"#,
        r#"{"text":"Prateek has entered","type":"SYSTEM","data":{"event_name":"chat_pinned","payload":{"profile_image":"p","agent_name":"Prateek","team_name":"T"}}}"#,
        r#"{"type":"FORM","title":"Address","subtitle":"Where to?","data":{"fields":[{"key":"city","type":"text","keyboard_type":"normal","order":1,"hint":"City","options":[]}]}}"#,
        r#"{"text":"","type":"SILENT","data":{"silent_actions":[{"type":"LAUNCH","data":{"Id":3,"via_name":"whatsapp"}}]}}"#,
        r#"{"text":"","type":"NATIVE_ACTION","data":{"method":"closeWebView"}}"#,
        r#"{"text":"Your order","type":"RECEIPT","data":{"anything":[1,2,3]}}"#,
        r#"{"text":"Tabs","type":"TAB_LIST","data":{"tabs":[{"title":"x"}]}}"#,
        r#"{"text":"New thing","type":"HOLOGRAM","data":{"whatever":{"deep":true}},"extra":1}"#,
    ];
    for body in bodies {
        let r = check(&message_with(body));
        assert_clean(&r);
    }
}

#[test]
fn hsl_types_are_checked_against_their_own_shape() {
    let r = check(&message_with(
        r#"{"text":"Hi","type":"TEXT","data":{"quick_replies":"none"}}"#,
    ));
    assert_eq!(
        codes(&r.errors),
        vec![("invalid_type", "/message/body/data/quick_replies")]
    );
    let r = check(&message_with(r#"{"text":"Hi","type":"BUTTON","data":{}}"#));
    assert_eq!(codes(&r.errors), vec![("missing_field", "/message/body/data/items")]);
    let r = check(&message_with(r#"{"type":"NATIVE_ACTION","data":{"method":5}}"#));
    assert_eq!(codes(&r.errors), vec![("invalid_type", "/message/body/data/method")]);
    let r = check(&message_with(r#"{"text":"x","data":{}}"#));
    assert_eq!(codes(&r.errors), vec![("missing_field", "/message/body/type")]);
    let r = check(&message_with(r#"{"text":"x","type":3}"#));
    assert_eq!(codes(&r.errors), vec![("invalid_type", "/message/body/type")]);
}

#[test]
fn one_issue_per_problem_no_cascade() {
    let text = r#"{"version":"1.0","timestamp":"t","business_id":"abc","event_name":"message","user":{"auth_id":"u"},"message":{"body":{"type":"TEXT","data":{"quick_replies":[]}}}}"#;
    let r = check(text);
    assert_eq!(
        codes(&r.errors),
        vec![("invalid_type", "/business_id"), ("missing_field", "/message/id")]
    );
    let bad = r
        .errors
        .first()
        .cloned()
        .unwrap_or_else(|| Issue::new(Code::Syntax, String::new(), String::new()));
    assert_eq!(bad.received.as_deref(), Some("\"abc\""));
    assert_eq!(bad.expected.as_deref(), Some("an integer"));
    assert!(bad.message.contains("/business_id") && bad.message.contains("integer"));
    assert_eq!((bad.line, bad.column), (Some(1), Some(48)));
    // A wrong container is reported once, not once per child.
    let r = check(&message_with(r#"[1,2,3]"#));
    assert_eq!(codes(&r.errors), vec![("invalid_type", "/message/body")]);
}

#[test]
fn loose_forms_are_normalised_and_reported() {
    let number = |text: &str| Normalised::Number { text: text.into() };
    let cases: [(&str, &str, &str); 4] = [
        (r#""343""#, "/business_id", "343"),
        (r#"343"#, "", ""),
        (r#""9007199254740993""#, "/business_id", ""),
        (r#""-12""#, "/business_id", "-12"),
    ];
    for (value, path, patched) in cases {
        let text =
            fixture("message_text.json").replacen("\"business_id\": 343", &format!("\"business_id\": {value}"), 1);
        let r = check(&text);
        assert!(r.is_valid(), "{value}: {:?}", r.errors);
        if path.is_empty() {
            assert_clean(&r);
        } else if patched.is_empty() {
            assert_eq!(codes(&r.warnings), vec![("unsafe_integer", path)], "{value}");
            assert!(r.patches.is_empty());
        } else {
            assert_eq!(codes(&r.warnings), vec![("loose_type", path)]);
            assert_eq!(
                r.patches.first().map(|p| (p.path.clone(), p.value.clone())),
                Some((vec![Segment::Key("business_id".into())], number(patched)))
            );
        }
    }

    let actionable = |extra: &str| {
        message_with(&format!(
            r#"{{"type":"BUTTON","data":{{"items":[{{"actionable_text":"a",{extra}}}]}}}}"#
        ))
    };
    let r = check(&actionable(r#""location_required":"false""#));
    assert_eq!(
        codes(&r.warnings),
        vec![("loose_type", "/message/body/data/items/0/location_required")]
    );
    assert_eq!(r.patches.first().map(|p| &p.value), Some(&Normalised::Boolean { value: false }));
    let r = check(&actionable(r#""is_default":true"#));
    assert_eq!(r.patches.first().map(|p| &p.value), Some(&number("1")));
    let r = check(&actionable(r#""is_default":2"#));
    assert_eq!(
        codes(&r.errors),
        vec![("invalid_value", "/message/body/data/items/0/is_default")]
    );
    let r = check(&actionable(r#""location_required":"maybe""#));
    assert_eq!(
        codes(&r.errors),
        vec![("invalid_type", "/message/body/data/items/0/location_required")]
    );

    let r = check(&message_with(
        r#"{"type":"CAROUSEL","data":{"image_aspect_ratio":"1000.1","items":[]}}"#,
    ));
    assert_eq!(r.patches.first().map(|p| &p.value), Some(&number("1000.1")));

    let agent = fixture("chat_pinned.json").replace(r#""is_automated":false"#, r#""is_automated":"True""#);
    let r = check(&agent);
    assert_eq!(codes(&r.warnings), vec![("loose_type", "/agent/is_automated")]);
    assert_eq!(r.patches.first().map(|p| &p.value), Some(&Normalised::Boolean { value: true }));

    let platform = fixture("chat_pinned.json").replace(r#""device_platform":14"#, r#""device_platform":"14""#);
    let r = check(&platform);
    assert_eq!(r.patches.first().map(|p| &p.value), Some(&number("14")));
    let placeholder =
        fixture("chat_pinned.json").replace(r#""device_platform":14"#, r#""device_platform":"<DEVICE_PLATFORM>""#);
    let r = check(&placeholder);
    assert!(r.is_valid() && r.patches.is_empty());
    assert_eq!(codes(&r.warnings), vec![("loose_type", "/user/device_platform")]);

    let conv = fixture("conversation_complete.json").replace(r#""conversation_no":"17""#, r#""conversation_no":17"#);
    let r = check(&conv);
    assert_eq!(r.patches.first().map(|p| &p.value), Some(&Normalised::String { value: "17".into() }));

    let email = fixture("chat_pinned.json").replace(r#","email":"prateek@example.com""#, "");
    assert_clean(&check(&email));
}

#[test]
fn message_bodies_as_strings() {
    let r = check(&message_with(r#""Hello there""#));
    assert!(r.is_valid());
    assert_eq!(codes(&r.warnings), vec![("legacy_shape", "/message/body")]);
    assert_eq!(r.patches.first().map(|p| &p.value), Some(&Normalised::TextElement));

    let serialised = r#""{\"text\":\"Hi\",\"type\":\"BUTTON\",\"data\":{\"items\":[{\"actionable_text\":\"Go\",\"location_required\":\"true\"}]}}""#;
    let r = check(&message_with(serialised));
    assert!(r.is_valid(), "{:?}", r.errors);
    let paths: Vec<String> = r.patches.iter().map(|p| steps(&p.path)).collect();
    assert_eq!(
        paths,
        vec!["message/body", "message/body/data/items/0/location_required"]
    );
    assert_eq!(r.patches.first().map(|p| &p.value), Some(&Normalised::ParsedJson));
    assert_eq!(
        codes(&r.warnings),
        vec![
            ("loose_type", "/message/body"),
            ("loose_type", "/message/body/data/items/0/location_required")
        ]
    );

    let broken = r#""{\"text\":\"Hi\",\"type\":""#;
    let r = check(&message_with(broken));
    assert_eq!(codes(&r.errors), vec![("invalid_value", "/message/body")]);
    assert!(r.patches.is_empty());

    let wrong_inside = r#""{\"type\":\"TEXT\",\"data\":{\"quick_replies\":5}}""#;
    let r = check(&message_with(wrong_inside));
    assert_eq!(
        codes(&r.errors),
        vec![("invalid_type", "/message/body/data/quick_replies")]
    );
}

#[test]
fn big_integers_are_kept_exact() {
    let text = fixture("message_text.json").replace("\"id\": 1982371", "\"id\": 12345678901234567890");
    let r = check(&text);
    assert!(r.is_valid());
    assert_eq!(codes(&r.warnings), vec![("unsafe_integer", "/message/id")]);
    assert_eq!(
        r.patches.first().map(|p| &p.value),
        Some(&Normalised::String { value: "12345678901234567890".into() })
    );
    // Also in free-form objects and unknown events.
    let r = check(r#"{"event_name":"other","n":[-9007199254740993]}"#);
    assert_eq!(
        r.patches.first().map(|p| (steps(&p.path), p.value.clone())),
        Some(("n/0".into(), Normalised::String { value: "-9007199254740993".into() }))
    );
    // 2^53 - 1 itself is safe.
    let r = check(r#"{"event_name":"other","n":9007199254740991}"#);
    assert_clean(&r);
    // An integer that is not an id cannot be kept as a string without changing its type.
    let conv = fixture("conversation_complete.json").replace("\"team_id\":2", "\"team_id\":99999999999999999999");
    assert_eq!(
        codes(&check(&conv).errors),
        vec![("unsafe_integer", "/follow_up_details/team_id")]
    );
}

#[test]
fn integers_spelled_as_decimals_are_accepted() {
    let text = fixture("message_text.json").replace("\"id\": 1982371", "\"id\": 1982371.0");
    assert_clean(&check(&text));
    let text = fixture("message_text.json").replace("\"id\": 1982371", "\"id\": 1.5");
    assert_eq!(codes(&check(&text).errors), vec![("invalid_type", "/message/id")]);
}

#[test]
fn missing_and_wrong_envelope_fields() {
    let r = check(r#"{"event_name":"message"}"#);
    assert_eq!(
        codes(&r.errors),
        vec![
            ("missing_field", "/version"),
            ("missing_field", "/timestamp"),
            ("missing_field", "/business_id"),
            ("missing_field", "/user"),
            ("missing_field", "/message"),
        ]
    );
    // A missing or non-string event_name does not hide the envelope's problems (issue 18).
    let r = check(r#"{"version":"1.0"}"#);
    assert_eq!(
        codes(&r.errors),
        vec![
            ("missing_field", "/timestamp"),
            ("missing_field", "/business_id"),
            ("missing_field", "/user"),
            ("missing_field", "/event_name"),
        ]
    );
    assert_eq!(r.event_name, None);
    let r = check(r#"{"event_name":42,"version":"1.0","timestamp":"t","business_id":"x","user":{"auth_id":"a"}}"#);
    assert_eq!(
        codes(&r.errors),
        vec![("invalid_type", "/event_name"), ("invalid_type", "/business_id")]
    );
    // ... and the message, when there is one.
    let broken = fixture("message_text.json")
        .replacen(r#""event_name": "message""#, r#""event_name": 42"#, 1)
        .replacen(r#""id": 1982371"#, r#""id": "x""#, 1);
    let r = check(&broken);
    assert!(r.errors.iter().any(|e| e.path == "/event_name"), "{:?}", r.errors);
    assert!(r.errors.iter().any(|e| e.path == "/message/id"), "{:?}", r.errors);
    // An unknown (string) name is an unknown event: kept whole, its envelope not checked.
    assert!(check(r#"{"event_name":"typing_indicator"}"#).errors.is_empty());
    let r = check(&fixture("chat_pinned.json").replace(r#""email":"prateek@example.com""#, r#""email":7"#));
    assert_eq!(codes(&r.errors), vec![("invalid_type", "/agent/email")]);
}

#[test]
fn event_name_after_the_event_fields_still_selects_the_event() {
    let text = r#"{"message":{"id":1,"body":{"type":"TEXT","data":{"quick_replies":[]}}},"user":{"auth_id":"u"},"version":"1.0","timestamp":"t","business_id":1,"event_name":"message"}"#;
    let r = check(text);
    assert_clean(&r);
    assert_eq!(r.event_name.as_deref(), Some("message"));
    let text = text.replace(r#""id":1,"#, "");
    assert_eq!(codes(&check(&text).errors), vec![("missing_field", "/message/id")]);
}

#[test]
fn extra_keys_are_kept_without_complaint() {
    let text = fixture("message_text.json").replace(
        "\"version\": \"1.0\",",
        "\"version\": \"1.0\", \"new_key\": {\"a\": [1]},",
    );
    assert_clean(&check(&text));
}

#[test]
fn syntax_errors_have_line_column_and_offset() {
    let r = check("{\n  \"event_name\": \"message\",\n  \"x\": tru\n}");
    let e = r
        .errors
        .first()
        .cloned()
        .unwrap_or_else(|| Issue::new(Code::Comment, String::new(), String::new()));
    assert_eq!(r.errors.len(), 1);
    assert_eq!(e.code, Code::Syntax);
    assert_eq!((e.line, e.column, e.offset), (Some(3), Some(8), Some(36)));
    assert_eq!(codes(&check("").errors), vec![("syntax", "")]);
    assert_eq!(codes(&check("  \n ").errors), vec![("syntax", "")]);
    assert_eq!(codes(&check(r#"{"event_name":"x"} {}"#).errors), vec![("syntax", "")]);
}

#[test]
fn top_level_non_objects_are_invalid_type() {
    for text in ["[]", "\"message\"", "null", "42", "true"] {
        assert_eq!(codes(&check(text).errors), vec![("invalid_type", "")], "{text}");
    }
}

#[test]
fn lenient_mode_accepts_documentation_examples() {
    let doc = fixture("docs_example_lenient.jsonc");
    let strict = check(&doc);
    assert_eq!(codes(&strict.errors), vec![("syntax", "")]);
    let r = lenient(&doc);
    assert!(r.is_valid(), "{:?}", r.errors);
    let kinds: Vec<&str> = r.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "comment").count(), 3);
    assert_eq!(kinds.iter().filter(|k| **k == "trailing_comma").count(), 2);
    // Blanking yields strict JSON that validates the same way.
    let cleaned = r.strict_json(doc.as_bytes());
    let again = validate(&cleaned, &Options::default());
    assert!(again.is_valid());
    assert_eq!(again.patches, r.patches);
    // Lenient mode changes nothing for strict input.
    let strict_input = fixture("message_text.json");
    assert_eq!(lenient(&strict_input), check(&strict_input));
}

#[test]
fn limits() {
    let big = fixture("message_text.json");
    let r = validate(
        big.as_bytes(),
        &Options {
            max_bytes: 100,
            ..Default::default()
        },
    );
    assert_eq!(codes(&r.errors), vec![("too_large", "")]);
    let deep = format!(r#"{{"event_name":"x","a":{}1{}}}"#, "[".repeat(100), "]".repeat(100));
    let r = check(&deep);
    assert_eq!(r.errors.iter().map(|e| e.code).collect::<Vec<_>>(), vec![Code::TooDeep]);
    // Broken and deep: the syntax error is the answer.
    let broken = format!(r#"{{"event_name":"x","a":{}1{}"#, "[".repeat(100), "]".repeat(99));
    assert_eq!(
        check(&broken).errors.iter().map(|e| e.code).collect::<Vec<_>>(),
        vec![Code::Syntax]
    );
    let r = validate(
        deep.as_bytes(),
        &Options {
            max_depth: 200,
            ..Default::default()
        },
    );
    assert!(r.is_valid());
}

#[test]
fn duplicate_keys_are_errors() {
    let r = check(r#"{"event_name":"other","a":1,"a":2}"#);
    assert_eq!(codes(&r.errors), vec![("duplicate_key", "/a")]);
    let r = check(r#"{"event_name":"other","a":1,"\u0061":2}"#);
    assert_eq!(codes(&r.errors), vec![("duplicate_key", "/a")]);
    let many: Vec<String> = (0..100).map(|i| format!("\"k{i}\":{i}")).collect();
    let r = check(&format!(r#"{{"event_name":"other",{},"k5":0}}"#, many.join(",")));
    assert_eq!(codes(&r.errors), vec![("duplicate_key", "/k5")]);
}

/// The first unknown keys of an object are checked as they come, the others when it ends (by
/// sorting): against a plain quadratic check, every duplicate is found, at its place, in
/// objects of every size around that limit, with keys spelled escaped and not.
#[test]
fn duplicates_among_many_keys_are_found_wherever_they_are() {
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    for size in (0..80).chain([200, 1000]) {
        for _ in 0..4 {
            let pool = 1 + next(size as u64 + 1);
            // Each key: one of `pool` names, sometimes with its first letter escaped.
            let keys: Vec<(u64, bool)> = (0..size).map(|_| (next(pool), next(3) == 0)).collect();
            let members: Vec<String> = keys
                .iter()
                .map(|(k, escaped)| if *escaped { format!("\"\\u006b{k}\":0") } else { format!("\"k{k}\":0") })
                .collect();
            let text = format!(r#"{{"event_name":"other","x":{{{}}}}}"#, members.join(","));
            let mut expected: Vec<String> = Vec::new();
            for (i, (k, _)) in keys.iter().enumerate() {
                if keys.get(..i).is_some_and(|before| before.iter().any(|(b, _)| b == k)) {
                    expected.push(format!("/x/k{k}"));
                }
            }
            let r = check(&text);
            let found: Vec<String> = r.errors.iter().map(|e| e.path.clone()).collect();
            assert_eq!(found.len(), expected.len().min(100), "{text}");
            // Beyond 100 errors only the count is exact: the late ones come at the object's end.
            if expected.len() < 100 {
                assert_eq!(found, expected, "{text}");
            }
            // Each at its own key: the offsets are those of the repeated keys, in order.
            assert!(r.errors.windows(2).all(|w| matches!(w, [a, b] if a.offset < b.offset)), "{text}");
        }
    }
}

#[test]
fn byte_order_mark_is_accepted_with_a_warning() {
    let text = format!("\u{feff}{}", fixture("chat_pinned.json"));
    let r = check(&text);
    assert!(r.is_valid());
    assert_eq!(codes(&r.warnings), vec![("byte_order_mark", "")]);
    assert_eq!(r.blanks, vec![(0, 3)]);
}

#[test]
fn every_issue_code_is_produced_somewhere() {
    let mut seen = std::collections::HashSet::new();
    let samples: Vec<(String, bool, usize)> = vec![
        ("{".into(), false, 1 << 20),
        ("{\"event_name\":\"o\",\"a\":1,\"a\":1}".into(), false, 1 << 20),
        ("{\"version\":\"1\"}".into(), false, 1 << 20),
        ("[]".into(), false, 1 << 20),
        ("{\"event_name\":\"Message\"}".into(), false, 1 << 20),
        (
            message_with(r#"{"type":"BUTTON","data":{"items":[{"is_default":3}]}}"#),
            false,
            1 << 20,
        ),
        (
            "{\"event_name\":\"o\",\"n\":123456789012345678901}".into(),
            false,
            1 << 20,
        ),
        ("{\"event_name\":\"o\",\"n\":1e999}".into(), false, 1 << 20),
        ("{\"event_name\":\"o\"}".into(), false, 4),
        (
            format!("{{\"event_name\":\"o\",\"n\":{}{}}}", "[".repeat(70), "]".repeat(70)),
            false,
            1 << 20,
        ),
        (
            fixture("chat_pinned.json").replace("\"business_id\":343", "\"business_id\":\"343\""),
            false,
            1 << 20,
        ),
        (fixture("conversation_complete_2019.json"), false, 1 << 20),
        (fixture("chat_complete.json"), false, 1 << 20),
        ("{\"event_name\":\"o\", // c\n}".into(), true, 1 << 20),
        ("{\"event_name\":\"o\",}".into(), true, 1 << 20),
        ("\u{feff}{\"event_name\":\"o\"}".into(), false, 1 << 20),
    ];
    for (text, lenient, max_bytes) in samples {
        let r = validate(
            text.as_bytes(),
            &Options {
                lenient,
                max_bytes,
                ..Default::default()
            },
        );
        for i in r.errors.iter().chain(&r.warnings) {
            seen.insert(i.code);
        }
    }
    // invalid_encoding (a JS string with lone surrogates) and internal (a trap) come from the JS side.
    for code in Code::ALL
        .into_iter()
        .filter(|c| !matches!(c, Code::InvalidEncoding | Code::Internal))
    {
        assert!(seen.contains(&code), "{} never produced", code.as_str());
    }
}

#[test]
fn report_json_is_valid_json_with_the_documented_keys() {
    let r = check(&message_with("\"plain \\\"quoted\\\" text\""));
    let json = r.to_json();
    assert!(json.starts_with(
        "{\"valid\":true,\"eventName\":\"message\",\"errors\":[],\"warnings\":[{\"code\":\"legacy_shape\""
    ));
    assert!(json.ends_with(",\"cleaned\":false}"));
    assert!(haptik_webhook::json::check_syntax(json.as_bytes(), false).is_ok());
    // A patch says where (keys and indices) and what the value there becomes (docs/design.md).
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(
        value.pointer("/patches/0"),
        Some(&serde_json::json!({ "path": ["message", "body"], "value": { "to": "text_element" } }))
    );
}

#[test]
fn a_body_that_is_not_utf8_is_one_syntax_error_whatever_else_is_wrong() {
    for bytes in [
        &b"{\"event_name\":\"message\",\"n\":1e400}\xa1"[..],
        b"{}#\xbf",
        b"{\"a\":\"\xff\"}",
    ] {
        for lenient in [false, true] {
            let r = validate(
                bytes,
                &Options {
                    lenient,
                    ..Default::default()
                },
            );
            assert_eq!(
                r.errors.iter().map(|e| e.code).collect::<Vec<_>>(),
                vec![Code::Syntax],
                "{bytes:?}"
            );
        }
    }
}

/// A near-miss name is accepted as unknown, never rejected, and said: `possible_typo` with the
/// known name suggested, at the tag; a misspelt field of a known object too (issue 18).
#[test]
#[allow(clippy::expect_used)]
fn near_miss_names_are_kept_with_a_did_you_mean_warning() {
    for (name, meant) in [
        ("Message", "message"),
        ("message ", "message"),
        ("chat-pinned", "chat_pinned"),
    ] {
        let body = format!("{{\"event_name\":{name:?},\"x\":1}}");
        let r = check(&body);
        assert!(r.errors.is_empty(), "{name}: {:?}", r.errors);
        assert_eq!(r.event_name.as_deref(), Some(name), "eventName says what was sent");
        let w = r
            .warnings
            .iter()
            .find(|w| w.code == Code::PossibleTypo)
            .expect("a possible_typo warning");
        assert_eq!(w.path, "/event_name");
        assert!(
            w.message.contains(&format!("did you mean \"{meant}\"?")),
            "{}",
            w.message
        );
        assert_eq!(w.received.as_deref(), Some(format!("{name:?}").as_str()));
        assert!(w
            .expected
            .as_deref()
            .unwrap_or_default()
            .contains("\"webhook_conversation_complete\""));
        assert_eq!(w.line, Some(1));
    }
    for (ty, meant) in [("text", "TEXT"), ("Button", "BUTTON")] {
        let r = check(&message_with(&format!("{{\"type\":{ty:?},\"text\":\"hi\"}}")));
        assert!(r.errors.is_empty(), "{ty}: {:?}", r.errors);
        let w = r
            .warnings
            .iter()
            .find(|w| w.code == Code::PossibleTypo)
            .expect("a possible_typo warning");
        assert_eq!(w.path, "/message/body/type");
        assert!(
            w.message.contains(&format!("did you mean \"{meant}\"?")),
            "{}",
            w.message
        );
    }
    // A name near nothing is an unknown event without a warning.
    assert!(check("{\"event_name\":\"typing_indicator\"}").warnings.is_empty());
    // A misspelt required field: the missing_field error stays, the warning says why.
    let typo = fixture("message_text.json").replacen("\"business_id\"", "\"bussiness_id\"", 1);
    let r = check(&typo);
    assert!(
        r.errors
            .iter()
            .any(|e| e.code == Code::MissingField && e.path == "/business_id"),
        "{:?}",
        r.errors
    );
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == Code::PossibleTypo)
        .expect("a possible_typo warning");
    assert_eq!(w.path, "/bussiness_id");
    assert!(w.message.contains("did you mean \"business_id\"?"), "{}", w.message);
    // An extra key near a field that is present is just an extra key.
    let both = fixture("message_text.json").replacen("\"business_id\"", "\"bussiness_id\": 1, \"business_id\"", 1);
    assert!(check(&both).warnings.iter().all(|w| w.code != Code::PossibleTypo));
}

/// #14: `received` showed only a type ("a number") where a user needs the value.
#[test]
fn received_shows_the_value_and_expected_lists_the_known_names() {
    let r = check(
        r#"{"event_name":42,"version":"1","timestamp":"t","business_id":true,"user":{"auth_id":"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"},"extra":1}"#,
    );
    let find = |path: &str| r.errors.iter().find(|i| i.path == path).cloned();
    let name = find("/event_name");
    assert_eq!(name.as_ref().and_then(|i| i.received.as_deref()), Some("42 (number)"));
    assert_eq!(
        name.as_ref().map(|i| i.message.as_str()),
        Some("/event_name must be a string, but is a number: 42")
    );
    let expected = name.and_then(|i| i.expected).unwrap_or_default();
    assert!(
        expected.contains("\"message\"") && expected.contains("\"webhook_conversation_complete\""),
        "{expected}"
    );
    assert_eq!(
        find("/business_id").and_then(|i| i.received),
        Some("true (boolean)".into())
    );

    let long = check(
        r#"{"event_name":"message","version":"1","timestamp":"t","business_id":"not a number at all, and rather long for a field","user":{"auth_id":"u"},"message":{"id":1,"body":{"text":"x"}}}"#,
    );
    let business = long
        .errors
        .iter()
        .find(|i| i.path == "/business_id")
        .and_then(|i| i.received.clone());
    assert_eq!(business.as_deref(), Some("\"not a number at all, and rather long f…"));
    let body_type = long
        .errors
        .iter()
        .find(|i| i.path == "/message/body/type")
        .and_then(|i| i.expected.clone());
    assert!(body_type.is_some_and(|e| e.contains("\"TEXT\"") && e.contains("\"CAROUSEL\"")));

    let null_name = check(r#"{"event_name":null}"#);
    let null_issue = null_name.errors.iter().find(|i| i.path == "/event_name");
    assert_eq!(null_issue.and_then(|i| i.received.as_deref()), Some("null"));
}
