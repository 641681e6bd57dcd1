//! Webhook signature verification and signing (`X-Hub-Signature`).
//!
//! The platform sends `X-Hub-Signature: sha1=<digest>`, the HMAC-SHA1 of the request body keyed
//! with the webhook's "Secret Key". The digest encoding is not documented, so [`verify`] accepts:
//!
//! - the algorithm prefix `sha1=` or `sha256=` in any letter case, with surrounding whitespace;
//! - the digest as hex (either case) or base64 (standard or URL-safe alphabet, padded or not);
//! - several secrets (key rotation): the signature is valid when any of them matches.
//!
//! The HMAC is always computed over the body bytes exactly as received, and compared in constant
//! time (`Mac::verify_slice`).
//!
//! **Whitespace policy.** A secret is used exactly as given, byte for byte: it is never trimmed.
//! A secret with leading or trailing whitespace (typically a newline read from an env file) is a
//! configuration smell, so when no secret matches and one of them has such whitespace, the verdict
//! reason is [`Reason::SecretWhitespace`] (not [`Reason::DigestMismatch`]) and the message says
//! whether the trimmed secret would have matched. Failing closed keeps the rule simple: the bytes
//! you configure are the bytes that are checked. An empty secret counts as no secret at all.
//!
//! Nothing here can panic: no indexing, no unwrap; every slice access is checked.

use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::Sha256;

/// The HMAC hash function named by the header prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    Sha1,
    Sha256,
}

impl Algorithm {
    /// Every algorithm, in the order of their wasm ABI codes (1-based); the generated JS
    /// `SIGNATURE_ALGORITHMS` lists their prefixes in this order.
    pub const ALL: [Algorithm; 2] = [Algorithm::Sha1, Algorithm::Sha256];

    /// The header prefix, without the `=`.
    pub fn prefix(self) -> &'static str {
        match self {
            Algorithm::Sha1 => "sha1",
            Algorithm::Sha256 => "sha256",
        }
    }

    /// Length of the raw digest in bytes.
    pub fn digest_len(self) -> usize {
        match self {
            Algorithm::Sha1 => 20,
            Algorithm::Sha256 => 32,
        }
    }

    /// Parses a header prefix (case-insensitive).
    pub fn from_prefix(name: &str) -> Option<Algorithm> {
        if name.eq_ignore_ascii_case("sha1") {
            Some(Algorithm::Sha1)
        } else if name.eq_ignore_ascii_case("sha256") {
            Some(Algorithm::Sha256)
        } else {
            None
        }
    }

    /// The algorithm of a wasm ABI code (its 1-based place in [`Algorithm::ALL`]).
    pub fn from_code(code: u32) -> Option<Algorithm> {
        Algorithm::ALL.get(usize::try_from(code).ok()?.checked_sub(1)?).copied()
    }

    /// The wasm ABI code (1-based place in [`Algorithm::ALL`]).
    pub fn abi_code(self) -> u32 {
        Algorithm::ALL
            .iter()
            .position(|a| *a == self)
            .map_or(0, |i| i as u32 + 1)
    }
}

/// Why a signature did not verify. Codes are stable (they are part of the JS API); what each
/// means is [`Reason::doc`], which the generated TypeScript docs also use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    MissingHeader,
    MalformedHeader,
    UnsupportedAlgorithm,
    NoSecret,
    DigestMismatch,
    SecretWhitespace,
    /// Detected on the JS side.
    BodyNotRaw,
}

