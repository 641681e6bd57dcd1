// The packed tarball in Cloudflare's workerd: a Worker bundled the way Wrangler bundles it
// (esbuild, conditions workerd/worker/browser, the .wasm kept as a module), real HTTP POSTs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CONSUMERS, consumer, serveWorker } from "./lib.mjs";
import { payloads, assertResults } from "./expect.mjs";

let server;
let dir;
let bundle;

before(async () => {
  dir = consumer("worker");
  copyFileSync(join(CONSUMERS, "common", "exercise.mjs"), join(dir, "exercise.mjs"));
  let startMs;
  ({ server, bundle, startMs } = await serveWorker(join(dir, "src", "worker.js"), join(dir, "dist")));
  console.log(`workerd: started and answering in ${startMs.toFixed(0)} ms`);
});

after(async () => {
  if (server) await server.stop();
});

test("the bundle takes the workerd entry and imports the .wasm as a module", () => {
  const inputs = Object.keys(bundle.metafile.inputs);
  assert.ok(inputs.some((p) => p.endsWith("haptik-webhook/workerd.mjs")), inputs.join("\n"));
  assert.ok(!inputs.some((p) => /haptik-webhook\/(node|browser)\.mjs$/.test(p)));
  assert.deepEqual(bundle.wasmFiles, ["haptik_webhook_bg.wasm"]);
  const js = readFileSync(bundle.file, "utf8");
  assert.match(js, /from "\.\/haptik_webhook_bg\.wasm"/);
  const gz = gzipSync(js).length + gzipSync(readFileSync(join(dir, "dist", "haptik_webhook_bg.wasm"))).length;
  console.log(`Worker bundle: worker.js ${js.length} B (${gzipSync(js).length} B gzipped) + wasm ${statSync(join(dir, "dist", "haptik_webhook_bg.wasm")).size} B; total gzipped ${gz} B`);
});

async function post(path, body) {
  const res = await fetch(server.url + path, { method: "POST", body, headers: { "content-type": "application/json" } });
  return { status: res.status, json: await res.json() };
}

test("POST a valid message event: 200 with the parsed event", async () => {
  const t0 = performance.now();
  const first = await post("/webhook", payloads.message);
  const t1 = performance.now();
  const second = await post("/webhook", payloads.message);
  const t2 = performance.now();
  console.log(`workerd: first request (instantiates the wasm) ${(t1 - t0).toFixed(1)} ms, second ${(t2 - t1).toFixed(1)} ms`);
  for (const r of [first, second]) {
    assert.equal(r.status, 200);
    assert.equal(r.json.ok, true);
    assert.equal(r.json.event_name, "message");
    assert.equal(r.json.known, true);
    assert.equal(r.json.event.message.body.text, "Hi \u00e9\u00e8 \ud83d\ude00");
  }
});

test("POST an invalid event: 400 with every issue", async () => {
  const r = await post("/webhook", payloads.invalid);
  assert.equal(r.status, 400);
  assert.equal(r.json.ok, false);
  assert.deepEqual(r.json.issues.map((i) => i.path).sort(), ["/business_id", "/message/id"]);
  assert.match(r.json.message, /^Invalid Haptik webhook/);
});

test("POST an unknown event: 200, kept as an unknown event", async () => {
  const r = await post("/webhook", payloads.unknown);
  assert.equal(r.status, 200);
  assert.equal(r.json.event_name, "typing_indicator");
  assert.equal(r.json.known, false);
  assert.deepEqual(r.json.event.extra, { kept: true });
});

test("same results as Node for every payload (and recovery after a trap)", async () => {
  const r = await post("/exercise", JSON.stringify(payloads));
  assert.equal(r.status, 200);
  assertResults(r.json);
  const { exercise } = await import(join(CONSUMERS, "common", "exercise.mjs"));
  const node = await import(join(dir, "node_modules", "haptik-webhook", "node.mjs"));
  const testing = await import(join(dir, "node_modules", "haptik-webhook", "testing.mjs"));
  assert.deepEqual(r.json, JSON.parse(JSON.stringify(exercise(node, payloads, testing))));
});
