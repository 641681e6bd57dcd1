// PLACEHOLDER: generated from the Rust model by `cargo run --example generate` (scripts/build.sh).
export const EVENT_NAMES = Object.freeze(["message", "chat_pinned", "chat_complete", "webhook_conversation_complete"]);
export const DEPRECATED_EVENT_NAMES = Object.freeze(["chat_complete"]);
export const HSL_TYPES = Object.freeze(["TEXT", "BUTTON", "CAROUSEL", "SYSTEM", "FORM", "SILENT", "NATIVE_ACTION", "RECEIPT", "TAB_LIST"]);
