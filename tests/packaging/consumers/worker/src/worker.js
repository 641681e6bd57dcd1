// A Cloudflare Worker: the package's workerd entry imports the .wasm at module scope; every parse
// happens inside the request handler.
import * as api from "haptik-webhook";
import * as testing from "haptik-webhook/testing";
import { exercise } from "../exercise.mjs";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (request.method === "POST" && url.pathname === "/webhook") {
      const body = new Uint8Array(await request.arrayBuffer());
      try {
        const event = api.parseEvent(body);
        return Response.json({ ok: true, event_name: event.event_name, known: api.isKnownEvent(event), event });
      } catch (e) {
        if (e instanceof api.HaptikWebhookError) {
          return Response.json({ ok: false, message: e.message, issues: e.issues, warnings: e.warnings }, { status: 400 });
        }
        throw e;
      }
    }
    if (request.method === "POST" && url.pathname === "/exercise") {
      return Response.json(exercise(api, await request.json(), testing));
    }
    return new Response("haptik-webhook test worker\n");
  },
};
