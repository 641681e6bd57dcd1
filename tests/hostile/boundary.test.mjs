// No panic reaches the boundary, and if a trap happens anyway the next call works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, testing, MESSAGE, COMPLETE, utf8, codes } from "./lib.mjs";

const { parseEvent, validateEvent, verifySignature, signPayload } = api;
const __forceTrapForTests = testing.forceTrap;

test("a forced wasm trap is recovered: the very next calls work on every path", () => {
  assert.equal(validateEvent(MESSAGE).valid, true);
  for (let i = 0; i < 3; i++) {
    assert.throws(() => __forceTrapForTests(), (e) => e.code === "internal");
    // First call after the trap: a fresh instance, correct results.
    const ev = parseEvent(MESSAGE);
    assert.equal(ev.event_name, "message");
    assert.deepEqual(validateEvent(utf8(COMPLETE)), { valid: true, eventName: "webhook_conversation_complete", errors: [], warnings: [] });
    assert.deepEqual(codes(validateEvent("{")), ["syntax"]);
    const sig = signPayload(MESSAGE, "s3cret", "sha256");
    assert.equal(verifySignature(MESSAGE, sig, "s3cret").valid, true);
  }
});

test("a trap between a signature check and a validation loses nothing", () => {
  const sig = signPayload(MESSAGE, "k", "sha1");
  assert.throws(() => __forceTrapForTests());
  assert.equal(verifySignature(utf8(MESSAGE), sig, "k").valid, true);
  assert.throws(() => __forceTrapForTests());
  assert.equal(parseEvent(utf8(MESSAGE)).message.id, 1982371);
});

test("extreme options never trap: maxDepth 1 and 2^32-1, maxBytes 0", () => {
  // maxDepth beyond the core's cap (256) is capped; it must not overflow the wasm stack.
  const deep = "[".repeat(300) + "]".repeat(300);
  const r = validateEvent(`{"event_name":"message","x":${deep}}`, { maxDepth: 0xffffffff });
  assert.deepEqual(codes(r), ["too_deep"]);
  // The deepest nesting the cap allows is validated in full (the validator recurses per level).
  const ok = JSON.parse(MESSAGE);
  ok.extra = JSON.parse("[".repeat(250) + "]".repeat(250));
  assert.deepEqual(validateEvent(JSON.stringify(ok), { maxDepth: 0xffffffff }).errors, []);
  assert.deepEqual(codes(validateEvent(MESSAGE, { maxDepth: 1 })), ["too_deep"]);
  assert.deepEqual(codes(validateEvent(MESSAGE, { maxBytes: 0 })), ["too_large"]);
  assert.deepEqual(codes(validateEvent("", { maxBytes: 0 })), ["syntax"]);
  assert.equal(validateEvent(MESSAGE).valid, true);
});

test("bad options and non-JSON inputs are TypeErrors or results, never traps", () => {
  assert.throws(() => parseEvent(MESSAGE, { maxBytes: -1 }), TypeError);
  assert.throws(() => parseEvent(MESSAGE, { maxDepth: 0 }), TypeError);
  assert.throws(() => parseEvent(MESSAGE, { lenient: "yes" }), TypeError);
  assert.throws(() => parseEvent(42), TypeError);
  for (const v of [undefined, () => 1, Symbol("x"), 10n]) {
    assert.deepEqual(codes(validateEvent(v)), ["invalid_type"]); // not an object at all
  }
  const cyclic = {};
  cyclic.self = cyclic;
  assert.deepEqual(codes(validateEvent(cyclic)), ["invalid_value"]);
  for (const v of [null, 0, true, [], '"x"']) {
    // A JS value that is not an object (or raw JSON text of one) is invalid_type at "".
    const r = validateEvent(v);
    assert.deepEqual(r.errors.map((e) => [e.code, e.path]), [["invalid_type", ""]], JSON.stringify(v));
  }
  assert.equal(validateEvent(MESSAGE).valid, true);
});

test("every byte value alone, and random bytes, give a result (no throw, no trap)", () => {
  for (let b = 0; b < 256; b++) {
    const r = validateEvent(new Uint8Array([b]));
    assert.equal(r.valid, false);
    assert.equal(r.errors.length, 1);
  }
  // Deterministic pseudo-random mutations of a real payload.
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const base = utf8(MESSAGE);
  for (let i = 0; i < 3000; i++) {
    const bytes = base.slice();
    for (let j = 0; j < 1 + rand() * 4; j++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
    const r = validateEvent(bytes);
    assert.equal(typeof r.valid, "boolean");
    if (r.valid) parseEvent(bytes); // must not throw when valid
    else assert.throws(() => parseEvent(bytes), (e) => e.name === "HaptikWebhookError");
  }
  assert.equal(validateEvent(MESSAGE).valid, true);
});
