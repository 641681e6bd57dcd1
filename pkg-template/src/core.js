// haptik-webhook: the runtime-independent core (ESM).
//
// The per-runtime entry files (node.mjs, node.cjs, workerd.mjs, browser.mjs) hand this file a
// WebAssembly.Module (or a function returning one); nothing here touches the file system, the
// network or any runtime-specific global. wasm-bindgen's generated glue (../haptik_webhook.js,
// used as generated) instantiates it lazily, once per isolate/process, and after a trap makes a
// fresh instance with its own `__wbg_reset_state` (built with --experimental-reset-state-function).
// See docs/design.md, "The wasm boundary".

import * as glue from "../haptik_webhook.js";
import { EVENT_NAMES, DEPRECATED_EVENT_NAMES, HSL_TYPES, ISSUE_CODES, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from "./constants.js";

export { EVENT_NAMES, DEPRECATED_EVENT_NAMES, HSL_TYPES, ISSUE_CODES };

const { Outcome } = glue;

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

// ---------------------------------------------------------------------------------------------
// Errors

const ERROR_BRAND = Symbol.for("haptik-webhook.HaptikWebhookError");

/** The issue in one sentence: its pointer once (the core's messages already start with it). */
function describe(issue) {
  if (!issue.path || issue.message.startsWith(issue.path + " ") || issue.message.startsWith(issue.path + ":")) return issue.message;
  return `${issue.path}: ${issue.message}`;
}

/** Thrown by parseEvent: `issues` holds every error found, `warnings` every warning. */
export class HaptikWebhookError extends Error {
  /**
   * `details.kind` is "payload" (the default: `issues` lists the errors) or "signature" (the
   * X-Hub-Signature did not verify: `details.reason` and `details.message` say why).
   */
  constructor(issues, warnings = [], details = undefined) {
    const list = Array.isArray(issues) ? issues : [];
    const kind = details && details.kind === "signature" ? "signature" : "payload";
    const first = list[0];
    const more = list.length > 1 ? ` (and ${list.length - 1} more issue${list.length > 2 ? "s" : ""})` : "";
    super(
      kind === "signature"
        ? `Invalid Haptik webhook signature: ${details.message || details.reason}`
        : first ? `Invalid Haptik webhook: ${describe(first)}${more}` : "Invalid Haptik webhook",
    );
    this.kind = kind;
    this.reason = kind === "signature" ? details.reason : null;
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

/**
 * What a JS value is, in the core's words (`a number: 42`, `an array`, `undefined`): the end
 * of "… must be X, but is <this>", the one style of every message, bad arguments included.
 * Internal: also signature.js's.
 */
export function __whatIs(value) {
  if (value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string": {
      const shown = value.length > 40 ? value.slice(0, 40) + "…" : value;
      return `a string: ${JSON.stringify(shown)}`;
    }
    case "number":
    case "boolean":
      return `a ${typeof value}: ${value}`;
    case "bigint":
      return `a bigint: ${value}n`;
    case "object":
      return value instanceof Promise ? "a Promise (await it first)" : "an object";
    default:
      return `a ${typeof value}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Options and input

const DEFAULT_OPTIONS = Object.freeze({ lenient: false, maxBytes: DEFAULT_MAX_BYTES, maxDepth: DEFAULT_MAX_DEPTH });

function readOptions(options) {
  if (options === undefined || options === null) return DEFAULT_OPTIONS;
  if (typeof options !== "object") throw new TypeError(`haptik-webhook: options must be an object, but is ${__whatIs(options)}`);
  const { lenient = false, maxBytes = DEFAULT_MAX_BYTES, maxDepth = DEFAULT_MAX_DEPTH } = options;
  if (typeof lenient !== "boolean") throw new TypeError(`haptik-webhook: options.lenient must be a boolean, but is ${__whatIs(lenient)}`);
  if (!Number.isInteger(maxBytes) || maxBytes < 0 || maxBytes > 0xffffffff) {
    throw new TypeError(`haptik-webhook: options.maxBytes must be a non-negative integer, but is ${__whatIs(maxBytes)}`);
  }
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 0xffffffff) {
    throw new TypeError(`haptik-webhook: options.maxDepth must be a positive integer, but is ${__whatIs(maxDepth)}`);
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
 * Runs the validator. Returns { report, text, eventName? }: `report` null for a clean event
 * (named by `eventName`); `text` the JSON text to parse when the input was cleaned, else null
 * (use the original input).
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

// What run() returns for a clean known event: the same object every time, one per name of
// EVENT_NAMES (generated from the model, as the wasm's event indices are).
const CLEAN_KNOWN = EVENT_NAMES.map((eventName) => Object.freeze({ report: null, text: null, eventName }));

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
  // Text from a JS string is UTF-8 by construction (encodeInto): the wasm skips the check.
  const outcome = glue.hw_validate(len, opts.lenient, typeof data === "string", opts.maxDepth);
  switch (outcome) {
    case Outcome.CleanKnown: {
      const index = glue.hw_known_event();
      return CLEAN_KNOWN[index] ?? failure(issue("internal", `internal error: the validator named event ${index}, which EVENT_NAMES does not have`));
    }
    case Outcome.CleanUnknown:
      return { report: null, text: null, eventName: __readOutput(ex) };
    case Outcome.CompactReport:
      return { report: readCompactReport(__readOutput(ex)), text: null };
    case Outcome.JsonReport: {
      const json = __readOutput(ex);
      if (json === "") return failure(issue("internal", "internal error: the validator wrote no report"));
      const report = JSON.parse(json);
      let text = null;
      if (report.valid && report.cleaned && wantText) {
        // The input buffer (same length) now holds strict JSON. Its address is unchanged: the
        // buffer is rewritten in place, never resized, by hw_validate.
        text = decoder.decode(new Uint8Array(ex.memory.buffer, ptr, len));
      }
      return { report, text };
    }
    default:
      return failure(issue("internal", `internal error: the validator returned an unknown outcome ${outcome}`));
  }
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
  return { report: { valid: false, eventName: null, errors: [err], warnings: [], patches: [], cleaned: false }, text: null };
}

function hasOwn(o, k) {
  return o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k);
}

function applyPatches(value, patches) {
  let root = value;
  for (const patch of patches) {
    // Each patch's path and value arrive as JSON text (keys exactly as written).
    const path = JSON.parse(patch.path);
    const v = JSON.parse(patch.value);
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
 * One pass over a raw body (already checked to be one): { value } with the warnings, or the
 * report's errors. The one place the event is built.
 */
function parseRaw(data, opts) {
  const r = run(data, opts, true);
  if (r.report === null) return { value: JSON.parse(textOf(data)), errors: null, warnings: [] };
  const { report } = r;
  const warnings = report.warnings ?? [];
  if (!report.valid) return { value: undefined, errors: report.errors, warnings };
  let value = JSON.parse(r.text !== null ? r.text : textOf(data));
  if (report.patches && report.patches.length > 0) value = applyPatches(value, report.patches);
  return { value, errors: null, warnings };
}

const RAW = "a string, Uint8Array or ArrayBuffer";
const notRaw = (input) => `the body must be ${RAW} (the raw request body), but is ${__whatIs(input)}`;

/**
 * Parses and validates a raw webhook body. Returns the event; throws HaptikWebhookError listing
 * every problem. Unknown event names parse as unknown events (never an error).
 */
export function parseEvent(input, options) {
  const opts = readOptions(options);
  const data = __asInput(input);
  if (data === null) throw new TypeError(`haptik-webhook: parseEvent: ${notRaw(input)}`);
  const { value, errors, warnings } = parseRaw(data, opts);
  if (errors !== null) throw new HaptikWebhookError(errors, warnings);
  return value;
}

/**
 * parseEvent without throwing for a bad body (zod's safeParse shape), in one pass:
 * { success: true, data, warnings } or { success: false, errors, warnings }.
 * Bad options are still a TypeError: they are a bug of the caller, not of the payload.
 */
export function safeParseEvent(input, options) {
  const opts = readOptions(options);
  const data = __asInput(input);
  if (data === null) {
    return { success: false, errors: [issue("invalid_type", notRaw(input), { expected: RAW, received: __whatIs(input) })], warnings: [] };
  }
  const { value, errors, warnings } = parseRaw(data, opts);
  return errors === null ? { success: true, data: value, warnings } : { success: false, errors, warnings };
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
    const json = jsonOf(input);
    if (json.error) return result(failure(json.error).report);
    data = json.text;
  }
  const r = run(data, opts, false);
  if (r.report === null) return { valid: true, eventName: r.eventName, errors: [], warnings: [] };
  return result(r.report);
}

/** An already-parsed value as JSON text: { text } or { error } (an issue) when JSON cannot hold it. */
function jsonOf(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    return {
      error: issue("invalid_value", `the payload must be JSON-serialisable, but is not: ${e && e.message ? e.message : e}`, {
        expected: "a JSON-serialisable object",
      }),
    };
  }
  if (text === undefined) {
    return { error: issue("invalid_type", `the payload must be an object, but is ${__whatIs(value)}`, { expected: "an object", received: __whatIs(value) }) };
  }
  return { text };
}

/**
 * Internal (the Standard Schema): parseEvent of an already-parsed value, in one pass and never
 * throwing for a bad value: { value, errors, warnings } as parseRaw gives them.
 */
export function __parseValue(value, options) {
  const json = jsonOf(value);
  if (json.error) return { value: undefined, errors: [json.error], warnings: [] };
  return parseRaw(json.text, readOptions(options));
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
