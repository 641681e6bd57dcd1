// haptik-webhook: the answer policy both receivers share: bytes + signature header in,
// { status, body } out, runtime-independent. The receivers (fetch-handler.js, node-middleware.js):
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
//   202 a handler is still running at deadlineMs; it keeps running (ctx.waitUntil on Workers), or
//       another delivery of the same event still is (this one watches it and takes over on failure)
//   503 the dedupe store failed, with dedupeErrorPolicy "retry" (default "handle": handled anyway)
//   200 or 500 a handler threw: errorPolicy "acknowledge" (default) or "retry"

import { safeParseEvent, isKnownEvent } from "../parse.js";
import { HaptikWebhookError } from "../errors.js";
import { verifySignature } from "./signature.js";
import { readOptions, register } from "./options.js";
import { newToken, claimWaiting, watchClaim, gaveUpWatching, holdLease, keyOf } from "./claim.js";


export function json(status, body, headers) {
  return { status, body, headers: headers ?? {} };
}

function messageOf(e) {
  return e && typeof e === "object" && typeof e.message === "string" ? e.message : String(e);
}

export function makeReceiver(options, who) {
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

    // Dedupe: claim the event for this delivery before any handler runs (receive/claim.js).
    if (o.dedupeStore === null) return handle(event, null, hctx, started, keepAlive);
    let store;
    let key;
    try {
      store = o.dedupeStore(hctx.env);
      key = keyOf(store, event);
    } catch (e) {
      return storeFailed(e, "key", event, hctx, started, keepAlive);
    }
    if (key === null) return handle(event, null, hctx, started, keepAlive); // no id: nothing to dedupe on
    const token = newToken();
    let state;
    try {
      state = await claimWaiting(store, key, token, { until: started + o.deadlineMs, timeoutMs: o.dedupeTimeoutMs });
    } catch (e) {
      return storeFailed(e, "claim", event, hctx, started, keepAlive);
    }
    if (state === "done") return duplicate(event, hctx, keepAlive);
    if (state === "claimed") return handle(event, lease(store, key, token, event, hctx, keepAlive), hctx, started, keepAlive);
    // "busy": another delivery is still running the handlers at our deadline. Answer 202 (a
    // non-2xx would count towards the platform disabling the webhook) and keep watching: if the
    // other fails or dies, this delivery runs the handlers itself.
    keepAlive(watch(store, key, token, event, hctx, keepAlive).catch((e) => console.error("haptik-webhook: watching a delivery failed:", e)));
    return json(202, { ok: true, result: "in_progress" });
  }

  function lease(store, key, token, event, hctx, keepAlive) {
    return holdLease(store, key, token, o.dedupeTimeoutMs, (message, error) =>
      report({ kind: "dedupe", step: "lease", message, error, event }, hctx, keepAlive),
    );
  }

  /** A store error before the handlers ran: the configured dedupeErrorPolicy decides. */
  function storeFailed(e, step, event, hctx, started, keepAlive) {
    if (o.dedupeErrorPolicy === "retry") {
      report({ kind: "dedupe", step, status: 503, message: `${messageOf(e)}; answered 503 so the platform delivers the event again`, error: e, event }, hctx, keepAlive);
      return json(503, { error: "dedupe_unavailable" });
    }
    report({ kind: "dedupe", step, message: `${messageOf(e)}; the event is handled anyway (it may be a duplicate)`, error: e, event }, hctx, keepAlive);
    return handle(event, null, hctx, started, keepAlive);
  }

  function duplicate(event, hctx, keepAlive) {
    notify("onDuplicate", [event, hctx], keepAlive);
    return json(200, { ok: true, result: "duplicate" });
  }

  /** Calls the optional callback o[name] without letting it change the answer: a throw or a rejection is logged. */
  function notify(name, args, keepAlive) {
    if (o[name] === undefined) return;
    try {
      const r = o[name](...args);
      if (r && typeof r.then === "function") keepAlive(Promise.resolve(r).catch((e) => console.error(`haptik-webhook: ${name} threw:`, e)));
    } catch (e) {
      console.error(`haptik-webhook: ${name} threw:`, e);
    }
  }

  /** After a 202 "in_progress": waits for the other holder; takes the event over if it fails or dies. */
  async function watch(store, key, token, event, hctx, keepAlive) {
    let state;
    try {
      state = await watchClaim(store, key, token, o.dedupeTimeoutMs);
    } catch (e) {
      // The 202 is sent: an event not handled now is lost, whatever dedupeErrorPolicy says.
      report({ kind: "dedupe", step: "claim", message: `${messageOf(e)}; the event is handled anyway (it may be a duplicate)`, error: e, event }, hctx, keepAlive);
      state = "unclaimed";
    }
    if (state === "done") {
      duplicate(event, hctx, keepAlive);
      return;
    }
    if (state === "busy") {
      report({ kind: "dedupe", step: "claim", message: gaveUpWatching(key), event }, hctx, keepAlive);
      return;
    }
    const held = state === "claimed" ? lease(store, key, token, event, hctx, keepAlive) : null;
    await handle(event, held, hctx, Date.now(), keepAlive, { answered: true });
  }

  /**
   * Routes the event to its handlers and answers within the deadline. `held`: the lease of this
   * delivery (or null: no dedupe), ended when the handlers settle: done on success, released on
   * failure. `answered`: the 202 went out already (a watcher took the event over).
   */
  async function handle(event, held, hctx, started, keepAlive, { answered = false } = {}) {
    const end = async (ok) => {
      if (held !== null) await held.end(ok);
    };
    const name = event.event_name;
    const known = isKnownEvent(event);
    const specific = o.handlers.get(name) ?? [];
    if (hctx.warnings.length > 0) notify("onWarning", [hctx.warnings, event, hctx], keepAlive);
    const list = specific.length > 0 ? specific : !known && o.onUnknown !== undefined ? [o.onUnknown] : [];
    const result = !known && specific.length === 0 ? "unknown_event" : list.length > 0 || o.onAny !== undefined ? "handled" : "ignored";
    if (list.length === 0 && o.onAny === undefined) {
      await end(true);
      return json(200, { ok: true, result });
    }

    const work = (async () => {
      for (const h of list) await h(event, hctx);
      if (o.onAny !== undefined) await o.onAny(event, hctx);
    })();
    // After a 202 answer: a success marks the key done; a failure frees it (so a delivery
    // watching it can take the event over) and is reported as late.
    const settleLate = () =>
      work.then(
        () => end(true),
        async (error) => {
          await end(false);
          report(
            { kind: "handler", status: 202, late: true, message: `handler failed after the 202 answer: ${messageOf(error)}`, error, event },
            hctx,
            keepAlive,
          );
        },
      );
    if (answered) {
      await settleLate();
      return json(202, { ok: true, result: "pending" });
    }

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
      keepAlive(settleLate()); // past the deadline: acknowledge now, let the handler finish
      return json(202, { ok: true, result: "pending" });
    }
    if (outcome.ok) {
      await end(true);
      return json(200, { ok: true, result });
    }
    // Failed: free the key before answering, so the platform's retry (or a delivery waiting on
    // this one) can run the handlers again.
    await end(false);
    const status = o.errorPolicy === "retry" ? 500 : 200;
    report({ kind: "handler", status, late: false, message: `handler failed: ${messageOf(outcome.error)}`, error: outcome.error, event }, hctx, keepAlive);
    return status === 500 ? json(500, { error: "handler_failed" }) : json(200, { ok: true, result: "handler_failed" });
  }

  return { o, deliver, report };
}

export function attachOn(target, receiver, who) {
  Object.defineProperty(target, "on", {
    value(name, fn) {
      register(receiver.o.handlers, name, fn, who);
      return target;
    },
  });
  return target;
}

// What the receivers' body readers give for a body over maxBytes.
export const TOO_LARGE = Symbol("too large");

export function contentLengthOver(value, maxBytes) {
  if (typeof value !== "string") return false;
  const v = value.trim();
  return /^\d+$/.test(v) && Number(v) > maxBytes;
}

export function concat(chunks, total) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

