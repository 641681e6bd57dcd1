// haptik-webhook: the runtime-independent core (ESM).
//
// The per-runtime entry files (node.mjs, node.cjs, workerd.mjs, browser.mjs) hand this file a
// WebAssembly.Module (or a function returning one); nothing here touches the file system, the
// network or any runtime-specific global. The module is instantiated lazily, once per
// isolate/process, by this file itself (not by wasm-bindgen's JS glue, whose `initSync` caches
// the instance and cannot recover from a trap). See docs/design.md, "The wasm ABI".

import { EVENT_NAMES, DEPRECATED_EVENT_NAMES, HSL_TYPES, ISSUE_CODES } from "./constants.js";

export { EVENT_NAMES, DEPRECATED_EVENT_NAMES, HSL_TYPES, ISSUE_CODES };

const DEFAULT_MAX_BYTES = 1048576;
const DEFAULT_MAX_DEPTH = 64;
const FLAG_LENIENT = 1;
const FLAG_VALID_UTF8 = 2;

const GLUE_MODULE = "./haptik_webhook_bg.js";

// ---------------------------------------------------------------------------------------------
// Loader

/** @type {WebAssembly.Module | (() => WebAssembly.Module) | null} */
let moduleSource = null;
/** @type {WebAssembly.Module | null} */
let wasmModule = null;
/** The exports of the live instance, or null (not yet created, or dropped after a trap). */
let wasm = null;

/**
 * Internal (used by the entry files): supplies the compiled module, or a function that
 * compiles it on first use. Replaces any previous module and drops the live instance.
 */
export function __setWasmModule(source) {
  if (!(source instanceof WebAssembly.Module) && typeof source !== "function") {
    throw new TypeError("haptik-webhook: expected a WebAssembly.Module");
  }
  moduleSource = source;
  wasmModule = null;
  wasm = null;
}

/** Internal: true once a module (or a way to get one) has been supplied. */
export function __hasWasmModule() {
  return moduleSource !== null;
}

function getModule() {
  if (wasmModule === null) {
    if (moduleSource === null) {
      throw new Error(
        "haptik-webhook: the WebAssembly module has not been provided. Import the package through " +
          "its main entry ('haptik-webhook'), or call init() from it first when your bundler moved the .wasm file.",
      );
    }
    const m = typeof moduleSource === "function" ? moduleSource() : moduleSource;
    if (!(m instanceof WebAssembly.Module)) {
      throw new TypeError("haptik-webhook: the module source did not produce a WebAssembly.Module");
    }
    checkImports(m);
    wasmModule = m;
  }
  return wasmModule;
}

function checkImports(m) {
  for (const imp of WebAssembly.Module.imports(m)) {
    if (imp.module !== GLUE_MODULE || imp.name !== "__wbindgen_init_externref_table") {
      throw new Error(
        `haptik-webhook: the WebAssembly module needs an import this loader does not provide: ` +
          `${imp.module} ${imp.name} (${imp.kind}). The .wasm file does not match this JavaScript.`,
      );
    }
  }
}

function instantiate() {
  const module = getModule();
  let exports = null;
  const imports = {
    [GLUE_MODULE]: {
      // What wasm-bindgen's glue does: seed the externref table with its fixed values.
      __wbindgen_init_externref_table() {
        const table = exports.__wbindgen_externrefs;
        table.set(0, undefined);
        table.set(1024, undefined);
        table.set(1025, null);
        table.set(1026, true);
        table.set(1027, false);
      },
    },
  };
  const instance = new WebAssembly.Instance(module, imports);
  exports = instance.exports;
  if (typeof exports.__wbindgen_start === "function") exports.__wbindgen_start();
  return exports;
}

/** The live instance's exports, instantiating it first when needed. */
function getExports() {
  if (wasm === null) wasm = instantiate();
  return wasm;
}

/** Errors a wasm call can throw that leave the instance in an unknown state. */
function isWasmFailure(e) {
  return e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
}

