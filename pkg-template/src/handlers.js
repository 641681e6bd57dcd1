// haptik-webhook: ready-made receiving endpoints.
//
//   createFetchHandler(options)   -> (request, env?, ctx?) => Promise<Response>   Workers, Deno, Bun, Hono
//   createNodeMiddleware(options) -> (req, res, next?) => void                      node:http, Express
//
// Both verify X-Hub-Signature over the raw body, parse and validate the event, drop duplicates
// (optional), route it to the user's handlers and answer within the platform's 5 seconds. The
// answers (see the README, "Receiving webhooks", for the reasoning):
//
//   405 not a POST                         413 body over maxBytes
//   401 missing or bad signature           500 no secret configured / body already consumed
//   200 handled, unknown event, duplicate, or signed-but-invalid payload (onError gets the issues)
//   202 a handler is still running at deadlineMs; it keeps running (ctx.waitUntil on Workers)
//   200 or 500 a handler threw: errorPolicy "acknowledge" (default) or "retry"

import { safeParseEvent, isKnownEvent, HaptikWebhookError } from "./core.js";
import { verifySignature } from "./signature.js";
import { memoryDedupe, defaultDedupeKey } from "./dedupe.js";

export { memoryDedupe, defaultDedupeKey };

import { SIGNATURE_HEADER, DEFAULT_MAX_BYTES } from "./constants.js";

export { SIGNATURE_HEADER };
const DEFAULT_DEADLINE_MS = 4000;

const TOO_LARGE = Symbol("too large");

// ---------------------------------------------------------------------------------------------
// Options

function hasUsableSecret(s) {
  if (typeof s === "string") return s !== "";
  return Array.isArray(s) && s.some((x) => typeof x === "string" && x !== "");
}

function readOptions(options, who) {
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
  let dedupeCheck = null;
  let dedupeForget = null;
  if (typeof dedupe === "function") {
    dedupeCheck = dedupe;
  } else if (dedupe !== undefined && dedupe !== null && dedupe !== false) {
    if (typeof dedupe !== "object" || typeof dedupe.isDuplicate !== "function") {
      throw new TypeError(`haptik-webhook: ${who}: options.dedupe must be memoryDedupe(), a function, or an object with isDuplicate(event)`);
    }
    dedupeCheck = (ev) => dedupe.isDuplicate(ev);
    if (typeof dedupe.forget === "function") dedupeForget = (ev) => dedupe.forget(ev);
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
    dedupeCheck,
    dedupeForget,
  };
}

function register(handlers, name, h, who) {
  if (typeof name !== "string" || name === "") throw new TypeError(`haptik-webhook: ${who}: an event name must be a non-empty string`);
  if (typeof h !== "function") throw new TypeError(`haptik-webhook: ${who}: the handler for "${name}" must be a function`);
  const list = handlers.get(name);
  if (list) list.push(h);
  else handlers.set(name, [h]);
}

// ---------------------------------------------------------------------------------------------
// The runtime-independent part: bytes + header in, { status, body } out.

function json(status, body, headers) {
  return { status, body, headers: headers ?? {} };
}

function messageOf(e) {
  return e && typeof e === "object" && typeof e.message === "string" ? e.message : String(e);
}

