// Payloads sent to every runtime, and what the results must look like.
import assert from "node:assert/strict";
import { join } from "node:path";
import { CONSUMERS, fixture } from "./lib.mjs";

export const payloads = {
  message: fixture("message.json"),
  loose: fixture("loose.json"),
  unknown: fixture("unknown.json"),
  invalid: fixture("invalid.json"),
  syntax: '{\n  "event_name": "message",\n  oops\n}',
};

/** Checks the output of consumers/common/exercise.mjs. */
export function assertResults(r) {
  const m = r.message;
  assert.deepEqual(m.validate, { valid: true, eventName: "message", errors: [], warnings: [] });
  assert.deepEqual(m.validateBytes, m.validate);
  assert.deepEqual(m.validateBuffer, m.validate);
  assert.equal(m.error, undefined, JSON.stringify(m.error));
  assert.equal(m.parsed.event_name, "message");
  assert.equal(m.parsed.message.id, 1982371);
  assert.equal(m.parsed.message.body.type, "TEXT");
  assert.equal(m.parsed.message.body.text, "Hi \u00e9\u00e8 \ud83d\ude00");
  assert.equal(m.parsed.message.body.data.quick_replies[0].actionable_text, "Yes");
  assert.equal(m.parsedBytesSame, true);
  assert.equal(m.isKnownEvent, true);
  assert.deepEqual(m.standard, { value: m.parsed }, "eventSchema (Standard Schema) gives parseEvent's event");
  // A parsed object (answered by the object check when clean) gives what its text gives.
  for (const name of ["message", "loose", "unknown"]) {
    const strip = (issues) => issues.map(({ line, column, offset, ...rest }) => rest);
    const { validate } = r[name];
    assert.deepEqual(r[name].validateObject, { ...validate, warnings: strip(validate.warnings) }, `${name}: validateEvent of the parsed object`);
    assert.equal(r[name].parsedObjectSame, true, `${name}: safeParseEvent of the parsed object`);
  }
  assert.deepEqual(r.invalid.validateObject.errors.map((x) => x.path).sort(), ["/business_id", "/message/id"]);
  assert.equal(r.invalid.parsedObjectSame, true);

  const l = r.loose;
  assert.equal(l.validate.valid, true);
  assert.equal(l.parsed.business_id, 343, "business_id \"343\" is normalised to the number 343");
  assert.ok(l.validate.warnings.some((w) => w.path === "/business_id"), JSON.stringify(l.validate.warnings));

  const u = r.unknown;
  assert.equal(u.error, undefined, JSON.stringify(u.error));
  assert.equal(u.validate.valid, true);
  assert.equal(u.validate.eventName, "typing_indicator");
  assert.equal(u.parsed.event_name, "typing_indicator");
  assert.deepEqual(u.parsed.extra, { kept: true });
  assert.equal(u.isKnownEvent, false);

  const i = r.invalid;
  assert.equal(i.parsed, undefined);
  assert.equal(i.error.name, "HaptikWebhookError");
  assert.equal(i.error.isHaptikWebhookError, true);
  assert.equal(i.error.isError, true);
  assert.deepEqual(i.error.issues.map((x) => x.path).sort(), ["/business_id", "/message/id"]);
  assert.ok(i.error.message.includes(i.error.issues[0].message), i.error.message);
  assert.equal(i.validate.valid, false);
  assert.deepEqual(i.validate.errors, i.error.issues);
  assert.deepEqual(i.standard.issues.map((x) => x.path).sort(), [["business_id"], ["message", "id"]]);
  assert.equal(r.loose.standard.value.business_id, 343);

  const s = r.syntax;
  assert.equal(s.error.isHaptikWebhookError, true);
  assert.equal(s.error.issues[0].code, "syntax");
  assert.equal(s.error.issues[0].line, 3);
  assert.equal(typeof s.error.issues[0].column, "number");

  assert.deepEqual(r.afterTrap, { trap: "internal", validate: m.validate });
  assert.equal(r.hookIsPrivate, true, "the test hook is not in the public API");
  assert.deepEqual(r.constants.EVENT_NAMES, ["message", "chat_pinned", "chat_complete", "webhook_conversation_complete"]);
  assert.ok(r.constants.HSL_TYPES.includes("CAROUSEL"));
}

/** What the package installed in `dir` gives in Node: the reference every runtime must match. */
export async function nodeReference(dir) {
  const { exercise } = await import(join(CONSUMERS, "common", "exercise.mjs"));
  const api = await import(join(dir, "node_modules", "haptik-webhook", "node.mjs"));
  const testing = await import(join(dir, "node_modules", "haptik-webhook", "testing.mjs"));
  return JSON.parse(JSON.stringify(exercise(api, payloads, testing)));
}

/**
 * Loads the page in `browser` (from launchChromium) and runs exercise() in it; returns the
 * results, the page errors (failed requests included) and every URL requested.
 */
export async function runPage(browser, url) {
  const page = await browser.context.newPage();
  const errors = [];
  const requests = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("request", (r) => requests.push(r.url()));
  page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__ready === true, null, { timeout: 15000 }).catch((e) => {
      throw new Error(`page did not get ready: ${e.message}\n${errors.join("\n")}`);
    });
    assert.equal(await page.textContent("#out"), "typing_indicator");
    const results = await page.evaluate((p) => window.__hw.exercise(window.__hw.api, p, window.__hw.testing), payloads);
    return { results, errors, requests };
  } finally {
    await page.close();
  }
}
