// eventSchema in a real Hono app with @hono/standard-validator, from the packed tarball: served
// over HTTP from Node and from inside workerd. Also the README's Hono example, run as written.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, bundleWorker, consumer, docExample, freePort, serveWorker } from "./lib.mjs";

const SECRET = "hono-test-secret";
const samples = readdirSync(join(ROOT, "samples"))
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .map((file) => ({ file, text: readFileSync(join(ROOT, "samples", file), "utf8") }));
const loose = readFileSync(join(ROOT, "tests", "packaging", "fixtures", "loose.json"), "utf8");

function readmeExample() {
  const code = docExample("README.md", "### Hono");
  const lines = code.trimEnd().split("\n").length;
  assert.ok(lines < 15, `the README's Hono example is under 15 lines (${lines})`);
  return code;
}

/** Serves a Fetch-style app (`app.fetch(request, env)`) over node:http on 127.0.0.1. */
async function serveInNode(app, env) {
  const log = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
      body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
    });
    const response = await app.fetch(request, env);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}`, log, stop: () => new Promise((r) => server.close(r)) };
}

let dir;
let lib; // the installed package, for the expected values
const servers = {};

before(async () => {
  dir = consumer("hono");
  writeFileSync(join(dir, "readme.mjs"), readmeExample());
  lib = await import(pathToFileURL(join(dir, "node_modules", "haptik-webhook", "node.mjs")));
  const app = (await import(pathToFileURL(join(dir, "app.mjs")))).default;
  const readme = (await import(pathToFileURL(join(dir, "readme.mjs")))).default;
  servers.node = { app: await serveInNode(app), readme: await serveInNode(readme, { HAPTIK_WEBHOOK_SECRET: SECRET }) };
  servers.workerd = {
    app: (await serveWorker(join(dir, "app.mjs"), join(dir, "dist-app"))).server,
    readme: (await serveWorker(join(dir, "readme.mjs"), join(dir, "dist-readme"), { bindings: { HAPTIK_WEBHOOK_SECRET: SECRET } })).server,
  };
});

after(async () => {
  for (const runtime of Object.values(servers)) for (const s of Object.values(runtime)) await s.stop();
});

async function post(url, text, headers = {}) {
  const res = await fetch(url, { method: "POST", body: text, headers: { "content-type": "application/json", ...headers } });
  const body = await res.text();
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: res.status, body, json };
}

for (const runtime of ["node", "workerd"]) {
  test(`${runtime}: every sample answers 200 with parseEvent's event, or 400 with validateEvent's issues`, async () => {
    let ok = 0;
    let bad = 0;
    for (const { file, text } of samples) {
      const r = await post(`${servers[runtime].app.url}/event`, text);
      const verdict = lib.validateEvent(text);
      if (verdict.valid) {
        assert.equal(r.status, 200, `${file}: ${r.body}`);
        assert.deepEqual(r.json.event, lib.parseEvent(text), file);
        ok++;
      } else {
        assert.equal(r.status, 400, file);
        assert.equal(r.json.success, false);
        assert.deepEqual(r.json.error.map((i) => i.message), verdict.errors.map((e) => e.message), file);
        for (const issue of r.json.error) assert.ok(Array.isArray(issue.path) && issue.path.length > 0, JSON.stringify(issue));
        bad++;
      }
    }
    assert.ok(ok >= 10 && bad >= 1, `${ok} valid, ${bad} invalid samples`);
  });

  test(`${runtime}: a loose body comes out normalised; a per-event schema refuses another event`, async () => {
    const r = await post(`${servers[runtime].app.url}/event`, loose);
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json.event.business_id, 343);
    const message = samples.find((s) => s.file === "message-text.json").text;
    assert.deepEqual((await post(`${servers[runtime].app.url}/message`, message)).json, { event_name: "message", type: "TEXT" });
    const pinned = await post(`${servers[runtime].app.url}/message`, samples.find((s) => s.file === "chat-pinned.json").text);
    assert.equal(pinned.status, 400);
    assert.deepEqual(pinned.json.error[0].path, ["event_name"]);
  });

  test(`${runtime}: the README's Hono example verifies the signature and answers the platform 200`, async () => {
    const url = `${servers[runtime].readme.url}/haptik/webhook`;
    const message = samples.find((s) => s.file === "message-text.json").text;
    const signed = (text, secret = SECRET) => ({ "x-hub-signature": lib.signPayload(text, secret) });
    const ok = await post(url, message, signed(message));
    assert.deepEqual([ok.status, ok.body], [200, "ok"]);
    const forged = await post(url, message, signed(message, "not-the-secret"));
    assert.deepEqual([forged.status, forged.body], [401, "bad signature"]);
    const invalid = samples.find((s) => s.file === "invalid-two-errors.json").text;
    const logged = await post(url, invalid, signed(invalid));
    assert.deepEqual([logged.status, logged.body], [200, "invalid, logged"], "an invalid signed body is not answered 400");
  });
}

test("workerd: the README example logs what it received", async () => {
  const server = servers.workerd.readme;
  for (let i = 0; i < 100 && !server.log().includes("message received"); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(server.log(), /message received/);
});

test("a Worker that uses neither schema does not carry the JSON Schemas (tree-shaken)", async () => {
  const marker = "Haptik webhook event, input";
  writeFileSync(join(dir, "plain-worker.mjs"), 'import { parseEvent } from "haptik-webhook";\nexport default { fetch: async (r) => Response.json(parseEvent(await r.text())) };\n');
  writeFileSync(join(dir, "schema-worker.mjs"), 'import { eventSchema } from "haptik-webhook";\nexport default { fetch: async (r) => Response.json(eventSchema["~standard"].validate(await r.json())) };\n');
  const plain = await bundleWorker(join(dir, "plain-worker.mjs"), join(dir, "dist-plain"), { minify: true });
  const withSchema = await bundleWorker(join(dir, "schema-worker.mjs"), join(dir, "dist-schema"), { minify: true });
  const plainJs = readFileSync(plain.file, "utf8");
  const schemaJs = readFileSync(withSchema.file, "utf8");
  assert.ok(schemaJs.includes(marker), "the schema Worker has them");
  assert.ok(!plainJs.includes(marker), "the parseEvent-only Worker does not");
  console.log(`Worker JS, minified: parseEvent only ${plainJs.length} B, with eventSchema ${schemaJs.length} B`);
});
