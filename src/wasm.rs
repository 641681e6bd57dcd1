//! The wasm boundary: typed wasm-bindgen exports, each a few lines over the plain Rust API.
//! The body travels through buffers in wasm memory that JS fills with `TextEncoder.encodeInto`
//! (wasm-bindgen's `&str` argument copies ASCII with a JS loop: see BENCHMARKS.md); results are
//! an [`Outcome`], which the generated glue exports to JS, and the output buffer.

use crate::options::Options;
use crate::report::blank_in_place;
use crate::validate::{summarise, Summary};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[derive(Default)]
pub(crate) struct Buffers {
    /// The request body (or any first operand).
    pub input: Vec<u8>,
    /// A second operand (signature header and secrets).
    pub aux: Vec<u8>,
    /// What the last call wrote for JS to read (UTF-8 JSON or text).
    pub output: Vec<u8>,
    /// The known event of the last [`Outcome::CleanKnown`].
    pub known_event: usize,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Runs `f` with the module's buffers. wasm is single-threaded and no export re-enters
/// another, so the borrow cannot fail; if it ever did, `fallback` is returned instead of a trap.
pub(crate) fn with_buffers<R>(fallback: R, f: impl FnOnce(&mut Buffers) -> R) -> R {
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut b) => f(&mut b),
        Err(_) => fallback,
    })
}

/// Makes `buf` at least `len` bytes long and returns its address. It only grows (up to the
/// largest input seen, which the JS side bounds by `maxBytes`), so a call costs no memset.
fn sized(buf: &mut Vec<u8>, len: usize) -> *mut u8 {
    if buf.len() < len {
        buf.resize(len, 0);
    }
    buf.as_mut_ptr()
}

#[wasm_bindgen]
pub fn hw_input(len: usize) -> *mut u8 {
    with_buffers(std::ptr::null_mut(), |b| sized(&mut b.input, len))
}

#[wasm_bindgen]
pub fn hw_aux(len: usize) -> *mut u8 {
    with_buffers(std::ptr::null_mut(), |b| sized(&mut b.aux, len))
}

#[wasm_bindgen]
pub fn hw_output_ptr() -> *const u8 {
    with_buffers(std::ptr::null(), |b| b.output.as_ptr())
}

#[wasm_bindgen]
pub fn hw_output_len() -> usize {
    with_buffers(0, |b| b.output.len())
}

/// What [`hw_validate`] found; JS reads the names from the generated glue, never numbers.
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A known event with nothing to report: [`hw_known_event`] is its index in `EVENT_NAMES`.
    CleanKnown,
    /// A valid unknown event with nothing to report: the output is its name.
    CleanUnknown,
    /// The output is the report in its compact form (`Report::to_compact`).
    CompactReport,
    /// The output is the report as JSON; when it has blanks, the input is now strict JSON.
    JsonReport,
}

/// Validates the first `len` bytes of the input buffer.
#[wasm_bindgen]
pub fn hw_validate(len: usize, lenient: bool, trusted_utf8: bool, max_depth: u32) -> Outcome {
    let options = Options {
        lenient,
        trusted_utf8,
        max_depth,
        max_bytes: usize::MAX,
    }; // JS checks the size
    with_buffers(Outcome::JsonReport, |b| {
        b.output.clear();
        let Some(src) = b.input.get_mut(..len) else {
            return Outcome::JsonReport; // an empty output: JS reports an internal error
        };
        match summarise(src, &options) {
            Summary::CleanKnown(index) => {
                b.known_event = index;
                Outcome::CleanKnown
            }
            Summary::CleanUnknown(name) => {
                b.output = name.into_bytes();
                Outcome::CleanUnknown
            }
            Summary::Report(report) => {
                blank_in_place(src, &report.blanks);
                // The report becomes the output buffer itself: no second copy of a large one.
                match report.to_compact() {
                    Some(compact) => {
                        b.output = compact.into_bytes();
                        Outcome::CompactReport
                    }
                    None => {
                        b.output = report.to_json().into_bytes();
                        Outcome::JsonReport
                    }
                }
            }
        }
    })
}

/// Whether the first `len` bytes of the input buffer hold U+FFFD (see
/// [`crate::json::contains_replacement_char`]).
#[wasm_bindgen]
pub fn hw_input_has_replacement(len: usize) -> bool {
    with_buffers(true, |b| {
        b.input.get(..len).is_none_or(crate::json::contains_replacement_char)
    })
}

/// The known event of the last [`Outcome::CleanKnown`], as its index in `EVENT_NAMES`.
#[wasm_bindgen]
pub fn hw_known_event() -> usize {
    with_buffers(usize::MAX, |b| b.known_event)
}

