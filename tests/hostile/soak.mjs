// Soak run: N parseEvent + validateEvent calls (default 1 000 000), valid and invalid mixed,
// printing wasm memory (its buffer's byteLength) and process RSS as it goes. Memory must stay
// flat after warm-up. Run:  node --expose-gc tests/hostile/soak.mjs [calls]
// The test suite runs a shortened version (memory.test.mjs).
import { api, MESSAGE, COMPLETE, utf8, wasmMemoryBytes } from "./lib.mjs";

const { parseEvent, validateEvent } = api;

/** The mixed workload: call i of the run. Valid, invalid, lenient, patched, bytes and strings. */
export function makeWorkload() {
  const msg = JSON.parse(MESSAGE);
  const patched = JSON.stringify({ ...msg, business_id: "343", message: { ...msg.message, id: 12345678901234567890n.toString() } }).replace(
    '"12345678901234567890"',
    "12345678901234567890",
  );
  const inputs = [
    { input: MESSAGE, ok: true },
    { input: utf8(COMPLETE), ok: true },
    { input: patched, ok: true },
    { input: MESSAGE.replace("{", "{ // c\n"), ok: true, opts: { lenient: true } },
    { input: "\uFEFF" + MESSAGE, ok: true },
    { input: MESSAGE.replace('"version"', '"business_id":1,"version"'), ok: false }, // duplicate
    { input: MESSAGE.slice(0, 400), ok: false }, // truncated
    { input: utf8(MESSAGE.replace("Asha", "A\u00e9")).map((b) => (b === 0xc3 ? 0xff : b)), ok: false }, // bad UTF-8
    { input: "[".repeat(5000), ok: false },
    { input: MESSAGE.replace("Asha", "\uD800"), ok: false }, // lone surrogate
    { input: '{"event_name":"message"}', ok: false }, // missing fields
    { input: "x".repeat(2000), ok: false, opts: { maxBytes: 1000 } },
  ];
  return inputs;
}

export function runCalls(count, inputs, onCheckpoint, every = 100_000) {
  for (let i = 0; i < count; i++) {
    const { input, ok, opts } = inputs[i % inputs.length];
    if (i % 2 === 0) {
      const r = validateEvent(input, opts);
      if (r.valid !== ok) throw new Error(`call ${i}: validateEvent gave valid=${r.valid}`);
    } else {
      try {
        parseEvent(input, opts);
        if (!ok) throw new Error(`call ${i}: parseEvent accepted an invalid input`);
      } catch (e) {
        if (ok || e.name !== "HaptikWebhookError") throw e;
      }
    }
    if (onCheckpoint && (i + 1) % every === 0) onCheckpoint(i + 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Number(process.argv[2] ?? 1_000_000);
  const inputs = makeWorkload();
  const mb = (n) => (n / 1048576).toFixed(1);
  const gc = globalThis.gc ?? (() => {});
  const rows = [];
  const checkpoint = (calls) => {
    gc();
    const row = { calls, wasmMB: mb(wasmMemoryBytes()), rssMB: mb(process.memoryUsage().rss), heapMB: mb(process.memoryUsage().heapUsed) };
    rows.push(row);
    console.log(JSON.stringify(row));
  };
  const t0 = performance.now();
  checkpoint(0);
  runCalls(total, inputs, checkpoint, Math.max(1, Math.floor(total / 10)));
  const secs = (performance.now() - t0) / 1000;
  const first = rows[1];
  const last = rows[rows.length - 1];
  console.log(
    `${total} calls in ${secs.toFixed(1)} s; after warm-up (${first.calls} calls): wasm ${first.wasmMB} MB -> ${last.wasmMB} MB, ` +
      `RSS ${first.rssMB} MB -> ${last.rssMB} MB, heap ${first.heapMB} MB -> ${last.heapMB} MB`,
  );
}
