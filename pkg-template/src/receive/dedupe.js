// haptik-webhook: the dedupe keys, the defaults every store shares, and memoryDedupe, the store of
// one process or isolate (several Node processes or Worker isolates need a shared store:
// redisDedupe in haptik-webhook/redis, durableObjectDedupe in haptik-webhook/cloudflare).
//
// The platform retries a delivery it counts as failed (no 2xx within 5 s), so the same event can
// arrive again; a store claims each event's key for one delivery at a time (receive/claim.js).
import { RETRY_GAPS_SECONDS } from "../constants.js";

/**
 * How long a handled event's key is remembered: the platform's whole retry schedule (60 minutes)
 * and 5 minutes more, so a last retry arriving late is still recognised.
 */
export const DEFAULT_TTL_SECONDS = RETRY_GAPS_SECONDS.reduce((a, b) => a + b, 0) + 300;
/**
 * A lease is renewed every third of this while its handlers run, so it only lapses when the
 * holder died. 5 s: below the gap to the platform's first retry (its 5 s answer limit + 5 s).
 */
export const DEFAULT_LEASE_MS = 5000;

/** Checks the options every store shares; returns them with the defaults filled in. */
export function storeOptions(options, who) {
  const { key = defaultDedupeKey, ttlSeconds = DEFAULT_TTL_SECONDS, leaseMs = DEFAULT_LEASE_MS } = options ?? {};
  if (typeof key !== "function") throw new TypeError(`haptik-webhook: ${who}: key must be a function`);
  if (!(typeof ttlSeconds === "number" && ttlSeconds >= 1 && Number.isFinite(ttlSeconds))) {
    throw new TypeError(`haptik-webhook: ${who}: ttlSeconds must be a number of seconds, at least 1`);
  }
  if (!(Number.isInteger(leaseMs) && leaseMs >= 30)) throw new TypeError(`haptik-webhook: ${who}: leaseMs must be an integer of at least 30`);
  return { key, ttlSeconds, leaseMs };
}

/**
 * The default key: `<event_name>:<message.id>` for events that carry a message; for
 * `webhook_conversation_complete`, `data.conversation_identifier` (or `user.auth_id` with
 * `data.conversation_no`). Events without any of these are never treated as duplicates.
 */
export function defaultDedupeKey(event) {
  if (event === null || typeof event !== "object") return null;
  const name = typeof event.event_name === "string" ? event.event_name : "";
  const message = event.message;
  if (message !== null && typeof message === "object" && message.id !== undefined && message.id !== null) {
    return `${name}:${String(message.id)}`;
  }
  const data = event.data;
  if (name === "webhook_conversation_complete" && data !== null && typeof data === "object") {
    if (typeof data.conversation_identifier === "string" && data.conversation_identifier !== "") {
      return `${name}:${data.conversation_identifier}`;
    }
    const user = event.user;
    const auth = user !== null && typeof user === "object" ? user.auth_id : undefined;
    if (auth !== undefined && data.conversation_no !== undefined && data.conversation_no !== null) {
      return `${name}:${String(auth)}#${String(data.conversation_no)}`;
    }
  }
  return null;
}

/**
 * An in-memory store of event keys, for one process or isolate. A key is a lease while a delivery
 * runs its handlers, then done for ttlSeconds; at most `max` keys are kept (the least recently
 * used dropped first).
 *
 * @param {{ max?: number, key?: (event: object) => string | number | null | undefined, ttlSeconds?: number, leaseMs?: number }} [options]
 */
export function memoryDedupe(options = {}) {
  const { max = 10000 } = options ?? {};
  const { key, ttlSeconds, leaseMs } = storeOptions(options, "memoryDedupe");
  if (!Number.isInteger(max) || max < 1) throw new TypeError("haptik-webhook: memoryDedupe: max must be a positive integer");
  /** key -> { token (null once done), until (Date.now() time) }; insertion order = recency. */
  const entries = new Map();
  const live = (k) => {
    const e = entries.get(k);
    if (e !== undefined && e.until <= Date.now()) {
      entries.delete(k);
      return undefined;
    }
    return e;
  };
  const put = (k, e) => {
    entries.delete(k);
    entries.set(k, e);
    if (entries.size > max) entries.delete(entries.keys().next().value);
  };
  return {
    key,
    leaseMs,
    claim(k, token) {
      const e = live(k);
      if (e === undefined) {
        put(k, { token, until: Date.now() + leaseMs });
        return "claimed";
      }
      if (e.token === null) {
        put(k, e);
        return "done";
      }
      return e.token === token ? "claimed" : "busy";
    },
    renew(k, token) {
      const e = live(k);
      if (e === undefined || e.token !== token) return false;
      e.until = Date.now() + leaseMs;
      return true;
    },
    complete(k) {
      put(k, { token: null, until: Date.now() + ttlSeconds * 1000 });
    },
    release(k, token) {
      const e = entries.get(k);
      if (e !== undefined && e.token === token) entries.delete(k);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
