// haptik-webhook: the fast answer for an object a framework already parsed (express.json(),
// await request.json()): "a known event with nothing to report?", read from the object itself.
//
// Why it exists: the general path turns the object back into JSON text (JSON.stringify, 0.85x a
// JSON.parse) and validates that text in wasm; BENCHMARKS.md, "Object input", measures it, and
// serde-wasm-bindgen reading the object costs more still. Most objects are clean known events,
// and for them this walk of the generated model (./model-table.js, from src/model.rs) is the
// whole answer. Like the quick pass of src/walk/, it is conservative: anything that would give an error, a
// warning or a patch, and a few rare things that would not (an unknown key in a known object,
// an object that is not plain, a number beyond 2^53 anywhere, an unknown event or HSL type whose
// name is close to a known one), make it give up (null), and the general path decides. tests/node/object-check.test.mjs holds it to that:
// whenever it says "clean, event N", validating JSON.stringify of the object says the same.
// jsonCopy then gives parseEvent its new event without writing the text.

import { ROOT } from "./model-table.js";
import { MAX_DEPTH_CAP } from "./constants.js";

/** The field lists and unions, each with a look-up by name built on first use. */
const compiled = new Map();

function compileFields(lists, tag) {
  const byName = Object.create(null);
  let required = 0;
  for (const list of lists) {
    for (const field of list) {
      byName[field.name] = field;
      if (field.required) required++;
    }
  }
  // A union's tag is read (and checked) before its fields; as a member it is just a string.
  if (tag !== null) byName[tag] = TAG_FIELD;
  return { byName, required };
}

const TAG_FIELD = { name: "", ty: { kind: "string", of: null, fields: null, union: null, loose: null }, required: false, legacy: false };

function fieldsOf(list) {
  let c = compiled.get(list);
  if (c === undefined) compiled.set(list, (c = compileFields([list], null)));
  return c;
}

function unionOf(union) {
  let c = compiled.get(union);
  if (c === undefined) {
    const byTag = Object.create(null);
    for (const v of union.variants) {
      byTag[v.tag] = v.deprecated ? null : compileFields([union.common, v.fields], union.tag);
    }
    const lengths = union.variants.map((v) => codePoints(v.tag));
    compiled.set(union, (c = { tag: union.tag, byTag, lengths }));
  }
  return c;
}

// What the JSON text the object stands for takes, as the walk goes: `room` is what is left under
// maxBytes after its structure (punctuation, known keys, numbers and literals at their longest),
// and `units` counts the UTF-16 units of its strings and other keys, which take 1 to 6 bytes
// each there (6 as \uXXXX). When that bound cannot tell, the text's size is counted (jsonBytes).
let room = 0;
let units = 0;
let depthLimit = 0;

const objectProto = Object.prototype;
const hasOwn = Object.prototype.hasOwnProperty;
const arrayProto = Array.prototype;

/** An object JSON.stringify writes as its own keys (no toJSON of its class, no other realm). */
function isPlainObject(x) {
  if (x === null || typeof x !== "object") return false;
  const proto = Object.getPrototypeOf(x);
  return proto === objectProto || proto === null;
}

function isPlainArray(x) {
  return Array.isArray(x) && Object.getPrototypeOf(x) === arrayProto;
}

function string(x) {
  if (typeof x !== "string") return false;
  room -= 2;
  units += x.length;
  return true;
}

function safeInteger(x) {
  room -= 24;
  return Number.isSafeInteger(x);
}

function finiteNumber(x) {
  room -= 24;
  return typeof x === "number" && Number.isFinite(x);
}

function boolean(x) {
  room -= 5;
  return typeof x === "boolean";
}

/** A value of `ty` at nesting `depth` (of the container holding it). */
function check(x, ty, depth) {
  switch (ty.kind) {
    case "string":
    case "enum":
      return string(x);
    case "bool":
      return boolean(x);
    case "integer":
    case "id":
    case "int_enum":
      return safeInteger(x);
    case "number":
      return finiteNumber(x);
    case "nullable":
      if (x === null) {
        room -= 4;
        return true;
      }
      return check(x, ty.of, depth);
    case "array":
      return isPlainArray(x) && items(x, ty.of, depth + 1);
    case "object":
      return isPlainObject(x) && members(x, fieldsOf(ty.fields), depth + 1);
    case "map":
      return isPlainObject(x) && values(x, ty.of, depth + 1);
    case "union":
    case "body":
      return isPlainObject(x) && union(x, unionOf(ty.union), depth + 1);
    case "loose":
      return loose(x, ty, depth);
    case "any":
      return any(x, depth);
    default:
      return false;
  }
}

