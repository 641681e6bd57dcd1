// The object check (pkg-template/src/object-check.js), held to the general path it shortcuts:
// whenever it says "clean, event N" for an object, validating the object's JSON text in wasm
// says valid, no warning, nothing to patch, event N. And validateEvent / parseEvent of an
// object give what they give for its JSON text, on every sample and thousands of changes of
// them (each value replaced by each kind of value, each key removed, renamed or doubled).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { parseEvent, safeParseEvent, validateEvent } from "../../pkg/node.mjs";
import { cleanObjectEvent } from "../../pkg/src/object-check.js";

const ROOT = new URL("../../", import.meta.url);
const DEFAULTS = [64, 1 << 20];

/** Every JSON sample and fixture, parsed. */
function corpus() {
  const out = [];
  for (const dir of ["samples", "tests/fixtures"]) {
    for (const name of readdirSync(new URL(dir, ROOT))) {
      if (!name.endsWith(".json") || name === "index.json") continue;
      out.push({ name, value: JSON.parse(readFileSync(new URL(`${dir}/${name}`, ROOT), "utf8")) });
    }
  }
  return out;
}

/** The paths (key lists) of every value under `v`. */
function paths(v, at = [], out = []) {
  if (v !== null && typeof v === "object") {
    for (const k of Object.keys(v)) {
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(v[k], p, out);
    }
  }
  return out;
}

/** A deep copy of plain objects and arrays; anything else (a function, a Date...) kept as it is. */
function copyOf(v) {
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = copyOf(v[i]);
    return out;
  }
  if (v === null || typeof v !== "object" || ![Object.prototype, null].includes(Object.getPrototypeOf(v))) return v;
  const out = Object.create(Object.getPrototypeOf(v));
  for (const k of Object.keys(v)) out[k] = copyOf(v[k]);
  return out;
}

function setAt(root, path, value) {
  const copy = copyOf(root);
  let target = copy;
  for (const k of path.slice(0, -1)) target = target[k];
  const last = path[path.length - 1];
  if (value === DELETE) delete target[last];
  else target[last] = value;
  return copy;
}

const DELETE = Symbol("delete");
class Point {
  constructor() {
    this.x = 1;
  }
}
// JSON.stringify writes what toJSON gives: here an integer beyond 2^53 (a warning in the text).
class Huge {
  toJSON() {
    return 2 ** 60;
  }
}
// Each value put at each path: every JSON kind, the edges of the number rules, the loose forms
// as strings, and what JSON cannot hold as it is.
const REPLACEMENTS = [
  DELETE, null, true, false, 0, 1, -1, -0, 2, 1.5, 0.1, 1e21, 1e300, -1e-7, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53),
  "", "x", "343", "1.5", "true", "True", "0", "TEXT", "CAROUSEL", "message", "chat_complete", "typing_indicator",
  "\ud800", "a\u0000b", "\"\\", {}, [], [1], [null], { a: 1 }, { type: "TEXT" }, [[[]]],
  // Unknown event names and HSL types, near misses of known ones (warnings) and far from all.
  "typing_indicator", "agent_note_added_by_a_bot_long", "Message", "message ", " message", "mesage", "messages", "chat-pinned",
  "CHAT_PINNED", "x", "ab", "a".repeat(40), "\u0085typing_indicator", "typing_indicator\u00a0", "\ufefftyping_indicator",
  "TEXT_ONLY", "QUICK_REPLY_LIST_X", "FANCY", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "webhook_conversation_completed",
  "chat_pinnedxx", "webhook_conversation_completexx", "NATIVE_ACTIONXX", `message${" ".repeat(10)}`, `${"\u0085".repeat(10)}message`, "CAROUSEL_WITH_SOMETHING_X",
  NaN, Infinity, undefined, () => 1, Symbol("s"), 10n, new Date(0), new Point(), new Huge(), Object.create(null), [, 1], new String("s"),
];

