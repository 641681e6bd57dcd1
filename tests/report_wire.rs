//! The report's compact form (`Report::to_compact`, what the wasm sends JS for reports with
//! nothing to apply) read back as parse.js reads it: the whole report arrives.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use haptik_webhook::validate::validate_in_full;
use haptik_webhook::{Code, Issue, Options, Report};

/// The separator of the compact form (U+001F, the ASCII unit separator).
const SEPARATOR: char = '\u{1f}';

/// What parse.js's readCompactReport does with the compact form, in Rust.
fn read_compact(text: &str) -> Report {
    let f: Vec<&str> = text.split(SEPARATOR).collect();
    let field = |i: usize| f.get(i).copied().unwrap_or_default();
    let number = |i: usize| field(i).parse::<u32>().ok();
    let mut report = Report {
        event_name: field(1).strip_prefix('=').map(str::to_string),
        ..Report::default()
    };
    let errors: usize = field(2).parse().unwrap_or_default();
    let warnings: usize = field(3).parse().unwrap_or_default();
    for n in 0..errors + warnings {
        let at = 4 + 8 * n;
        let text = |i: usize| Some(field(at + i).to_string()).filter(|t| !t.is_empty());
        let code = Code::ALL.into_iter().find(|c| c.as_str() == field(at));
        let issue = Issue {
            code: code.unwrap_or(Code::Internal),
            path: field(at + 1).to_string(),
            message: field(at + 2).to_string(),
            expected: text(3),
            received: text(4),
            line: number(at + 5),
            column: number(at + 6),
            offset: number(at + 7),
        };
        if n < errors {
            report.errors.push(issue);
        } else {
            report.warnings.push(issue);
        }
    }
    assert_eq!(field(0) == "1", report.is_valid(), "{text:?}");
    report
}

#[test]
fn the_compact_form_carries_the_whole_report() {
    let cases: &[&str] = &[
        r#"{"event_name":"message","business_id":{"id":1},"user":[],"x":1,"x":2}"#,
        r#"{"event_name":"typing_indicator","a":1}"#,
        "{\"event_name\":\"message\"",
        r#"[1,2"#,
        r#"{"event_name":"chat_complete","version":"1.0","timestamp":"t","business_id":1,"user":{"auth_id":"é😀"},"message":{"id":1,"body":{"type":"TEXT","data":{"quick_replies":[]}}}}"#,
        r#"{"event_name":"message","version":"1.0","timestamp":"t","business_id":1,"user":{"auth_id":"a"},"message":{"id":1,"body":{"type":"TEXT","data":{"quick_replies":[{"payload":{"k\u001f":{"a":1,"a":1}}}]}}}}"#,
    ];
    let mut compact = 0;
    for case in cases {
        let report = validate_in_full(case.as_bytes(), &Options::default());
        match report.to_compact() {
            Some(text) => {
                compact += 1;
                assert_eq!(
                    read_compact(&text),
                    Report {
                        patches: vec![],
                        blanks: vec![],
                        ..report.clone()
                    },
                    "{case}"
                );
            }
            // Only a separator inside a text (the escaped U+001F key) needs the JSON form.
            None => assert!(report.errors.iter().any(|e| e.path.contains('\u{1f}')), "{case}"),
        }
    }
    assert_eq!(compact, cases.len() - 1);
}