/** The loose forms in their canonical form only (the others are normalised, and reported). */
function loose(x, ty, depth) {
  switch (ty.loose) {
    case "integer_or_numeric_string":
      return safeInteger(x);
    case "number_or_string":
    case "number_or_numeric_string":
      return finiteNumber(x);
    case "boolean":
      return boolean(x);
    case "string_or_integer":
      return string(x);
    case "flag":
      room -= 1;
      return x === 0 || x === 1;
    case "closing_categories":
      return isPlainObject(x) && members(x, fieldsOf(ty.fields), depth + 1);
    default:
      return false;
  }
}

/** Any JSON value; a number beyond 2^53 in size (which would be kept exact) gives up. */
function any(x, depth) {
  switch (typeof x) {
    case "string":
      return string(x);
    case "boolean":
      room -= 5;
      return true;
    case "number":
      room -= 24;
      return Number.isFinite(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER;
    case "object":
      if (x === null) {
        room -= 4;
        return true;
      }
      if (isPlainArray(x)) return items(x, null, depth + 1);
      return isPlainObject(x) && values(x, null, depth + 1);
    default:
      return false; // undefined (in an array), a function, a symbol, a bigint
  }
}

/** An array's items (each of `ty`, or any value when `ty` is null). */
function items(x, ty, depth) {
  if (depth > depthLimit) return false;
  room -= 2 + x.length;
  for (let i = 0; i < x.length; i++) if (!(ty === null ? any(x[i], depth) : check(x[i], ty, depth))) return false;
  return true;
}

/** A map's values (each of `ty`, or any value when `ty` is null); undefined ones are absent, as in JSON. */
function values(x, ty, depth) {
  if (depth > depthLimit) return false;
  room -= 2;
  for (const key in x) {
    if (!hasOwn.call(x, key)) continue;
    const v = x[key];
    if (v === undefined) continue;
    room -= 4; // quotes, colon, comma
    units += key.length;
    if (!(ty === null ? any(v, depth) : check(v, ty, depth))) return false;
  }
  return true;
}

/** An object of known fields: every key one of them (and no older name), every required one present. */
function members(x, spec, depth) {
  if (depth > depthLimit) return false;
  const { byName } = spec;
  let required = 0;
  room -= 2;
  for (const key in x) {
    if (!hasOwn.call(x, key)) continue;
    const v = x[key];
    if (v === undefined) continue;
    const field = byName[key];
    // An unknown key could be a near miss of a field (a warning): the general path decides.
    if (field === undefined || field.legacy) return false;
    room -= key.length + 4; // a field name of the model is plain ASCII, written as it is
    if (!check(v, field.ty, depth)) return false;
    if (field.required) required++;
  }
  return required === spec.required;
}

/** An object of a union: its tag names a known, non-deprecated variant, whose fields it has. */
function union(x, u, depth) {
  if (!hasOwn.call(x, u.tag)) return false;
  const tag = x[u.tag];
  if (typeof tag !== "string") return false;
  const variant = u.byTag[tag];
  if (variant === null) return false; // deprecated: a warning
  // An unknown member is kept whole, as values of any type; a near miss of a known tag is a
  // warning ("did you mean"), so only a tag that cannot be one is answered here.
  if (variant === undefined) return farFromEvery(tag, u) && values(x, null, depth);
  return members(x, variant, depth);
}

/**
 * True when `tag` cannot be a near miss of a known tag (src/suggest.rs): a near miss is the same
 * name but for case, `-` or ` ` for `_` and surrounding space, or within an edit distance of 2,
 * so a tag whose length is more than 2 code points away from every known one, with no space at
 * either end, is none. A conservative test: closer tags go the general path.
 */
function farFromEvery(tag, u) {
  // (A surrogate too: the text path names the event by its UTF-8 form, where a lone one is U+FFFD.)
  if (/^[\s\u0085]|[\s\u0085]$|[\ud800-\udfff]/.test(tag)) return false;
  const n = codePoints(tag);
  for (const length of u.lengths) if (Math.abs(n - length) <= 2) return false;
  return true;
}

function codePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * The event name of `value` when it is a non-deprecated event (known, or unknown and kept whole)
 * that validating its JSON text would find clean (no error, no warning, nothing to normalise);
 * null when the general path must decide. `maxDepth` and `maxBytes` are validateEvent's options.
 */
export function cleanObjectEvent(value, maxDepth, maxBytes) {
  // A getter that validates another object while this walk runs would reset `room` under it:
  // then the general path answers.
  if (walking || !isPlainObject(value)) return null;
  walking = true;
  try {
    room = maxBytes;
    units = 0;
    depthLimit = Math.min(maxDepth, MAX_DEPTH_CAP);
    const u = unionOf(ROOT);
    if (!union(value, u, 1)) return null;
    if (room - 6 * units < 0 && jsonBytes(value) > maxBytes) return null;
    return value[u.tag];
  } catch {
    return null; // a getter that throws: the general path reports it
  } finally {
    walking = false;
  }
}

let walking = false;

/**
 * The size in UTF-8 bytes of JSON.stringify(value), for a value the walk accepted (plain objects
 * and arrays, strings, finite numbers, booleans and null; no undefined in an array), counted
 * without writing the text: for an object near maxBytes, whose bound above cannot tell.
 * tests/node/object-check.test.mjs holds it to the size of the text itself.
 */
function jsonBytes(x) {
  switch (typeof x) {
    case "string":
      return stringBytes(x);
    case "number":
      return String(x).length; // what JSON.stringify writes for a finite number (-0 as 0)
    case "boolean":
      return x ? 4 : 5;
    default: {
      if (x === null) return 4;
      if (Array.isArray(x)) {
        let n = 1 + Math.max(x.length, 1); // brackets and commas
        for (let i = 0; i < x.length; i++) n += jsonBytes(x[i]);
        return n;
      }
      let n = 2;
      let first = true;
      for (const key in x) {
        if (!hasOwn.call(x, key)) continue;
        const v = x[key];
        if (v === undefined) continue;
        n += stringBytes(key) + jsonBytes(v) + (first ? 1 : 2); // colon (and comma)
        first = false;
      }
      return n;
    }
  }
}

/** Characters JSON.stringify writes as they are, one byte each. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** The size in UTF-8 bytes of JSON.stringify(s): quotes, escapes and all. */
function stringBytes(s) {
  if (PLAIN.test(s)) return s.length + 2;
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      // \" \\ \b \t \n \f \r, other controls as \u00XX
      if (c === 0x22 || c === 0x5c || c === 8 || c === 9 || c === 10 || c === 12 || c === 13) n += 2;
      else n += c < 0x20 ? 6 : 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair: one character beyond U+FFFF
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      n += 6; // a lone surrogate, which JSON.stringify writes as \uXXXX
    } else {
      n += 3;
    }
  }
  return n;
}

/**
 * A new value equal to JSON.parse(JSON.stringify(value)), for a value cleanObjectEvent accepted
 * (so it holds only plain objects, dense plain arrays, strings, booleans, null and finite
 * numbers; undefined properties are left out). About 0.3x a JSON.parse where the text round
 * trip costs 2x (BENCHMARKS.md, "Object input").
 */
export function jsonCopy(value) {
  if (typeof value !== "object" || value === null) {
    return value === 0 ? 0 : value; // -0 is written "0" and read back as 0
  }
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = jsonCopy(value[i]);
    return out;
  }
  const out = {};
  for (const key in value) {
    if (!hasOwn.call(value, key)) continue;
    const v = value[key];
    if (v === undefined) continue;
    // JSON.parse makes "__proto__" an own property; an assignment would set the prototype.
    if (key === "__proto__") Object.defineProperty(out, key, { value: jsonCopy(v), writable: true, enumerable: true, configurable: true });
    else out[key] = jsonCopy(v);
  }
  return out;
}
