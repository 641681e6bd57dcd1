// The packed tarball bundled by Vite and webpack 5 (the README says the `browser`/`default` entry
// works with them), each with the configuration the README tells users to write (none), the
// output served on 127.0.0.1 and loaded in headless Chromium. esbuild: browser.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, CONSUMERS, consumer, freePort, launchChromium, runBin, staticServer } from "./lib.mjs";
import { assertResults, nodeReference, runPage } from "./expect.mjs";

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
});

/** A consumer project (vite/ or webpack/) with the tarball installed and exercise.mjs next to it. */
function project(name) {
  const dir = consumer(name);
  copyFileSync(join(CONSUMERS, "common", "exercise.mjs"), join(dir, "exercise.mjs"));
  return dir;
}

/** The checks shared by every bundled page. */
function assertPage({ results, errors, requests }, reference, origin, wasmPath) {
  assertResults(results); // message parses, business_id "343" -> 343, the invalid one gives its issues, ...
  assert.deepEqual(results, reference, "same results as in Node");
  assert.deepEqual(errors, []);
  const foreign = requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("ws://127.0.0.1:"));
  assert.deepEqual(foreign, [], "the page fetches nothing but its own server");
  assert.ok(
    requests.some((u) => new URL(u).pathname === wasmPath),
    `the page fetched the .wasm from ${wasmPath}:\n${requests.join("\n")}`,
  );
}

/** The .wasm file(s) in `dir` (recursively), as paths relative to it. */
function wasmFiles(dir, prefix = "") {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? wasmFiles(dir, join(prefix, e.name)) : e.name.endsWith(".wasm") ? [join(prefix, e.name)] : [],
  );
}

/**
 * Builds the consumer in `dir` with `bin args`, checks that dist/ holds exactly one .wasm, renamed
 * (so the bundler rewrote its URL) and byte-identical to the package's, then serves dist/ and
 * checks the page against Node. `page()` puts the HTML page in dist/ where the bundler does not.
 */
async function buildAndServe(dir, bin, args, { page } = {}) {
  const built = runBin(bin, args, dir);
  assert.equal(built.status, 0, built.output);
  const dist = join(dir, "dist");
  const wasm = wasmFiles(dist);
  assert.equal(wasm.length, 1, `one .wasm asset in dist/: ${wasm}`);
  assert.notEqual(wasm[0], "haptik_webhook_bg.wasm", `${bin} renamed the file (so its URL was rewritten)`);
  assert.deepEqual(readFileSync(join(dist, wasm[0])), readFileSync(join(dir, "node_modules", "haptik-webhook", "haptik_webhook_bg.wasm")));
  if (page) page();
  const reference = await nodeReference(dir);
  const server = await staticServer(dist);
  try {
    assertPage(await runPage(browser, server.url + "/"), reference, server.url, "/" + wasm[0]);
  } finally {
    await server.close();
  }
}

test("Vite: `vite build` with no config; the .wasm is emitted as a hashed asset", async () => {
  const dir = project("vite");
  await buildAndServe(dir, "vite", ["build", "--logLevel", "warn"]);
});

test("Vite: the dev server (`vite`, dependency pre-bundling on) serves a working page", async () => {
  const dir = project("vite");
  const port = await freePort();
  const child = spawn(join(BIN, "vite"), ["--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 20000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`vite exited (${child.exitCode}):\n${log}`);
      try {
        if ((await fetch(origin + "/")).ok) break;
      } catch {}
      if (Date.now() > deadline) throw new Error(`vite dev server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const reference = await nodeReference(dir);
    const page = await runPage(browser, origin + "/");
    assertPage(page, reference, origin, "/node_modules/haptik-webhook/haptik_webhook_bg.wasm");
    assert.ok(
      page.requests.some((u) => u.includes("/node_modules/.vite/deps/haptik-webhook.js")),
      `the package was pre-bundled by Vite's optimizer:\n${page.requests.join("\n")}`,
    );
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.on("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }
});

test("webpack 5: `webpack --mode production` with no config; the .wasm becomes an asset", async () => {
  const dir = project("webpack");
  assert.ok(!existsSync(join(dir, "webpack.config.js")), "no webpack config: the defaults");
  await buildAndServe(dir, "webpack", ["--mode", "production", "--no-stats"], {
    page: () => copyFileSync(join(dir, "index.html"), join(dir, "dist", "index.html")), // the user's own page
  });
});
