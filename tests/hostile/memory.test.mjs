// No leaks: 50 000 mixed parseEvent/validateEvent calls (the shortened soak.mjs) leave the wasm
// memory exactly where warm-up left it. (The million-call figures: the README, "Hostile input".)
import { test } from "node:test";
import assert from "node:assert/strict";
import { wasmMemoryBytes } from "./lib.mjs";
import { makeWorkload, runCalls } from "./soak.mjs";

test("50 000 mixed calls: wasm memory does not grow after warm-up", { timeout: 300_000 }, () => {
  const inputs = makeWorkload();
  runCalls(5_000, inputs); // warm-up: buffers reach their working size
  const warm = wasmMemoryBytes();
  const seen = [];
  runCalls(50_000, inputs, () => seen.push(wasmMemoryBytes()), 10_000);
  assert.equal(seen.length, 5);
  for (const bytes of seen) assert.equal(bytes, warm, `wasm memory grew: ${warm} -> ${seen.join(", ")}`);
});
