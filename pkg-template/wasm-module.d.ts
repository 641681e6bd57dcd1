// Types of the `haptik-webhook/haptik_webhook_bg.wasm` subpath: what a Workers (or other
// wasm-module-importing) bundler hands over is the compiled module. Written so that it compiles
// with or without a library that declares WebAssembly (DOM, @types/node, workers-types).
declare const wasmModule: typeof globalThis extends { WebAssembly: { Module: new (...args: never[]) => infer M } } ? M : object;
export default wasmModule;