/** Thrown (internally) when a wasm call trapped; the instance has already been dropped. */
class WasmTrap extends Error {
  constructor(cause) {
    super(`internal error in the WebAssembly validator (${cause && cause.message ? cause.message : cause})`);
    this.name = "WasmTrap";
    this.cause = cause;
  }
}

/**
 * Internal (for signature.js / handlers.js): runs `fn(exports)` against the live instance. If a
 * wasm call inside traps (WebAssembly.RuntimeError, or a RangeError such as a stack overflow),
 * the instance is dropped (the next call re-instantiates it from the kept Module) and an
 * Error with `code: "internal"` is thrown instead.
 */
export function __withWasm(fn) {
  const ex = getExports();
  try {
    return fn(ex);
  } catch (e) {
    if (isWasmFailure(e)) {
      if (wasm === ex) wasm = null;
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
function copyIn(ex, allocName, input, maxBytes) {
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
const buffers = { hw_input: { ex: null, ptr: 0, cap: -1, whole: null }, hw_aux: { ex: null, ptr: 0, cap: -1, whole: null } };

function buffer(ex, allocName, len) {
  const b = buffers[allocName];
  if (b.ex !== ex || len > b.cap) {
    b.ptr = ex[allocName](len) >>> 0;
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
  const ptr = ex.hw_output_ptr() >>> 0;
  const len = ex.hw_output_len() >>> 0;
  return decoder.decode(new Uint8Array(ex.memory.buffer, ptr, len));
}

/**
 * Test hook: makes the wasm module trap (it calls the export `hw_trap_for_tests`), so a test can
 * check that the next call works again. Throws the Error with `code: "internal"`.
 */
export function __forceTrapForTests() {
  __withWasm((ex) => ex.hw_trap_for_tests());
}

// ---------------------------------------------------------------------------------------------
// Errors

const ERROR_BRAND = Symbol.for("haptik-webhook.HaptikWebhookError");

function describe(issue) {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** Thrown by parseEvent: `issues` holds every error found, `warnings` every warning. */
export class HaptikWebhookError extends Error {
  constructor(issues, warnings = []) {
    const list = Array.isArray(issues) ? issues : [];
    const first = list[0];
    const more = list.length > 1 ? ` (and ${list.length - 1} more issue${list.length > 2 ? "s" : ""})` : "";
    super(first ? `Invalid Haptik webhook: ${describe(first)}${more}` : "Invalid Haptik webhook");
    this.issues = list;
    this.warnings = Array.isArray(warnings) ? warnings : [];
  }

  get name() {
    return "HaptikWebhookError";
  }

  get [ERROR_BRAND]() {
    return true;
  }

  // `instanceof` also holds for errors made by another copy of this file (the ESM and the
  // CommonJS builds are separate copies in Node).
  static [Symbol.hasInstance](value) {
    if (this !== HaptikWebhookError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return value !== null && typeof value === "object" && value[ERROR_BRAND] === true;
  }
}

function issue(code, message, extra) {
  return { code, path: "", message, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Options and input

const DEFAULT_OPTIONS = Object.freeze({ lenient: false, maxBytes: DEFAULT_MAX_BYTES, maxDepth: DEFAULT_MAX_DEPTH });

function readOptions(options) {
  if (options === undefined || options === null) return DEFAULT_OPTIONS;
  if (typeof options !== "object") throw new TypeError("haptik-webhook: options must be an object");
  const { lenient = false, maxBytes = DEFAULT_MAX_BYTES, maxDepth = DEFAULT_MAX_DEPTH } = options;
  if (typeof lenient !== "boolean") throw new TypeError("haptik-webhook: options.lenient must be a boolean");
  if (!Number.isInteger(maxBytes) || maxBytes < 0 || maxBytes > 0xffffffff) {
    throw new TypeError("haptik-webhook: options.maxBytes must be a non-negative integer");
  }
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 0xffffffff) {
    throw new TypeError("haptik-webhook: options.maxDepth must be a positive integer");
  }
  return { lenient, maxBytes, maxDepth };
}

/**
 * A string, or a Uint8Array over the bytes (of an ArrayBuffer or any view); null for anything
 * else. Internal: also signature.js's test of a raw body.
 */
export function __asInput(input) {
  if (typeof input === "string") return input;
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return null;
}

function tooLarge(size, maxBytes) {
  return issue("too_large", `the payload is larger than maxBytes (${maxBytes} bytes)`, {
    expected: `at most ${maxBytes} bytes`,
    received: size === undefined ? `more than ${maxBytes} bytes` : `${size} bytes`,
  });
}

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * Runs the validator. Returns { code, report?, text? } where text is the JSON text to parse
 * when the payload is valid: for code 1..4, `null` (use the original input); for a valid
 * report, the cleaned text when the input was cleaned, else null.
 * Never throws for bad input: problems become { report } with errors.
 */
function run(data, opts, wantText) {
  if (typeof data !== "string" && data.byteLength > opts.maxBytes) {
    return failure(tooLarge(data.byteLength, opts.maxBytes));
  }
  try {
    return __withWasm((ex) => validateWith(ex, data, opts, wantText));
  } catch (e) {
    if (e instanceof WasmTrap) {
      return failure(issue("internal", `${e.message}; the module was re-initialised`));
    }
    throw e;
  }
}

// What run() returns for a clean known event (codes 1..4): the same object every time.
const CLEAN_KNOWN = EVENT_NAMES.map((eventName, i) => Object.freeze({ code: i + 1, report: null, text: null, eventName }));

function validateWith(ex, data, opts, wantText) {
  const input = copyIn(ex, "hw_input", data, opts.maxBytes);
  if (input === null) return failure(tooLarge(undefined, opts.maxBytes));
  const { ptr, len } = input;
  // encodeInto turns lone surrogates into U+FFFD: text with any must be refused, not
  // changed. Only text with non-ASCII characters (more bytes than characters) can have them.
  if (typeof data === "string" && len !== data.length && !__isWellFormed(data)) {
    return failure(
      issue("invalid_encoding", "the payload is not valid Unicode text: it contains a lone UTF-16 surrogate", {
        expected: "well-formed text",
        received: "a lone surrogate",
      }),
    );
  }
  let flags = opts.lenient ? FLAG_LENIENT : 0;
  if (typeof data === "string") flags |= FLAG_VALID_UTF8;
  const code = ex.hw_validate(len, flags, opts.maxDepth) >>> 0;
  if (code >= 1 && code <= 4) return CLEAN_KNOWN[code - 1];
  // 5: a valid unknown event with nothing to report; its name is the output.
  if (code === 5) return { code, report: null, text: null, eventName: __readOutput(ex) };
  // 6: a report with nothing to apply (no patches, nothing cleaned), in its compact form.
  if (code === 6) return { code, report: readCompactReport(__readOutput(ex)), text: null };
  if (code !== 0) {
    return failure(issue("internal", `internal error: the validator returned an unknown code ${code}`));
  }
  const report = JSON.parse(__readOutput(ex));
  let text = null;
  if (report.valid && report.cleaned && wantText) {
    // The input buffer (same length) now holds strict JSON. Its address is unchanged: the
    // buffer is rewritten in place, never resized, by hw_validate.
    text = decoder.decode(new Uint8Array(ex.memory.buffer, ptr, len));
  }
  return { code, report, text };
}

/**
 * Reads the compact report (src/report.rs, `Report::to_compact`): fields separated by U+001F;
 * valid, "=" + event name (empty for none), the numbers of errors and warnings, then eight
 * fields per issue (empty when absent). Cheaper than JSON.parse of the same report.
 */
function readCompactReport(text) {
  // Walked with indexOf (String.prototype.split costs twice as much here).
  let at = 0;
  const field = () => {
    let end = text.indexOf("\u001f", at);
    if (end < 0) end = text.length;
    const value = text.slice(at, end);
    at = end + 1;
    return value;
  };
  const number = () => {
    const value = field();
    return value === "" ? undefined : +value;
  };
  const valid = field() === "1";
  const name = field();
  const errorCount = number();
  const count = errorCount + number();
  const errors = [];
  const warnings = [];
  for (let n = 0; n < count; n++) {
    const found = { code: field(), path: field(), message: field() };
    const expected = field();
    if (expected !== "") found.expected = expected;
    const received = field();
    if (received !== "") found.received = received;
    const line = number();
    if (line !== undefined) found.line = line;
    const column = number();
    if (column !== undefined) found.column = column;
    const offset = number();
    if (offset !== undefined) found.offset = offset;
    (n < errorCount ? errors : warnings).push(found);
  }
  return { valid, eventName: name === "" ? null : name.slice(1), errors, warnings, patches: [], cleaned: false };
}

function failure(err) {
  return { code: 0, report: { valid: false, eventName: null, errors: [err], warnings: [], patches: [], cleaned: false }, text: null };
}

function hasOwn(o, k) {
  return o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k);
}

function applyPatches(value, patches) {
  let root = value;
  for (const { path, value: v } of patches) {
    if (path.length === 0) {
      root = v;
      continue;
    }
    let target = root;
    for (let i = 0; i < path.length - 1; i++) {
      if (!hasOwn(target, path[i])) throw new Error(`haptik-webhook: internal error: bad patch path /${path.join("/")}`);
      target = target[path[i]];
    }
    if (target === null || typeof target !== "object") {
      throw new Error(`haptik-webhook: internal error: bad patch path /${path.join("/")}`);
    }
    Object.defineProperty(target, path[path.length - 1], { value: v, writable: true, enumerable: true, configurable: true });
  }
  return root;
}

function textOf(data) {
  return typeof data === "string" ? data : decoder.decode(data);
}

/**
 * Parses and validates a raw webhook body. Returns the event; throws HaptikWebhookError listing
 * every problem. Unknown event names parse as unknown events (never an error).
 */
export function parseEvent(input, options) {
  const opts = readOptions(options);
  const data = __asInput(input);
  if (data === null) {
    throw new TypeError("haptik-webhook: parseEvent expects a string, Uint8Array or ArrayBuffer");
  }
  const r = run(data, opts, true);
  if (r.report === null) return JSON.parse(textOf(data));
  const { report } = r;
  if (!report.valid) throw new HaptikWebhookError(report.errors, report.warnings);
  let value = JSON.parse(r.text !== null ? r.text : textOf(data));
  if (report.patches && report.patches.length > 0) value = applyPatches(value, report.patches);
  return value;
}

/**
 * Validates a raw body (string, Uint8Array, ArrayBuffer) or an already-parsed object without
 * throwing. An object is first turned back into JSON with JSON.stringify, so what JSON cannot
 * represent is not seen as it was (undefined properties vanish, Dates become strings, a BigInt
 * or a cycle makes it an `invalid_value` error) and syntax/line/column issues do not apply.
 */
export function validateEvent(input, options) {
  const opts = readOptions(options);
  let data = __asInput(input);
  if (data === null) {
    let json;
    try {
      json = JSON.stringify(input);
    } catch (e) {
      return result(
        failure(issue("invalid_value", `the value cannot be turned into JSON: ${e && e.message ? e.message : e}`, {
          expected: "a JSON-serialisable object",
        })).report,
      );
    }
    if (json === undefined) {
      return result(
        failure(issue("invalid_type", "expected an object, received " + typeof input, {
          expected: "object",
          received: typeof input,
        })).report,
      );
    }
    data = json;
  }
  const r = run(data, opts, false);
  if (r.report === null) return { valid: true, eventName: r.eventName, errors: [], warnings: [] };
  return result(r.report);
}

function result(report) {
  return {
    valid: report.valid,
    eventName: report.eventName ?? null,
    errors: report.errors ?? [],
    warnings: report.warnings ?? [],
  };
}

/** True when `ev.event_name` is one of the known events (narrows to KnownEvent). */
export function isKnownEvent(ev) {
  return ev !== null && typeof ev === "object" && EVENT_NAMES.includes(ev.event_name);
}

/** True when `body.type` is one of the known HSL element types (narrows to KnownElement). */
export function isKnownElement(body) {
  return body !== null && typeof body === "object" && HSL_TYPES.includes(body.type);
}
