// Bounded work: size and depth limits hold before any large allocation, and big-but-allowed
// payloads get the right answer. The `timeout`s are hang guards (a test that never ends), far
// above the real times (see the README, "Hostile input"), not timing assertions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, message, MESSAGE, utf8, codes, wasmMemoryBytes } from "./lib.mjs";

const { parseEvent, validateEvent, HaptikWebhookError } = api;
const MB = 1024 * 1024;
const GUARD = { timeout: 120_000 };

test("a 50 MB body is too_large, and never copied into wasm memory", GUARD, () => {
  validateEvent(MESSAGE); // instantiate
  const before = wasmMemoryBytes();
  const text = " ".repeat(50 * MB - 2) + "{}";
  const bytes = utf8(text);
  for (const input of [text, bytes, bytes.buffer]) {
    const r = validateEvent(input);
    assert.deepEqual(codes(r), ["too_large"]);
    assert.throws(() => parseEvent(input), (e) => e instanceof HaptikWebhookError && e.issues[0].code === "too_large");
    assert.deepEqual(codes(validateEvent(input, { lenient: true })), ["too_large"]);
  }
  // A string whose UTF-16 length is within maxBytes but whose UTF-8 is not (3 bytes per char).
  const wide = "€".repeat(MB / 2);
  assert.ok(wide.length <= MB && utf8(wide).length > MB);
  assert.deepEqual(codes(validateEvent(wide)), ["too_large"]);
  // The input buffer never grew past maxBytes (1 MiB): memory grew far less than 50 MB.
  assert.ok(wasmMemoryBytes() - before < 8 * MB, `wasm memory grew by ${wasmMemoryBytes() - before} bytes`);
});

test("100 000 nested arrays: too_deep, or syntax when also broken", GUARD, () => {
  const n = 100_000;
  const deep = "[".repeat(n) + "]".repeat(n);
  assert.deepEqual(codes(validateEvent(deep)), ["too_deep"]);
  assert.deepEqual(codes(validateEvent(utf8(deep), { lenient: true })), ["too_deep"]);
  const inField = `{"event_name":"message","x":${deep}}`;
  const r = validateEvent(inField);
  assert.deepEqual(r.errors.map((e) => e.code), ["too_deep"]);
  assert.match(r.errors[0].path, /^\/x(\/0){63}$/, "the path of the level beyond the limit");
  // Unclosed: a syntax error (at the end of the input) is the more useful answer.
  const open = "[".repeat(n);
  const s = validateEvent(open);
  assert.deepEqual(codes(s), ["syntax"]);
  assert.equal(s.errors[0].offset, n);
  assert.deepEqual(codes(validateEvent("[".repeat(n) + "]".repeat(n - 1) + "}")), ["syntax"]);
  // Nested objects too.
  assert.deepEqual(codes(validateEvent('{"a":'.repeat(n) + "1" + "}".repeat(n))), ["too_deep"]);
});

test("a 1 MB string in a field: valid within maxBytes, too_large over it", GUARD, () => {
  const ev = message();
  ev.message.body.text = "x".repeat(MB);
  const text = JSON.stringify(ev);
  assert.deepEqual(codes(validateEvent(text)), ["too_large"]);
  const opts = { maxBytes: 2 * MB };
  assert.deepEqual(validateEvent(text, opts), { valid: true, eventName: "message", errors: [], warnings: [] });
  assert.equal(parseEvent(utf8(text), opts).message.body.text.length, MB);
  // Multi-byte and escaped content.
  ev.message.body.text = "é\\\"\n".repeat(MB / 4);
  assert.equal(parseEvent(JSON.stringify(ev), { maxBytes: 4 * MB }).message.body.text, ev.message.body.text);
  // A 1 MB key and a 1 MB number.
  // (No event_name: the envelope's missing fields are reported too, and nothing else.)
  const bigKey = validateEvent(`{"${"k".repeat(MB)}":1}`, { maxBytes: 2 * MB });
  assert.ok(bigKey.errors.every((e) => e.code === "missing_field"), JSON.stringify(bigKey.errors));
  assert.ok(bigKey.errors.some((e) => e.path === "/event_name"));
  // A 1 MB integer is beyond a double (JSON.parse would give Infinity); 300 digits still fit
  // and are kept exact as a string.
  const huge = validateEvent(`{"event_name":"message","n":${"9".repeat(MB)}}`, { maxBytes: 2 * MB });
  assert.deepEqual(huge.errors.map((e) => [e.code, e.path]), [["number_out_of_range", "/n"]]);
  const big = message();
  const digits = "9".repeat(300);
  const r = validateEvent(JSON.stringify(big).replace("{", `{"n":${digits},`));
  assert.deepEqual(codes(r), []);
  assert.deepEqual(warningCodesOf(r), ["unsafe_integer"]);
  assert.equal(parseEvent(JSON.stringify(big).replace("{", `{"n":${digits},`)).n, digits);
});

function warningCodesOf(r) {
  return r.warnings.map((w) => w.code);
}

test("100 000 quick replies: the right result when within maxBytes, too_large beyond", GUARD, () => {
  const ev = message();
  const qr = ev.message.body.data.quick_replies[0];
  ev.message.body.data.quick_replies = Array.from({ length: 100_000 }, (_, i) => ({ ...qr, actionable_text: `r${i}` }));
  const text = JSON.stringify(ev);
  assert.ok(text.length > 10 * MB);
  assert.deepEqual(codes(validateEvent(text)), ["too_large"]);
  const opts = { maxBytes: 64 * MB };
  assert.deepEqual(validateEvent(text, opts), { valid: true, eventName: "message", errors: [], warnings: [] });
  const parsed = parseEvent(utf8(text), opts);
  assert.equal(parsed.message.body.data.quick_replies.length, 100_000);
  assert.equal(parsed.message.body.data.quick_replies[99_999].actionable_text, "r99999");
  // Every item wrong: the first 100 errors are listed, each at its own path; the last says so.
  ev.message.body.data.quick_replies = Array.from({ length: 100_000 }, () => 7);
  const bad = validateEvent(JSON.stringify(ev), opts);
  assert.equal(bad.errors.length, 100);
  assert.deepEqual(bad.errors.map((e) => e.path), Array.from({ length: 100 }, (_, i) => `/message/body/data/quick_replies/${i}`));
  assert.ok(bad.errors.every((e) => e.code === "invalid_type"));
  assert.match(bad.errors[99].message, /only the first 100 errors are listed; there are more/);
});

test("145 000 duplicate keys (1 MiB): the first ones listed at their positions, in linear time", GUARD, () => {
  // Regression: locating each issue rescanned the input, so this took minutes (src/report.rs).
  const n = 145_000;
  const text = '{"event_name":"x_unknown",\n' + Array.from({ length: n }, () => '"a":1').join(",\n") + "}";
  assert.ok(text.length < MB);
  const r = validateEvent(text);
  assert.equal(r.errors.length, 100);
  r.errors.forEach((e, i) => {
    assert.deepEqual([e.code, e.path, e.line, e.column], ["duplicate_key", "/a", i + 3, 1]);
  });
  assert.match(r.errors[99].message, /there are more/);
});
