// A CommonJS TypeScript user (node16/nodenext): `import x = require(...)` resolves the .d.cts types.
import hw = require("haptik-webhook");
import wasm = require("haptik-webhook/haptik_webhook_bg.wasm");

const ev: hw.HaptikEvent = hw.parseEvent("{}");
const r: hw.ValidationResult = hw.validateEvent(ev);
const s = hw.eventSchema["~standard"].validate(ev);
const module: object = wasm.default;
void module;
export = r.valid && !(s instanceof Promise);
