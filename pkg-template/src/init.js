// init(): supply the WebAssembly module by hand (bundlers that relocate the .wasm file).
import { __setWasmModule } from "./loader.js";

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  if (typeof source === "string" || source instanceof URL || (typeof Request === "function" && source instanceof Request)) {
    source = fetch(source);
  }
  const response = await source;
  if (typeof Response === "function" && response instanceof Response) {
    if (!response.ok) throw new Error(`haptik-webhook: could not fetch the .wasm file (${response.status} ${response.url})`);
    if (typeof WebAssembly.compileStreaming === "function" && response.headers.get("Content-Type") === "application/wasm") {
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  }
  throw new TypeError("haptik-webhook: init() expects a WebAssembly.Module, bytes, a URL or a Response");
}

/**
 * Loads the WebAssembly module from `source` (a WebAssembly.Module, the .wasm bytes, its URL, or
 * a fetch Response) and uses it from then on. Needed only when a bundler moved the .wasm file
 * (the browser entry loads the file next to it by itself; the Node and Workers entries are
 * synchronous and need no init).
 */
export async function init(source) {
  if (source === undefined) {
    throw new TypeError("haptik-webhook: init() needs the .wasm file (a WebAssembly.Module, its bytes, its URL or a Response)");
  }
  __setWasmModule(await compile(source));
}

