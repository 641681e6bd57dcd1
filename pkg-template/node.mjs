// Node.js (ESM). The module is compiled synchronously on the first call, once per process.
import { readFileSync } from "node:fs";
import { __setWasmModule } from "./src/loader.js";

__setWasmModule(() => new WebAssembly.Module(readFileSync(new URL("./haptik_webhook_bg.wasm", import.meta.url))));

export * from "./src/api.js";
