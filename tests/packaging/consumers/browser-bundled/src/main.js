// Bundled by esbuild (platform browser). With ?wasm=<url> the .wasm was moved by the "bundler"
// and init() is called with its new address.
import * as api from "haptik-webhook";
import * as testing from "haptik-webhook/testing";
import { exercise } from "../exercise.mjs";

const wasmUrl = new URLSearchParams(location.search).get("wasm");
if (wasmUrl) await api.init(wasmUrl);
const ev = api.parseEvent('{"event_name":"typing_indicator","typing_indicator":"start"}');
document.getElementById("out").textContent = ev.event_name;
window.__hw = { api, exercise, testing };
window.__ready = true;
