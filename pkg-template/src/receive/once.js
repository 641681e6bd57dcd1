// runOnce: the receivers' exactly-once step for an endpoint of your own (Hono with eventSchema,
// a queue consumer...): claim the event in a dedupe store, run `fn` while holding the lease,
// mark it done or free it. The same protocol and waits as createFetchHandler and
// createNodeMiddleware (receive/claim.js), without their HTTP answers.
import { checkedStore, DEFAULT_DEADLINE_MS, DEFAULT_DEDUPE_TIMEOUT_MS } from "./options.js";
import { newToken, claimWaiting, watchClaim, gaveUpWatching, holdLease, keyOf } from "./claim.js";

// The receivers' defaults: their answer deadline, and their limit on one store step.
const DEFAULT_WAIT_MS = DEFAULT_DEADLINE_MS;
const DEFAULT_TIMEOUT_MS = DEFAULT_DEDUPE_TIMEOUT_MS;

function readRunOptions(options) {
  const { waitMs = DEFAULT_WAIT_MS, timeoutMs = DEFAULT_TIMEOUT_MS, onStoreError = "handle", onError } = options ?? {};
  if (typeof waitMs !== "number" || !(waitMs >= 0)) throw new TypeError("haptik-webhook: runOnce: options.waitMs must be a non-negative number");
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0)) throw new TypeError("haptik-webhook: runOnce: options.timeoutMs must be a positive number");
  if (onStoreError !== "handle" && onStoreError !== "throw") throw new TypeError('haptik-webhook: runOnce: options.onStoreError must be "handle" or "throw"');
  if (onError !== undefined && typeof onError !== "function") throw new TypeError("haptik-webhook: runOnce: options.onError must be a function");
  return { waitMs, timeoutMs, onStoreError, onError };
}

/**
 * Runs `fn(event)` once per event across every process sharing `store`. Resolves to
 * `{ result: "handled", value }`, `{ result: "duplicate" }`, or, when another delivery still
 * holds the event after `waitMs`, `{ result: "in_progress", watch }`: `watch()` keeps waiting and
 * runs `fn` itself if the other fails or dies (give it to `ctx.waitUntil` after a 202), waiting
 * out a store blip as the receivers' watchers do. A throw
 * of `fn` frees the key and is rethrown. A store failure: `fn` runs anyway (`onStoreError:
 * "handle"`, `onError` is told) or the StoreError is thrown (`"throw"`).
 */
export async function runOnce(store, event, fn, options) {
  checkedStore(store, "runOnce", "the store");
  if (typeof fn !== "function") throw new TypeError("haptik-webhook: runOnce: fn must be a function");
  const o = readRunOptions(options);
  const tell = (message, error) => {
    if (o.onError !== undefined) o.onError({ kind: "dedupe", message, error, event });
    else console.error(`haptik-webhook: dedupe: ${message}`);
  };
  const key = keyOf(store, event);
  if (key === null) return { result: "handled", value: await fn(event) };
  const token = newToken();

  /** `claim()` gives the claim's state; null when the event is still held elsewhere. */
  const attempt = async (claim) => {
    let state;
    try {
      state = await claim();
    } catch (e) {
      if (o.onStoreError === "throw") throw e;
      tell(`${e.message}; the event is handled anyway (it may be a duplicate)`, e);
      return { result: "handled", value: await fn(event) };
    }
    if (state === "done") return { result: "duplicate" };
    if (state === "busy") return null;
    const lease = holdLease(store, key, token, o.timeoutMs, tell);
    let value;
    try {
      value = await fn(event);
    } catch (e) {
      await lease.end(false);
      throw e;
    }
    await lease.end(true);
    return { result: "handled", value };
  };

  const until = Date.now() + o.waitMs;
  const first = await attempt(() => claimWaiting(store, key, token, { until, timeoutMs: o.timeoutMs }));
  if (first !== null) return first;
  return {
    result: "in_progress",
    async watch() {
      const later = await attempt(() => watchClaim(store, key, token, o.timeoutMs));
      if (later !== null) return later;
      tell(gaveUpWatching(key));
      return { result: "in_progress" };
    },
  };
}
