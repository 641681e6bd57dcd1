// The examples users copy (examples/node-server, examples/express, examples/cloudflare-worker),
// each installed from the packed tarball, started, and sent real signed webhook requests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, consumer, fixture, freePort, serveWorker } from "../packaging/lib.mjs";

const SECRET = "example-secret-\u00e9";

/** Copies an example, drops its dependency list (express etc. come from the repository's own
 *  node_modules; the package from the tarball), installs the tarball. */
function install(name) {
  return consumer(`example-${name}`, { from: join(ROOT, "examples", name), edit: stripDependencies });
}

function stripDependencies(dir) {
  const file = join(dir, "package.json");
  const pkg = JSON.parse(readFileSync(file, "utf8"));
  delete pkg.dependencies;
  writeFileSync(file, JSON.stringify(pkg, null, 2));
}

async function waitFor(getLog, re, what, ms = 15000) {
  const deadline = Date.now() + ms;
  while (!re.test(getLog())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${re}); output:\n${getLog()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startNodeExample(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HAPTIK_WEBHOOK_SECRET: SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  await waitFor(() => log, /listening on http:\/\/127\.0\.0\.1:\d+/, "the server to listen");
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.on("exit", r), child.kill("SIGTERM")))),
  };
}

/** The requests every example gets, and what must happen. */
async function exercise(server, dir, { getStatus = 405 } = {}) {
  const { signPayload } = await import(join(dir, "node_modules", "haptik-webhook", "node.mjs"));
  const send = (body, signature) =>
    fetch(server.url + "/haptik/webhook", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature": signature } : {}) },
    });

  const message = fixture("message.json");
  let res = await send(message, signPayload(message, SECRET));
  assert.equal(res.status, 200, await res.clone().text());
  await waitFor(server.log, /message 1982371/, "the message handler");

  res = await send(message, signPayload(message, "wrong secret"));
  assert.equal(res.status, 401);
  await waitFor(server.log, /rejected \(signature, answered 401\)/, "the signature rejection");

  res = await send(message);
  assert.equal(res.status, 401);

  const unknown = fixture("unknown.json");
  res = await send(unknown, signPayload(unknown, SECRET));
  assert.equal(res.status, 200);
  await waitFor(server.log, /unknown event typing_indicator/, "the unknown-event handler");

  const invalid = fixture("invalid.json");
  res = await send(invalid, signPayload(invalid, SECRET));
  assert.equal(res.status, 200, "an invalid but signed payload is acknowledged (no retry storm)");
  await waitFor(server.log, /rejected \(payload/, "the invalid-payload report");

  res = await fetch(server.url + "/haptik/webhook");
  assert.equal(res.status, getStatus);
}

test("examples/node-server (node:http)", async () => {
  const dir = install("node-server");
  const server = await startNodeExample(dir);
  try {
    await exercise(server, dir);
    assert.match(server.log(), /message 1982371 to user-42: Hi/);
  } finally {
    await server.stop();
  }
});

test("examples/express", async () => {
  const dir = install("express");
  const server = await startNodeExample(dir);
  try {
    await exercise(server, dir, { getStatus: 404 }); // Express answers 404 for a GET on a POST route
    assert.match(server.log(), /message 1982371: Hi .* \(1 quick replies\)/);
    const health = await fetch(server.url + "/health");
    assert.deepEqual(await health.json(), { ok: true });
  } finally {
    await server.stop();
  }
});

test("examples/cloudflare-worker: bundled as Wrangler would (wrangler.toml main), run in workerd", async () => {
  const dir = install("cloudflare-worker");
  const toml = readFileSync(join(dir, "wrangler.toml"), "utf8");
  const main = toml.match(/^main\s*=\s*"([^"]+)"/m)[1];
  const date = toml.match(/^compatibility_date\s*=\s*"([^"]+)"/m)[1];
  assert.equal(main, "src/index.js");
  const { server } = await serveWorker(join(dir, main), join(dir, "dist"), {
    compatibilityDate: date,
    bindings: { HAPTIK_WEBHOOK_SECRET: SECRET },
  });
  try {
    await exercise(server, dir);
  } finally {
    await server.stop();
  }
});
