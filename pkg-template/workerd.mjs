// Cloudflare Workers (workerd) and other worker runtimes whose bundlers import a .wasm file as a
// compiled WebAssembly.Module (Wrangler does). Workers refuse to compile wasm from bytes inside a
// request, so the module comes from this module-scope import and is instantiated synchronously.
import wasmModule from "./haptik_webhook_bg.wasm";
import { __setWasmModule } from "./src/loader.js";

__setWasmModule(wasmModule);

export * from "./src/api.js";
