// eventSchema and schemas.* as Standard Schema V1 objects (standardschema.dev), from the built
// package: the verdicts and values are parseEvent's and validateEvent's own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { eventSchema, schemas, parseEvent, validateEvent } from "../../pkg/node.mjs";

const sample = (name) => JSON.parse(readFileSync(new URL(`../../samples/${name}`, import.meta.url), "utf8"));
const validate = (value, options) => eventSchema["~standard"].validate(value, options);

test("the ~standard properties the spec asks for", () => {
  const props = eventSchema["~standard"];
  assert.equal(props.version, 1);
  assert.equal(props.vendor, "haptik-webhook");
  assert.equal(typeof props.validate, "function");
  assert.equal(typeof props.jsonSchema.input, "function");
  assert.equal(typeof props.jsonSchema.output, "function");
  assert.ok(Object.isFrozen(eventSchema) && Object.isFrozen(props), "nobody can swap the validator");
});

test("a valid event gives { value }, exactly parseEvent's event, synchronously", () => {
  for (const name of ["message-text.json", "chat-pinned.json", "conversation-complete.json", "hsl-carousel.json", "unknown-event-typing-indicator.json"]) {
    const payload = sample(name);
    const result = validate(payload);
    assert.ok(!(result instanceof Promise));
    assert.equal(result.issues, undefined, name);
    assert.deepEqual(result.value, parseEvent(JSON.stringify(payload)), name);
  }
});

test("loose inputs come out normalised; the caller's object is not changed", () => {
  const payload = JSON.parse(readFileSync(new URL("../packaging/fixtures/loose.json", import.meta.url), "utf8"));
  const before = structuredClone(payload);
  const result = validate(payload);
  assert.equal(result.value.business_id, 343);
  assert.notEqual(result.value, payload);
  assert.deepEqual(payload, before);
});

test("an invalid event gives validateEvent's errors as issues, with key and index paths", () => {
  const payload = sample("message-text.json");
  payload.business_id = true;
  payload.message.body.data.quick_replies[1].actionable_text = 42;
  delete payload.user.auth_id;
  const { issues, value } = validate(payload);
  assert.equal(value, undefined);
  const errors = validateEvent(payload).errors;
  assert.ok(errors.length >= 3);
  assert.deepEqual(issues.map((i) => i.message), errors.map((e) => e.message));
  assert.deepEqual(
    issues.map((i) => i.path),
    [["user", "auth_id"], ["business_id"], ["message", "body", "data", "quick_replies", 1, "actionable_text"]],
  );
  assert.match(issues[1].message, /business_id must be an integer, but is a boolean: true/);
});

test("values that are not a JSON object get an issue, never a throw", () => {
  const cycle = { event_name: "message" };
  cycle.self = cycle;
  for (const [value, pattern] of [
    [undefined, /the payload must be an object, but is undefined/],
    [() => 1, /the payload must be an object, but is a function/],
    [{ event_name: "message", big: 10n }, /^\/big must be a JSON value, but is a bigint: 10n$/],
    [cycle, /^\/self must be a JSON value, but is a circular reference/],
    ["{\"event_name\":\"message\"}", /must be an object/],
    [null, /must be an object/],
    [[1, 2], /must be an object/],
  ]) {
    const { issues } = validate(value);
    assert.ok(Array.isArray(issues) && issues.length >= 1, String(value));
    assert.match(issues[0].message, pattern);
    if (issues[0].path !== undefined) assert.ok(Array.isArray(issues[0].path));
  }
});

test("libraryOptions are parseEvent's options", () => {
  const payload = sample("message-text.json");
  assert.equal(validate(payload, { libraryOptions: { maxDepth: 64 } }).issues, undefined);
  const { issues } = validate(payload, { libraryOptions: { maxDepth: 3 } });
  assert.match(issues[0].message, /nests deeper than 3 levels/);
  assert.throws(() => validate(payload, { libraryOptions: { lenient: "yes" } }), /options.lenient must be a boolean/);
});

test("schemas.<event> accepts that event only, and says so with the event_name path", () => {
  const message = sample("message-text.json");
  assert.deepEqual(schemas.message["~standard"].validate(message).value, parseEvent(JSON.stringify(message)));
  const { issues } = schemas.message["~standard"].validate(sample("chat-pinned.json"));
  assert.deepEqual(issues, [{ message: '/event_name must be "message" for this schema, but is a string: "chat_pinned"', path: ["event_name"] }]);
  const unknown = schemas.chat_pinned["~standard"].validate(sample("unknown-event-typing-indicator.json"));
  assert.deepEqual(unknown.issues[0].path, ["event_name"]);
  const { event_name: _, ...nameless } = sample("chat-pinned.json");
  assert.equal(schemas.chat_pinned["~standard"].validate(nameless).issues[0].message, '/event_name is missing; this schema needs "chat_pinned"');
  const numbered = { ...sample("chat-pinned.json"), event_name: 7 };
  assert.match(schemas.chat_pinned["~standard"].validate(numbered).issues[0].message, /^\/event_name must be "chat_pinned" for this schema, but is a number: 7$/);
  assert.equal(schemas.message["~standard"].jsonSchema.input({ target: "draft-2020-12" }).$ref, "#/$defs/MessageEvent");
  assert.equal(schemas.message["~standard"].jsonSchema.output({ target: "draft-07" }).$ref, "#/definitions/MessageEvent");
});

