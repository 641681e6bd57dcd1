// Bundled by scripts/build.sh (esbuild, format cjs) into src/api.cjs for node.cjs; not shipped.
export * from "./api.js";
// Internal: the loader hook (node.cjs) and the test hook (testing.cjs), not re-exported by node.cjs.
export { __setWasmModule, __forceTrapForTests } from "./loader.js";
