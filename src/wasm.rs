//! The wasm boundary: one line of glue per export over the plain Rust API.
//! Every argument and result is a `u32`; bytes travel through three buffers in wasm memory
//! that JS reaches by address (see docs/design.md, "The wasm ABI").

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
fn sized(buf: &mut Vec<u8>, len: u32) -> u32 {
    if buf.len() < len as usize {
        buf.resize(len as usize, 0);
    }
    buf.as_mut_ptr() as u32
}

#[wasm_bindgen]
pub fn hw_input(len: u32) -> u32 {
    with_buffers(0, |b| sized(&mut b.input, len))
}

#[wasm_bindgen]
pub fn hw_aux(len: u32) -> u32 {
    with_buffers(0, |b| sized(&mut b.aux, len))
}

#[wasm_bindgen]
pub fn hw_output_ptr() -> u32 {
    with_buffers(0, |b| b.output.as_ptr() as u32)
}

#[wasm_bindgen]
pub fn hw_output_len() -> u32 {
    with_buffers(0, |b| b.output.len() as u32)
}

#[wasm_bindgen]
pub fn hw_validate(len: u32, flags: u32, max_depth: u32) -> u32 {
    with_buffers(0, |b| {
        crate::report::run_for_js(&mut b.input, len, flags, max_depth, &mut b.output)
    })
}

/// Test hook: traps on purpose, so the JS side's recovery after a trap can be tested.
#[wasm_bindgen]
pub fn hw_trap_for_tests() {
    core::arch::wasm32::unreachable()
}