/// Test hook: traps on purpose, so the JS side's recovery after a trap can be tested.
#[wasm_bindgen]
pub fn hw_trap_for_tests() {
    core::arch::wasm32::unreachable()
}

/// Experiment (feature `object-input-experiment`, never in the package): a JS object read through
/// serde-wasm-bindgen. `stage` 0 visits every key and value and keeps nothing (the floor of any
/// serde-wasm-bindgen path: each value crossed once), 1 reads it into a `serde_json::Value`, 2
/// also writes that as bytes and validates them. benches/object-input.mjs measures them against the shipped path
/// (JSON.stringify + the byte validator).
#[cfg(feature = "object-input-experiment")]
#[wasm_bindgen]
pub fn hw_experiment_from_value(value: JsValue, stage: u32, max_depth: u32) -> Outcome {
    if stage == 0 {
        return match serde_wasm_bindgen::from_value::<experiment::Visited>(value) {
            Ok(_) => Outcome::CleanUnknown,
            Err(_) => Outcome::JsonReport,
        };
    }
    let Ok(tree) = serde_wasm_bindgen::from_value::<serde_json::Value>(value) else {
        return Outcome::JsonReport;
    };
    if stage == 1 {
        return Outcome::CleanUnknown;
    }
    let Ok(bytes) = serde_json::to_vec(&tree) else {
        return Outcome::JsonReport;
    };
    let options = Options {
        lenient: false,
        trusted_utf8: true,
        max_depth,
        max_bytes: usize::MAX,
    };
    match summarise(&bytes, &options) {
        Summary::CleanKnown(_) => Outcome::CleanKnown,
        Summary::CleanUnknown(_) => Outcome::CleanUnknown,
        Summary::Report(_) => Outcome::CompactReport,
    }
}

/// Experiment: the full report of `text`, as a JS object built by serde-wasm-bindgen
/// (`as_object`) or as the JSON text the package sends (JS then runs `JSON.parse` on it).
#[cfg(feature = "object-input-experiment")]
#[wasm_bindgen]
pub fn hw_experiment_report(text: &str, as_object: bool) -> JsValue {
    let report = crate::validate::validate(text.as_bytes(), &Options::default());
    if as_object {
        serde_wasm_bindgen::to_value(&report.wire()).unwrap_or(JsValue::NULL)
    } else {
        JsValue::from_str(&report.to_json())
    }
}

/// Experiment: the report of `body` (bytes, copied in by the generated glue) handed to JS as a JS
/// object built by serde-wasm-bindgen, against the shipped compact report text that JS reads
/// (`validateEvent` of the same bytes); `true` for a clean event.
#[cfg(feature = "object-input-experiment")]
#[wasm_bindgen]
pub fn hw_experiment_report_value(body: &[u8]) -> JsValue {
    match summarise(body, &Options::default()) {
        Summary::Report(report) => {
            let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(false);
            serde::Serialize::serialize(&report.wire(), &ser).unwrap_or(JsValue::NULL)
        }
        Summary::CleanKnown(_) | Summary::CleanUnknown(_) => JsValue::TRUE,
    }
}

#[cfg(feature = "object-input-experiment")]
mod experiment {
    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    /// Visits a whole value, keeping nothing (serde's `IgnoredAny` lets serde-wasm-bindgen skip
    /// without reading, so it is no floor).
    pub struct Visited;

    impl<'de> Deserialize<'de> for Visited {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(VisitAll)
        }
    }

    struct VisitAll;

    impl<'de> Visitor<'de> for VisitAll {
        type Value = Visited;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Visited, E> {
            Ok(Visited)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Visited, E> {
            Ok(Visited)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Visited, E> {
            Ok(Visited)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Visited, E> {
            Ok(Visited)
        }
        fn visit_str<E>(self, _: &str) -> Result<Visited, E> {
            Ok(Visited)
        }
        fn visit_string<E>(self, _: String) -> Result<Visited, E> {
            Ok(Visited)
        }
        fn visit_unit<E>(self) -> Result<Visited, E> {
            Ok(Visited)
        }
        fn visit_none<E>(self) -> Result<Visited, E> {
            Ok(Visited)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Visited, D::Error> {
            Visited::deserialize(d)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Visited, A::Error> {
            while seq.next_element::<Visited>()?.is_some() {}
            Ok(Visited)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Visited, A::Error> {
            while map.next_entry::<String, Visited>()?.is_some() {}
            Ok(Visited)
        }
    }
}
