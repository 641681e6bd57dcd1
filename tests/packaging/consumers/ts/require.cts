// A CommonJS TypeScript user (node16/nodenext): `import x = require(...)` resolves the .d.cts types.
import hw = require("haptik-webhook");

const ev: hw.HaptikEvent = hw.parseEvent("{}");
const r: hw.ValidationResult = hw.validateEvent(ev);
export = r.valid;
