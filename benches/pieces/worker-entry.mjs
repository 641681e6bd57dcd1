// benches/pieces inside workerd (bundled by run.mjs, the .wasm imported as a module).
import * as hw from "haptik-webhook";
import * as glue from "haptik-webhook-internals/glue";
import { __withWasm as withWasm } from "haptik-webhook-internals/loader";
import { makePayloads } from "../payloads.mjs";
import { pieces, PIECES_PAYLOADS } from "./pieces.mjs";

export default {
  async fetch(request) {
    // The start-up probe (scripts/workerd.mjs, startWorkerd) is a HEAD: it is answered at once.
    if (request.method === "HEAD") return new Response(null);
    const out = {};
    for (const p of makePayloads().filter((p) => PIECES_PAYLOADS.includes(p.key))) {
      out[p.key] = pieces({ hw, glue, withWasm, text: p.text, now: () => performance.now() });
    }
    return Response.json(out);
  },
};
