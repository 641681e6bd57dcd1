// npm run bench [-- --quick] [-- --no-workerd] [-- --update-md]
//
// Benchmarks haptik-webhook next to the alternatives, in Node and inside workerd, and reports
// sizes and cold starts. Prints tables; writes bench-results/latest.json (and a dated copy);
// --update-md rewrites the generated section of BENCHMARKS.md. Needs the built package in pkg/
// (npm run build). --quick: a few iterations only, to check that everything still runs.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { makePayloads } from "./payloads.mjs";
import { makeContenders, checkContenders } from "./contenders.mjs";
import { benchAll, withBytes } from "./harness.mjs";
import { bundleWorker, workerdConfig } from "../scripts/workerd.mjs";
import { freePort } from "../scripts/ports.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");
const PKG = process.env.HW_PKG ? resolve(process.env.HW_PKG) : join(ROOT, "pkg");
const OUT = join(ROOT, "bench-results");
const BUILD = join(OUT, ".build");
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const log = (...a) => console.error("bench:", ...a);

const NODE_CFG = QUICK ? { rounds: 3, minBatchMs: 1, warmupMs: 10 } : { rounds: 61, minBatchMs: 3, warmupMs: 300 };
// workerd's clock ticks in whole milliseconds: batches are long so that a tick is a few percent.
const WORKERD_CFG = QUICK ? { rounds: 2, minBatchMs: 4, warmupMs: 10 } : { rounds: 21, minBatchMs: 20, warmupMs: 300 };
const COLD_REPS = QUICK ? 1 : 7;
const WORKERD_COLD_REPS = QUICK ? 1 : 5;

if (!existsSync(join(PKG, "node.mjs")) || !existsSync(join(PKG, "haptik_webhook_bg.wasm"))) {
  console.error(`bench: the package is not built in ${PKG}; run \`npm run build\` first`);
  process.exit(1);
}

const version = (name) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
};
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

const payloads = withBytes(makePayloads());
const schema = JSON.parse(readFileSync(join(PKG, "schema.json"), "utf8"));

// ---------------------------------------------------------------------------------------------
// Node

async function nodeBench() {
  const hw = await import(pathToFileURL(join(PKG, "node.mjs")).href);
  const { HaptikEvent: zod } = await import("./schemas/zod.mjs");
  const valibot = await import("./schemas/valibot.mjs");
  const { default: Ajv } = await import("ajv");
  const { Validator } = await import("@cfworker/json-schema");
  const ajv = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const cfworker = new Validator(schema, "7", false);
  const contenders = makeContenders({ hw, zod, valibot, ajv, cfworker });
  const check = checkContenders(contenders, payloads);
  log(`Node ${process.version}: timing (${NODE_CFG.rounds} rounds)…`);
  const results = benchAll({ payloads, contenders, now: () => performance.now(), ...NODE_CFG });
  return { contenders: contenders.map(({ key, label }) => ({ key, label })), check, results };
}