test("validateEvent(object): what JSON.stringify would change silently is an issue at its path, and the object is left as it was", async () => {
  const { validateEvent } = await import("../../pkg/node.mjs");
  const make = () => sample("message-text.json");
  const cases = [
    [(o) => (o.message.id = NaN), "/message/id", /^\/message\/id must be a JSON value, but is NaN \(JSON has no NaN: JSON.stringify would write null\)$/],
    [(o) => (o.extra = -Infinity), "/extra", /but is -Infinity/],
    [(o) => (o.message.body.hook = () => 1), "/message/body/hook", /but is a function$/],
    [(o) => (o.list = [1, undefined]), "/list/1", /but is undefined \(JSON.stringify would write null\)$/],
    [(o) => (o["a/b~c"] = Symbol("s")), "/a~1b~0c", /but is a symbol$/],
    [(o) => (o.user.big = 12n), "/user/big", /but is a bigint: 12n$/],
    [(o) => (o.message.body.loop = o.message), "/message/body/loop", /circular reference/],
  ];
  for (const [edit, path, pattern] of cases) {
    const o = make();
    edit(o);
    const before = Object.keys(o).join();
    const r = validateEvent(o);
    assert.equal(r.valid, false, path);
    assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
    assert.equal(r.errors[0].code, "invalid_value");
    assert.equal(r.errors[0].path, path);
    assert.match(r.errors[0].message, pattern);
    assert.equal(Object.keys(o).join(), before, "the caller's object is untouched");
  }
  // As JSON.stringify does (and a parsed body never has them): an undefined property is absent;
  // a Date is its toJSON() string.
  const o = make();
  o.maybe = undefined;
  o.when = new Date(0);
  assert.equal(validateEvent(o).valid, true);
  // Deeper than maxDepth: the depth is the issue, as for the text.
  const deep = make();
  let at = deep.message;
  for (let i = 0; i < 70; i++) at = at.x = {};
  assert.equal(validateEvent(deep).errors[0].code, "too_deep");
});

test("parseEvent / safeParseEvent of a parsed object: the text's event and issues (paths, no line or column); the object untouched", async () => {
  const { parseEvent, safeParseEvent, HaptikWebhookError } = await import("../../pkg/node.mjs");
  const text = JSON.stringify(sample("message-text.json"));
  const object = JSON.parse(text);
  object.business_id = "343"; // a loose form: normalised, with a warning
  const before = JSON.stringify(object);
  const fromText = safeParseEvent(JSON.stringify(object));
  const fromObject = safeParseEvent(object);
  assert.equal(fromObject.success, true);
  assert.deepEqual(fromObject.data, fromText.data);
  assert.equal(fromObject.data.business_id, 343);
  assert.notEqual(fromObject.data, object, "a new event");
  assert.equal(JSON.stringify(object), before, "the caller's object is untouched");
  assert.deepEqual(fromObject.warnings.map((w) => [w.code, w.path]), fromText.warnings.map((w) => [w.code, w.path]));
  assert.ok(fromObject.warnings.every((w) => w.line === undefined && w.column === undefined));
  assert.deepEqual(parseEvent(object), fromText.data);

  const bad = JSON.parse(text);
  bad.business_id = true;
  delete bad.user;
  const badText = safeParseEvent(JSON.stringify(bad));
  const badObject = safeParseEvent(bad);
  assert.equal(badObject.success, false);
  assert.deepEqual(badObject.errors.map((e) => [e.code, e.path, e.message]), badText.errors.map((e) => [e.code, e.path, e.message]));
  assert.ok(badObject.errors.every((e) => e.line === undefined && e.offset === undefined));
  assert.throws(() => parseEvent(bad), (e) => e instanceof HaptikWebhookError && e.issues.length === badText.errors.length);
  // Odd values: an issue, never a throw other than HaptikWebhookError.
  const odd = JSON.parse(text);
  odd.message.id = NaN;
  assert.deepEqual(safeParseEvent(odd).errors.map((e) => [e.code, e.path]), [["invalid_value", "/message/id"]]);
  assert.equal(safeParseEvent(Promise.resolve(text)).success, false);
  assert.match(safeParseEvent(Promise.resolve(text)).errors[0].message, /a Promise \(await it first\)/);
});
