// The packed tarball installed into Node consumer projects: ESM import and CommonJS require.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CONSUMERS, PKG, consumer, nodeJson } from "./lib.mjs";
import { payloads, assertResults } from "./expect.mjs";

function setup(name) {
  const dir = consumer(name);
  const src = readFileSync(join(CONSUMERS, "common", "exercise.mjs"), "utf8");
  writeFileSync(join(dir, "exercise.mjs"), src);
  writeFileSync(join(dir, "exercise.cjs"), src.replace("export function exercise", "function exercise") + "\nmodule.exports = { exercise };\n");
  writeFileSync(join(dir, "payloads.json"), JSON.stringify(payloads));
  return dir;
}

let esm;

test("Node ESM: import resolves to node.mjs and parses/validates", () => {
  const dir = setup("node-esm");
  esm = nodeJson(dir, ["index.mjs", "payloads.json"]);
  assert.match(esm.resolved, /node_modules\/haptik-webhook\/node\.mjs$/);
  for (const name of ["parseEvent", "validateEvent", "HaptikWebhookError", "isKnownEvent", "isKnownElement", "EVENT_NAMES", "HSL_TYPES", "DEPRECATED_EVENT_NAMES", "init"]) {
    assert.ok(esm.exports.includes(name), `${name} is exported`);
  }
  assert.ok(!esm.exports.includes("__setWasmModule"), "the internal loader hook is not exported");
  assertResults(esm.results);
  console.log(`Node ESM: import ${esm.timings.importMs.toFixed(1)} ms, first call (compile+instantiate wasm) ${esm.timings.firstCallMs.toFixed(1)} ms, second call ${esm.timings.secondCallMs.toFixed(2)} ms`);
});

test("Node CommonJS: require resolves to node.cjs, same results as ESM", () => {
  const dir = setup("node-cjs");
  const cjs = nodeJson(dir, ["index.js", "payloads.json"]);
  assert.match(cjs.resolved, /node_modules\/haptik-webhook\/node\.cjs$/);
  assertResults(cjs.results);
  if (esm) {
    assert.deepEqual(cjs.results, esm.results);
    assert.deepEqual(cjs.exports, esm.exports);
  }
  console.log(`Node CJS: require ${cjs.timings.requireMs.toFixed(1)} ms, first call ${cjs.timings.firstCallMs.toFixed(1)} ms`);
});

test("Node: an error thrown by the ESM build is instanceof the CommonJS HaptikWebhookError (dual package)", () => {
  const dir = setup("node-esm");
  const out = nodeJson(dir, [
    "--input-type=module",
    "-e",
    `import { createRequire } from "node:module";
     import * as esm from "haptik-webhook";
     const cjs = createRequire(process.cwd() + "/x.js")("haptik-webhook");
     let a, b;
     try { esm.parseEvent("{"); } catch (e) { a = e instanceof cjs.HaptikWebhookError; }
     try { cjs.parseEvent("{"); } catch (e) { b = e instanceof esm.HaptikWebhookError; }
     console.log(JSON.stringify({ a, b, plain: new Error("x") instanceof esm.HaptikWebhookError }));`,
  ]);
  assert.deepEqual(out, { a: true, b: true, plain: false });
});

test("the package ships one .wasm and wasm-bindgen's glue as generated (with its reset function)", () => {
  const dir = setup("node-esm");
  const pkgDir = join(dir, "node_modules", "haptik-webhook");
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.equal(pkg.name, "haptik-webhook");
  const root = pkg.exports["."];
  const keys = Object.keys(root);
  assert.ok(keys.indexOf("workerd") < keys.indexOf("browser"), "workerd comes before browser");
  // Each branch names its own types first (publint: no `types.require`; attw: no fallback guess).
  for (const k of ["workerd", "worker", "browser", "default"]) assert.deepEqual(Object.keys(root[k]), ["types", "default"], k);
  assert.deepEqual(Object.keys(root.node), ["import", "require"]);
  assert.deepEqual([root.node.import.types, root.node.require.types], ["./index.d.ts", "./index.d.cts"]);
  const out = nodeJson(dir, ["-e", `
    const fs = require("fs"), path = require("path");
    const files = [];
    (function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); e.isDirectory() ? walk(p) : files.push(path.relative(${JSON.stringify(pkgDir)}, p)); } })(${JSON.stringify(pkgDir)});
    console.log(JSON.stringify(files));`]);
  assert.deepEqual(out.filter((f) => f.endsWith(".wasm")), ["haptik_webhook_bg.wasm"]);
  assert.ok(out.includes("haptik_webhook.js"), "wasm-bindgen's glue is shipped");
  const glue = readFileSync(join(pkgDir, "haptik_webhook.js"), "utf8");
  assert.match(glue, /export function __wbg_reset_state/, "built with --experimental-reset-state-function");
  assert.match(glue, /export const Outcome = Object\.freeze/, "the Outcome enum comes from the glue");
  assert.doesNotMatch(readFileSync(join(pkgDir, "src/loader.js"), "utf8"), /__wbindgen_init_externref_table/, "no hand-made import object");
  for (const f of ["node.mjs", "node.cjs", "workerd.mjs", "browser.mjs", "index.d.ts", "index.d.cts", "src/loader.js", "src/parse.js", "src/receive/policy.js", "src/api.cjs"]) {
    assert.ok(out.includes(f), `${f} is shipped`);
  }
  // No eval / new Function anywhere in the shipped JavaScript.
  for (const f of out.filter((f) => /\.(c|m)?js$/.test(f))) {
    const js = readFileSync(join(pkgDir, f), "utf8");
    assert.ok(!/\beval\s*\(|new\s+Function\s*\(/.test(js), `${f} uses eval or new Function`);
  }
  void cpSync;
});

test("the .wasm stays within 60 KB gzipped (issue 16's budget; BENCHMARKS.md says where the bytes go)", () => {
  const wasm = readFileSync(join(PKG, "haptik_webhook_bg.wasm"));
  const gz = gzipSync(wasm, { level: 9 }).length;
  assert.ok(gz <= 60000, `haptik_webhook_bg.wasm is ${gz} B gzipped (${wasm.length} B raw)`);
});
