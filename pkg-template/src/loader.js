// haptik-webhook: the wasm loader (ESM), runtime-independent.
//
// The per-runtime entry files (node.mjs, node.cjs, workerd.mjs, browser.mjs) hand this file a
// WebAssembly.Module (or a function returning one); nothing here touches the file system, the
// network or any runtime-specific global. wasm-bindgen's generated glue (../haptik_webhook.js,
// used as generated) instantiates it lazily, once per isolate/process, and after a trap makes a
// fresh instance with its own `__wbg_reset_state` (built with --experimental-reset-state-function).
// Also the copying of bodies into wasm memory (encodeInto, kept views). See docs/design.md,
// "The wasm boundary".

import * as glue from "../haptik_webhook.js";

// ---------------------------------------------------------------------------------------------
// Loader

/** @type {WebAssembly.Module | (() => WebAssembly.Module) | null} */
let moduleSource = null;
/** The live instance's exports (as the glue returns them), or null before the first call. */
let wasm = null;
/** Set by a trap: the glue resets the instance before the next call. */
let broken = false;

/**
 * Internal (used by the entry files): supplies the compiled module, or a function that
 * compiles it on first use. Once an instance exists the glue keeps its module, and later
 * calls change nothing.
 */
export function __setWasmModule(source) {
  if (!(source instanceof WebAssembly.Module) && typeof source !== "function") {
    throw new TypeError("haptik-webhook: expected a WebAssembly.Module");
  }
  if (wasm === null) moduleSource = source;
}

/** Internal: true once a module (or a way to get one) has been supplied. */
export function __hasWasmModule() {
  return moduleSource !== null;
}

function instantiate() {
  if (moduleSource === null) {
    throw new Error(
      "haptik-webhook: the WebAssembly module has not been provided. Import the package through " +
        "its main entry ('haptik-webhook'), or call init() from it first when your bundler moved the .wasm file.",
    );
  }
  const module = typeof moduleSource === "function" ? moduleSource() : moduleSource;
  if (!(module instanceof WebAssembly.Module)) {
    throw new TypeError("haptik-webhook: the module source did not produce a WebAssembly.Module");
  }
  try {
    return glue.initSync({ module });
  } catch (e) {
    // A LinkError, or a TypeError for an import module the glue does not provide.
    throw new Error(`haptik-webhook: the WebAssembly module does not match this JavaScript (${e && e.message ? e.message : e}).`, { cause: e });
  }
}

/** The live instance's exports, instantiating it (or resetting it after a trap) first when needed. */
function getExports() {
  if (broken) {
    glue.__wbg_reset_state();
    wasm = glue.initSync(); // the glue's new instance
    broken = false;
  }
  if (wasm === null) wasm = instantiate();
  return wasm;
}

/** Errors a wasm call can throw that leave the instance in an unknown state. */
function isWasmFailure(e) {
  return e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
}

/** Thrown (internally) when a wasm call trapped; the instance is reset before the next call. */
export class WasmTrap extends Error {
  constructor(cause) {
    super(`internal error in the WebAssembly validator (${cause && cause.message ? cause.message : cause})`);
    this.name = "WasmTrap";
    this.cause = cause;
  }
}

/**
 * Internal (for parse.js and receive/signature.js): runs `fn(exports)` against the live instance. If a
 * wasm call inside traps (WebAssembly.RuntimeError, or a RangeError such as a stack overflow),
 * the instance is marked broken (the glue resets it before the next call) and an Error with
 * `code: "internal"` is thrown instead.
 */
export function __withWasm(fn) {
  const ex = getExports();
  try {
    return fn(ex);
  } catch (e) {
    if (isWasmFailure(e)) {
      broken = true;
      const err = new WasmTrap(e);
      err.code = "internal";
      throw err;
    }
    throw e;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const hasIsWellFormed = typeof String.prototype.isWellFormed === "function";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` is well-formed UTF-16 (no lone surrogates), i.e. encodes to UTF-8 losslessly. */
export function __isWellFormed(s) {
  return hasIsWellFormed ? s.isWellFormed() : !LONE_SURROGATE.test(s);
}

/**
 * Copies `input` (a string or bytes) into the wasm buffer made by the export `allocName`
 * (`hw_input` or `hw_aux`). Returns { ptr, len }, or null when the input needs more than
 * `maxBytes` bytes: bytes are checked before anything is allocated; a string is first checked
 * by its length (UTF-8 never takes fewer bytes than UTF-16 code units), and its buffer never
 * grows beyond `maxBytes`. Strings must be well-formed (see __isWellFormed).
 */
export function copyIn(ex, allocName, input, maxBytes) {
  if (typeof input === "string") {
    if (input.length > maxBytes) return null;
    const cap = Math.min(input.length * 3, maxBytes);
    const { ptr, view } = buffer(ex, allocName, cap);
    const { read, written } = encoder.encodeInto(input, view);
    if (read < input.length) return null; // needs more than cap (= maxBytes) bytes
    return { ptr, len: written };
  }
  if (input.byteLength > maxBytes) return null;
  const { ptr, view } = buffer(ex, allocName, input.byteLength);
  view.set(input);
  return { ptr, len: input.byteLength };
}

// The wasm buffers only grow (src/wasm.rs, `sized`), so their address and a view over them are
// kept between calls: most calls then cost no wasm call and no new view. A view is made again
// when the instance changes, the buffer must grow, or memory grew (which detaches old views).
const buffers = {
  hw_input: { alloc: glue.hw_input, ex: null, ptr: 0, cap: -1, whole: null },
  hw_aux: { alloc: glue.hw_aux, ex: null, ptr: 0, cap: -1, whole: null },
};

function buffer(ex, allocName, len) {
  const b = buffers[allocName];
  if (b.ex !== ex || len > b.cap) {
    b.ptr = b.alloc(len);
    b.cap = len;
    b.ex = ex;
    b.whole = null;
  }
  if (b.whole === null || b.whole.byteLength === 0) {
    b.whole = new Uint8Array(ex.memory.buffer, b.ptr, b.cap);
  }
  return { ptr: b.ptr, view: len === b.cap ? b.whole : b.whole.subarray(0, len) };
}

/**
 * Internal (for signature.js): copies a string or Uint8Array into the buffer of the export
 * `allocName` ("hw_input" or "hw_aux"); returns the byte length, or -1 when over `maxBytes`.
 */
export function __copyIn(ex, allocName, input, maxBytes = 0xffffffff) {
  const r = copyIn(ex, allocName, input, maxBytes);
  return r === null ? -1 : r.len;
}

/** Internal: the output buffer of the last call, decoded as UTF-8. */
export function __readOutput(ex) {
  const ptr = glue.hw_output_ptr();
  const len = glue.hw_output_len();
  return decoder.decode(new Uint8Array(ex.memory.buffer, ptr, len));
}

/**
 * Test hook: makes the wasm module trap (it calls the export `hw_trap_for_tests`), so a test can
 * check that the next call works again. Throws the Error with `code: "internal"`.
 */
export function __forceTrapForTests() {
  __withWasm(() => glue.hw_trap_for_tests());
}
