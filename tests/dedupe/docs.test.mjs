// The dedupe examples of the docs, run as written: the README's Redis endpoint as two Node
// processes sharing a real redis-server, and docs/receiving.md's Durable Object Worker in workerd.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleWorker, docExample, freePort, linkedWorkdir, startWorkerd } from "../packaging/lib.mjs";
import { post, messageEvent, freshId } from "../receiving/helpers.mjs";
import { startRedis } from "../../scripts/redis-server.mjs";

const SECRET = "docs-dedupe-secret";
let redis;
const stops = [];
before(async () => {
  redis = await startRedis();
});
after(async () => {
  for (const stop of stops) await stop();
  await redis?.stop();
});

async function waitUp(url, what) {
  for (let i = 0; ; i++) {
    try {
      await fetch(url, { method: "HEAD" });
      return;
    } catch {
      assert.ok(i < 200, `${what} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

test("README: the Redis endpoint, as two processes: the same event delivered to both at once is handled once", async () => {
  const dir = linkedWorkdir("dedupe-docs");
  writeFileSync(join(dir, "server.mjs"), docExample("README.md", "### Each event once, across processes"));
  const outs = [];
  const urls = [];
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, ["server.mjs"], {
      cwd: dir,
      env: { ...process.env, PORT: String(port), HAPTIK_WEBHOOK_SECRET: SECRET, REDIS_URL: redis.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out = { text: "" };
    child.stdout.on("data", (d) => (out.text += d));
    child.stderr.on("data", (d) => (out.text += d));
    stops.push(async () => child.kill("SIGKILL"));
    outs.push(out);
    urls.push(`http://127.0.0.1:${port}/`);
    await waitUp(urls[i], `server ${i}: ${out.text}`);
  }
  const id = freshId();
  const body = messageEvent(id, "docs");
  const answers = await Promise.all(urls.map((u) => post(u, body, { secret: SECRET })));
  assert.deepEqual(answers.map((a) => a.json.result).sort(), ["duplicate", "handled"]);
  await new Promise((r) => setTimeout(r, 100));
  const lines = outs.flatMap((o) => o.text.split("\n")).filter((l) => l === `message ${id}, handled once`);
  assert.equal(lines.length, 1, outs.map((o) => o.text).join("\n---\n"));
});

/** Bundles the js block after `marker` in docs/receiving.md as a Worker with the docs' Durable Object binding, and starts workerd. */
async function docsWorker(prefix, marker) {
  const dir = linkedWorkdir(prefix);
  writeFileSync(join(dir, "worker.mjs"), docExample("docs/receiving.md", marker));
  const out = join(dir, "dist");
  const bundle = await bundleWorker(join(dir, "worker.mjs"), out);
  const port = await freePort();
  // The wrangler.toml of the docs, as workerd configuration.
  writeFileSync(
    join(out, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
${bundle.wasmFiles.map((f) => `    (name = "${f}", wasm = embed "${f}"),`).join("\n")}
  ],
  bindings = [
    (name = "HAPTIK_WEBHOOK_SECRET", text = "${SECRET}"),
    (name = "HAPTIK_DEDUPE", durableObjectNamespace = "HaptikDedupeObject"),
  ],
  durableObjectNamespaces = [ (className = "HaptikDedupeObject", uniqueKey = "${prefix}") ],
  durableObjectStorage = (inMemory = void),
  compatibilityDate = "2025-06-01",
);
`,
  );
  const server = await startWorkerd(out, port);
  stops.push(() => server.stop());
  return server;
}

test("docs/receiving.md: the Durable Object Worker, in workerd: a retried delivery is a duplicate, racing ones handled once", async () => {
  const server = await docsWorker("dedupe-docs-do", "On Cloudflare, with `wrangler.toml`");
  const id = freshId();
  const body = messageEvent(id, "docs");
  const racing = await Promise.all([post(server.url, body, { secret: SECRET }), post(server.url, body, { secret: SECRET })]);
  assert.deepEqual(racing.map((a) => a.json.result).sort(), ["duplicate", "handled"]);
  assert.equal((await post(server.url, body, { secret: SECRET })).json.result, "duplicate");
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(server.log().split("\n").filter((l) => l.includes(`message ${id}, handled once`)).length, 1, server.log());
});

test("docs/receiving.md: runOnce in a Hono Worker, in workerd: racing deliveries handled once, a forged one 401", async () => {
  const server = await docsWorker("dedupe-docs-once", "### An endpoint of your own: `runOnce`");
  const url = `${server.url}/haptik/webhook`;
  const body = messageEvent(freshId(), "docs");
  const racing = await Promise.all([post(url, body, { secret: SECRET }), post(url, body, { secret: SECRET })]);
  assert.deepEqual(racing.map((a) => a.json.result).sort(), ["duplicate", "handled"], racing.map((r) => r.text).join("\n"));
  assert.equal((await post(url, body, { secret: "forged" })).status, 401);
  assert.equal((await post(url, '{"event_name":"message"}', { secret: SECRET })).json.result, "invalid_payload");
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(server.log().split("\n").filter((l) => l.includes("message, handled once")).length, 1, server.log());
});
