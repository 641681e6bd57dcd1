// A Node ESM user: `import` the package; prints what it got as JSON.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const t0 = performance.now();
const api = await import("haptik-webhook");
const t1 = performance.now();
api.validateEvent("{}"); // first call: compiles + instantiates the wasm
const t2 = performance.now();
api.validateEvent("{}");
const t3 = performance.now();

const { exercise } = await import("./exercise.mjs");
const testing = await import("haptik-webhook/testing");
const payloads = JSON.parse(readFileSync(process.argv[2], "utf8"));
console.log(
  JSON.stringify({
    resolved: import.meta.resolve("haptik-webhook"),
    exports: Object.keys(api).sort(),
    timings: { importMs: t1 - t0, firstCallMs: t2 - t1, secondCallMs: t3 - t2 },
    results: exercise(api, payloads, testing),
  }),
);
