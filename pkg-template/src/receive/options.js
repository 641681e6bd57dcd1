// The options of createFetchHandler and createNodeMiddleware, read and checked once, at creation
// (a bad option is a TypeError then, not an answer per request).
import { DEFAULT_MAX_BYTES } from "../constants.js";

export const DEFAULT_DEADLINE_MS = 4000;
// A store step that takes longer is a store error (a Redis client queues commands while it
// reconnects: without a limit a delivery would wait past its answer deadline).
export const DEFAULT_DEDUPE_TIMEOUT_MS = 1000;

function hasUsableSecret(s) {
  if (typeof s === "string") return s !== "";
  return Array.isArray(s) && s.some((x) => typeof x === "string" && x !== "");
}

export function readOptions(options, who) {
  if (options === null || typeof options !== "object") {
    throw new TypeError(`haptik-webhook: ${who}(options) needs an options object with at least { secret }`);
  }
  const {
    secret,
    secrets,
    on,
    onAny,
    onUnknown,
    onError,
    onDuplicate,
    onWarning,
    maxBytes = DEFAULT_MAX_BYTES,
    deadlineMs = DEFAULT_DEADLINE_MS,
    errorPolicy = "acknowledge",
    dedupe,
    dedupeErrorPolicy = "handle",
    dedupeTimeoutMs = DEFAULT_DEDUPE_TIMEOUT_MS,
  } = options;

  // The secret: a string, a list (rotation), or a function of the Worker's env giving either.
  let secretSource;
  if (typeof secret === "function") {
    secretSource = secret;
  } else {
    const list = [];
    if (secret !== undefined) list.push(...(Array.isArray(secret) ? secret : [secret]));
    if (secrets !== undefined) {
      if (!Array.isArray(secrets)) throw new TypeError(`haptik-webhook: ${who}: options.secrets must be an array of strings`);
      list.push(...secrets);
    }
    if (!hasUsableSecret(list)) {
      throw new TypeError(
        `haptik-webhook: ${who}: no secret configured. Pass { secret: "..." } (the webhook's Secret Key), ` +
          `{ secrets: [...] } while rotating, or { secret: (env) => env.HAPTIK_WEBHOOK_SECRET } on Workers ` +
          `(an environment variable that is not set gives an empty secret)`,
      );
    }
    for (const s of list) {
      if (typeof s !== "string") throw new TypeError(`haptik-webhook: ${who}: every secret must be a string`);
    }
    secretSource = () => list;
  }

  const fn = (f, name) => {
    if (f !== undefined && typeof f !== "function") throw new TypeError(`haptik-webhook: ${who}: options.${name} must be a function`);
    return f;
  };
  if (!Number.isInteger(maxBytes) || maxBytes < 0 || maxBytes > 0xffffffff) throw new TypeError(`haptik-webhook: ${who}: options.maxBytes must be a non-negative integer`);
  if (typeof deadlineMs !== "number" || !(deadlineMs >= 0)) throw new TypeError(`haptik-webhook: ${who}: options.deadlineMs must be a non-negative number`);
  if (errorPolicy !== "acknowledge" && errorPolicy !== "retry") {
    throw new TypeError(`haptik-webhook: ${who}: options.errorPolicy must be "acknowledge" or "retry"`);
  }
  let dedupeStore = null;
  if (typeof dedupe === "function") {
    dedupeStore = (env) => checkedStore(dedupe(env), who); // e.g. (env) => durableObjectDedupe(env.HAPTIK_DEDUPE)
  } else if (dedupe !== undefined && dedupe !== null && dedupe !== false) {
    const store = checkedStore(dedupe, who);
    dedupeStore = () => store;
  }
  if (dedupeErrorPolicy !== "handle" && dedupeErrorPolicy !== "retry") {
    throw new TypeError(`haptik-webhook: ${who}: options.dedupeErrorPolicy must be "handle" or "retry"`);
  }
  if (typeof dedupeTimeoutMs !== "number" || !(dedupeTimeoutMs > 0)) {
    throw new TypeError(`haptik-webhook: ${who}: options.dedupeTimeoutMs must be a positive number`);
  }

  const handlers = new Map();
  if (on !== undefined && on !== null) {
    if (typeof on !== "object") throw new TypeError(`haptik-webhook: ${who}: options.on must be an object { event_name: handler }`);
    for (const [name, h] of Object.entries(on)) register(handlers, name, h, who);
  }

  return {
    secretSource,
    handlers,
    onAny: fn(onAny, "onAny"),
    onUnknown: fn(onUnknown, "onUnknown"),
    onError: fn(onError, "onError"),
    onDuplicate: fn(onDuplicate, "onDuplicate"),
    onWarning: fn(onWarning, "onWarning"),
    maxBytes,
    deadlineMs,
    errorPolicy,
    dedupeStore,
    dedupeErrorPolicy,
    dedupeTimeoutMs,
  };
}

export function register(handlers, name, h, who) {
  if (typeof name !== "string" || name === "") throw new TypeError(`haptik-webhook: ${who}: an event name must be a non-empty string`);
  if (typeof h !== "function") throw new TypeError(`haptik-webhook: ${who}: the handler for "${name}" must be a function`);
  const list = handlers.get(name);
  if (list) list.push(h);
  else handlers.set(name, [h]);
}


const STORE_METHODS = ["claim", "renew", "complete", "release"];

function storeProblem(store) {
  if (store === null || typeof store !== "object") return "is not an object";
  if (typeof store.isDuplicate === "function" && typeof store.claim !== "function") {
    return "has isDuplicate() but no claim(): stores now claim an event before its handlers run (docs/receiving.md, 'Each event once: dedupe')";
  }
  const missing = STORE_METHODS.find((m) => typeof store[m] !== "function");
  if (missing !== undefined) return `has no ${missing}() method`;
  if (!(typeof store.leaseMs === "number" && store.leaseMs > 0)) return "has no positive leaseMs";
  if (store.key !== undefined && typeof store.key !== "function") return "has a key that is not a function";
  return null;
}

/** The store, checked: a TypeError naming what is missing (stores speak receive/claim.js). */
export function checkedStore(store, who, what = "options.dedupe") {
  const problem = storeProblem(store);
  if (problem !== null) {
    throw new TypeError(
      `haptik-webhook: ${who}: ${what} ${problem}. Give memoryDedupe(), redisDedupe() (haptik-webhook/redis), ` +
        `durableObjectDedupe() (haptik-webhook/cloudflare), a function of env giving one, or your own { claim, renew, complete, release, leaseMs }`,
    );
  }
  return store;
}
