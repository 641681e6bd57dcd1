// createFetchHandler running inside Cloudflare's workerd: the Worker is bundled like Wrangler does
// (esbuild, conditions workerd/worker/browser, the .wasm imported as a module; helpers shared with
// tests/packaging/lib.mjs), the secret comes from an env binding, requests are real signed POSTs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { ART, PKG, serveWorker } from "../packaging/lib.mjs";
import { SECRET } from "./app.mjs";
import { receivingScenarios } from "./scenarios.mjs";
import { post, messageEvent, freshId } from "./helpers.mjs";

let server;
let bundle;

before(async () => {
  const root = join(ART, "..", "receiving");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, "worker-"));
  for (const f of ["worker.mjs", "app.mjs"]) copyFileSync(new URL(f, import.meta.url), join(dir, f));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PKG, join(dir, "node_modules", "haptik-webhook"), "dir");
  let config;
  ({ server, bundle, config } = await serveWorker(join(dir, "worker.mjs"), join(dir, "dist"), {
    bindings: { HAPTIK_WEBHOOK_SECRET: SECRET },
  }));
  assert.match(config, /bindings = \[/);
});

after(async () => {
  if (server) await server.stop();
});

test("workerd: the Worker bundle uses the workerd entry and the .wasm module", () => {
  const inputs = Object.keys(bundle.metafile.inputs);
  assert.ok(inputs.some((p) => p.endsWith("pkg/workerd.mjs") || p.endsWith("haptik-webhook/workerd.mjs")), inputs.join("\n"));
  assert.ok(inputs.some((p) => p.endsWith("src/receive/fetch-handler.js")));
  assert.deepEqual(bundle.wasmFiles, ["haptik_webhook_bg.wasm"]);
});

receivingScenarios("workerd", () => ({
  url: `${server.url}/webhook`,
  retryUrl: `${server.url}/retry`,
  log: async () => (await fetch(`${server.url}/__log`)).json(),
  release: async () => {
    await fetch(`${server.url}/__release`, { method: "POST" });
  },
}));

test("workerd: an unset secret binding is a 500 (fail closed), never an accepted event", async () => {
  const r = await post(`${server.url}/no-secret`, messageEvent(freshId(), "x"), { secret: SECRET });
  assert.equal(r.status, 500);
  assert.equal(r.json.error, "no_secret");
  const log = await (await fetch(`${server.url}/__log`)).json();
  assert.ok(log.includes("error:config:500:no_secret"), log.join("\n"));
});

test("workerd: a Request whose body was already read fails with a clear 500", async () => {
  const r = await post(`${server.url}/read-first`, messageEvent(freshId(), "x"), { secret: SECRET });
  assert.equal(r.status, 500);
  assert.equal(r.json.error, "body_already_consumed");
  assert.match(r.json.message, /already read/);
});
