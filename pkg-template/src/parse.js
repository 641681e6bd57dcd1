// haptik-webhook: parseEvent, safeParseEvent, validateEvent: the options, one validation pass in
// wasm (loader.js), then V8's JSON.parse builds the object and the report's patches are applied.

import * as glue from "../haptik_webhook.js";
import { EVENT_NAMES, DEPRECATED_EVENT_NAMES, HSL_TYPES, ISSUE_CODES, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, MAX_DEPTH_CAP } from "./constants.js";
import { __withWasm, __isWellFormed, __readOutput, copyIn, WasmTrap } from "./loader.js";
import { HaptikWebhookError, issue, __whatIs, __shown } from "./errors.js";
import { cleanObjectEvent, jsonCopy } from "./object-check.js";

export { EVENT_NAMES, DEPRECATED_EVENT_NAMES, HSL_TYPES, ISSUE_CODES };

const { Outcome } = glue;
const decoder = new TextDecoder();

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
  if (typeof data === "string" && len !== data.length && hasLoneSurrogate(data, len)) {
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
 * Whether `text`, just written by encodeInto as the first `len` bytes of the input buffer, had a
 * lone surrogate. encodeInto writes one as U+FFFD (EF BF BD): for a text without U+FFFD of its
 * own, a scan of the bytes in wasm says it, at a fraction of isWellFormed's cost on a large
 * two-byte string (BENCHMARKS.md, "Lone surrogates"); a text with U+FFFD asks isWellFormed.
 */
function hasLoneSurrogate(text, len) {
  return text.indexOf("\uFFFD") === -1 ? glue.hw_input_has_replacement(len) : !__isWellFormed(text);
}

/**
 * Reads the compact report (src/report.rs, `Report::to_compact`): fields separated by U+001F;
 * valid, "=" + event name (empty for none), the numbers of errors and warnings, then eight
 * fields per issue (empty when absent). Cheaper than JSON.parse of the same report, and than a
 * report built as a JS object by serde-wasm-bindgen (BENCHMARKS.md, "Object input").
 */
function readCompactReport(text) {
  const f = new CompactFields(text);
  const valid = f.next() === "1";
  const name = f.next();
  const errorCount = f.number();
  const count = errorCount + f.number();
  const errors = [];
  const warnings = [];
  for (let n = 0; n < count; n++) {
    const found = { code: f.next(), path: f.next(), message: f.next() };
    const expected = f.next();
    if (expected !== "") found.expected = expected;
    const received = f.next();
    if (received !== "") found.received = received;
    const line = f.number();
    if (line !== undefined) found.line = line;
    const column = f.number();
    if (column !== undefined) found.column = column;
    const offset = f.number();
    if (offset !== undefined) found.offset = offset;
    (n < errorCount ? errors : warnings).push(found);
  }
  return { valid, eventName: name === "" ? null : name.slice(1), errors, warnings, patches: [], cleaned: false };
}

/**
 * The fields of a compact report, one after the other. Walked with indexOf (split costs more
 * here), and numbers read digit by digit (they are plain decimals, which the report writes with
 * push_decimal): ~20 % cheaper than slices and `+` (BENCHMARKS.md, "Issue 16's targets").
 */
class CompactFields {
  constructor(text) {
    this.text = text;
    this.at = 0;
  }

  /** The end of the field that starts at `at`. */
  end(at) {
    const end = this.text.indexOf("\u001f", at);
    return end < 0 ? this.text.length : end;
  }

  next() {
    const { text, at } = this;
    const end = this.end(at);
    this.at = end + 1;
    return text.slice(at, end);
  }

  /** A decimal number, or undefined for an empty field. */
  number() {
    const { text, at } = this;
    const end = this.end(at);
    this.at = end + 1;
    if (end === at) return undefined;
    let n = 0;
    for (let i = at; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 48);
    return n;
  }
}

function failure(err) {
  return { report: { valid: false, eventName: null, errors: [err], warnings: [], patches: [], cleaned: false }, text: null };
}

function hasOwn(o, k) {
  return o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k);
}

/** A patch's path step as the key or index JSON.parse made (a key with a lone surrogate arrives as its UTF-16 code units). */
function step(segment) {
  if (typeof segment !== "object") return segment;
  let key = "";
  for (const unit of segment) key += String.fromCharCode(unit);
  return key;
}

/** What the value `old` at a patch's path becomes (src/report.rs, `Normalised`). */
function normalised(to, old) {
  switch (to.to) {
    case "number":
      return Number(to.text); // JSON number syntax: the value JSON.parse would give
    case "boolean":
    case "string":
      return to.value;
    case "text_element":
      return { type: "TEXT", text: old, data: { quick_replies: [] } };
    case "parsed_json":
      return JSON.parse(old);
    default:
      throw new Error(`haptik-webhook: internal error: unknown patch ${JSON.stringify(to)}`);
  }
}

