// The delivery scenarios every receiving endpoint must pass (node:http, Express, workerd): real
// signed HTTP requests on 127.0.0.1, checking the status code and which handler ran.
//
// target(): { url, retryUrl, log(): Promise<string[]>, release(): Promise<void> } where url serves
// the app of app.mjs (errorPolicy "acknowledge") and retryUrl the same with errorPolicy "retry".
import { test } from "node:test";
import assert from "node:assert/strict";
import { SECRET } from "./app.mjs";
import { post, sign, messageEvent, chatPinnedEvent, unknownEvent, invalidEvent, freshId } from "./helpers.mjs";

/** Runs `fn`, then returns the log lines it added. */
async function logged(t, fn) {
  const before = (await t.log()).length;
  const result = await fn();
  return { result, lines: (await t.log()).slice(before) };
}

async function waitForLine(t, predicate) {
  for (let i = 0; i < 400; i++) {
    const line = (await t.log()).find(predicate);
    if (line !== undefined) return line;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail("the expected log line never appeared");
}

export function receivingScenarios(label, target) {
  test(`${label}: a valid signed message runs its handler and onAny, 200`, async () => {
    const t = target();
    const id = freshId();
    const { result: r, lines } = await logged(t, () => post(t.url, messageEvent(id, "héllo 👋 नमस्ते"), { secret: SECRET }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { ok: true, result: "handled" });
    assert.deepEqual(lines, [`message:${id}:héllo 👋 नमस्ते`, `any:message:${id}`]);
  });

  test(`${label}: warnings reach onWarning and the handler's context; the event comes normalised`, async () => {
    const t = target();
    const id = freshId();
    const loose = JSON.parse(messageEvent(id, "loose"));
    loose.business_id = "343"; // a numeric string: normalised to 343, with a loose_type warning
    const { result: r, lines } = await logged(t, () => post(t.url, JSON.stringify(loose), { secret: SECRET }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(lines, [`warning:${id}:loose_type@/business_id`, `ctx-warnings:${id}:loose_type`, `message:${id}:loose`, `any:message:${id}`]);
  });

  test(`${label}: chat_pinned reaches its own handler with the typed payload`, async () => {
    const t = target();
    const id = freshId();
    const { result: r, lines } = await logged(t, () => post(t.url, chatPinnedEvent(id), { secret: SECRET }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(lines, [`chat_pinned:${id}:Prateek`, `any:chat_pinned:${id}`]);
  });

  test(`${label}: a bad signature is 401 and no handler runs`, async () => {
    const t = target();
    const { result: r, lines } = await logged(t, () => post(t.url, messageEvent(freshId(), "x"), { secret: "not-the-secret" }));
    assert.equal(r.status, 401);
    assert.deepEqual(r.json, { error: "invalid_signature", reason: "digest_mismatch" });
    assert.deepEqual(lines, ["error:signature:401:digest_mismatch"]);
  });

  test(`${label}: a missing signature is 401`, async () => {
    const t = target();
    const { result: r, lines } = await logged(t, () => post(t.url, messageEvent(freshId(), "x")));
    assert.equal(r.status, 401);
    assert.equal(r.json.reason, "missing_header");
    assert.deepEqual(lines, ["error:signature:401:missing_header"]);
  });

  test(`${label}: a body changed after signing is 401`, async () => {
    const t = target();
    const body = messageEvent(freshId(), "x");
    const r = await post(t.url, body.replace('"x"', '"y"'), { headers: { "x-hub-signature": sign(body, SECRET) } });
    assert.equal(r.status, 401);
    assert.equal(r.json.reason, "digest_mismatch");
  });

  test(`${label}: a GET is 405 with Allow: POST`, async () => {
    const t = target();
    const { result: r, lines } = await logged(t, () => post(t.url, "", { method: "GET" }));
    assert.equal(r.status, 405);
    assert.equal(r.headers.get("allow"), "POST");
    assert.deepEqual(lines, []);
  });

  test(`${label}: an unknown event is 200 and goes to onUnknown (and onAny)`, async () => {
    const t = target();
    const id = freshId();
    const { result: r, lines } = await logged(t, () => post(t.url, unknownEvent(id), { secret: SECRET }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { ok: true, result: "unknown_event" });
    assert.deepEqual(lines, [`unknown:typing_indicator:${id}`, `any:typing_indicator:${id}`]);
  });

  test(`${label}: a signed but invalid payload is acknowledged 200 and reported to onError`, async () => {
    const t = target();
    const { result: r, lines } = await logged(t, () => post(t.url, invalidEvent(), { secret: SECRET }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.result, "invalid_payload");
    assert.ok(r.json.issues >= 1);
    assert.deepEqual(lines, ["error:payload:200:missing_field"]);
  });

  test(`${label}: a body over maxBytes (Content-Length) is 413 and no handler runs`, async () => {
    const t = target();
    const big = messageEvent(freshId(), "x".repeat(6000));
    const { result: r, lines } = await logged(t, () => post(t.url, big, { secret: SECRET }));
    assert.equal(r.status, 413);
    assert.equal(r.json.error, "payload_too_large");
    assert.deepEqual(lines, ["error:too_large:413:"]);
  });

  test(`${label}: a streamed body over maxBytes (no Content-Length) is 413`, async () => {
    const t = target();
    const big = messageEvent(freshId(), "y".repeat(6000));
    const { result: r, lines } = await logged(t, () => post(t.url, big, { secret: SECRET, stream: true }));
    assert.equal(r.status, 413);
    assert.deepEqual(lines, ["error:too_large:413:"]);
  });

  test(`${label}: a streamed body under maxBytes (no Content-Length) is handled`, async () => {
    const t = target();
    const id = freshId();
    const { result: r, lines } = await logged(t, () => post(t.url, messageEvent(id, "chunked"), { secret: SECRET, stream: true }));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(lines, [`message:${id}:chunked`, `any:message:${id}`]);
  });

  test(`${label}: a handler still running at the deadline gets 202 in time, then finishes`, async () => {
    const t = target();
    const id = freshId();
    // The handler waits until released, so the answer can only come from the deadline.
    const r = await post(t.url, messageEvent(id, "slow"), { secret: SECRET });
    assert.equal(r.status, 202, r.text);
    assert.deepEqual(r.json, { ok: true, result: "pending" });
    const log = await t.log();
    assert.ok(log.includes(`slow-start:${id}`));
    assert.ok(!log.some((l) => l.startsWith(`slow-done:${id}`)), "answered before the handler finished");
    await t.release();
    assert.equal(await waitForLine(t, (l) => l.startsWith(`slow-done:${id}`)), `slow-done:${id}:released`);
    await waitForLine(t, (l) => l === `any:message:${id}`);
  });

  test(`${label}: a duplicate delivery is 200 and the handler runs once`, async () => {
    const t = target();
    const id = freshId();
    const body = messageEvent(id, "once");
    const { result: first } = await logged(t, () => post(t.url, body, { secret: SECRET }));
    const { result: second, lines } = await logged(t, () => post(t.url, body, { secret: SECRET }));
    assert.equal(first.status, 200);
    assert.equal(first.json.result, "handled");
    assert.equal(second.status, 200);
    assert.equal(second.json.result, "duplicate");
    assert.deepEqual(lines, [`duplicate:${id}`]);
    assert.equal((await t.log()).filter((l) => l === `message:${id}:once`).length, 1);
  });

  test(`${label}: a throwing handler is reported and acknowledged 200 (default policy)`, async () => {
    const t = target();
    const id = freshId();
    const { result: r, lines } = await logged(t, () => post(t.url, messageEvent(id, "throw"), { secret: SECRET }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.result, "handler_failed");
    assert.deepEqual(lines, [`throw:${id}`, `error:handler:200:boom:${id}`]);
  });

  test(`${label}: errorPolicy "retry" answers 500, and the redelivery is processed despite dedupe`, async () => {
    const t = target();
    const id = freshId();
    const body = messageEvent(id, "flaky");
    const { result: first, lines: l1 } = await logged(t, () => post(t.retryUrl, body, { secret: SECRET }));
    assert.equal(first.status, 500, first.text);
    assert.deepEqual(l1, [`flaky-fail:${id}`, `error:handler:500:flaky:${id}`]);
    const { result: second, lines: l2 } = await logged(t, () => post(t.retryUrl, body, { secret: SECRET }));
    assert.equal(second.status, 200, second.text);
    assert.deepEqual(l2, [`message:${id}:flaky`, `any:message:${id}`]);
    const { result: third, lines: l3 } = await logged(t, () => post(t.retryUrl, body, { secret: SECRET }));
    assert.equal(third.json.result, "duplicate");
    assert.deepEqual(l3, [`duplicate:${id}`]);
  });
}
