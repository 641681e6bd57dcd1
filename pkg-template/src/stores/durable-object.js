// haptik-webhook/cloudflare: the dedupe store on a Durable Object namespace. Each event key gets
// its own object (idFromName): one object runs one request at a time, and its storage calls
// hold other requests back (input gates), so read-then-write inside one request is atomic.
// KV is not offered: it is eventually consistent, two isolates can both see a key as free.
import { storeOptions } from "../receive/dedupe.js";

const ENTRY = "entry";
const ORIGIN = "https://haptik-webhook-dedupe.internal/";

/**
 * The Durable Object class: export it from the Worker's main module and bind a namespace to it
 * (wrangler: `[[durable_objects.bindings]] name = "HAPTIK_DEDUPE", class_name = "HaptikDedupeObject"`).
 */
export class HaptikDedupeObject {
  constructor(state) {
    this.storage = state.storage;
  }

  async fetch(request) {
    let body;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: "the body is not JSON" }, { status: 400 });
    }
    const { op, token, leaseMs, ttlMs } = body ?? {};
    if (typeof token !== "string" || !(leaseMs > 0) || !(ttlMs > 0)) {
      return Response.json({ error: "token, leaseMs and ttlMs are required" }, { status: 400 });
    }
    const now = Date.now();
    let entry = await this.storage.get(ENTRY);
    if (entry !== undefined && entry.until <= now) entry = undefined;
    const write = async (e) => {
      await this.storage.put(ENTRY, e);
      await this.storage.setAlarm(e.until); // deletes the entry once it has lapsed
    };
    switch (op) {
      case "claim":
        if (entry === undefined) {
          await write({ token, until: now + leaseMs });
          return Response.json({ result: "claimed" });
        }
        return Response.json({ result: entry.token === null ? "done" : entry.token === token ? "claimed" : "busy" });
      case "renew":
        if (entry === undefined || entry.token !== token) return Response.json({ result: false });
        await write({ token, until: now + leaseMs });
        return Response.json({ result: true });
      case "complete":
        await write({ token: null, until: now + ttlMs });
        return Response.json({ result: null });
      case "release":
        if (entry !== undefined && entry.token === token) await this.storage.delete(ENTRY);
        return Response.json({ result: null });
      default:
        return Response.json({ error: `unknown op ${JSON.stringify(op)}` }, { status: 400 });
    }
  }

  async alarm() {
    const entry = await this.storage.get(ENTRY);
    if (entry === undefined || entry.until <= Date.now()) await this.storage.deleteAll();
    else await this.storage.setAlarm(entry.until);
  }
}

/**
 * A dedupe store over a Durable Object namespace bound to HaptikDedupeObject:
 * `dedupe: (env) => durableObjectDedupe(env.HAPTIK_DEDUPE)`.
 *
 * @param {{ idFromName(name: string): unknown, get(id: unknown): { fetch(input: string, init?: object): Promise<Response> } }} namespace
 * @param {{ prefix?: string, ttlSeconds?: number, leaseMs?: number, key?: (event: object) => string | number | null | undefined }} [options]
 */
export function durableObjectDedupe(namespace, options = {}) {
  if (namespace === null || typeof namespace !== "object" || typeof namespace.idFromName !== "function" || typeof namespace.get !== "function") {
    throw new TypeError(
      "haptik-webhook: durableObjectDedupe(namespace) needs a Durable Object namespace binding (env.HAPTIK_DEDUPE) " +
        "bound to the HaptikDedupeObject class exported by the Worker",
    );
  }
  const { prefix = "" } = options ?? {};
  if (typeof prefix !== "string") throw new TypeError("haptik-webhook: durableObjectDedupe: prefix must be a string");
  const { key, ttlSeconds, leaseMs } = storeOptions(options, "durableObjectDedupe");
  const ttlMs = ttlSeconds * 1000;
  async function call(op, k, token) {
    const stub = namespace.get(namespace.idFromName(prefix + k));
    const response = await stub.fetch(ORIGIN, { method: "POST", body: JSON.stringify({ op, token, leaseMs, ttlMs }) });
    const answer = await response.json();
    if (!response.ok) throw new Error(`the dedupe Durable Object answered ${response.status}: ${answer.error}`);
    return answer.result;
  }
  return {
    key,
    leaseMs,
    claim: (k, token) => call("claim", k, token),
    renew: (k, token) => call("renew", k, token),
    complete: async (k, token) => {
      await call("complete", k, token);
    },
    release: async (k, token) => {
      await call("release", k, token);
    },
  };
}