function applyPatches(value, patches) {
  let root = value;
  for (const patch of patches) {
    const path = patch.path.map(step);
    if (path.length === 0) {
      root = normalised(patch.value, root);
      continue;
    }
    let target = root;
    for (let i = 0; i < path.length - 1; i++) {
      if (!hasOwn(target, path[i])) throw new Error(`haptik-webhook: internal error: bad patch path /${path.join("/")}`);
      target = target[path[i]];
    }
    const last = path[path.length - 1];
    if (!hasOwn(target, last)) {
      throw new Error(`haptik-webhook: internal error: bad patch path /${path.join("/")}`);
    }
    // defineProperty: a key may be __proto__.
    Object.defineProperty(target, last, { value: normalised(patch.value, target[last]), writable: true, enumerable: true, configurable: true });
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
const notRaw = (input) => `the body must be ${RAW} (the raw request body) or a parsed object, but is ${__whatIs(input)}`;

/**
 * Parses and validates a raw webhook body, or an object a framework already parsed (a new event
 * is returned; the object is left as it was). Returns the event; throws HaptikWebhookError
 * listing every problem. Unknown event names parse as unknown events (never an error).
 */
export function parseEvent(input, options) {
  const opts = readOptions(options);
  const parsed = parseInput(input, opts);
  if (parsed === null) throw new TypeError(`haptik-webhook: parseEvent: ${notRaw(input)}`);
  const { value, errors, warnings } = parsed;
  if (errors !== null) throw new HaptikWebhookError(errors, warnings);
  return value;
}

/** Not a raw body, but an object to check as the payload (a Promise is neither: await it first). */
const isPayloadObject = (input) => input !== null && typeof input === "object" && !(input instanceof Promise);

/**
 * parseRaw of a raw body, or parseValueWith of an already-parsed object (a new event is built;
 * the caller's object is never changed). null when `input` is neither.
 */
function parseInput(input, opts) {
  const data = __asInput(input);
  if (data !== null) return parseRaw(data, opts);
  return isPayloadObject(input) ? parseValueWith(input, opts) : null;
}

/**
 * parseEvent without throwing for a bad body (zod's safeParse shape), in one pass:
 * { success: true, data, warnings } or { success: false, errors, warnings }.
 * Bad options are still a TypeError: they are a bug of the caller, not of the payload.
 */
export function safeParseEvent(input, options) {
  const parsed = parseInput(input, readOptions(options));
  if (parsed === null) {
    return { success: false, errors: [issue("invalid_type", notRaw(input), { expected: `${RAW}, or a parsed object`, received: __shown(input) })], warnings: [] };
  }
  const { value, errors, warnings } = parsed;
  return errors === null ? { success: true, data: value, warnings } : { success: false, errors, warnings };
}

/**
 * Validates a raw body (string, Uint8Array, ArrayBuffer) or an already-parsed object without
 * throwing. An object gets the verdict of its JSON text: a clean one is answered by the object
 * check (object-check.js); any other is turned back into JSON with JSON.stringify (BENCHMARKS.md,
 * "Object input": reading it through serde-wasm-bindgen costs 5x more). What JSON cannot hold as
 * it is (NaN, Infinity, functions, symbols, BigInt, cycles, undefined in an array) is an
 * `invalid_value` issue at its path first; undefined properties are absent and a Date is its
 * toJSON(), as in JSON.stringify. Its issues have no line or column.
 */
export function validateEvent(input, options) {
  const opts = readOptions(options);
  let data = __asInput(input);
  const parsedObject = data === null;
  if (parsedObject) {
    // Most objects are clean events: object-check.js answers those from the object itself.
    const clean = cleanObjectEvent(input, opts.maxDepth, opts.maxBytes);
    if (clean !== null) return { valid: true, eventName: clean, errors: [], warnings: [] };
    const json = jsonOf(input, opts.maxDepth);
    if (json.error) return result(failure(json.error).report);
    data = json.text;
  }
  const r = run(data, opts, false);
  if (r.report === null) return { valid: true, eventName: r.eventName, errors: [], warnings: [] };
  const out = result(r.report);
  // An object has no text of its own: a line and column would point into our JSON.stringify of
  // it, which the caller never saw. The path says where.
  return parsedObject ? { ...out, errors: withoutPositions(out.errors), warnings: withoutPositions(out.warnings) } : out;
}

/** The issues of an object's JSON.stringify text without line, column and offset (the caller never saw that text). */
function withoutPositions(issues) {
  return issues.map(({ line, column, offset, ...rest }) => rest);
}

/**
 * An already-parsed value as JSON text: { text } or { error } (an issue) when JSON cannot hold
 * it as it is. JSON.stringify would change some values silently (NaN and Infinity become null, a
 * function or undefined in an array becomes null, a function property vanishes): those are
 * found first, with their path, so the verdict is never about a value the caller did not have.
 */
function jsonOf(value, maxDepth) {
  if (!isPayloadObject(value)) {
    return { error: issue("invalid_type", `the payload must be an object, but is ${__whatIs(value)}`, { expected: "an object", received: __shown(value) }) };
  }
  let odd;
  try {
    odd = notJson(value, Math.min(maxDepth, MAX_DEPTH_CAP));
  } catch (e) {
    // A getter that throws (a parsed body has none): an answer, not an exception.
    return { error: notSerialisable(`reading it threw: ${e && e.message ? e.message : e}`) };
  }
  if (odd !== null) {
    const message = `${odd.path === "" ? "the payload" : odd.path} must be a JSON value, but is ${odd.what}`;
    return { error: issue("invalid_value", message, { path: odd.path, expected: "a JSON value", received: __shown(odd.value) }) };
  }
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    return { error: notSerialisable(e && e.message ? e.message : e) };
  }
  return { text };
}

function notSerialisable(why) {
  return issue("invalid_value", `the payload must be JSON-serialisable, but is not: ${why}`, { expected: "a JSON-serialisable object" });
}

const escapeKey = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

/** The first value under `value` that JSON cannot hold as it is: { path, what } or null. */
function notJson(value, maxDepth) {
  const found = oddUnder(value, [], maxDepth);
  if (found === null) return null;
  // The keys were collected on the way back up: innermost first.
  let path = "";
  for (let i = found.keys.length - 1; i >= 0; i--) path += `/${escapeKey(found.keys[i])}`;
  return { path, what: found.what, value: found.value };
}

/** What a value that is not an object is, when JSON cannot hold it (null when it can). */
function oddScalar(x) {
  switch (typeof x) {
    case "string":
    case "boolean":
      return null;
    case "number":
      return Number.isFinite(x) ? null : `${x} (JSON has no ${x}: JSON.stringify would write null)`;
    default:
      return __whatIs(x); // a function, a symbol, a bigint
  }
}

/**
 * The walk of notJson: no path is built unless something is found (this runs on every object
 * validateEvent is given). Properties whose value is undefined are left out, as JSON.stringify
 * leaves them (a parsed body never has them). Below maxDepth it stops looking: the validator
 * reports the depth itself.
 */
function oddUnder(v, ancestors, maxDepth) {
  if (typeof v.toJSON === "function" || ancestors.length >= maxDepth) return null;
  if (ancestors.includes(v)) return { keys: [], what: "a circular reference (to an object that contains it)", value: v };
  ancestors.push(v);
  let found = null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x === undefined) found = { keys: [], what: "undefined (JSON.stringify would write null)", value: x };
      else if (typeof x === "object") found = x === null ? null : oddUnder(x, ancestors, maxDepth);
      else {
        const what = oddScalar(x);
        found = what === null ? null : { keys: [], what, value: x };
      }
      if (found !== null) {
        found.keys.push(i);
        break;
      }
    }
  } else {
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      const x = v[k];
      if (x === undefined) continue;
      if (typeof x === "object") found = x === null ? null : oddUnder(x, ancestors, maxDepth);
      else {
        const what = oddScalar(x);
        found = what === null ? null : { keys: [], what, value: x };
      }
      if (found !== null) {
        found.keys.push(k);
        break;
      }
    }
  }
  ancestors.pop();
  return found;
}

/**
 * Internal (the Standard Schema): parseEvent of an already-parsed value, in one pass and never
 * throwing for a bad value: { value, errors, warnings } as parseRaw gives them.
 */
export function __parseValue(value, options) {
  return parseValueWith(value, readOptions(options));
}

function parseValueWith(value, opts) {
  if (cleanObjectEvent(value, opts.maxDepth, opts.maxBytes) !== null) {
    // A clean event: the new event is what the general path below would build (the
    // object's JSON read back, nothing to patch), copied without the text. A getter that throws
    // goes the general way.
    try {
      return { value: jsonCopy(value), errors: null, warnings: [] };
    } catch {
      // the general path reports it
    }
  }
  const json = jsonOf(value, opts.maxDepth);
  if (json.error) return { value: undefined, errors: [json.error], warnings: [] };
  const { value: event, errors, warnings } = parseRaw(json.text, opts);
  return { value: event, errors: errors === null ? null : withoutPositions(errors), warnings: withoutPositions(warnings) };
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
