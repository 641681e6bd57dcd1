// haptik-webhook: the receivers' side of the dedupe claim protocol.
//
// Every store (memoryDedupe, redisDedupe, durableObjectDedupe, or your own) speaks it:
//
//   claim(key, token)    -> "claimed" | "done" | "busy"   one atomic step: a free (or expired) key
//                                                          becomes a lease held by `token`
//   renew(key, token)    -> boolean                      extends the lease (false: it was lost)
//   complete(key, token) -> void                         the event is done for the retry window
//   release(key, token)  -> void                         frees the key, if `token` still holds it
//   leaseMs, key(event)                                  the lease length, the event's key
//
// A delivery claims its event before the handlers run and keeps the lease alive while they run
// (renewed every leaseMs/3), so a lease only expires when its process died. A delivery that finds
// the key busy waits for the other one (bounded backoff, never past its answer deadline).

import { defaultDedupeKey } from "./dedupe.js";

// Waits between two claims of a busy key: doubling from the first, never above the last.
const FIRST_WAIT_MS = 10;
const MAX_WAIT_MS = 250;
// While watching after a 202 answer there is no deadline left to meet: poll more gently, and give
// up after the platform's own retry window (a holder renewing its lease that long is hung).
const MAX_WATCH_WAIT_MS = 1000;
const WATCH_LIMIT_MS = 3600 * 1000;
// How long a watcher's store may keep failing before it handles the event anyway.
const WATCH_ERROR_GRACE_MS = 10 * 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let counter = 0;
/** A token unique to one delivery (the holder of a lease). */
export function newToken() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  counter = (counter + 1) % 0x7fffffff;
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${counter.toString(36)}`;
}

export class StoreError extends Error {}

/** Runs one store step; a throw, a rejection, a wrong answer or no answer in time is a StoreError. */
export async function step(what, timeoutMs, run) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new StoreError(`the dedupe store did not answer ${what} within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(run), late]);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError(`the dedupe store failed on ${what}: ${e && typeof e.message === "string" ? e.message : String(e)}`, { cause: e });
  } finally {
    clearTimeout(timer);
  }
}

async function claimOnce(store, key, token, timeoutMs) {
  const state = await step("claim", timeoutMs, () => store.claim(key, token));
  if (state !== "claimed" && state !== "done" && state !== "busy") {
    throw new StoreError(`the dedupe store's claim answered ${JSON.stringify(state)}, not "claimed", "done" or "busy"`);
  }
  return state;
}

/**
 * Claims `key` for `token`, waiting while another delivery holds it, until `until` (a Date.now()
 * time). Resolves to "claimed", "done" or "busy" (still held elsewhere at `until`); rejects with
 * a StoreError.
 */
export async function claimWaiting(store, key, token, { until, timeoutMs, maxWaitMs = MAX_WAIT_MS }) {
  let wait = FIRST_WAIT_MS;
  for (;;) {
    const state = await claimOnce(store, key, token, timeoutMs);
    if (state !== "busy") return state;
    const left = until - Date.now();
    if (left <= 0) return "busy";
    await sleep(Math.min(wait, left));
    wait = Math.min(wait * 2, maxWaitMs);
  }
}

/**
 * After a 202: claims `key` as claimWaiting does, but polling gently and for up to WATCH_LIMIT_MS.
 * A store blip is waited out (the other delivery is most likely still running); a store failing
 * for WATCH_ERROR_GRACE_MS rejects with its StoreError. "busy": gave up (see gaveUpWatching).
 */
export async function watchClaim(store, key, token, timeoutMs) {
  const until = Date.now() + WATCH_LIMIT_MS;
  let failingSince = null;
  for (;;) {
    try {
      return await claimWaiting(store, key, token, { until, timeoutMs, maxWaitMs: MAX_WATCH_WAIT_MS });
    } catch (e) {
      failingSince ??= Date.now();
      if (Date.now() - failingSince >= WATCH_ERROR_GRACE_MS) throw e;
      await sleep(MAX_WATCH_WAIT_MS);
    }
  }
}

/** What a watcher reports when watchClaim gave up. */
export const gaveUpWatching = (key) =>
  `gave up watching "${key}" after ${WATCH_LIMIT_MS / 60000} minutes: the delivery holding it is still running its handlers`;

/** The event's key in `store` as a string, or null: no dedupe for it. */
export function keyOf(store, event) {
  const k = (store.key ?? defaultDedupeKey)(event);
  return k === null || k === undefined ? null : String(k);
}

/**
 * Keeps a claimed lease alive until `end(ok)`: ok marks the key done, otherwise it is released.
 * `report(message, error)` is told about a store error or a lost lease (never thrown).
 */
export function holdLease(store, key, token, timeoutMs, report) {
  const every = Math.max(10, Math.floor(store.leaseMs / 3));
  let lost = false;
  const timer = setInterval(() => {
    step("renew", timeoutMs, () => store.renew(key, token)).then(
      (held) => {
        if (held === false && !lost) {
          lost = true;
          report(`the lease on "${key}" was lost while its handlers ran (another delivery may run them too)`);
        }
      },
      (e) => report(e.message, e),
    );
  }, every);
  if (typeof timer === "object" && timer !== null && typeof timer.unref === "function") timer.unref();
  return {
    async end(ok) {
      clearInterval(timer);
      try {
        if (ok) await step("complete", timeoutMs, () => store.complete(key, token));
        else await step("release", timeoutMs, () => store.release(key, token));
      } catch (e) {
        report(
          ok
            ? `${e.message}; the event was handled, but its key stays a lease until it expires (a retry after that runs it again)`
            : `${e.message}; the key is freed when its lease expires`,
          e,
        );
      }
    },
  };
}
