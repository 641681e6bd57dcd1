"use strict";
// Node.js (CommonJS). Synchronous: no top-level await; the module is compiled on the first call.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { __setWasmModule, __forceTrapForTests, ...api } = require("./src/api.cjs");

__setWasmModule(() => new WebAssembly.Module(readFileSync(join(__dirname, "haptik_webhook_bg.wasm"))));

module.exports = api;