function nodeCold() {
  const which = ["wasm_compile", "json_parse", "haptik-webhook", "zod", "valibot", "ajv", "cfworker"];
  const out = {};
  for (const w of which) {
    const runs = [];
    for (let i = 0; i < COLD_REPS; i++) {
      const r = spawnSync(process.execPath, [join(HERE, "cold-node.mjs"), w, PKG], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`cold start of ${w} failed:\n${r.stderr}`);
      runs.push(JSON.parse(r.stdout.trim().split("\n").pop()));
    }
    const med = (k) => median(runs.map((x) => x[k]));
    out[w] = { setupMs: med("setupMs"), firstCallMs: med("firstCallMs"), totalMs: med("totalMs"), runs: runs.length };
    if (w === "wasm_compile") Object.assign(out[w], { compileMs: med("compileMs"), instantiateMs: med("instantiateMs") });
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---------------------------------------------------------------------------------------------
// Bundles (Wrangler-like: esbuild, conditions workerd/worker/browser, .wasm kept as a module)

function prepareBuildDir() {
  rmSync(BUILD, { recursive: true, force: true });
  mkdirSync(join(BUILD, "node_modules"), { recursive: true });
  symlinkSync(PKG, join(BUILD, "node_modules", "haptik-webhook"), "dir");
}

const SIZE_ENTRIES = {
  json_parse: `const v = JSON.parse(text); return v;`,
  "haptik-webhook": `return parseEvent(text);`,
  zod: `const r = HaptikEvent.safeParse(JSON.parse(text)); if (!r.success) throw new Error("invalid"); return r.data;`,
  valibot: `const r = v.safeParse(HaptikEvent, JSON.parse(text)); if (!r.success) throw new Error("invalid"); return r.output;`,
  ajv: `const o = JSON.parse(text); if (!validate(o)) throw new Error("invalid"); return o;`,
  cfworker: `const o = JSON.parse(text); if (!validator.validate(o).valid) throw new Error("invalid"); return o;`,
};
const SIZE_IMPORTS = {
  json_parse: ``,
  "haptik-webhook": `import { parseEvent } from "haptik-webhook";`,
  zod: `import { HaptikEvent } from ${JSON.stringify(join(HERE, "schemas/zod.mjs"))};`,
  valibot: `import { HaptikEvent, v } from ${JSON.stringify(join(HERE, "schemas/valibot.mjs"))};`,
  ajv: `import Ajv from "ajv"; import schema from "haptik-webhook/schema.json"; const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);`,
  cfworker: `import { Validator } from "@cfworker/json-schema"; import schema from "haptik-webhook/schema.json"; const validator = new Validator(schema, "7", false);`,
};

async function sizeBundles() {
  const out = {};
  for (const key of Object.keys(SIZE_ENTRIES)) {
    const dir = join(BUILD, "size", key);
    mkdirSync(dir, { recursive: true });
    const entry = join(dir, "entry.mjs");
    writeFileSync(
      entry,
      `${SIZE_IMPORTS[key]}\nfunction handle(text) { ${SIZE_ENTRIES[key]} }\n` +
        `export default { async fetch(request) { try { return Response.json({ ok: true, event_name: handle(await request.text()).event_name }); } ` +
        `catch (e) { return Response.json({ ok: false, error: String(e) }, { status: 400 }); } } };\n`,
    );
    const b = await bundleWorker(entry, join(dir, "dist"), { minify: true, nodePaths: [join(BUILD, "node_modules"), join(ROOT, "node_modules")] });
    const js = readFileSync(b.file);
    const wasm = b.wasmFiles.map((f) => readFileSync(join(dir, "dist", f)));
    out[key] = {
      dir: join(dir, "dist"),
      wasmFiles: b.wasmFiles,
      jsBytes: js.length,
      jsGzip: gz(js),
      wasmBytes: wasm.reduce((s, w) => s + w.length, 0),
      wasmGzip: wasm.reduce((s, w) => s + gz(w), 0),
    };
    out[key].totalGzip = out[key].jsGzip + out[key].wasmGzip;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// workerd

async function startWorkerd(dir, wasmFiles) {
  const port = await freePort();
  writeFileSync(
    join(dir, "config.capnp"),
    workerdConfig({
      port,
      modules: [{ name: "worker.js", type: "esModule", file: "worker.js" }, ...wasmFiles.map((f) => ({ name: f, type: "wasm", file: f }))],
    }),
  );
  const bin = require("workerd").default;
  const t0 = performance.now();
  const child = spawn(bin, ["serve", join(dir, "config.capnp")], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  let exited = null;
  child.on("exit", (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    if (exited !== null) throw new Error(`workerd exited (${exited}):\n${output}`);
    try {
      const res = await fetch(url + "/first", { method: "POST", body: payloads[0].text });
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`workerd did not answer:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const firstAnswerMs = performance.now() - t0;
  return {
    url,
    firstAnswerMs,
    stop: () =>
      new Promise((res) => {
        if (exited !== null) return res();
        child.on("exit", () => res());
        child.kill("SIGTERM");
      }),
    output: () => output,
  };
}

async function workerdBench() {
  const dir = join(BUILD, "worker");
  const b = await bundleWorker(join(HERE, "worker.mjs"), dir, { nodePaths: [join(BUILD, "node_modules"), join(ROOT, "node_modules")] });
  const server = await startWorkerd(dir, b.wasmFiles);
  try {
    const get = async (path) => {
      const res = await fetch(server.url + path);
      const text = await res.text();
      if (!res.ok) throw new Error(`workerd ${path}: ${res.status} ${text}\n${server.output()}`);
      return JSON.parse(text);
    };
    const check = await get("/check");
    const results = {};
    const q = `rounds=${WORKERD_CFG.rounds}&batch=${WORKERD_CFG.minBatchMs}&warmup=${WORKERD_CFG.warmupMs}`;
    for (const p of payloads) {
      log(`workerd: timing ${p.key} (${WORKERD_CFG.rounds} rounds)…`);
      results[p.key] = (await get(`/run?payload=${p.key}&${q}`)).results;
    }
    return { check: check.check, zodJit: check.zodJit, ajvInRequest: check.ajvInRequest, ajvAtStartup: check.ajvAtStartup, userAgent: check.userAgent, results };
  } finally {
    await server.stop();
  }
}

/** Spawn → first answered POST, per contender's minimal Worker (the same bundles as the sizes). */
async function workerdCold(sizes) {
  const out = {};
  for (const [key, s] of Object.entries(sizes)) {
    const times = [];
    for (let i = 0; i < WORKERD_COLD_REPS; i++) {
      const server = await startWorkerd(s.dir, s.wasmFiles);
      times.push(server.firstAnswerMs);
      // The answer must be a success: the contender really ran.
      const res = await fetch(server.url, { method: "POST", body: payloads[0].text });
      const body = await res.json();
      await server.stop();
      if (!body.ok) throw new Error(`workerd cold start of ${key}: ${JSON.stringify(body)}`);
    }
    out[key] = { firstAnswerMs: median(times), runs: times.length };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report

const CONTENDER_ORDER = [
  ["json_parse", "JSON.parse alone (floor)"],
  ["parseEvent", "parseEvent"],
  ["validateEvent_string", "validateEvent (string)"],
  ["validateEvent_bytes", "validateEvent (Uint8Array)"],
  ["validateEvent_object", "validateEvent (parsed object)"],
  ["parseEvent_object", "parseEvent (parsed object)"],
  ["zod", "JSON.parse + zod 4"],
  ["valibot", "JSON.parse + valibot"],
  ["ajv", "JSON.parse + ajv"],
  ["cfworker", "JSON.parse + @cfworker/json-schema"],
];

function fmtUs(us) {
  return us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2);
}

function table(run) {
  const head = ["contender", ...payloads.map((p) => `${p.key} (${(p.size / 1000).toFixed(1)} KB)`)];
  const rows = CONTENDER_ORDER.map(([key, label]) => [
    label,
    ...payloads.map((p) => {
      const r = run.results[p.key][key];
      const c = run.check[p.key][key];
      if (!r || r.unavailable || !Number.isFinite(r.ratio) || !Number.isFinite(r.medianUs)) return "n/a";
      const note = c && !c.ok ? " (wrong result)" : "";
      return `${fmtUs(r.medianUs)} µs **${r.ratio.toFixed(2)}×**${note}`;
    }),
  ]);
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/**
 * Issue 16's targets, read from this run: [measure, Node figure, workerd figure, verdict].
 * A ratio target is met when the figure is at most the target.
 */
function targets(res) {
  const ratio = (run, payload, key) => run?.results?.[payload]?.[key]?.ratio;
  const f = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "n/a");
  const met = (xs, limit) => (xs.every((x) => Number.isFinite(x) && x <= limit) ? "met" : "**missed**");
  const rows = [];
  const ratioRow = (label, cells, node, workerd) => {
    const n = cells.map(([p, k]) => ratio(res.node, p, k));
    const w = cells.map(([p, k]) => ratio(res.workerd, p, k));
    rows.push([label, n.map(f).join(" / "), w.map(f).join(" / "), `Node ${met(n, node)}, workerd ${res.workerd ? met(w, workerd) : "n/a"}`]);
  };
  ratioRow("`parseEvent` ≤ 1.25× (Node), ≤ 1.3× (workerd): message_1k / conv_complete", [["message_1k", "parseEvent"], ["conv_complete", "parseEvent"]], 1.25, 1.3);
  ratioRow("`validateEvent` (string) ≤ 0.25× / ≤ 0.3×: message_1k", [["message_1k", "validateEvent_string"]], 0.25, 0.3);
  ratioRow("full error list ≤ 1.0× / ≤ 1.2×: invalid_2, `validateEvent` (string)", [["invalid_2", "validateEvent_string"]], 1.0, 1.2);
  ratioRow("`validateEvent` of a parsed object ≤ 0.6× / ≤ 0.8×: message_1k", [["message_1k", "validateEvent_object"]], 0.6, 0.8);
  for (const key of ["parseEvent", "validateEvent_string"]) {
    const at = (run, p) => ratio(run, p, key);
    const linear = (run) => ["carousel_100k", "carousel_1m"].every((p) => Number.isFinite(at(run, p)) && at(run, p) <= at(run, "message_1k") * 1.05);
    rows.push([
      `100 KB and 1 MB no worse than 1 KB (within 5 %): \`${key}\``,
      [at(res.node, "message_1k"), at(res.node, "carousel_100k"), at(res.node, "carousel_1m")].map(f).join(" → "),
      [at(res.workerd, "message_1k"), at(res.workerd, "carousel_100k"), at(res.workerd, "carousel_1m")].map(f).join(" → "),
      `Node ${linear(res.node) ? "met" : "**missed**"}, workerd ${res.workerd ? (linear(res.workerd) ? "met" : "**missed**") : "n/a"}`,
    ]);
  }
  const cold = res.coldNode?.["haptik-webhook"];
  const wcold = res.workerdCold?.["haptik-webhook"];
  rows.push(["cold start: import + first `parseEvent` (reported)", cold ? `${cold.totalMs.toFixed(1)} ms` : "n/a", wcold ? `${wcold.firstAnswerMs.toFixed(0)} ms (spawn → first answer)` : "n/a", "reported"]);
  rows.push(["`.wasm` ≤ 60 KB gzipped", `${res.sizes.wasmGzip} B`, "", res.sizes.wasmGzip <= 60000 ? "met" : "**missed**"]);
  return [
    "#### Issue 16's targets, from this run",
    "",
    "| measure | Node | workerd | |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

function markdown(res) {
  const lines = [];
  lines.push(`Run: ${res.date}${res.quick ? " (QUICK mode: not meaningful)" : ""}. Machine: ${res.machine.cpu} × ${res.machine.cores}, ` +
    `${res.machine.memGiB} GiB; load average at start ${res.machine.loadStart.join(" / ")}, at end ${res.machine.loadEnd.join(" / ")}.`);
  lines.push(`Package built from commit ${res.rev}.`);
  lines.push(`Versions: Node ${res.versions.node}, workerd ${res.versions.workerd}, zod ${res.versions.zod}, valibot ${res.versions.valibot}, ` +
    `ajv ${res.versions.ajv}, @cfworker/json-schema ${res.versions.cfworker}, esbuild ${res.versions.esbuild}.`);
  lines.push("");
  lines.push("Median time per call, and **its ratio to a bare `JSON.parse` of the same text** (median over the rounds of the ratio to the `JSON.parse` batch of the same round).");
  lines.push("");
  lines.push(...targets(res));
  lines.push("");
  lines.push(`### Node ${res.versions.node}`);
  lines.push("");
  lines.push(table(res.node));
  if (res.workerd) {
    lines.push("");
    lines.push(`### workerd ${res.versions.workerd} (measured inside the isolate; ${res.workerd.zodJit})`);
    lines.push("");
    lines.push(table(res.workerd));
    lines.push("");
    lines.push(`ajv in workerd: ${res.workerd.ajvInRequest}; ${res.workerd.ajvAtStartup}, which is what the row above measures.`);
  }
  const inv = res.node.check.invalid_2;
  lines.push("");
  lines.push("Errors reported for the invalid payload (2 real problems): " +
    CONTENDER_ORDER.slice(1).map(([k, l]) => `${l} ${inv[k]?.errorsReported ?? "n/a"}`).join(", ") + ".");
  lines.push("");
  lines.push("### Sizes");
  lines.push("");
  lines.push(`- \`.wasm\`: ${res.sizes.wasmBytes} B raw, **${res.sizes.wasmGzip} B gzipped**; JS glue (src/*.js + entry, minified in a Worker bundle): ${res.sizes.glueGzip} B gzipped.`);
  lines.push("");
  lines.push("| Worker bundle (minified, esbuild) | JS | JS gzipped | .wasm gzipped | total gzipped |");
  lines.push("|---|---|---|---|---|");
  for (const [k, s] of Object.entries(res.sizes.bundles)) lines.push(`| ${k} | ${s.jsBytes} B | ${s.jsGzip} B | ${s.wasmGzip} B | **${s.totalGzip} B** |`);
  lines.push("");
  lines.push("### Cold start");
  lines.push("");
  const wc = res.coldNode.wasm_compile;
  lines.push(`- Node, the .wasm alone: compile ${wc.compileMs.toFixed(2)} ms + instantiate ${wc.instantiateMs.toFixed(2)} ms (median of ${wc.runs} fresh processes).`);
  lines.push("");
  lines.push("| contender | Node: import + set-up | Node: first call | Node: total | workerd: spawn → first answer |");
  lines.push("|---|---|---|---|---|");
  for (const k of ["json_parse", "haptik-webhook", "zod", "valibot", "ajv", "cfworker"]) {
    const n = res.coldNode[k];
    const w = res.workerdCold?.[k];
    lines.push(`| ${k} | ${n.setupMs.toFixed(1)} ms | ${n.firstCallMs.toFixed(2)} ms | ${n.totalMs.toFixed(1)} ms | ${w ? w.firstAnswerMs.toFixed(0) + " ms" : "n/a"} |`);
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------

const loadStart = loadavg().map((x) => x.toFixed(2));
const res = {
  date: new Date().toISOString(),
  quick: QUICK,
  pkg: PKG,
  // The commit the package was built from (HW_PKG_REV when benchmarking a snapshot in HW_PKG).
  rev: process.env.HW_PKG_REV || (spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout || "?").trim(),
  machine: { cpu: cpus()[0]?.model ?? "?", cores: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), loadStart },
  versions: {
    node: process.version,
    workerd: version("workerd"),
    zod: version("zod"),
    valibot: version("valibot"),
    ajv: version("ajv"),
    cfworker: version("@cfworker/json-schema"),
    esbuild: version("esbuild"),
  },
  payloads: payloads.map(({ key, label, size, valid }) => ({ key, label, bytes: size, valid })),
};

res.node = await nodeBench();
prepareBuildDir();
const wasm = readFileSync(join(PKG, "haptik_webhook_bg.wasm"));
const bundles = await sizeBundles();
res.sizes = {
  wasmBytes: wasm.length,
  wasmGzip: gz(wasm),
  glueGzip: bundles["haptik-webhook"].jsGzip,
  bundles: Object.fromEntries(Object.entries(bundles).map(([k, { dir, wasmFiles, ...s }]) => [k, s])),
};
log("cold starts in Node…");
res.coldNode = nodeCold();
if (!args.has("--no-workerd")) {
  res.workerd = await workerdBench();
  log("cold starts in workerd…");
  res.workerdCold = await workerdCold(bundles);
}
res.machine.loadEnd = loadavg().map((x) => x.toFixed(2));

const md = markdown(res);
console.log(md);
mkdirSync(OUT, { recursive: true });
const json = JSON.stringify(res, null, 2);
writeFileSync(join(OUT, "latest.json"), json);
writeFileSync(join(OUT, `bench-${res.date.replace(/[:.]/g, "-")}${QUICK ? "-quick" : ""}.json`), json);
writeFileSync(join(OUT, "latest.md"), md + "\n");
log(`wrote ${join(OUT, "latest.json")}`);

if (args.has("--update-md")) {
  const file = join(ROOT, "BENCHMARKS.md");
  const begin = "<!-- bench:begin (generated by npm run bench -- --update-md) -->";
  const end = "<!-- bench:end -->";
  const cur = readFileSync(file, "utf8");
  const a = cur.indexOf(begin);
  const b = cur.indexOf(end);
  if (a < 0 || b < a) throw new Error("BENCHMARKS.md has no generated section markers");
  writeFileSync(file, cur.slice(0, a + begin.length) + "\n" + md + "\n" + cur.slice(b));
  log("updated BENCHMARKS.md");
}

// Every contender must have done its job (a wrong result is a bug in the benchmark, not a ratio).
const wrong = [];
for (const [rt, run] of [["node", res.node], ["workerd", res.workerd]]) {
  if (!run) continue;
  for (const [p, cs] of Object.entries(run.check))
    for (const [c, r] of Object.entries(cs)) if (!r.ok && !(c === "ajv" && rt === "workerd" && /n\/a/.test(r.problem ?? ""))) wrong.push(`${rt} ${p} ${c}: ${r.problem}`);
}
if (wrong.length) {
  console.error("bench: some contenders did not do the job:\n  " + wrong.join("\n  "));
  process.exit(1);
}
