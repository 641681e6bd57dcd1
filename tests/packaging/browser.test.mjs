// The packed tarball in headless Chromium (Debian's, driven by playwright-core): a page that imports
// the package as a plain ES module (import map), and a page bundled by esbuild.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { CONSUMERS, consumer, launchChromium, staticServer } from "./lib.mjs";
import { assertResults, nodeReference, runPage } from "./expect.mjs";

const require = createRequire(import.meta.url);
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
});

test("plain <script type=module> page importing the package", async () => {
  const dir = consumer("browser");
  copyFileSync(join(CONSUMERS, "common", "exercise.mjs"), join(dir, "exercise.mjs"));
  const reference = await nodeReference(dir);
  const server = await staticServer(dir);
  try {
    const { results, errors } = await runPage(browser, server.url + "/index.html");
    assertResults(results);
    assert.deepEqual(results, reference, "same results as in Node");
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});

test("page bundled by esbuild (browser conditions), .wasm next to the bundle or moved + init()", async () => {
  const dir = consumer("browser-bundled");
  copyFileSync(join(CONSUMERS, "common", "exercise.mjs"), join(dir, "exercise.mjs"));
  const esbuild = require("esbuild");
  const result = await esbuild.build({
    entryPoints: [join(dir, "src", "main.js")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: join(dir, "dist"),
    metafile: true,
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((p) => p.endsWith("haptik-webhook/browser.mjs")), inputs.join("\n"));
  copyFileSync(join(dir, "index.html"), join(dir, "dist", "index.html"));
  // Like a bundler that copies assets next to the bundle (esbuild leaves new URL(..., import.meta.url) alone):
  copyFileSync(join(dir, "node_modules", "haptik-webhook", "haptik_webhook_bg.wasm"), join(dir, "dist", "haptik_webhook_bg.wasm"));
  // Like a bundler that renames/moves the asset: a second copy of the page without the .wasm next to it.
  cpSync(join(dir, "dist"), join(dir, "moved"), { recursive: true, filter: (s) => !s.endsWith(".wasm") });
  mkdirSync(join(dir, "assets"), { recursive: true });
  copyFileSync(join(dir, "dist", "haptik_webhook_bg.wasm"), join(dir, "assets", "hw.3f2a.wasm"));
  assert.ok(readFileSync(join(dir, "dist", "main.js"), "utf8").includes("haptik_webhook_bg.wasm"));

  const reference = await nodeReference(dir);
  const server = await staticServer(dir);
  try {
    const a = await runPage(browser, server.url + "/dist/index.html");
    assertResults(a.results);
    assert.deepEqual(a.results, reference, "same results as in Node");
    assert.deepEqual(a.errors, []);
    const b = await runPage(browser, server.url + "/moved/index.html?wasm=/assets/hw.3f2a.wasm");
    assertResults(b.results);
    assert.deepEqual(b.results, reference);
  } finally {
    await server.close();
  }
});
