#![no_main]
//! cargo fuzz target: see fuzz/invariants.rs (check_lenient) for what it asserts.

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::check_lenient(data));
