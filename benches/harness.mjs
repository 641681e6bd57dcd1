// The timing loop, runtime-independent. Interleaved: in every round, every contender runs one
// batch on the payload, in an order rotated each round; a batch is long enough for the clock
// (calibrated once). Reports the median time per call, and the median over rounds of its ratio
// to the JSON.parse batch of the same round.

let sink; // keeps results alive so nothing is optimised away

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

function batch(run, p, n, now) {
  const t0 = now();
  for (let i = 0; i < n; i++) sink = run(p);
  return now() - t0;
}

/** Smallest power-of-two count of calls whose batch takes at least `minBatchMs`. */
function calibrate(run, p, now, minBatchMs) {
  let n = 1;
  for (;;) {
    const t = batch(run, p, n, now);
    if (t >= minBatchMs || n >= 1 << 24) return Math.max(1, Math.ceil((n * minBatchMs) / Math.max(t, 1e-3)));
    n *= t < minBatchMs / 8 ? 8 : 2;
  }
}

/**
 * @param {{ payload, contenders, now: () => number, rounds: number, minBatchMs: number, warmupMs: number }} o
 * @returns {{ [contenderKey]: { medianUs, p25Us, p75Us, ratio, callsPerBatch, batches } }}
 */
export function benchPayload({ payload, contenders, now, rounds, minBatchMs, warmupMs }) {
  const live = contenders.filter((c) => !c.unavailable);
  const counts = new Map();
  for (const c of live) {
    // Warm-up (lets the JIT and wasm tier-up settle), then calibration.
    const t0 = now();
    while (now() - t0 < warmupMs) batch(c.run, payload, 16, now);
    counts.set(c.key, calibrate(c.run, payload, now, minBatchMs));
  }
  const samples = new Map(live.map((c) => [c.key, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < live.length; k++) {
      const c = live[(k + r) % live.length];
      const n = counts.get(c.key);
      samples.get(c.key).push((batch(c.run, payload, n, now) / n) * 1000);
    }
  }
  // The ratio is the median of per-round ratios (each contender against JSON.parse of the same
  // round), which cancels most of the load changes of a shared machine.
  const floors = samples.get("json_parse");
  const out = {};
  for (const c of contenders) {
    if (c.unavailable) {
      out[c.key] = { unavailable: c.unavailable };
      continue;
    }
    const xs = samples.get(c.key);
    // A batch can read 0 on a coarse clock (workerd ticks in whole ms; quick mode): skip that round.
    const ratios = xs.map((x, r) => x / floors[r]).filter(Number.isFinite);
    if (ratios.length === 0) ratios.push(NaN);
    out[c.key] = {
      medianUs: median(xs),
      p25Us: quantile(xs, 0.25),
      p75Us: quantile(xs, 0.75),
      ratio: median(ratios),
      ratioP25: quantile(ratios, 0.25),
      ratioP75: quantile(ratios, 0.75),
      callsPerBatch: counts.get(c.key),
      batches: xs.length,
    };
  }
  return out;
}

export function benchAll({ payloads, contenders, now, rounds, minBatchMs, warmupMs }) {
  const results = {};
  for (const payload of payloads) results[payload.key] = benchPayload({ payload, contenders, now, rounds, minBatchMs, warmupMs });
  return results;
}

/** Adds `bytes` (a Uint8Array of the text) to each payload. */
export function withBytes(payloads) {
  const enc = new TextEncoder();
  // `object`: the payload as a framework hands it over (express.json(), await request.json()).
  return payloads.map((p) => ({ ...p, bytes: enc.encode(p.text), object: JSON.parse(p.text) }));
}
