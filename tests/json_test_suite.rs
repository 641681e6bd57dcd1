//! The strict JSON layer against JSONTestSuite (vendored in tests/JSONTestSuite, MIT, with its
//! LICENSE and SOURCE.md): every `n_` file is a `syntax`
//! error, no `y_` file is, and nothing (the `i_` files included) crashes.
use haptik_webhook::{validate, Code, Options};

#[test]
fn json_test_suite() {
    let dir = format!("{}/tests/JSONTestSuite/test_parsing", env!("CARGO_MANIFEST_DIR"));
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{dir}: {e}"));
    let mut files: Vec<_> = entries.into_iter().flatten().flatten().map(|e| e.path()).collect();
    files.sort();
    assert_eq!(files.len(), 318, "JSONTestSuite (test_parsing) not complete at {dir}");
    let (mut y, mut n, mut i) = (0, 0, 0);
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).unwrap_or_default();
        let report = validate(&bytes, &Options::default());
        let syntax = report.errors.iter().any(|e| e.code == Code::Syntax);
        if name.starts_with("n_") {
            n += 1;
            assert!(syntax, "{name} should be a syntax error, got {:?}", report.errors);
            assert_eq!(report.errors.len(), 1, "{name}: one error only");
        } else if name.starts_with("y_") {
            y += 1;
            assert!(!syntax, "{name} is valid JSON, got {:?}", report.errors);
        } else {
            i += 1;
        }
        // Lenient mode never rejects what strict mode accepts.
        if !syntax {
            let lenient = validate(
                &bytes,
                &Options {
                    lenient: true,
                    ..Default::default()
                },
            );
            assert_eq!(lenient.errors, report.errors, "{name}");
        }
    }
    // Every file of the vendored suite was read: 95 y_, 188 n_, 35 i_.
    assert_eq!((y, n, i), (95, 188, 35), "y={y} n={n} i={i}");
}
