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
