// `haptik-webhook/testing`: hooks for the package's own tests, kept out of the public API and
// its types. Import the main entry first (it supplies the wasm module); this shares its core.
export { __forceTrapForTests as forceTrap } from "./src/loader.js";
