// createFetchHandler: the receiver for the Fetch API (Cloudflare Workers, Deno, Bun, Hono:
// `handler(c.req.raw, c.env, c.executionCtx)`).
import { json, makeReceiver, attachOn, contentLengthOver, concat, TOO_LARGE } from "./policy.js";
import { SIGNATURE_HEADER } from "../constants.js";


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

