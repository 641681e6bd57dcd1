// Bundled by scripts/build.sh (esbuild, format cjs) into src/api.cjs for node.cjs; not shipped.
export * from "./api.js";
export { __setWasmModule } from "./core.js";
