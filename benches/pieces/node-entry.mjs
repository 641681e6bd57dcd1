// benches/pieces in Node: `node [--wasm-enforce-bounds-checks] node-entry.mjs PKG_DIR` prints JSON.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { makePayloads } from "../payloads.mjs";
import { pieces, PIECES_PAYLOADS } from "./pieces.mjs";

const pkg = process.argv[2];
const hw = await import(pathToFileURL(join(pkg, "node.mjs")).href);
const glue = await import(pathToFileURL(join(pkg, "haptik_webhook.js")).href);
const { __withWasm: withWasm } = await import(pathToFileURL(join(pkg, "src", "loader.js")).href);
const out = {};
for (const p of makePayloads().filter((p) => PIECES_PAYLOADS.includes(p.key))) {
  out[p.key] = pieces({ hw, glue, withWasm, text: p.text, now: () => performance.now() });
}
console.log(JSON.stringify(out));