impl Reason {
    /// Every reason, in the order of their ABI codes (1-based).
    pub const ALL: [Reason; 7] = [
        Reason::MissingHeader,
        Reason::MalformedHeader,
        Reason::UnsupportedAlgorithm,
        Reason::NoSecret,
        Reason::DigestMismatch,
        Reason::SecretWhitespace,
        Reason::BodyNotRaw,
    ];

    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Reason::MissingHeader => "missing_header",
            Reason::MalformedHeader => "malformed_header",
            Reason::UnsupportedAlgorithm => "unsupported_algorithm",
            Reason::NoSecret => "no_secret",
            Reason::DigestMismatch => "digest_mismatch",
            Reason::SecretWhitespace => "secret_whitespace",
            Reason::BodyNotRaw => "body_not_raw",
        }
    }

    /// What the reason means (the doc comment of each member of the TypeScript type).
    pub fn doc(self) -> &'static str {
        match self {
            Reason::MissingHeader => "No X-Hub-Signature header, or an empty one.",
            Reason::MalformedHeader => {
                "Not `<algorithm>=<digest>`, or the digest is neither hex nor base64 of the right length."
            }
            Reason::UnsupportedAlgorithm => "An algorithm other than sha1 / sha256.",
            Reason::NoSecret => "No non-empty secret was given.",
            Reason::DigestMismatch => "The digest matches none of the secrets.",
            Reason::SecretWhitespace => {
                "No secret matched and one has leading/trailing whitespace (secrets are never trimmed)."
            }
            Reason::BodyNotRaw => "The body was a parsed object: re-serialised JSON never matches.",
        }
    }

    /// The numeric code used across the wasm boundary (1..=7; 0 means valid).
    pub fn abi_code(self) -> u32 {
        match self {
            Reason::MissingHeader => 1,
            Reason::MalformedHeader => 2,
            Reason::UnsupportedAlgorithm => 3,
            Reason::NoSecret => 4,
            Reason::DigestMismatch => 5,
            Reason::SecretWhitespace => 6,
            Reason::BodyNotRaw => 7,
        }
    }
}

/// The outcome of [`verify`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub valid: bool,
    pub reason: Option<Reason>,
    /// A human sentence: what failed and what to do about it ("" when valid).
    pub message: String,
    /// The algorithm named by the header, when it could be read.
    pub algorithm: Option<Algorithm>,
    /// Index (in the given list) of the secret that matched.
    pub secret_index: Option<usize>,
}

impl Verdict {
    fn fail(reason: Reason, message: String, algorithm: Option<Algorithm>) -> Verdict {
        Verdict {
            valid: false,
            reason: Some(reason),
            message,
            algorithm,
            secret_index: None,
        }
    }
}

/// The message for a body given as a parsed object (the JS side detects it).
pub fn body_not_raw_message() -> &'static str {
    "the body was given as a parsed object, not the raw request bytes: re-serialised JSON never \
     matches the signature (key order, spacing and escapes differ). Pass the raw body as a string, \
     Uint8Array or ArrayBuffer, read before any JSON body parser runs"
}

/// Verifies `header` (the `X-Hub-Signature` value) against `body` with any of `secrets`.
pub fn verify(body: &[u8], header: Option<&str>, secrets: &[&str]) -> Verdict {
    let header = match header.map(str::trim) {
        None | Some("") => {
            return Verdict::fail(
                Reason::MissingHeader,
                "the X-Hub-Signature header is missing or empty: the request was not signed by \
                 the platform (or a proxy dropped the header)"
                    .into(),
                None,
            )
        }
        Some(h) => h,
    };
    let (algorithm, expected) = match parse_header(header) {
        Ok(pair) => pair,
        Err(v) => return v,
    };
    let usable: Vec<(usize, &str)> = secrets
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, s)| !s.is_empty())
        .collect();
    if usable.is_empty() {
        return Verdict::fail(
            Reason::NoSecret,
            "no secret is configured (the list is empty or every secret is an empty string): set \
             the webhook's Secret Key, e.g. from an environment variable that is actually defined"
                .into(),
            Some(algorithm),
        );
    }
    // Check every secret (no early exit), so the time spent does not depend on which one matched.
    let mut matched = None;
    for &(index, secret) in &usable {
        if hmac_matches(algorithm, secret.as_bytes(), body, &expected) && matched.is_none() {
            matched = Some(index);
        }
    }
    if let Some(index) = matched {
        return Verdict {
            valid: true,
            reason: None,
            message: String::new(),
            algorithm: Some(algorithm),
            secret_index: Some(index),
        };
    }
    let spaced = usable.iter().find(|(_, s)| s.trim() != *s);
    if let Some(&(index, secret)) = spaced {
        let trimmed_matches = hmac_matches(algorithm, secret.trim().as_bytes(), body, &expected);
        let hint = if trimmed_matches {
            "the trimmed secret DOES match: remove the whitespace from your configuration"
        } else {
            "the trimmed secret does not match either"
        };
        return Verdict::fail(
            Reason::SecretWhitespace,
            format!(
                "the signature matches no secret, and secret #{index} has leading or trailing \
                 whitespace (often a newline from an env file); secrets are used exactly as \
                 given, never trimmed: {hint}"
            ),
            Some(algorithm),
        );
    }
    let count = usable.len();
    let what = if count == 1 {
        "the configured secret".to_string()
    } else {
        format!("any of the {count} configured secrets")
    };
    Verdict::fail(
        Reason::DigestMismatch,
        format!(
            "the {} digest does not match {what}: the secret differs from the webhook's Secret \
             Key, or the body is not the raw bytes as received (a re-encoded or re-serialised body \
             never matches)",
            algorithm.prefix()
        ),
        Some(algorithm),
    )
}

