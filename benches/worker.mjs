// The benchmark inside workerd. Bundled by run.mjs with esbuild (conditions workerd, worker,
// browser; the .wasm kept as a module, as Wrangler does). GET /run?payload=KEY&rounds=N&batch=MS
// runs the interleaved benchmark of one payload inside the request and answers JSON.
import * as hw from "haptik-webhook";
import { HaptikEvent as zod } from "./schemas/zod.mjs";
import * as valibot from "./schemas/valibot.mjs";
import Ajv from "ajv";
import { Validator } from "@cfworker/json-schema";
import schema from "haptik-webhook/schema.json";
import { makePayloads } from "./payloads.mjs";
import { makeContenders, checkContenders } from "./contenders.mjs";
import { benchPayload, withBytes } from "./harness.mjs";

// ajv generates code with `new Function`: workerd refuses that inside a request, but (as of
// this workerd) allows it while the module is evaluated, so it is compiled here, at start-up.
let ajv;
try {
  ajv = new Ajv({ allErrors: true, strict: false }).compile(schema);
} catch (e) {
  ajv = { unavailable: `n/a in workerd: ${e && e.name}: ${e && e.message}` };
}
const cfworker = new Validator(schema, "7", false);
const payloads = withBytes(makePayloads());
const contenders = makeContenders({ hw, zod, valibot, ajv, cfworker });

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/check") {
      let zodJit;
      try {
        new Function("");
        zodJit = "new Function allowed in a request";
      } catch (e) {
        zodJit = `new Function refused in a request (${e.name}); zod runs jitless`;
      }
      let ajvInRequest;
      try {
        new Ajv({ allErrors: true, strict: false }).compile(schema);
        ajvInRequest = "ajv compiles inside a request";
      } catch (e) {
        ajvInRequest = `ajv cannot compile inside a request (${e.name}: ${e.message})`;
      }
      return Response.json({
        check: checkContenders(contenders, payloads),
        zodJit,
        ajvInRequest,
        ajvAtStartup: typeof ajv === "function" ? "ajv compiled at module scope (start-up)" : ajv.unavailable,
        userAgent: navigator.userAgent,
      });
    }
    if (url.pathname === "/run") {
      const payload = payloads.find((p) => p.key === url.searchParams.get("payload"));
      if (!payload) return new Response("unknown payload", { status: 404 });
      const rounds = Number(url.searchParams.get("rounds") || 15);
      const minBatchMs = Number(url.searchParams.get("batch") || 25);
      const warmupMs = Number(url.searchParams.get("warmup") || 200);
      const results = benchPayload({ payload, contenders, now: () => performance.now(), rounds, minBatchMs, warmupMs });
      return Response.json({ payload: payload.key, results });
    }
    if (url.pathname === "/first") {
      // Cold start: the first call in a fresh isolate instantiates the wasm module.
      return Response.json(hw.validateEvent(payloads[0].text));
    }
    return new Response("ok");
  },
};
