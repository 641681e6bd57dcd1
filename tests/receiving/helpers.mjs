// Node-side helpers for the receiving tests: signed payloads (signed with node:crypto, not with
// the package) and a small HTTP client over fetch.
import { readFileSync } from "node:fs";
import { createHmac } from "node:crypto";

const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));

export const sign = (body, secret) => `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`;

/** A valid `message` event with the given id and text. */
export function messageEvent(id, text) {
  const ev = fixture("message_text.json");
  ev.message.id = id;
  ev.message.body.text = text;
  return JSON.stringify(ev, null, 2);
}

export function chatPinnedEvent(id) {
  const ev = fixture("chat_pinned.json");
  ev.message.id = id;
  return JSON.stringify(ev);
}

/** An event name the library does not know (a 2018 draft event), with a message id to track it. */
export function unknownEvent(id) {
  const ev = fixture("typing_indicator.json");
  ev.message = { id };
  return JSON.stringify(ev);
}

/** Signed, well-formed JSON, but not a valid `message` event (no user, no message...). */
export function invalidEvent() {
  return JSON.stringify({ event_name: "message", business_id: 343 });
}

/** POSTs `body` to `url`, signed with `secret` unless `headers` overrides the signature. */
export async function post(url, body, { secret, headers = {}, method = "POST", stream = false } = {}) {
  const h = { "content-type": "application/json", ...headers };
  if (secret !== undefined) h["x-hub-signature"] = sign(body, secret);
  const init = { method, headers: h };
  if (method !== "GET" && method !== "HEAD") {
    if (stream) {
      // No Content-Length: the body arrives chunked, so the server must count while reading.
      const bytes = new TextEncoder().encode(body);
      init.body = new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.subarray(i, i + 1000));
          controller.close();
        },
      });
      init.duplex = "half";
    } else init.body = body;
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (process.env.HW_DEBUG) console.error("fetch failed:", e.cause);
    throw e;
  }
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, text, json };
}

let nextId = 7000000 + Math.floor(Math.random() * 1000000);
export const freshId = () => nextId++;