function makeReceiver(options, who) {
  const o = readOptions(options, who);

  /** Calls onError (or logs) without ever throwing; an async onError is kept alive. */
  function report(error, hctx, keepAlive) {
    try {
      if (o.onError === undefined) {
        console.error(`haptik-webhook: ${error.kind}: ${error.message}`);
        return;
      }
      const r = o.onError(error, hctx);
      if (r && typeof r.then === "function") {
        keepAlive(Promise.resolve(r).catch((e) => console.error("haptik-webhook: onError threw:", e)));
      }
    } catch (e) {
      console.error("haptik-webhook: onError threw:", e);
    }
  }

  /**
   * bytes: Uint8Array of the raw body; header: the X-Hub-Signature value or null; hctx: what
   * handlers receive as their second argument; started: Date.now() when the request arrived;
   * keepAlive(promise): keeps work alive after the answer (ctx.waitUntil, or nothing on Node).
   */
  async function deliver(bytes, header, hctx, started, keepAlive) {
    let secrets;
    try {
      secrets = o.secretSource(hctx.env);
    } catch (e) {
      secrets = [];
      report({ kind: "config", status: 500, message: `the secret function threw: ${messageOf(e)}`, error: e }, hctx, keepAlive);
    }
    const verdict = verifySignature(bytes, header, secrets);
    if (!verdict.valid) {
      if (verdict.reason === "no_secret") {
        report({ kind: "config", status: 500, reason: verdict.reason, message: verdict.message }, hctx, keepAlive);
        return json(500, { error: "no_secret", message: "the webhook secret is not configured on this server" });
      }
      report({ kind: "signature", status: 401, reason: verdict.reason, message: verdict.message }, hctx, keepAlive);
      return json(401, { error: "invalid_signature", reason: verdict.reason });
    }

    // One pass: the event and its warnings, or every error (never a throw for a bad body).
    let parsed;
    try {
      parsed = safeParseEvent(bytes, { maxBytes: Math.min(0xffffffff, Math.max(o.maxBytes, bytes.byteLength)) });
    } catch (e) {
      parsed = { success: false, errors: [{ code: "internal", path: "", message: messageOf(e) }], warnings: [], error: e };
    }
    if (!parsed.success) {
      // Signed by the platform but not what the model expects. Acknowledge it: an error answer
      // would make the platform retry the same bytes six times and then disable the webhook.
      const { errors: issues, warnings } = parsed;
      const e = parsed.error ?? new HaptikWebhookError(issues, warnings);
      report(
        { kind: "payload", status: 200, message: `invalid payload: ${messageOf(e)}`, issues, warnings, error: e },
        hctx,
        keepAlive,
      );
      return json(200, { ok: true, result: "invalid_payload", issues: issues.length });
    }
    const event = parsed.data;
    // The warnings (loose forms normalised, ids kept as strings, deprecated events, possible
    // typos) reach the handlers in their context, and onWarning.
    hctx.warnings = parsed.warnings;

    if (o.dedupeCheck !== null) {
      let duplicate = false;
      try {
        duplicate = (await o.dedupeCheck(event)) === true;
      } catch (e) {
        report({ kind: "dedupe", status: 200, message: `dedupe check failed: ${messageOf(e)}`, error: e, event }, hctx, keepAlive);
      }
      if (duplicate) {
        if (o.onDuplicate !== undefined) {
          try {
            const r = o.onDuplicate(event, hctx);
            if (r && typeof r.then === "function") keepAlive(Promise.resolve(r).catch((e) => console.error("haptik-webhook: onDuplicate threw:", e)));
          } catch (e) {
            console.error("haptik-webhook: onDuplicate threw:", e);
          }
        }
        return json(200, { ok: true, result: "duplicate" });
      }
    }

    const name = event.event_name;
    const known = isKnownEvent(event);
    const specific = o.handlers.get(name) ?? [];
    if (hctx.warnings.length > 0 && o.onWarning !== undefined) {
      try {
        const r = o.onWarning(hctx.warnings, event, hctx);
        if (r && typeof r.then === "function") keepAlive(Promise.resolve(r).catch((e) => console.error("haptik-webhook: onWarning threw:", e)));
      } catch (e) {
        console.error("haptik-webhook: onWarning threw:", e);
      }
    }
    const list = specific.length > 0 ? specific : !known && o.onUnknown !== undefined ? [o.onUnknown] : [];
    const result = !known && specific.length === 0 ? "unknown_event" : list.length > 0 || o.onAny !== undefined ? "handled" : "ignored";
    if (list.length === 0 && o.onAny === undefined) return json(200, { ok: true, result });

    const work = (async () => {
      for (const h of list) await h(event, hctx);
      if (o.onAny !== undefined) await o.onAny(event, hctx);
    })();

    let timer;
    const remaining = Math.max(0, o.deadlineMs - (Date.now() - started));
    const deadline = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), remaining);
    });
    const outcome = await Promise.race([
      work.then(
        () => ({ ok: true }),
        (error) => ({ ok: false, error }),
      ),
      deadline,
    ]);
    clearTimeout(timer);

    if (outcome === null) {
      // Past the deadline: acknowledge now, let the handler finish.
      keepAlive(
        work.catch((error) =>
          report(
            { kind: "handler", status: 202, late: true, message: `handler failed after the 202 answer: ${messageOf(error)}`, error, event },
            hctx,
            keepAlive,
          ),
        ),
      );
      return json(202, { ok: true, result: "pending" });
    }
    if (outcome.ok) return json(200, { ok: true, result });

    const status = o.errorPolicy === "retry" ? 500 : 200;
    if (status === 500 && o.dedupeForget !== null) {
      try {
        await o.dedupeForget(event);
      } catch (e) {
        console.error("haptik-webhook: dedupe.forget threw:", e);
      }
    }
    report({ kind: "handler", status, late: false, message: `handler failed: ${messageOf(outcome.error)}`, error: outcome.error, event }, hctx, keepAlive);
    return status === 500 ? json(500, { error: "handler_failed" }) : json(200, { ok: true, result: "handler_failed" });
  }

  return { o, deliver, report };
}

