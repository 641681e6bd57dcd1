// Where the time of validateEvent / parseEvent goes, piece by piece, in whatever runtime runs
// this (Node, workerd, Chromium): the same calls, timed in interleaved rounds, as ratios to a
// JSON.parse of the same text. Used by benches/pieces/run.mjs; BENCHMARKS.md quotes it.
// `glue` is wasm-bindgen's generated module, `withWasm` the loader's way to the live exports.

/** The payloads (benches/payloads.mjs) taken apart: two clean events, and the error list. */
export const PIECES_PAYLOADS = ["message_1k", "conv_complete", "invalid_2"];

export function pieces({ hw, glue, withWasm, text, now, rounds = 15, batchMs = 20 }) {
  const bytes = new TextEncoder().encode(text);
  hw.validateEvent(text); // instantiates the module
  const ex = withWasm((e) => e);
  const cap = text.length * 3;
  const ptr = glue.hw_input(cap);
  const view = new Uint8Array(ex.memory.buffer, ptr, cap);
  const encoder = new TextEncoder();
  const { written } = encoder.encodeInto(text, view);
  const valid = hw.validateEvent(text).valid;
  const decoder = new TextDecoder();
  const cases = valid ? {
    "JSON.parse(text)": () => JSON.parse(text),
    "an empty wasm call": () => ex.hw_output_len(),
    "encodeInto(text) into wasm memory": () => encoder.encodeInto(text, view).written,
    "the wasm check alone (hw_validate, text already copied)": () => ex.hw_validate(written, 0, 1, 64),
    "encodeInto + the wasm check": () => {
      encoder.encodeInto(text, view);
      return ex.hw_validate(written, 0, 1, 64);
    },
    "validateEvent(text)": () => hw.validateEvent(text),
    "validateEvent(bytes)": () => hw.validateEvent(bytes),
    "the wasm check, then JSON.parse(text)": () => {
      ex.hw_validate(written, 0, 1, 64);
      return JSON.parse(text);
    },
    "parseEvent(text)": () => hw.parseEvent(text),
  } : {
    // The error list: the quick pass until it gives up, the full pass and the compact report in
    // wasm; then its text decoded, and read into issue objects (the rest of validateEvent).
    "JSON.parse(text)": () => JSON.parse(text),
    "encodeInto(text) into wasm memory": () => encoder.encodeInto(text, view).written,
    "the wasm call alone (hw_validate: both passes and the report, text already copied)": () => ex.hw_validate(written, 0, 1, 64),
    "the wasm call, then the report decoded": () => {
      ex.hw_validate(written, 0, 1, 64);
      return decoder.decode(new Uint8Array(ex.memory.buffer, ex.hw_output_ptr(), ex.hw_output_len()));
    },
    "validateEvent(text)": () => hw.validateEvent(text),
    "validateEvent(bytes)": () => hw.validateEvent(bytes),
  };
  let sink;
  const keys = Object.keys(cases);
  const n = {};
  for (const k of keys) {
    let c = 1;
    for (;;) {
      const t0 = now();
      for (let i = 0; i < c; i++) sink = cases[k]();
      const t = now() - t0;
      if (t >= batchMs) {
        n[k] = Math.ceil((c * batchMs) / t);
        break;
      }
      c *= 2;
    }
  }
  const samples = Object.fromEntries(keys.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(j + r) % keys.length];
      const t0 = now();
      for (let i = 0; i < n[k]; i++) sink = cases[k]();
      samples[k].push(((now() - t0) / n[k]) * 1000);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const floor = samples["JSON.parse(text)"];
  const out = {};
  for (const k of keys) {
    out[k] = { us: median(samples[k]), ratio: median(samples[k].map((x, r) => x / floor[r])) };
  }
  globalThis.__piecesSink = sink;
  return out;
}
