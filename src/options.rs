//! How a body is read: the options of every validation, and their bounds. The lowest layer
//! the passes share (the quick and the full pass both take them).

#[derive(Clone, Debug)]
pub struct Options {
    /// Also accept comments and trailing commas (reported as warnings).
    pub lenient: bool,
    /// The input is known to be UTF-8 (skip the check).
    pub trusted_utf8: bool,
    /// Deepest nesting accepted; capped at [`MAX_DEPTH_CAP`].
    pub max_depth: u32,
    pub max_bytes: usize,
}

/// The validator recurses once per nesting level; this bound keeps it far inside wasm's stack.
pub const MAX_DEPTH_CAP: u32 = 256;
pub const DEFAULT_MAX_DEPTH: u32 = 64;
pub const DEFAULT_MAX_BYTES: usize = 1 << 20;

impl Default for Options {
    fn default() -> Options {
        Options {
            lenient: false,
            trusted_utf8: false,
            max_depth: DEFAULT_MAX_DEPTH,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}
