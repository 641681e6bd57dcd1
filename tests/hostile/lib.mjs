// Shared helpers of the hostile-input tests: the BUILT package (pkg/, `bash scripts/build.sh`),
// the fixtures, and a look at the live wasm instance's memory.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PKG = new URL("../../pkg/", import.meta.url);
if (!existsSync(new URL("node.mjs", PKG))) {
  throw new Error("pkg/ is not built: run `bash scripts/build.sh` first");
}

export const api = await import(new URL("node.mjs", PKG).href);
/** The test-only entry (haptik-webhook/testing): the trap hook. */
export const testing = await import(new URL("testing.mjs", PKG).href);
// The same module instance node.mjs uses (same URL): its internal hook reaches the live instance.
const core = await import(new URL("src/loader.js", PKG).href);

/** The live wasm instance's linear memory size in bytes (instantiating it if needed). */
export function wasmMemoryBytes() {
  return core.__withWasm((ex) => ex.memory.buffer.byteLength);
}

export function fixture(name) {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
}

export const MESSAGE = fixture("message_text.json");
export const COMPLETE = fixture("conversation_complete.json");

/** The fixture as a compact object (to build variants from). */
export function message() {
  return JSON.parse(MESSAGE);
}

export const utf8 = (s) => new TextEncoder().encode(s);

/** Error codes of a validation result, in order. */
export const codes = (r) => r.errors.map((e) => e.code);
export const warningCodes = (r) => r.warnings.map((e) => e.code);

/** A snapshot of Object.prototype's own keys and descriptors, to prove nothing was added. */
export function prototypeSnapshot() {
  // A Map, not an object: assigning out["__proto__"] would itself change a prototype.
  const out = new Map();
  for (const k of Reflect.ownKeys(Object.prototype)) {
    const d = Object.getOwnPropertyDescriptor(Object.prototype, k);
    out.set(k, [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
  }
  return out;
}
