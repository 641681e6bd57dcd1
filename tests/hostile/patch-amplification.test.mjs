// Normalisations (patches) cannot be dropped like surplus issues: the value needs every one. So
// a payload needing more than 1 000, or paths of more than 65 536 steps in all, is refused as
// too_large. Before, 49 000 integers beyond 2^53 nested 60 deep (under 1 MiB) held ~118 MB of
// wasm memory, which an instance never gives back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, wasmMemoryBytes } from "./lib.mjs";

function deepBigIntegers(count) {
  const inner = Array.from({ length: count }, () => "12345678901234567890").join(",");
  return '{"event_name":"x","a":' + "[".repeat(59) + inner + "]".repeat(59) + "}";
}

test("1 000 big integers 60 levels deep: every one kept exact, wasm memory bounded", () => {
  const before = wasmMemoryBytes();
  const ev = api.parseEvent(deepBigIntegers(1_000));
  let items = ev.a;
  for (let i = 0; i < 58; i++) items = items[0];
  assert.equal(items.length, 1_000);
  assert.ok(items.every((x) => x === "12345678901234567890"));
  const grown = wasmMemoryBytes() - before;
  assert.ok(grown < 8 * 1024 * 1024, `wasm memory grew by ${(grown / 1048576).toFixed(1)} MB`);
});

test("1 000 of them 250 levels deep: too_large (the paths' steps), memory bounded", () => {
  const text = '{"event_name":"x","a":' + "[".repeat(249) + Array(1_000).fill("12345678901234567890").join(",") + "]".repeat(249) + "}";
  const before = wasmMemoryBytes();
  const r = api.validateEvent(text, { maxDepth: 256 });
  assert.deepEqual(r.errors.map((e) => e.code), ["too_large"]);
  assert.ok(api.validateEvent(text.replace(/12345678901234567890/g, "1"), { maxDepth: 256 }).valid);
  const grown = wasmMemoryBytes() - before;
  assert.ok(grown < 8 * 1024 * 1024, `wasm memory grew by ${(grown / 1048576).toFixed(1)} MB`);
});

test("49 000 of them (1 MiB): too_large, and wasm memory stays bounded", () => {
  const text = deepBigIntegers(49_000);
  assert.ok(text.length < 1 << 20);
  const before = wasmMemoryBytes();
  const r = api.validateEvent(text);
  assert.deepEqual(r.errors.map((e) => e.code), ["too_large"]);
  assert.match(r.errors[0].message, /1000 normalisations/);
  assert.throws(() => api.parseEvent(text), (e) => e.issues[0].code === "too_large");
  const grown = wasmMemoryBytes() - before;
  assert.ok(grown < 8 * 1024 * 1024, `wasm memory grew by ${(grown / 1048576).toFixed(1)} MB`);
});