/// Signs `body` with `secret`: returns the header value, `"<algorithm>=<lowercase hex>"`.
pub fn sign(body: &[u8], secret: &str, algorithm: Algorithm) -> String {
    let digest = hmac_digest(algorithm, secret.as_bytes(), body);
    let mut out = String::with_capacity(algorithm.prefix().len() + 1 + digest.len() * 2);
    out.push_str(algorithm.prefix());
    out.push('=');
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for byte in digest {
        for nibble in [byte >> 4, byte & 0x0f] {
            if let Some(&c) = HEX.get(usize::from(nibble)) {
                out.push(char::from(c));
            }
        }
    }
    out
}

#[inline(never)]
fn hmac_digest(algorithm: Algorithm, key: &[u8], body: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so new_from_slice never fails; an empty digest would only
    // make the comparison fail, never panic.
    match algorithm {
        Algorithm::Sha1 => match Hmac::<Sha1>::new_from_slice(key) {
            Ok(mut mac) => {
                mac.update(body);
                mac.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        },
        Algorithm::Sha256 => match Hmac::<Sha256>::new_from_slice(key) {
            Ok(mut mac) => {
                mac.update(body);
                mac.finalize().into_bytes().to_vec()
            }
            Err(_) => Vec::new(),
        },
    }
}

/// Constant-time comparison of HMAC(key, body) against `expected` (subtle's, as the hmac
/// crate's own `verify_slice` does it). One HMAC computation shared with `sign`: two would be
/// ~1 KB more of gzipped wasm (BENCHMARKS.md, "Size").
fn hmac_matches(algorithm: Algorithm, key: &[u8], body: &[u8], expected: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(hmac_digest(algorithm, key, body).as_slice().ct_eq(expected))
}

/// Splits `<algorithm>=<digest>` and decodes the digest. `header` is already trimmed and non-empty.
fn parse_header(header: &str) -> Result<(Algorithm, Vec<u8>), Verdict> {
    let Some((name, digest)) = header.split_once('=') else {
        let hint = if decode_digest(header, 20).is_some() || decode_digest(header, 32).is_some() {
            " (it looks like a bare digest: the algorithm prefix is missing)"
        } else {
            ""
        };
        return Err(Verdict::fail(
            Reason::MalformedHeader,
            format!(
                "the X-Hub-Signature header must look like `sha1=<digest>`, got {}{hint}",
                shown(header)
            ),
            None,
        ));
    };
    let name = name.trim();
    let digest = digest.trim();
    let Some(algorithm) = Algorithm::from_prefix(name) else {
        let looks_like_name = !name.is_empty()
            && name.len() <= 32
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        return Err(if looks_like_name {
            Verdict::fail(
                Reason::UnsupportedAlgorithm,
                format!(
                    "the X-Hub-Signature header uses the algorithm {}; only sha1 and sha256 are supported",
                    shown(name)
                ),
                None,
            )
        } else {
            Verdict::fail(
                Reason::MalformedHeader,
                format!(
                    "the X-Hub-Signature header must look like `sha1=<digest>`, got {}",
                    shown(header)
                ),
                None,
            )
        });
    };
    if digest.is_empty() {
        return Err(Verdict::fail(
            Reason::MalformedHeader,
            format!("the X-Hub-Signature header has an empty {} digest", algorithm.prefix()),
            Some(algorithm),
        ));
    }
    match decode_digest(digest, algorithm.digest_len()) {
        Some(bytes) => Ok((algorithm, bytes)),
        None => Err(Verdict::fail(
            Reason::MalformedHeader,
            format!(
                "the {} digest in the X-Hub-Signature header is neither {} hex digits nor base64 of \
                 {} bytes (got {} characters)",
                algorithm.prefix(),
                algorithm.digest_len() * 2,
                algorithm.digest_len(),
                digest.chars().count()
            ),
            Some(algorithm),
        )),
    }
}

/// A header fragment quoted for a message, cut to a readable length.
fn shown(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        format!("`{cut}…`")
    } else {
        format!("`{cut}`")
    }
}

