// benches/pieces in Chromium (bundled by run.mjs with the .wasm inlined as bytes).
import wasmBytes from "haptik-webhook-internals/wasm";
import * as hw from "haptik-webhook-internals/api";
import * as glue from "haptik-webhook-internals/glue";
import { __setWasmModule, __withWasm as withWasm } from "haptik-webhook-internals/loader";
import { makePayloads } from "../payloads.mjs";
import { pieces, PIECES_PAYLOADS } from "./pieces.mjs";

__setWasmModule(new WebAssembly.Module(wasmBytes));
const out = {};
for (const p of makePayloads().filter((p) => PIECES_PAYLOADS.includes(p.key))) {
  out[p.key] = pieces({ hw, glue, withWasm, text: p.text, now: () => performance.now() });
}
globalThis.__pieces = out;
