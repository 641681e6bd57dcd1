// Helpers of the packaging tests: pack pkg/ once, install the tarball into consumer projects,
// run workerd and headless Chromium, serve files on 127.0.0.1.
import { execFileSync } from "node:child_process";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleWorker, startWorkerd, workerdConfig } from "../../scripts/workerd.mjs";
import { freePort } from "../../scripts/ports.mjs";

export { bundleWorker, startWorkerd, workerdConfig, freePort };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const PKG = join(ROOT, "pkg");
export const ART = join(ROOT, "tests", "artifacts", "packaging");
export const CONSUMERS = join(ROOT, "tests", "packaging", "consumers");
export const BIN = join(ROOT, "node_modules", ".bin");
const require = createRequire(import.meta.url);

export const fixture = (name) => readFileSync(join(ROOT, "tests", "packaging", "fixtures", name), "utf8");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The packed tarball of pkg/ (packed once; reused while pkg/ is unchanged). */
export function tarball() {
  if (process.env.HW_TARBALL) return process.env.HW_TARBALL;
  if (!existsSync(join(PKG, "package.json"))) throw new Error("pkg/ is not built: run `bash scripts/build.sh` first");
  const { name, version } = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));
  const dest = join(ART, "pack", `${name}-${version}.tgz`);
  if (existsSync(dest) && statSync(dest).mtimeMs >= newestMtime(PKG)) return dest;
  mkdirSync(join(ART, "pack"), { recursive: true });
  const tmp = mkdtempSync(join(ART, "pack", "tmp-"));
  const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", tmp], { cwd: PKG, encoding: "utf8" });
  renameSync(join(tmp, out.trim().split("\n").pop()), dest); // atomic: parallel test files may race
  rmSync(tmp, { recursive: true, force: true });
  return dest;
}

/** The first js block after `marker` (a heading or a phrase) in the Markdown `file` of the repository. */
export function docExample(file, marker) {
  const doc = readFileSync(join(ROOT, file), "utf8");
  const at = doc.indexOf(marker);
  assert.ok(at >= 0, `${file} has "${marker}"`);
  const m = /```js\n([\s\S]*?)```/.exec(doc.slice(at));
  assert.ok(m, `a js block after "${marker}" in ${file}`);
  return m[1];
}

/** A fresh folder under tests/artifacts/receiving/ with the built pkg/ linked as node_modules/haptik-webhook. */
export function linkedWorkdir(prefix) {
  const root = join(ART, "..", "receiving");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, `${prefix}-`));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PKG, join(dir, "node_modules", "haptik-webhook"), "dir");
  return dir;
}

/**
 * Copies consumers/<name> to a fresh folder under tests/artifacts/packaging and installs the
 * tarball there (no other dependency: tools such as esbuild come from the repository's own
 * node_modules, found by Node's upward lookup). Returns the folder.
 */
export function consumer(name, { from = join(CONSUMERS, name), edit } = {}) {
  mkdirSync(ART, { recursive: true });
  const dir = mkdtempSync(join(ART, `${name}-`));
  cpSync(from, dir, { recursive: true, filter: (src) => !src.slice(from.length).split(sep).includes("node_modules") });
  if (edit) edit(dir);
  npmInstallTarball(dir);
  return dir;
}

export function npmInstallTarball(dir) {
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error", tarball()], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs `node args...` in `cwd`, returns stdout parsed as JSON (the consumers print one JSON). */
export function nodeJson(cwd, args, env = {}) {
  const out = execFileSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return JSON.parse(out);
}

/**
 * Bundles the Worker `entry` into `outdir` the way Wrangler does, writes its workerd config there
 * (the bundle and its .wasm modules; `bindings`, `compatibilityDate` as workerdConfig takes them)
 * and starts workerd. Returns the server, the bundle, the config text and how long starting took.
 */
export async function serveWorker(entry, outdir, { bindings, compatibilityDate } = {}) {
  const bundle = await bundleWorker(entry, outdir);
  const port = await freePort();
  const config = workerdConfig({
    port,
    bindings,
    compatibilityDate,
    modules: [
      { name: "worker.js", type: "esModule", file: "worker.js" },
      ...bundle.wasmFiles.map((f) => ({ name: f, type: "wasm", file: f })),
    ],
  });
  writeFileSync(join(outdir, "config.capnp"), config);
  const t0 = performance.now();
  const server = await startWorkerd(outdir, port);
  return { server, bundle, config, startMs: performance.now() - t0 };
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".css": "text/css",
};

/** A tiny static file server on 127.0.0.1 rooted at `root`. */
export async function staticServer(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = resolve(root, "." + (path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    // closeAllConnections: Chromium may hold a speculative connection that never sends a request
    // (seen with webpack's output); server.close() alone would wait for it to time out (~100 s).
    close: () =>
      new Promise((r) => {
        server.close(r);
        server.closeAllConnections();
      }),
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Debian's Chromium (playwright-core) with a fresh user-data-dir. */
export async function launchChromium() {
  const { chromium } = require("playwright-core");
  const userDataDir = mkdtempSync(join(tmpdir(), "hw-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a tool from the repository's node_modules/.bin; returns { status, output }. */
export function runBin(name, args, cwd) {
  try {
    const output = execFileSync(join(BIN, name), args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { status: 0, output };
  } catch (e) {
    return { status: e.status ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}
