// One cold start in a fresh Node process (spawned by run.mjs): time to import and set up a
// contender, then its first call on the ~1 KB message. Prints one JSON line.
// usage: node cold-node.mjs CONTENDER PKGDIR
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [which, pkgDir] = process.argv.slice(2);
const { message1k } = await import("./payloads.mjs");
const text = JSON.stringify(message1k());
const out = { contender: which };
const t0 = performance.now();
let check;
if (which === "wasm_compile") {
  // The .wasm alone: synchronous compile, then instantiate (what the Node entry does on first use).
  const bytes = readFileSync(join(pkgDir, "haptik_webhook_bg.wasm"));
  const a = performance.now();
  const module = new WebAssembly.Module(bytes);
  const b = performance.now();
  let exports;
  const instance = new WebAssembly.Instance(module, {
    "./haptik_webhook_bg.js": { __wbindgen_init_externref_table() {} },
  });
  exports = instance.exports;
  const c = performance.now();
  out.compileMs = b - a;
  out.instantiateMs = c - b;
  check = () => typeof exports.hw_validate === "function";
} else if (which === "haptik-webhook") {
  const hw = await import(pathToFileURL(join(pkgDir, "node.mjs")).href);
  check = () => hw.parseEvent(text).event_name === "message";
} else if (which === "json_parse") {
  check = () => JSON.parse(text).event_name === "message";
} else if (which === "zod") {
  const { HaptikEvent } = await import("./schemas/zod.mjs");
  check = () => HaptikEvent.safeParse(JSON.parse(text)).success;
} else if (which === "valibot") {
  const { HaptikEvent, v } = await import("./schemas/valibot.mjs");
  check = () => v.safeParse(HaptikEvent, JSON.parse(text)).success;
} else if (which === "ajv") {
  const { default: Ajv } = await import("ajv");
  const schema = JSON.parse(readFileSync(join(pkgDir, "schema.json"), "utf8"));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  check = () => validate(JSON.parse(text));
} else if (which === "cfworker") {
  const { Validator } = await import("@cfworker/json-schema");
  const schema = JSON.parse(readFileSync(join(pkgDir, "schema.json"), "utf8"));
  const validator = new Validator(schema, "7", false);
  check = () => validator.validate(JSON.parse(text)).valid;
} else {
  throw new Error("unknown contender " + which);
}
const t1 = performance.now();
const ok = check();
const t2 = performance.now();
if (!ok) throw new Error(`${which}: the first call did not accept the payload`);
out.setupMs = t1 - t0;
out.firstCallMs = t2 - t1;
out.totalMs = t2 - t0;
console.log(JSON.stringify(out));
