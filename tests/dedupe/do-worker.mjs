// The Worker of durable-object.test.mjs, run as two services (two isolates, "a" and "b") of one
// workerd that share the HaptikDedupeObject namespace. The handlers ask the test (the LOG service,
// a Node server) whether to fail this try, and report what they processed there.
import { createFetchHandler } from "haptik-webhook";
import { durableObjectDedupe } from "haptik-webhook/cloudflare";

export { HaptikDedupeObject } from "haptik-webhook/cloudflare";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tell = (env, path, params) =>
  env.LOG.fetch(`http://log${path}?${new URLSearchParams({ ...params, isolate: env.ISOLATE })}`, { method: "POST" }).then((r) => r.json());

const webhook = createFetchHandler({
  secret: (env) => env.SECRET,
  deadlineMs: 1500,
  errorPolicy: "retry",
  dedupe: (env) => durableObjectDedupe(env.HAPTIK_DEDUPE, { leaseMs: 600 }),
  on: {
    message: async (ev, { env }) => {
      const id = String(ev.message.id);
      const { fail } = await tell(env, "/start", { id });
      if (fail) throw new Error(`first try of ${id} fails`);
      await sleep(5 + Math.floor(Math.random() * 60));
      await tell(env, "/processed", { id });
    },
  },
  onDuplicate: (ev, { env }) => tell(env, "/duplicate", { id: String(ev.message.id) }),
  onError: (err, { env }) => tell(env, "/error", { kind: err.kind, message: err.message }),
});

/** The store's protocol, driven from Node by the conformance assertions (conformance.mjs). */
async function storeStep(request, env) {
  const { op, key, token, options } = await request.json();
  try {
    const store = durableObjectDedupe(env.HAPTIK_DEDUPE, { prefix: "conformance:", ...options });
    if (op === "create") return Response.json({ leaseMs: store.leaseMs });
    return Response.json({ result: (await store[op](key, token)) ?? null });
  } catch (e) {
    return Response.json({ error: e.name, message: e.message });
  }
}

export default {
  fetch(request, env, ctx) {
    if (new URL(request.url).pathname === "/__store") return storeStep(request, env);
    return webhook(request, env, ctx);
  },
};
