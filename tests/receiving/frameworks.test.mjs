// The Fastify and Koa recipes of docs/receiving.md, run as written with the real frameworks: real servers,
// real signed deliveries (the raw-body handling is where users of these frameworks fail).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { docExample, freePort, linkedWorkdir } from "../packaging/lib.mjs";
import { SECRET } from "./app.mjs";
import { post, messageEvent, invalidEvent, freshId } from "./helpers.mjs";

const example = (heading) => docExample("docs/receiving.md", heading);

const stops = [];
after(async () => {
  for (const stop of stops) await stop();
});

async function serve(heading) {
  const dir = linkedWorkdir("framework");
  writeFileSync(join(dir, "server.mjs"), example(heading));
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
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      assert.ok(i < 200 && child.exitCode === null, `the server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { url, log: () => out };
}

async function waitFor(log, pattern) {
  for (let i = 0; i < 100 && !pattern.test(log()); i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(log(), pattern);
}

for (const heading of ["## Fastify", "## Koa"]) {
  test(`${heading.slice(3)}: the documented recipe answers real signed deliveries`, async () => {
    const server = await serve(heading);
    const body = messageEvent(freshId(), `via ${heading.slice(3)} ✓`);
    const ok = await post(server.url, body, { secret: SECRET });
    assert.equal(ok.status, 200, ok.text);
    await waitFor(server.log, new RegExp(`user-8812 was sent: via ${heading.slice(3)} ✓`));

    // Whatever the Content-Type says, the signature is checked over the bytes as sent.
    const spaced = body.replace(/,/g, ", ");
    const textPlain = await post(server.url, spaced, { secret: SECRET, headers: { "content-type": "text/plain" } });
    assert.equal(textPlain.status, 200, textPlain.text);
    const noType = await post(server.url, spaced, { secret: SECRET, headers: { "content-type": "" } });
    assert.equal(noType.status, 200, noType.text);

    const forged = await post(server.url, body, { secret: "not-the-secret" });
    assert.equal(forged.status, 401);
    await waitFor(server.log, /signature \(answered 401\): the sha1 digest does not match/);

    const invalid = await post(server.url, invalidEvent(), { secret: SECRET });
    assert.equal(invalid.status, 200, "a signed but invalid payload is acknowledged (a retry cannot fix it)");
    await waitFor(server.log, /payload \(answered 200\)/);

    const streamed = await post(server.url, body, { secret: SECRET, stream: true });
    assert.equal(streamed.status, 200, "a chunked body (no Content-Length) is read whole");
  });
}
