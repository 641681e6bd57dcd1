// createNodeMiddleware: the receiver for node:http and Express (and Fastify or Koa over the raw
// request, docs/receiving.md).
import { json, makeReceiver, attachOn, contentLengthOver, concat, TOO_LARGE } from "./policy.js";
import { SIGNATURE_HEADER } from "../constants.js";


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

