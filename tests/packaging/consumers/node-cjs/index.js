// A Node CommonJS user: synchronous `require`, no top-level await anywhere.
"use strict";
const { readFileSync } = require("node:fs");
const { performance } = require("node:perf_hooks");

const t0 = performance.now();
const api = require("haptik-webhook");
const t1 = performance.now();
api.validateEvent("{}"); // first call: compiles + instantiates the wasm
const t2 = performance.now();

const { exercise } = require("./exercise.cjs");
const testing = require("haptik-webhook/testing");
const payloads = JSON.parse(readFileSync(process.argv[2], "utf8"));
console.log(
  JSON.stringify({
    resolved: require.resolve("haptik-webhook"),
    exports: Object.keys(api).sort(),
    timings: { requireMs: t1 - t0, firstCallMs: t2 - t1 },
    results: exercise(api, payloads, testing),
  }),
);
