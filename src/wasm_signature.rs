//! wasm glue for [`crate::signature`]: one line of logic per export.
//!
//! ABI (see pkg-template/src/receive/signature.js):
//! - the body is in the input buffer (`hw_input(len)`), the rest in the aux buffer (`hw_aux(len)`).
//! - `hw_verify(body_len, aux_len) -> code`. aux holds, little-endian u32 lengths:
//!   `[header_len | 0xFFFF_FFFF when absent][header][count]([len][secret])*`.
//!   The code's low byte is 0 when valid, else the reason's ABI code (1..=7), or 255 when the aux
//!   buffer could not be decoded; bits 8..16 hold the algorithm (1 sha1, 2 sha256, 0 unknown);
//!   bits 16..32 hold 1 + the index of the matching secret (0 if none). On failure the output
//!   buffer holds the message (UTF-8); on success it is empty.
//! - `hw_sign(body_len, aux_len, algorithm) -> len`: aux holds the secret (UTF-8); writes the
//!   header value to the output buffer and returns its length (0 on a bad argument).

use crate::signature::{sign, verify, Algorithm};
use wasm_bindgen::prelude::*;

const BAD_ARGUMENTS: u32 = 255;

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn u32(&mut self) -> Option<u32> {
        let (head, rest) = self.0.split_first_chunk::<4>()?;
        self.0 = rest;
        Some(u32::from_le_bytes(*head))
    }
    fn str(&mut self, len: u32) -> Option<&'a str> {
        let len = usize::try_from(len).ok()?;
        let head = self.0.get(..len)?;
        self.0 = self.0.get(len..)?;
        std::str::from_utf8(head).ok()
    }
}

fn decode_aux(aux: &[u8]) -> Option<(Option<&str>, Vec<&str>)> {
    let mut c = Cursor(aux);
    let header = match c.u32()? {
        u32::MAX => None,
        len => Some(c.str(len)?),
    };
    let count = c.u32()?;
    let mut secrets = Vec::new();
    for _ in 0..count {
        let len = c.u32()?;
        secrets.push(c.str(len)?);
    }
    Some((header, secrets))
}

fn algorithm_code(a: Option<Algorithm>) -> u32 {
    a.map_or(0, Algorithm::abi_code)
}

#[wasm_bindgen]
pub fn hw_verify(body_len: u32, aux_len: u32) -> u32 {
    crate::wasm::with_buffers(BAD_ARGUMENTS, |b| {
        b.output.clear();
        let body = b.input.get(..body_len as usize);
        let aux = b.aux.get(..aux_len as usize).and_then(decode_aux);
        let (Some(body), Some((header, secrets))) = (body, aux) else {
            b.output
                .extend_from_slice(b"internal error: bad arguments to hw_verify");
            return BAD_ARGUMENTS;
        };
        let v = verify(body, header, &secrets);
        let index = v
            .secret_index
            .and_then(|i| u32::try_from(i.checked_add(1)?).ok())
            .unwrap_or(0)
            .min(0xFFFF);
        let reason = v.reason.map_or(0, |r| r.abi_code());
        b.output.extend_from_slice(v.message.as_bytes());
        reason | (algorithm_code(v.algorithm) << 8) | (index << 16)
    })
}

#[wasm_bindgen]
pub fn hw_sign(body_len: u32, aux_len: u32, algorithm: u32) -> u32 {
    crate::wasm::with_buffers(0, |b| {
        b.output.clear();
        let body = b.input.get(..body_len as usize);
        let secret = b.aux.get(..aux_len as usize).and_then(|s| std::str::from_utf8(s).ok());
        let (Some(body), Some(secret), Some(alg)) = (body, secret, Algorithm::from_code(algorithm)) else {
            return 0;
        };
        let header = sign(body, secret, alg);
        b.output.extend_from_slice(header.as_bytes());
        b.output.len() as u32
    })
}
