// How many memory accesses one validation makes, and where they go: `node benches/memory-ops.mjs`
// (BENCHMARKS.md, "Where the time goes in each runtime"). workerd runs wasm with an explicit
// bounds check on every load and store, so their number is what makes the same module slower
// there. Instruments a copy of pkg/'s .wasm with binaryen's --instrument-memory (npm binaryen),
// runs hw_validate once per payload (after a warm-up call), and counts each access by where it
// lands: the input body, the stack (the walker's own state: wasm keeps it in linear memory below
// the initial stack pointer), or the static data and heap (the model, tables, buffers).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makePayloads } from "./payloads.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const BUILD = join(ROOT, "bench-results", ".build", "memory-ops");
mkdirSync(BUILD, { recursive: true });
const opt = join(ROOT, "node_modules", ".bin", "wasm-opt");
const features = ["--enable-reference-types", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-multivalue"];
const instrumented = join(BUILD, "instrumented.wasm");
execFileSync(opt, [join(ROOT, "pkg", "haptik_webhook_bg.wasm"), ...features, "--instrument-memory", "-o", instrumented]);
// The initial stack pointer (global 0): the stack grows down from it, the data sits above it.
const wat = execFileSync(join(ROOT, "node_modules", ".bin", "wasm-dis"), [instrumented], { encoding: "utf8", maxBuffer: 1 << 28 });
const stackTop = Number(/\(global \$global\$0 \(mut i32\) \(i32\.const (\d+)\)\)/.exec(wat)[1]);

let counting = false;
let input = [0, 0];
let counts;
const where = (addr) => (addr >= input[0] && addr < input[1] ? "input" : addr < stackTop ? "stack" : "data");
const count = (op) => (id, bytes, offset, ptr) => {
  if (counting) counts[`${op} ${where(ptr + offset)}`]++;
  return ptr;
};
const same = (id, v) => v;
const env = {
  memory_grow_pre: (x) => x,
  memory_grow_post: (x) => x,
  load_ptr: count("load"),
  store_ptr: count("store"),
  ...Object.fromEntries(["load", "store"].flatMap((op) => ["i32", "i64", "f32", "f64"].map((t) => [`${op}_val_${t}`, same]))),
};
// The module's one import from the glue is a no-op for a module used without it.
const imports = { env };
for (const i of WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(instrumented)))) {
  if (i.module !== "env") (imports[i.module] ??= {})[i.name] = () => {};
}
const { instance } = await WebAssembly.instantiate(readFileSync(instrumented), imports);
const ex = instance.exports;

console.log(`Memory accesses of one hw_validate (text already copied), ${process.version}\n`);
console.log("| payload | bytes | loads | stores | input | stack (walker state) | data and heap | per input byte |");
console.log("|---|---|---|---|---|---|---|---|");
for (const p of makePayloads().filter((p) => ["message_1k", "conv_complete", "invalid_2"].includes(p.key))) {
  const body = new TextEncoder().encode(p.text);
  const ptr = ex.hw_input(body.length);
  new Uint8Array(ex.memory.buffer, ptr, body.length).set(body);
  input = [ptr, ptr + body.length];
  ex.hw_validate(body.length, 0, 1, 64);
  counts = Object.fromEntries(["load", "store"].flatMap((op) => ["input", "stack", "data"].map((w) => [`${op} ${w}`, 0])));
  counting = true;
  ex.hw_validate(body.length, 0, 1, 64);
  counting = false;
  const sum = (op, w) => Object.entries(counts).filter(([k]) => (!op || k.startsWith(op)) && (!w || k.endsWith(w))).reduce((a, [, v]) => a + v, 0);
  const all = sum();
  console.log(`| ${p.key} | ${body.length} | ${sum("load")} | ${sum("store")} | ${sum(null, "input")} | ${sum(null, "stack")} | ${sum(null, "data")} | ${(all / body.length).toFixed(2)} |`);
}