function attachOn(target, receiver, who) {
  Object.defineProperty(target, "on", {
    value(name, fn) {
      register(receiver.o.handlers, name, fn, who);
      return target;
    },
  });
  return target;
}

function contentLengthOver(value, maxBytes) {
  if (typeof value !== "string") return false;
  const v = value.trim();
  return /^\d+$/.test(v) && Number(v) > maxBytes;
}

function concat(chunks, total) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fetch API (Cloudflare Workers, Deno, Bun, Hono: `handler(c.req.raw, c.env, c.executionCtx)`)

function fetchResponse({ status, body, headers }) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

// After a body turns out too large, up to this many more bytes are read and dropped before the
// 413, so that a client still sending gets the answer instead of a reset connection; a larger
// body is cut off.
const DRAIN_LIMIT = 1048576;

async function drain(reader, limit) {
  let dropped = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    dropped += value.byteLength;
    if (dropped > limit) {
      await reader.cancel().catch(() => {});
      return;
    }
  }
}

async function readFetchBody(request, maxBytes) {
  const length = request.headers.get("content-length");
  if (contentLengthOver(length, maxBytes)) {
    if (request.body !== null && !contentLengthOver(length, maxBytes + DRAIN_LIMIT)) {
      await drain(request.body.getReader(), DRAIN_LIMIT).catch(() => {});
    }
    return TOO_LARGE;
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = value instanceof Uint8Array ? value : new Uint8Array(value);
    total += chunk.byteLength;
    if (total > maxBytes) {
      await drain(reader, DRAIN_LIMIT).catch(() => {});
      return TOO_LARGE;
    }
    chunks.push(chunk);
  }
  return concat(chunks, total);
}

/**
 * A Fetch-API handler: `(request, env?, ctx?) => Promise<Response>`. Register handlers in
 * options.on or with `.on(name, fn)` on the returned function.
 */
export function createFetchHandler(options) {
  const receiver = makeReceiver(options, "createFetchHandler");
  const { o } = receiver;
  async function handler(request, env, ctx) {
    const started = Date.now();
    const keepAlive = (p) => {
      if (ctx && typeof ctx.waitUntil === "function") ctx.waitUntil(p);
    };
    const hctx = { request, env, ctx };
    if (request.method !== "POST") {
      return fetchResponse(json(405, { error: "method_not_allowed" }, { allow: "POST" }));
    }
    if (request.bodyUsed) {
      const message =
        "the request body was already read before the webhook handler ran; the signature is checked " +
        "over the raw bytes, so pass the untouched Request (or request.clone())";
      receiver.report({ kind: "config", status: 500, message }, hctx, keepAlive);
      return fetchResponse(json(500, { error: "body_already_consumed", message }));
    }
    const bytes = await readFetchBody(request, o.maxBytes);
    if (bytes === TOO_LARGE) {
      receiver.report({ kind: "too_large", status: 413, message: `the body is larger than maxBytes (${o.maxBytes})` }, hctx, keepAlive);
      return fetchResponse(json(413, { error: "payload_too_large", maxBytes: o.maxBytes }));
    }
    return fetchResponse(await receiver.deliver(bytes, request.headers.get(SIGNATURE_HEADER), hctx, started, keepAlive));
  }
  return attachOn(handler, receiver, "createFetchHandler");
}

