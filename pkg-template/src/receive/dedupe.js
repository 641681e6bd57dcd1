// haptik-webhook: a small in-memory LRU for dropping repeated deliveries.
//
// The platform retries a delivery it thinks failed (no 2xx within 5 s), so the same event can
// arrive twice. `memoryDedupe()` remembers the keys of the last `max` events it has seen, in this
// process / isolate only: a Worker running in many isolates, or several Node processes, need a
// shared store instead (write a `{ isDuplicate(event) }` object over KV, Redis, a database...).

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
 * An in-memory LRU of event keys. `isDuplicate(event)` returns true when the event's key was
 * seen before (and refreshes it), otherwise records it and returns false. `forget(event)` drops
 * a key (the handlers call it when a failed event should be processed again on the retry).
 *
 * @param {{ max?: number, key?: (event: object) => string | number | null | undefined }} [options]
 */
export function memoryDedupe(options = {}) {
  const { max = 10000, key = defaultDedupeKey } = options ?? {};
  if (!Number.isInteger(max) || max < 1) throw new TypeError("haptik-webhook: memoryDedupe: max must be a positive integer");
  if (typeof key !== "function") throw new TypeError("haptik-webhook: memoryDedupe: key must be a function");
  /** Insertion-ordered: the first entry is the least recently seen. */
  const seen = new Map();
  const keyOf = (event) => {
    const k = key(event);
    return k === null || k === undefined ? null : String(k);
  };
  return {
    isDuplicate(event) {
      const k = keyOf(event);
      if (k === null) return false;
      if (seen.has(k)) {
        seen.delete(k);
        seen.set(k, true);
        return true;
      }
      seen.set(k, true);
      if (seen.size > max) seen.delete(seen.keys().next().value);
      return false;
    },
    forget(event) {
      const k = keyOf(event);
      if (k !== null) seen.delete(k);
    },
    clear() {
      seen.clear();
    },
    get size() {
      return seen.size;
    },
  };
}
