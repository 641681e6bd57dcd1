// One style for every message, bad arguments included: "<what> must be <expected>, but is
// <what it is>", the pointer (or the function's name) once, as the core writes its issues.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEvent, safeParseEvent, validateEvent, signPayload, eventSchema } from "../../pkg/node.mjs";

const STYLE = /^(\/\S* |the (payload|body|secret|algorithm) |options(\.\w+)? )must be .+, but is .+/;

test("bad arguments are told in the core's style, with what was given", () => {
  const thrown = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof TypeError, String(e));
      return e.message;
    }
    assert.fail("did not throw");
  };
  const cases = [
    [thrown(() => parseEvent(42)), "haptik-webhook: parseEvent: ", /but is a number: 42$/],
    [thrown(() => parseEvent(true)), "haptik-webhook: parseEvent: ", /the raw request body\) or a parsed object, but is a boolean: true$/],
    [thrown(() => parseEvent(Promise.resolve("{}"))), "haptik-webhook: parseEvent: ", /but is a Promise \(await it first\)$/],
    [thrown(() => parseEvent("{}", { lenient: "yes" })), "haptik-webhook: ", /options\.lenient must be a boolean, but is a string: "yes"$/],
    [thrown(() => parseEvent("{}", { maxDepth: 0 })), "haptik-webhook: ", /but is a number: 0$/],
    [thrown(() => parseEvent("{}", "strict")), "haptik-webhook: ", /options must be an object, but is a string: "strict"$/],
    [thrown(() => signPayload({}, "k")), "haptik-webhook: signPayload: ", /but is an object$/],
    [thrown(() => signPayload("{}", undefined)), "haptik-webhook: signPayload: ", /the secret must be a string, but is undefined$/],
    [thrown(() => signPayload("{}", "k", "toString")), "haptik-webhook: signPayload: ", /but is a string: "toString"$/],
  ];
  for (const [message, prefix, end] of cases) {
    assert.ok(message.startsWith(prefix), message);
    assert.match(message.slice(prefix.length), STYLE);
    assert.match(message, end);
  }
});

test("issues about the whole value read like the core's issues", () => {
  const messages = [
    validateEvent(undefined).errors[0].message,
    validateEvent(() => 1).errors[0].message,
    validateEvent({ big: 1n }).errors[0].message,
    validateEvent("42").errors[0].message, // the core's own
    safeParseEvent(7).errors[0].message,
    eventSchema["~standard"].validate(undefined).issues[0].message,
    validateEvent('{"event_name":"message","business_id":"x"}').errors.find((e) => e.path === "/business_id").message,
  ];
  for (const m of messages) assert.match(m, STYLE);
  assert.equal(messages[0], "the payload must be an object, but is undefined");
  assert.equal(messages[3], "the payload must be an object, but is a number: 42");
  // `received` is in one style too, the core's (`42 (number)`, a JSON string as itself), whether
  // the issue was made in wasm or in JS.
  assert.equal(validateEvent(undefined).errors[0].received, "undefined");
  assert.equal(safeParseEvent(7).errors[0].received, "7 (number)");
  assert.equal(validateEvent('{"event_name":"message","business_id":true}').errors.find((e) => e.path === "/business_id").received, "true (boolean)");
  assert.equal(validateEvent({ event_name: "message", business_id: true, x: NaN }).errors[0].received, "NaN (number)");
  assert.equal(validateEvent({ event_name: "message", x: [() => 1] }).errors[0].received, "a function");
  assert.equal(validateEvent(10n).errors[0].received, "10n (bigint)");
  assert.equal(safeParseEvent(true).errors[0].received, "true (boolean)");
});
