//! How the platform delivers an event (spec section 1): the facts the OpenAPI document states
//! and the `send` command imitates, kept once.

/// The endpoint must answer 2xx within this many seconds, or the delivery failed.
pub const ANSWER_LIMIT_SECONDS: u32 = 5;

/// After a failed delivery the platform tries again after each of these gaps; after the last
/// failure it disables the webhook.
pub const RETRY_GAPS_SECONDS: [u32; 6] = [5, 25, 125, 625, 1410, 1410];

/// The header carrying the signature: `sha1=` and the HMAC-SHA1 of the exact body.
pub const SIGNATURE_HEADER: &str = "X-Hub-Signature";
