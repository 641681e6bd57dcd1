// safeParseEvent (one pass, never throws for a bad body) and verifyAndParse (signature, then
// parseEvent), on the built package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const hw = await import(new URL("../../pkg/node.mjs", import.meta.url));
const sample = (name) => readFileSync(new URL(`../../samples/${name}`, import.meta.url), "utf8");

test("safeParseEvent: success with data and warnings, the same event as parseEvent", () => {
  const loose = sample("body-plain-string.json"); // loose forms: warnings, patches
  const r = hw.safeParseEvent(loose);
  assert.equal(r.success, true);
  assert.deepEqual(r.data, hw.parseEvent(loose));
  assert.deepEqual(r.warnings, hw.validateEvent(loose).warnings);
  assert.ok(r.warnings.length > 0, "the loose sample has warnings");
  const clean = hw.safeParseEvent(sample("message-text.json"));
  assert.deepEqual(clean, { success: true, data: JSON.parse(sample("message-text.json")), warnings: [] });
});

test("safeParseEvent: failure with every error, never a throw for a bad body", () => {
  const bad = sample("invalid-two-errors.json");
  const r = hw.safeParseEvent(bad);
  assert.equal(r.success, false);
  assert.deepEqual(r.errors, hw.validateEvent(bad).errors);
  assert.equal(r.errors.length, 2);
  assert.equal("data" in r, false);
  for (const input of [undefined, null, 42, {}, [], "", "{", new Uint8Array([0xff])]) {
    const out = hw.safeParseEvent(input);
    assert.equal(out.success, false, String(input));
    assert.ok(out.errors.length >= 1);
  }
  assert.equal(hw.safeParseEvent(42).errors[0].code, "invalid_type"); // neither a body nor an object
  assert.equal(hw.safeParseEvent({}).errors[0].code, "missing_field"); // a parsed object, checked as the payload
  assert.throws(() => hw.safeParseEvent("{}", { maxDepth: 0 }), TypeError, "bad options are the caller's bug");
});

test("verifyAndParse: a signed body gives the event; any secret of a rotation list", () => {
  const body = sample("chat-pinned.json");
  const header = hw.signPayload(body, "new");
  assert.deepEqual(hw.verifyAndParse(body, header, "new"), hw.parseEvent(body));
  assert.equal(hw.verifyAndParse(new TextEncoder().encode(body), header, ["old", "new"]).event_name, "chat_pinned");
});

test("verifyAndParse: a bad signature is kind 'signature' with the reason; a bad body kind 'payload'", () => {
  const body = sample("chat-pinned.json");
  const wrong = hw.signPayload(body, "other");
  assert.throws(
    () => hw.verifyAndParse(body, wrong, "new"),
    (e) => e instanceof hw.HaptikWebhookError && e.kind === "signature" && e.reason === "digest_mismatch" && e.issues.length === 0 && /signature/.test(e.message),
  );
  assert.throws(() => hw.verifyAndParse(body, undefined, "new"), (e) => e.kind === "signature" && e.reason === "missing_header");
  assert.throws(() => hw.verifyAndParse(JSON.parse(body), wrong, "new"), (e) => e.kind === "signature" && e.reason === "body_not_raw");
  const bad = sample("invalid-two-errors.json");
  assert.throws(
    () => hw.verifyAndParse(bad, hw.signPayload(bad, "new"), "new"),
    (e) => e instanceof hw.HaptikWebhookError && e.kind === "payload" && e.reason === null && e.issues.length === 2,
  );
  // The signature is checked first: a bad body with a bad signature is a signature error.
  assert.throws(() => hw.verifyAndParse(bad, wrong, "new"), (e) => e.kind === "signature");
});

test("a thrown message names the pointer once", () => {
  const body = JSON.stringify({ ...JSON.parse(sample("message-text.json")), business_id: "Acme" });
  try {
    hw.parseEvent(body);
    assert.fail("an invalid business_id must throw");
  } catch (e) {
    assert.ok(e instanceof hw.HaptikWebhookError);
    assert.equal(e.issues[0].path, "/business_id");
    assert.ok(e.message.startsWith("Invalid Haptik webhook: /business_id must be"), e.message);
    assert.equal(e.message.split("/business_id").length - 1, 1, e.message);
  }
  // A message that does not start with its pointer still gets it.
  const made = new hw.HaptikWebhookError([{ code: "invalid_type", path: "/a", message: "wrong" }]);
  assert.equal(made.message, "Invalid Haptik webhook: /a: wrong");
});