// ---------------------------------------------------------------------------------------------
// node:http and Express

const CONSUMED_MESSAGE =
  "the request body was already consumed before the webhook middleware ran (a body parser such as " +
  "express.json() set req.body, or the stream was read). The signature is checked over the raw " +
  "bytes: mount the webhook route before app.use(express.json()), or give it express.raw({ type: '*/*' })";

function sendNode(res, { status, body, headers }, close = false) {
  if (res.headersSent || res.writableEnded) return;
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const h = { "content-type": "application/json; charset=utf-8", "content-length": String(bytes.byteLength), ...headers };
  if (close) h.connection = "close";
  res.writeHead(status, h);
  res.end(bytes);
}

/** Reads the raw body: Uint8Array, TOO_LARGE, or null when the client went away. */
function readNodeBody(req, maxBytes) {
  return new Promise((resolve) => {
    const chunks = [];
    let total = 0;
    let settled = false;
    const finish = (v) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onFail);
      req.off("aborted", onFail);
      resolve(v);
    };
    const onData = (chunk) => {
      const c = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
      total += c.byteLength;
      if (total > maxBytes) {
        req.pause();
        finish(TOO_LARGE);
      } else chunks.push(c);
    };
    const onEnd = () => finish(concat(chunks, total));
    const onFail = () => finish(null);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onFail);
    req.on("aborted", onFail);
  });
}

function bodyParserRan(req) {
  const b = req.body;
  if (b === undefined || b === null) return false;
  if (req._body === true) return true; // body-parser marks what it read
  if (typeof b === "string") return true;
  // body-parser 1.x sets `req.body = {}` even when it skipped the request (stream untouched).
  return typeof b !== "object" || Object.keys(b).length > 0;
}

/**
 * Middleware for node:http (`http.createServer(mw)`) and Express (`app.post(path, mw)`). Reads
 * the raw body itself; accepts a Buffer already read by `express.raw()`.
 */
export function createNodeMiddleware(options) {
  const receiver = makeReceiver(options, "createNodeMiddleware");
  const { o } = receiver;
  const keepAlive = () => {};
  async function run(req, res) {
    const started = Date.now();
    const hctx = { req };
    if (req.method !== "POST") return sendNode(res, json(405, { error: "method_not_allowed" }, { allow: "POST" }));
    let bytes;
    if (req.body instanceof Uint8Array) {
      bytes = req.body.byteLength > o.maxBytes ? TOO_LARGE : req.body; // express.raw()
    } else if (bodyParserRan(req) || req.readableEnded) {
      receiver.report({ kind: "config", status: 500, message: CONSUMED_MESSAGE }, hctx, keepAlive);
      return sendNode(res, json(500, { error: "body_already_consumed", message: CONSUMED_MESSAGE }));
    } else if (contentLengthOver(req.headers["content-length"], o.maxBytes)) {
      bytes = TOO_LARGE;
    } else {
      bytes = await readNodeBody(req, o.maxBytes);
      if (bytes === null) return; // the client went away
    }
    if (bytes === TOO_LARGE) {
      receiver.report({ kind: "too_large", status: 413, message: `the body is larger than maxBytes (${o.maxBytes})` }, hctx, keepAlive);
      return sendNode(res, json(413, { error: "payload_too_large", maxBytes: o.maxBytes }), true);
    }
    const header = req.headers[SIGNATURE_HEADER];
    sendNode(res, await receiver.deliver(bytes, Array.isArray(header) ? header[0] : (header ?? null), hctx, started, keepAlive));
  }
  function middleware(req, res, next) {
    run(req, res).catch((e) => {
      console.error("haptik-webhook: internal error:", e);
      if (typeof next === "function" && !res.headersSent) next(e);
      else sendNode(res, json(500, { error: "internal_error" }));
    });
  }
  return attachOn(middleware, receiver, "createNodeMiddleware");
}