/** The verdict of the general path: validateEvent of the object's JSON text. */
function textVerdict(value, maxDepth, maxBytes) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    return null; // a BigInt or a cycle: no text
  }
  if (text === undefined) return null;
  return { text, report: validateEvent(text, { maxDepth, maxBytes }) };
}

/** True when JSON text holds `v` as it is (undefined properties aside: both paths drop them). */
function jsonExact(v) {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && Array.from(v).every((x, i) => i in v && jsonExact(x));
  if (typeof v !== "object" || ![Object.prototype, null].includes(Object.getPrototypeOf(v))) return false;
  return Object.values(v).every((x) => x === undefined || jsonExact(x));
}

let accepted = 0;
let checked = 0;

/** The invariant, on one object: a "clean" from the object check is the text's verdict too. */
function holds(value, label, maxDepth = DEFAULTS[0], maxBytes = DEFAULTS[1]) {
  const clean = cleanObjectEvent(value, maxDepth, maxBytes);
  checked++;
  if (clean === null) return;
  accepted++;
  const t = textVerdict(value, maxDepth, maxBytes);
  assert.ok(t !== null, `${label}: clean, but JSON cannot write it`);
  const { report, text } = t;
  assert.equal(report.valid, true, `${label}: clean, but the text has errors: ${JSON.stringify(report.errors)}`);
  assert.deepEqual(report.warnings, [], `${label}: clean, but the text has warnings`);
  assert.equal(report.eventName, clean, `${label}: event name`);
  // Nothing to patch or normalise: the event is the text as JSON.parse reads it.
  assert.deepEqual(parseEvent(text, { maxDepth, maxBytes }), JSON.parse(text), `${label}: the text would be normalised`);
}

/** validateEvent and safeParseEvent of an object give what they give for its text (no positions). */
function sameAsText(value, label) {
  // Values JSON.stringify changes (NaN, functions...) are the object's own issue: not compared.
  if (!jsonExact(value)) return;
  const t = textVerdict(value, ...DEFAULTS);
  const strip = (issues) => issues.map(({ line, column, offset, ...rest }) => rest);
  const fromObject = validateEvent(value);
  const fromText = validateEvent(t.text);
  assert.deepEqual(fromObject, { ...fromText, errors: strip(fromText.errors), warnings: strip(fromText.warnings) }, `${label}: validateEvent`);
  const a = safeParseEvent(value);
  const b = safeParseEvent(t.text);
  assert.equal(a.success, b.success, `${label}: safeParseEvent`);
  if (a.success) assert.deepEqual(a.data, b.data, `${label}: safeParseEvent's event`);
}

test("every clean sample is answered by the object check, unknown events included", () => {
  for (const { name, value } of corpus()) {
    const r = validateEvent(JSON.stringify(value));
    const clean = r.valid && r.warnings.length === 0 && !["chat_complete"].includes(r.eventName);
    // An unknown HSL type near a known one's length (FANCY_…) is left to the general path.
    if (clean && name !== "hsl-unknown-type.json") assert.equal(cleanObjectEvent(value, ...DEFAULTS), r.eventName, name);
    holds(value, name);
  }
  assert.ok(accepted >= 8, `only ${accepted} samples accepted`);
});

test("a clean from the object check is always the text's verdict: every value replaced, every key removed", (t) => {
  accepted = 0;
  checked = 0;
  for (const { name, value } of corpus()) {
    for (const path of paths(value)) {
      for (const r of REPLACEMENTS) {
        const changed = setAt(value, path, r);
        const label = `${name} /${path.join("/")} = ${typeof r === "symbol" ? String(r) : typeof r === "bigint" ? `${r}n` : JSON.stringify(r)}`;
        holds(changed, label);
        sameAsText(changed, label);
      }
    }
  }
  // The check must not be vacuous: many changed objects stay clean (a string for a string...).
  assert.ok(accepted > 1000, `accepted ${accepted} of ${checked}`);
  assert.ok(accepted < checked / 2, `accepted ${accepted} of ${checked}`);
  t.diagnostic(`${accepted} of ${checked} changed objects answered clean by the object check`);
});

