// Object input: is serde-wasm-bindgen a faster way to validate an object a framework already
// parsed (express.json(), await request.json()) than the shipped path, JSON.stringify + the byte
// validator? `node benches/object-input.mjs` (BENCHMARKS.md, "Object input"). It builds the crate
// with the `object-input-experiment` feature (hw_experiment_from_value: the object read through
// serde-wasm-bindgen into a serde_json::Value, written as bytes, validated) into target/experiment,
// and times, in interleaved rounds, as ratios to JSON.parse of the same text:
//   JSON.stringify(object) alone; validateEvent(object) as shipped; validateEvent(text);
//   serde-wasm-bindgen visiting every value and keeping nothing (the floor of any such path), reading
//   the object into a serde_json::Value, and the whole experimental path; then the full report of a
//   bad payload as the shipped compact text, as a serde-wasm-bindgen object, and as JSON text.
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { benchPayload } from "./harness.mjs";
import { validateEvent } from "../pkg/node.mjs";
import { makePayloads } from "./payloads.mjs";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const wasm = "target/experiment/wasm32-unknown-unknown/release/haptik_webhook.wasm";
execFileSync("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "--features", "object-input-experiment", "--target-dir", "target/experiment"], { cwd: root, env, stdio: "inherit" });
execFileSync("wasm-bindgen", ["--target", "nodejs", "--out-dir", "target/experiment/pkg", wasm], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
const opt = `${root}node_modules/.bin/wasm-opt`;
if (existsSync(opt)) {
  execFileSync(opt, ["-O3", "--enable-reference-types", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-multivalue", "--strip-debug", "target/experiment/pkg/haptik_webhook_bg.wasm", "-o", "target/experiment/pkg/haptik_webhook_bg.wasm"], { cwd: root });
}
writeFileSync(`${root}target/experiment/pkg/package.json`, '{ "type": "commonjs" }\n'); // the nodejs target's glue
const experiment = require(`${root}target/experiment/pkg/haptik_webhook.js`);
const { Outcome } = experiment;

const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 15;
const payloads = Object.fromEntries(makePayloads().map((p) => [p.key, p]));
const sizes = {
  experimental: readFileSync(`${root}target/experiment/pkg/haptik_webhook_bg.wasm`).length,
  shipped: readFileSync(`${root}pkg/haptik_webhook_bg.wasm`).length,
};
const cell = (r, k) => `${r[k].medianUs.toFixed(2)} µs **${r[k].ratio.toFixed(2)}×**`;
console.log(`wasm -O3: shipped ${sizes.shipped} B, with the experiment's serde-wasm-bindgen code ${sizes.experimental} B`);
console.log(`\nObject input (the payloads of npm run bench; ratio to JSON.parse of the same text, median of ${rounds} interleaved rounds)\n`);
console.log(`| payload | JSON.parse | JSON.stringify(obj) | validateEvent(obj), shipped | validateEvent(text) | serde-wasm-bindgen visiting every value | into a Value | the whole path |`);
console.log("|---|---|---|---|---|---|---|---|");
for (const name of ["message_1k", "conv_complete"]) {
  const { text } = payloads[name];
  const object = JSON.parse(text);
  // Same verdicts before timing: a known event with nothing to report.
  if (!validateEvent(object).valid) throw new Error(`${name}: validateEvent(object) is not valid`);
  if (experiment.hw_experiment_from_value(object, 2, 64) !== Outcome.CleanKnown) throw new Error(`${name}: the experimental path disagrees`);
  const contenders = [
    { key: "json_parse", run: (p) => JSON.parse(p.text) },
    { key: "stringify", run: (p) => JSON.stringify(p.object) },
    { key: "shipped_object", run: (p) => validateEvent(p.object) },
    { key: "shipped_text", run: (p) => validateEvent(p.text) },
    { key: "swb_visit", run: (p) => experiment.hw_experiment_from_value(p.object, 0, 64) },
    { key: "swb_value", run: (p) => experiment.hw_experiment_from_value(p.object, 1, 64) },
    { key: "swb_path", run: (p) => experiment.hw_experiment_from_value(p.object, 2, 64) },
  ];
  const r = benchPayload({ payload: { text, object }, contenders, now: () => performance.now(), rounds, minBatchMs: 20, warmupMs: 300 });
  console.log(`| ${name} (${(payloads[name].size / 1024).toFixed(1)} KB) | ${contenders.map((c) => cell(r, c.key)).join(" | ")} |`);
}

// The report of the two-problem payload, three ways: the shipped compact report text that JS reads
// (validateEvent of the bytes), a JS object built by serde-wasm-bindgen, or JSON text parsed by
// JSON.parse. The first two take the same bytes; the third a &str (the glue's copy).
{
  const { text } = payloads.invalid_2;
  const bytes = new TextEncoder().encode(text);
  const shipped = validateEvent(bytes);
  const asText = JSON.parse(experiment.hw_experiment_report(text, false));
  const asObject = experiment.hw_experiment_report_value(bytes);
  for (const r of [asText, asObject]) {
    if (JSON.stringify(r.errors) !== JSON.stringify(shipped.errors)) throw new Error("the report transports disagree");
  }
  const contenders = [
    { key: "json_parse", run: (p) => JSON.parse(p.text) },
    { key: "shipped", run: (p) => validateEvent(p.bytes) },
    { key: "report_object", run: (p) => experiment.hw_experiment_report_value(p.bytes) },
    { key: "report_text", run: (p) => JSON.parse(experiment.hw_experiment_report(p.text, false)) },
  ];
  const r = benchPayload({ payload: { text, bytes }, contenders, now: () => performance.now(), rounds, minBatchMs: 20, warmupMs: 300 });
  console.log(
    `\nThe full report of invalid_2 (2 errors): JSON.parse ${cell(r, "json_parse")}; shipped, the compact report text read in JS ${cell(r, "shipped")}; ` +
      `a JS object from serde-wasm-bindgen ${cell(r, "report_object")}; JSON text + JSON.parse ${cell(r, "report_text")}`,
  );
}
