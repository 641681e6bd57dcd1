// The two endpoints of the README's "Receiving webhooks", run as written:
// the Express one as a real Node server, the Worker one inside workerd; real signed requests.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { docExample, freePort, linkedWorkdir, serveWorker } from "../packaging/lib.mjs";
import { SECRET } from "./app.mjs";
import { post, messageEvent, freshId } from "./helpers.mjs";

const example = (heading) => docExample("README.md", heading);
const workdir = () => linkedWorkdir("docs");

const stops = [];
after(async () => {
  for (const stop of stops) await stop();
});

test("docs: both examples are complete programs under 20 lines", () => {
  for (const h of ["### Cloudflare Worker", "### Express"]) {
    const lines = example(h).trimEnd().split("\n").length;
    assert.ok(lines < 20, `${h}: ${lines} lines`);
  }
});

test("docs: the Express example answers real signed deliveries", async () => {
  const dir = workdir();
  writeFileSync(join(dir, "server.mjs"), example("### Express"));
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HAPTIK_WEBHOOK_SECRET: SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  stops.push(async () => {
    child.kill("SIGTERM");
  });
  const url = `http://127.0.0.1:${port}/haptik/webhook`;
  for (let i = 0; ; i++) {
    try {
      await fetch(url, { method: "HEAD" });
      break;
    } catch {
      assert.ok(i < 200 && child.exitCode === null, `the server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const ok = await post(url, messageEvent(freshId(), "from the docs ✓"), { secret: SECRET });
  assert.equal(ok.status, 200, ok.text);
  const bad = await post(url, messageEvent(freshId(), "x"), { secret: "wrong" });
  assert.equal(bad.status, 401);
  for (let i = 0; i < 100 && !out.includes("signature (answered 401)"); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(out, /user-8812 was sent: from the docs ✓/);
  assert.match(out, /signature \(answered 401\): the sha1 digest does not match/);
});

test("docs: the Worker example answers real signed deliveries inside workerd", async () => {
  const dir = workdir();
  writeFileSync(join(dir, "worker.mjs"), example("### Cloudflare Worker"));
  const { server } = await serveWorker(join(dir, "worker.mjs"), join(dir, "dist"), {
    bindings: { HAPTIK_WEBHOOK_SECRET: SECRET },
  });
  stops.push(() => server.stop());
  const id = freshId();
  const body = messageEvent(id, "hello worker");
  const ok = await post(`${server.url}/`, body, { secret: SECRET });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.result, "handled");
  const again = await post(`${server.url}/`, body, { secret: SECRET });
  assert.equal(again.json.result, "duplicate", "memoryDedupe drops the retried delivery");
  const bad = await post(`${server.url}/`, body, { secret: "wrong" });
  assert.equal(bad.status, 401);
  for (let i = 0; i < 100 && !server.log().includes("hello worker"); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(server.log(), /user-8812 was sent: hello worker/);
});

test("docs: docs/runtimes.md's Worker answers a bad body 400 with the errors, never an uncaught 500", async () => {
  const code = docExample("docs/runtimes.md", "**Cloudflare Workers**");
  const dir = workdir();
  writeFileSync(join(dir, "worker.mjs"), code);
  const { server } = await serveWorker(join(dir, "worker.mjs"), join(dir, "dist"));
  stops.push(() => server.stop());
  const good = await fetch(`${server.url}/`, { method: "POST", body: messageEvent(freshId(), "hi") });
  assert.deepEqual([good.status, await good.json()], [200, { ok: "message" }]);
  for (const body of ["{ not json", '{"event_name":"message"}', ""]) {
    const bad = await fetch(`${server.url}/`, { method: "POST", body });
    assert.equal(bad.status, 400, body);
    const { errors } = await bad.json();
    assert.ok(errors.length >= 1 && typeof errors[0].message === "string", body);
  }
  assert.doesNotMatch(server.log(), /Uncaught/);
});