test("keys: an unknown key, a near miss, a legacy name, a renamed field, an inherited one", () => {
  for (const { name, value } of corpus()) {
    for (const path of paths(value)) {
      const parent = path.slice(0, -1);
      const last = path[path.length - 1];
      if (typeof last !== "string") continue;
      const rename = (to) => {
        const copy = structuredClone(value);
        let t = copy;
        for (const k of parent) t = t[k];
        t[to] = t[last];
        delete t[last];
        return copy;
      };
      holds(rename(`${last}x`), `${name}: ${path.join("/")} renamed`);
      holds(rename(last.slice(1)), `${name}: ${path.join("/")} near miss`);
      holds(rename(last.toUpperCase()), `${name}: ${path.join("/")} upper case`);
    }
    holds({ ...value, extra_key: 1 }, `${name}: an extra key`);
    holds({ ...value, bussiness_id: 343 }, `${name}: a near miss at the top`);
    holds({ ...value, __proto__: { business_id: 343 } }, `${name}: inherited business_id`);
  }
  // An inherited event_name (JSON.stringify writes own keys only).
  for (const { name, value } of corpus()) {
    const { event_name, ...others } = value;
    holds(Object.assign(Object.create({ event_name }), others), `${name}: inherited event_name`);
    const plain = { ...others };
    Object.setPrototypeOf(plain, Object.prototype);
    holds(plain, `${name}: no event_name`);
  }
  // A polluted Object.prototype: an enumerable inherited field is not the object's own. (The
  // objects inside have no prototype, so only the top one inherits the polluted key.)
  const bare = (v) => {
    if (Array.isArray(v)) return v.map(bare);
    if (v === null || typeof v !== "object") return v;
    const out = Object.create(null);
    for (const k of Object.keys(v)) out[k] = bare(v[k]);
    return out;
  };
  for (const key of ["business_id", "event_name"]) {
    Object.defineProperty(Object.prototype, key, { value: key === "event_name" ? "message" : 343, enumerable: true, configurable: true, writable: true });
    try {
      for (const { name, value } of corpus()) {
        const top = {};
        for (const [k, v] of Object.entries(value)) if (k !== key) top[k] = bare(v);
        holds(top, `${name}: ${key} only on a polluted Object.prototype`);
      }
    } finally {
      delete Object.prototype[key];
    }
  }
  // A polluted key under a value of any type (the rest without a prototype): the check says
  // clean, and the new event has only the object's own keys, as JSON.stringify writes them.
  Object.defineProperty(Object.prototype, "polluted", { value: 1, enumerable: true, configurable: true, writable: true });
  try {
    const top = bare(corpus().find((c) => c.name === "message-text.json").value);
    top.user.user_id = { own: 1 };
    assert.equal(cleanObjectEvent(top, ...DEFAULTS), "message");
    assert.deepEqual(parseEvent(top).user.user_id, { own: 1 });
  } finally {
    delete Object.prototype.polluted;
  }
  // An object whose prototype holds a required field: JSON.stringify does not write it.
  const base = corpus().find((c) => c.name === "message-text.json").value;
  const { business_id, ...rest } = base;
  assert.equal(cleanObjectEvent(Object.setPrototypeOf(rest, { business_id }), ...DEFAULTS), null);
  assert.equal(validateEvent(Object.setPrototypeOf({ ...rest }, { business_id })).valid, false);
});

