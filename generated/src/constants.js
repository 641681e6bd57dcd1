// Generated from the Rust core (src/model.rs, src/issue.rs, src/signature.rs) by `cargo run --example generate`. Do not edit by hand.
export const EVENT_NAMES = Object.freeze(["message", "chat_pinned", "chat_complete", "webhook_conversation_complete"]);
export const DEPRECATED_EVENT_NAMES = Object.freeze(["chat_complete"]);
export const HSL_TYPES = Object.freeze(["TEXT", "BUTTON", "CAROUSEL", "SYSTEM", "FORM", "SILENT", "NATIVE_ACTION", "RECEIPT", "TAB_LIST"]);
export const ISSUE_CODES = Object.freeze(["syntax", "invalid_encoding", "duplicate_key", "missing_field", "invalid_type", "invalid_value", "unsafe_integer", "number_out_of_range", "too_large", "too_deep", "loose_type", "legacy_shape", "deprecated", "comment", "trailing_comma", "byte_order_mark", "possible_typo", "internal"]);
export const SIGNATURE_REASONS = Object.freeze(["missing_header", "malformed_header", "unsupported_algorithm", "no_secret", "digest_mismatch", "secret_whitespace", "body_not_raw"]);
export const SIGNATURE_ALGORITHMS = Object.freeze(["sha1", "sha256"]);
export const ANSWER_LIMIT_SECONDS = 5;
export const RETRY_GAPS_SECONDS = Object.freeze([5, 25, 125, 625, 1410, 1410]);
export const SIGNATURE_HEADER = "x-hub-signature";
export const DEFAULT_MAX_BYTES = 1048576;
export const DEFAULT_MAX_DEPTH = 64;
export const MAX_DEPTH_CAP = 256;
