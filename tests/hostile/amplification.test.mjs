// A small body must not make the wasm instance hold a lot of memory (a wasm instance never
// gives memory back). Its own file: a fresh process, so the figures are this file's alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, message, wasmMemoryBytes } from "./lib.mjs";

const { validateEvent, parseEvent } = api;
const MB = 1024 * 1024;

test("500 000 wrong items in a 1 MiB body: 100 errors listed, wasm memory stays small", { timeout: 120_000 }, () => {
  validateEvent("{}");
  const before = wasmMemoryBytes();
  const ev = message();
  ev.message.body.data.quick_replies = "QR";
  const text = JSON.stringify(ev).replace('"QR"', "[" + Array(500_000).fill("1").join(",") + "]");
  assert.ok(text.length < MB);
  const r = validateEvent(text);
  assert.equal(r.errors.length, 100);
  assert.match(r.errors[99].message, /there are more/);
  assert.throws(() => parseEvent(text), (e) => e.issues.length === 100);
  // Regression: every issue was kept: 400 MB of wasm memory for this body.
  const grown = wasmMemoryBytes() - before;
  assert.ok(grown < 16 * MB, `wasm memory grew by ${(grown / MB).toFixed(1)} MB`);
  // Lenient comments (warnings) likewise.
  const comments = JSON.stringify(message()).replace("{", "{" + "//\n".repeat(300_000));
  assert.ok(comments.length < MB);
  const c = validateEvent(comments, { lenient: true });
  assert.equal(c.valid, true);
  assert.equal(c.warnings.length, 100);
  assert.equal(parseEvent(comments, { lenient: true }).message.id, 1982371);
  assert.ok(wasmMemoryBytes() - before < 24 * MB, `wasm memory grew by ${((wasmMemoryBytes() - before) / MB).toFixed(1)} MB`);
});