test("maxDepth and maxBytes: the object check never says clean where the text is too deep or too large", () => {
  for (const { name, value } of corpus()) {
    const size = Buffer.byteLength(JSON.stringify(value));
    for (const maxBytes of [0, 10, size - 1, size, size + 1, size * 6]) holds(value, `${name} maxBytes ${maxBytes}`, 64, maxBytes);
    for (const maxDepth of [1, 2, 3, 4, 5, 6, 7, 8, 300]) holds(value, `${name} maxDepth ${maxDepth}`, maxDepth, 1 << 20);
  }
  const deep = { version: "1.0", timestamp: "t", business_id: 1, event_name: "chat_pinned", user: { auth_id: "u" }, agent: { id: 1, name: "a" } };
  let x = {};
  deep.agent.extra = x;
  for (let i = 0; i < 300; i++) x = x.a = {};
  holds(deep, "300 levels");
  const cycle = structuredClone(deep);
  cycle.agent.self = cycle;
  holds(cycle, "a cycle");
  assert.equal(validateEvent(cycle).valid, false);
});

test("near maxBytes, the object check counts the text's size exactly (jsonBytes): clean at its size, not one byte under", () => {
  // Strings of every kind JSON.stringify writes differently: plain, escaped (\" \\ \n and other
  // controls as \u00XX), 2- and 3-byte characters, pairs, lone surrogates (as \uXXXX), DEL.
  const texts = ["", "plain", '"q"', "back\\slash", "a\nb\tc\rd\be\ff", "\u0000\u001f\u0001", "é·₹", "★😀", "\ud800", "x\udfff", "\udbff\udfff", "\u007f", "mixé\"\u0003😀\ud83d"];
  let seed = 7;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const values = [];
  for (const { name, value } of corpus()) if (cleanObjectEvent(value, ...DEFAULTS) !== null) values.push({ name, value });
  assert.ok(values.length >= 8, `${values.length} clean samples`);
  const base = values.find((v) => v.value.event_name === "message" && v.value.message.body.type === "TEXT").value;
  for (let i = 0; i < 200; i++) {
    const pick = () => texts[rand(texts.length)] + texts[rand(texts.length)];
    const v = structuredClone(base);
    v.message.body.text = pick();
    // Free-form values (user_id is any JSON) under keys of every kind.
    v.user.user_id = { [pick()]: [pick(), -0, 1.5e-7, -123.25, 2 ** 53 - 1, true, false, null, [], {}, { [pick()]: pick() }] };
    values.push({ name: `random ${i}`, value: v });
  }
  let measured = 0;
  for (const { name, value } of values) {
    if (cleanObjectEvent(value, ...DEFAULTS) === null) continue;
    const size = Buffer.byteLength(JSON.stringify(value));
    assert.equal(cleanObjectEvent(value, 64, size), value.event_name, `${name}: clean at maxBytes = its size (${size})`);
    assert.equal(cleanObjectEvent(value, 64, size - 1), null, `${name}: not clean one byte under its size`);
    holds(value, `${name} at its size`, 64, size);
    measured++;
  }
  assert.ok(measured > 150, `${measured} measured`);
});

test("random changes (seeded): several at once", () => {
  let seed = 20261204;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const all = corpus();
  for (let i = 0; i < 3000; i++) {
    let { name, value } = all[rand(all.length)];
    for (let j = 1 + rand(3); j > 0; j--) {
      const ps = paths(value);
      if (ps.length === 0) break;
      value = setAt(value, ps[rand(ps.length)], REPLACEMENTS[rand(REPLACEMENTS.length)]);
      if (value === null || typeof value !== "object") break;
    }
    holds(value, `${name} (random ${i})`);
    sameAsText(value, `${name} (random ${i})`);
  }
});

