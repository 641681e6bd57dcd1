// Browsers and bundlers (Vite, webpack 5, esbuild, ...). The .wasm file next to this one is
// fetched and compiled with top-level await, so `import { parseEvent } from "haptik-webhook"`
// just works in a <script type="module">. When a bundler moves the .wasm file elsewhere, call
// `await init(urlOrModuleOrBytes)` before the first parse.
import { __setWasmModule } from "./src/loader.js";
import { init } from "./src/init.js";

export * from "./src/api.js";

try {
  await init(new URL("./haptik_webhook_bg.wasm", import.meta.url));
} catch (e) {
  // Keep the import working: the first parse explains what went wrong, and init() can fix it.
  __setWasmModule(() => {
    throw new Error(
      `haptik-webhook: the WebAssembly module could not be loaded from ${new URL("./haptik_webhook_bg.wasm", import.meta.url)} ` +
        `(${e && e.message ? e.message : e}). If your bundler moved the .wasm file, call init(url) first.`,
    );
  });
}
