// npm run bench:pieces: where the time of validateEvent / parseEvent goes, piece by piece, in
// Node (as it runs, and with --wasm-enforce-bounds-checks), in workerd and in Chromium. Prints
// a Markdown table of ratios to JSON.parse of the same text (BENCHMARKS.md, "Where the time goes
// in each runtime"). Needs the built package in pkg/ (npm run build).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleWorker, startWorkerd, workerdConfig } from "../../scripts/workerd.mjs";
import { freePort } from "../../scripts/ports.mjs";
import { PIECES_PAYLOADS } from "./pieces.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const PKG = process.env.HW_PKG ? resolve(process.env.HW_PKG) : join(ROOT, "pkg");
const BUILD = join(ROOT, "bench-results", ".build", "pieces");
const require = createRequire(import.meta.url);
const log = (...a) => console.error("bench:pieces:", ...a);

// The package's internals, for timing the pieces one by one (not part of its public API).
const alias = {
  "haptik-webhook-internals/glue": join(PKG, "haptik_webhook.js"),
  "haptik-webhook-internals/loader": join(PKG, "src", "loader.js"),
  "haptik-webhook-internals/api": join(PKG, "src", "api.js"),
  "haptik-webhook-internals/wasm": join(PKG, "haptik_webhook_bg.wasm"),
};

function node(flags) {
  const out = execFileSync(process.execPath, [...flags, join(HERE, "node-entry.mjs"), PKG], { encoding: "utf8" });
  return JSON.parse(out);
}

async function workerd(v8Flags) {
  rmSync(BUILD, { recursive: true, force: true });
  mkdirSync(join(BUILD, "node_modules"), { recursive: true });
  symlinkSync(PKG, join(BUILD, "node_modules", "haptik-webhook"), "dir");
  const dir = join(BUILD, "worker");
  const b = await bundleWorker(join(HERE, "worker-entry.mjs"), dir, { nodePaths: [join(BUILD, "node_modules")], alias });
  const port = await freePort();
  let config = workerdConfig({
    port,
    modules: [{ name: "worker.js", type: "esModule", file: "worker.js" }, ...b.wasmFiles.map((f) => ({ name: f, type: "wasm", file: f }))],
  });
  if (v8Flags.length > 0) config = config.replace("sockets = [", `v8Flags = ${JSON.stringify(v8Flags)},\n  sockets = [`);
  writeFileSync(join(dir, "config.capnp"), config);
  const server = await startWorkerd(dir, port);
  try {
    return await (await fetch(server.url)).json();
  } finally {
    await server.stop();
  }
}

async function chromium() {
  const esbuild = require("esbuild");
  const out = await esbuild.build({
    entryPoints: [join(HERE, "browser-entry.mjs")],
    bundle: true,
    format: "esm",
    write: false,
    alias,
    loader: { ".wasm": "binary" },
  });
  const { chromium: launcher } = require("playwright-core");
  const browser = await launcher.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>pieces</title>");
    await page.addScriptTag({ content: out.outputFiles[0].text, type: "module" });
    await page.waitForFunction(() => globalThis.__pieces !== undefined, null, { timeout: 300000 });
    return await page.evaluate(() => globalThis.__pieces);
  } finally {
    await browser.close();
  }
}

const runs = [];
log("Node…");
runs.push([`Node ${process.version}`, node([])]);
log("Node with --wasm-enforce-bounds-checks…");
runs.push(["Node, --wasm-enforce-bounds-checks", node(["--wasm-enforce-bounds-checks"])]);
log("workerd…");
runs.push(["workerd", await workerd([])]);
log("workerd with --wasm-enforce-bounds-checks…");
runs.push(["workerd, --wasm-enforce-bounds-checks", await workerd(["--wasm-enforce-bounds-checks"])]);
log("Chromium…");
const chromiumVersion = execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
runs.push([chromiumVersion.replace(/ built on.*/, ""), await chromium()]);

for (const payload of PIECES_PAYLOADS) {
  console.log(`\n${payload}: median µs per call, and ratio to JSON.parse of the same text (median of per-round ratios)\n`);
  console.log(`| piece | ${runs.map(([name]) => name).join(" | ")} |`);
  console.log(`|---|${runs.map(() => "---").join("|")}|`);
  for (const piece of Object.keys(runs[0][1][payload])) {
    const cells = runs.map(([, r]) => r[payload][piece]).map((c) => `${c.us.toFixed(2)} µs **${c.ratio.toFixed(2)}×**`);
    console.log(`| ${piece} | ${cells.join(" | ")} |`);
  }
}