test("parseEvent of a clean object is a new event, equal to the text's, the object untouched", () => {
  for (const { name, value } of corpus()) {
    if (cleanObjectEvent(value, ...DEFAULTS) === null) continue;
    const before = structuredClone(value);
    const event = parseEvent(value);
    assert.notEqual(event, value, name);
    assert.deepEqual(event, parseEvent(JSON.stringify(value)), name);
    assert.deepEqual(value, before, name);
    event.user.auth_id = "changed";
    assert.deepEqual(value, before, `${name}: the event shares nothing with the object`);
  }
  // "__proto__" as a key (JSON.parse makes it an own property) and -0 (JSON.stringify writes
  // "0"): the event is still what the object's JSON text reads back as.
  const text = JSON.stringify(corpus().find((c) => c.name === "message-text.json").value).replace(/"user_id":"[^"]*"/, '"user_id":{"__proto__":{"a":1},"x":-0}');
  const object = JSON.parse(text);
  assert.notEqual(cleanObjectEvent(object, ...DEFAULTS), null, "answered by the object check");
  const fromObject = parseEvent(object);
  const userId = fromObject.user.user_id; // a value of any type
  assert.ok(Object.prototype.hasOwnProperty.call(userId, "__proto__"));
  assert.equal(Object.getPrototypeOf(userId), Object.prototype);
  assert.ok(Object.is(userId.x, 0));
  assert.deepEqual(fromObject, JSON.parse(JSON.stringify(object)));
  assert.deepEqual(fromObject, parseEvent(JSON.stringify(object)));
  const base = corpus().find((c) => c.name === "message-text.json").value;
  // A getter that validates another object during the walk: each verdict is still its own.
  const big = { ...base, business_name: "x".repeat(500) };
  const inner = structuredClone(base);
  Object.defineProperty(inner.user, "auth_id", { enumerable: true, get: () => (validateEvent(structuredClone(base)), "u") });
  const outer = { ...big, user: inner.user };
  const size = Buffer.byteLength(JSON.stringify(outer));
  assert.equal(validateEvent(outer, { maxBytes: size - 1 }).valid, false, "too large, whatever the getter does");
  assert.equal(validateEvent(outer, { maxBytes: size }).valid, true);
  // A getter that throws: no crash, the general path reports it.
  const trap = structuredClone(base);
  Object.defineProperty(trap.user, "auth_id", { enumerable: true, get: () => { throw new Error("boom"); } });
  assert.throws(() => parseEvent(trap), /boom/);
  // validateEvent and safeParseEvent never throw, even then: an invalid_value saying why.
  const r = validateEvent(trap);
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].code, "invalid_value");
  assert.match(r.errors[0].message, /JSON-serialisable.*boom/);
  assert.equal(safeParseEvent(trap).success, false);
  // A getter that throws only when read again (by the size count near maxBytes): the same.
  let reads = 0;
  const late = structuredClone(base);
  Object.defineProperty(late.user, "auth_id", { enumerable: true, get: () => { if (reads++ > 0) throw new Error("again"); return "u"; } });
  const near = Buffer.byteLength(JSON.stringify({ ...late, user: { ...late.user, auth_id: "u" } }));
  reads = 0;
  const r2 = validateEvent(late, { maxBytes: near });
  assert.equal(r2.valid, false);
  assert.match(r2.errors[0].message, /again/);
});

test("every kind of type and loose form in the generated model table is one the check handles", () => {
  // A kind the check did not know would make it give up on every event holding one (correct,
  // but the fast answer lost without a word): the generator and the check must move together.
  const table = readFileSync(new URL("pkg/src/model-table.js", ROOT), "utf8");
  const check = readFileSync(new URL("pkg/src/object-check.js", ROOT), "utf8");
  const kinds = new Set([...table.matchAll(/ty\("([a-z_]+)"/g)].map((m) => m[1]));
  const looseForms = new Set([...table.matchAll(/ty\("loose", [^)]*"([a-z_]+)"\)/g)].map((m) => m[1]));
  assert.ok(kinds.size >= 10 && looseForms.size >= 6, `${[...kinds]} / ${[...looseForms]}`);
  for (const name of [...kinds, ...looseForms]) assert.ok(check.includes(`case "${name}":`), `object-check.js does not handle "${name}"`);
});