/// Decodes a digest of `len` bytes given as hex (either case) or base64 (standard or URL-safe,
/// padded or not). Hex is tried first: a hex string of the right length is never valid base64 of
/// the same byte length, so the order cannot change a result.
pub fn decode_digest(s: &str, len: usize) -> Option<Vec<u8>> {
    if s.len() == len.checked_mul(2)? {
        if let Some(bytes) = decode_hex(s) {
            return Some(bytes);
        }
    }
    decode_base64(s).filter(|b| b.len() == len)
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    bytes
        .chunks_exact(2)
        .map(|pair| match pair {
            [hi, lo] => Some((hex_value(*hi)? << 4) | hex_value(*lo)?),
            _ => None,
        })
        .collect()
}

fn base64_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    }
}

/// Base64 in either alphabet (not mixed), padding optional but correct when present.
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let body = bytes
        .strip_suffix(b"==")
        .or_else(|| bytes.strip_suffix(b"="))
        .unwrap_or(bytes);
    let padded = body.len() != bytes.len();
    if padded && bytes.len() % 4 != 0 {
        return None;
    }
    if body.len() % 4 == 1 {
        return None;
    }
    let std_chars = body.iter().any(|&c| c == b'+' || c == b'/');
    let url_chars = body.iter().any(|&c| c == b'-' || c == b'_');
    if std_chars && url_chars {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.chunks(4) {
        let mut acc: u32 = 0;
        for &c in chunk {
            acc = (acc << 6) | base64_value(c)?;
        }
        match chunk.len() {
            4 => out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]),
            3 => {
                // 18 bits: 16 data bits, 2 that must be zero (canonical encoding).
                if acc & 0b11 != 0 {
                    return None;
                }
                out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]);
            }
            2 => {
                if acc & 0b1111 != 0 {
                    return None;
                }
                out.push((acc >> 4) as u8);
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
mod tests {
    use super::*;

    // Reference values computed independently with `openssl dgst -sha1 -hmac` / node:crypto.
    const BODY: &[u8] = br#"{"event_name":"message","text":"hello"}"#;

    fn std_b64(bytes: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..=chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            }
        }
        while out.len() % 4 != 0 {
            out.push('=');
        }
        out
    }

    fn hex_of(header: &str) -> &str {
        header.split_once('=').unwrap().1
    }

    fn bytes_of_hex(h: &str) -> Vec<u8> {
        decode_hex(h).unwrap()
    }

    #[test]
    fn rfc2202_hmac_sha1_vector() {
        // RFC 2202 test case 2.
        let got = sign(b"what do ya want for nothing?", "Jefe", Algorithm::Sha1);
        assert_eq!(got, "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    #[test]
    fn rfc4231_hmac_sha256_vector() {
        // RFC 4231 test case 2.
        let got = sign(b"what do ya want for nothing?", "Jefe", Algorithm::Sha256);
        assert_eq!(
            got,
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn valid_lowercase_and_uppercase_hex() {
        let h = sign(BODY, "s3cret", Algorithm::Sha1);
        assert!(verify(BODY, Some(&h), &["s3cret"]).valid);
        let upper = format!("SHA1={}", hex_of(&h).to_uppercase());
        let v = verify(BODY, Some(&upper), &["s3cret"]);
        assert!(v.valid, "{v:?}");
        assert_eq!(v.algorithm, Some(Algorithm::Sha1));
        assert_eq!(v.secret_index, Some(0));
        let spaced = format!("  {h}\t");
        assert!(verify(BODY, Some(&spaced), &["s3cret"]).valid);
    }

    #[test]
    fn valid_base64_forms() {
        for alg in [Algorithm::Sha1, Algorithm::Sha256] {
            let h = sign(BODY, "k", alg);
            let raw = bytes_of_hex(hex_of(&h));
            let std = std_b64(&raw);
            let unpadded = std.trim_end_matches('=').to_string();
            let url = std.replace('+', "-").replace('/', "_");
            let url_unpadded = unpadded.replace('+', "-").replace('/', "_");
            for form in [std, unpadded, url, url_unpadded] {
                let header = format!("{}={form}", alg.prefix());
                let v = verify(BODY, Some(&header), &["k"]);
                assert!(v.valid, "{header}: {v:?}");
            }
        }
    }

    #[test]
    fn sha256_accepted() {
        let h = sign(BODY, "k", Algorithm::Sha256);
        assert!(h.starts_with("sha256="));
        let v = verify(BODY, Some(&h), &["k"]);
        assert!(v.valid);
        assert_eq!(v.algorithm, Some(Algorithm::Sha256));
    }

    #[test]
    fn rotation_any_secret_matches() {
        let h = sign(BODY, "new", Algorithm::Sha1);
        let v = verify(BODY, Some(&h), &["old", "new"]);
        assert!(v.valid);
        assert_eq!(v.secret_index, Some(1));
        let v = verify(BODY, Some(&h), &["", "new"]);
        assert_eq!(v.secret_index, Some(1));
    }

    #[test]
    fn non_ascii_body() {
        let body = "{\"text\":\"नमस्ते 👋 café\"}".as_bytes();
        let h = sign(body, "ключ", Algorithm::Sha1);
        assert!(verify(body, Some(&h), &["ключ"]).valid);
        assert!(!verify(b"{\"text\":\"namaste\"}", Some(&h), &["ключ"]).valid);
    }

    #[test]
    fn missing_header() {
        for h in [None, Some(""), Some("   ")] {
            let v = verify(BODY, h, &["k"]);
            assert!(!v.valid);
            assert_eq!(v.reason, Some(Reason::MissingHeader));
            assert!(!v.message.is_empty());
        }
    }

    #[test]
    fn malformed_header() {
        let bare = hex_of(&sign(BODY, "k", Algorithm::Sha1)).to_string();
        for h in ["sha1", "sha1=", "sha1=xyz", "sha1=abcd", "=abc", "sha 1=abc", &bare] {
            let v = verify(BODY, Some(h), &["k"]);
            assert_eq!(v.reason, Some(Reason::MalformedHeader), "{h}: {v:?}");
        }
        assert!(verify(BODY, Some(&bare), &["k"]).message.contains("bare digest"));
        // A sha256-length digest under a sha1 prefix.
        let h256 = sign(BODY, "k", Algorithm::Sha256);
        let swapped = format!("sha1={}", hex_of(&h256));
        assert_eq!(
            verify(BODY, Some(&swapped), &["k"]).reason,
            Some(Reason::MalformedHeader)
        );
        // Mixed base64 alphabets and bad padding.
        assert_eq!(decode_base64("ab+_"), None);
        assert_eq!(decode_base64("abc=="), None);
        assert_eq!(decode_base64("a"), None);
    }

    #[test]
    fn unsupported_algorithm() {
        let v = verify(BODY, Some("sha512=abcdef"), &["k"]);
        assert_eq!(v.reason, Some(Reason::UnsupportedAlgorithm));
        assert!(v.message.contains("sha512"));
        assert_eq!(
            verify(BODY, Some("md5=00"), &["k"]).reason,
            Some(Reason::UnsupportedAlgorithm)
        );
    }

    #[test]
    fn no_secret() {
        let h = sign(BODY, "k", Algorithm::Sha1);
        assert_eq!(verify(BODY, Some(&h), &[]).reason, Some(Reason::NoSecret));
        assert_eq!(verify(BODY, Some(&h), &["", ""]).reason, Some(Reason::NoSecret));
    }

    #[test]
    fn digest_mismatch() {
        let h = sign(BODY, "k", Algorithm::Sha1);
        let v = verify(BODY, Some(&h), &["other"]);
        assert_eq!(v.reason, Some(Reason::DigestMismatch));
        let mut tampered = BODY.to_vec();
        tampered.push(b' ');
        assert_eq!(verify(&tampered, Some(&h), &["k"]).reason, Some(Reason::DigestMismatch));
        assert!(verify(&tampered, Some(&h), &["a", "b"])
            .message
            .contains("any of the 2"));
    }

    #[test]
    fn secret_whitespace_is_reported_never_trimmed() {
        let h = sign(BODY, "k", Algorithm::Sha1);
        let v = verify(BODY, Some(&h), &["k\n"]);
        assert!(!v.valid);
        assert_eq!(v.reason, Some(Reason::SecretWhitespace));
        assert!(v.message.contains("DOES match"), "{}", v.message);
        let v = verify(BODY, Some(&h), &[" other"]);
        assert_eq!(v.reason, Some(Reason::SecretWhitespace));
        assert!(v.message.contains("does not match either"));
        // A secret that really has the whitespace (signed with it) is valid.
        let h = sign(BODY, " k ", Algorithm::Sha1);
        assert!(verify(BODY, Some(&h), &[" k "]).valid);
    }

    #[test]
    fn reason_codes_are_stable() {
        let codes: Vec<_> = Reason::ALL.iter().map(|r| (r.abi_code(), r.code())).collect();
        assert_eq!(
            codes,
            vec![
                (1, "missing_header"),
                (2, "malformed_header"),
                (3, "unsupported_algorithm"),
                (4, "no_secret"),
                (5, "digest_mismatch"),
                (6, "secret_whitespace"),
                (7, "body_not_raw"),
            ]
        );
    }

    #[test]
    fn random_headers_never_panic_and_never_verify() {
        // A small deterministic generator over an alphabet rich in the characters the parser
        // cares about; none of these headers carries the right digest.
        let alphabet: Vec<char> = "sha1256=SHA+/-_ \t0123456789abcdefABCDEFxyz=é\u{1F600}"
            .chars()
            .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = (state >> 58) as usize + usize::from(state & 1 == 0) * 40;
            let mut header = String::new();
            for i in 0..len {
                let r = state.rotate_left(i as u32 * 7) as usize;
                header.push(alphabet[r % alphabet.len()]);
            }
            let v = verify(BODY, Some(&header), &["k", " k2"]);
            assert!(!v.valid, "{header}");
            assert!(v.reason.is_some() && !v.message.is_empty());
        }
    }

    #[test]
    fn decoders_reject_garbage_without_panicking() {
        for s in [
            "",
            "=",
            "==",
            "===",
            "a=b",
            "\u{1F600}",
            "zz",
            "0",
            "ÿÿ",
            "AAAA=",
            "A===",
        ] {
            let _ = decode_digest(s, 20);
            let _ = verify(BODY, Some(s), &["k"]);
        }
        assert_eq!(decode_hex("0g"), None);
        assert_eq!(decode_base64("AA==").unwrap(), vec![0]);
        assert_eq!(decode_base64("AB=="), None, "non-canonical trailing bits");
    }
}
