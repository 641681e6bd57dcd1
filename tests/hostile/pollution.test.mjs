// No prototype pollution: __proto__, constructor and prototype keys come out as plain own
// properties, on every path, including where a patch (a normalisation) goes through them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, message, COMPLETE, utf8, prototypeSnapshot } from "./lib.mjs";

const { parseEvent, validateEvent } = api;
const BIG = "123456789012345678901234567890"; // beyond 2^53: patched to an exact string
const KEYS = ["__proto__", "constructor", "prototype"];

/** The event text with `extra` (raw JSON members) inserted first into the object at `at`. */
function withMembers(text, at, extra) {
  const i = text.indexOf(at);
  assert.ok(i >= 0, at);
  const brace = text.indexOf("{", i + at.length - 1);
  return text.slice(0, brace + 1) + extra + "," + text.slice(brace + 1);
}

function parseEveryWay(text) {
  const out = [parseEvent(text), parseEvent(utf8(text)), parseEvent(text, { lenient: true }), parseEvent(utf8(text), { lenient: true })];
  for (const o of out.slice(1)) assert.deepEqual(o, out[0]);
  return out;
}

function assertPlain(value, where) {
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where}: prototype changed`);
}

const snapshot = prototypeSnapshot();
const clean = () => {
  assert.deepEqual(prototypeSnapshot(), snapshot, "Object.prototype changed");
  assert.equal({}.polluted, undefined);
  assert.equal({}.x, undefined);
  assert.equal(Object.prototype.isAdmin, undefined);
};

const MSG = JSON.stringify(message());
// Where a hostile member goes: the top, inside user_details, inside an actionable payload.
const PLACES = [
  ["top", MSG, "{", (ev) => ev],
  ["user_details", COMPLETE, '"user_details":{', (ev) => ev.data.user_details],
  ["quick reply payload", MSG, '"payload":{', (ev) => ev.message.body.data.quick_replies[0].payload],
];

for (const [where, text, at, pick] of PLACES) {
  test(`__proto__ / constructor / prototype ${where === "top" ? "at the top" : `in ${where}`}: own properties`, () => {
    const members = [
      '"__proto__":{"polluted":true,"isAdmin":true}',
      '"constructor":{"prototype":{"polluted":true}}',
      '"prototype":{"polluted":true}',
    ].join(",");
    const payload = withMembers(text, at, members);
    assert.equal(validateEvent(payload).valid, true);
    for (const ev of parseEveryWay(payload)) {
      const obj = pick(ev);
      assertPlain(ev, "event");
      assertPlain(obj, where);
      for (const k of KEYS) assert.ok(Object.prototype.hasOwnProperty.call(obj, k), `${k} is an own property`);
      assert.deepEqual(Object.getOwnPropertyDescriptor(obj, "__proto__").value, { polluted: true, isAdmin: true });
      assert.equal(obj.polluted, undefined);
      assert.equal(obj.constructor.prototype.polluted, true); // its own "constructor" member
    }
    clean();
  });

  test(`a patch through __proto__ ${where === "top" ? "at the top" : `in ${where}`} stays an own property`, () => {
    // Beyond-2^53 integers under each key are rewritten by patches (Object.defineProperty).
    const members = KEYS.map((k) => `"${k}":${BIG}`).concat(`"x":{"__proto__":{"deep":${BIG}}}`).join(",");
    const payload = withMembers(text, at, members);
    const r = validateEvent(payload);
    assert.equal(r.valid, true);
    assert.ok(r.warnings.filter((w) => w.code === "unsafe_integer").length >= 4);
    for (const ev of parseEveryWay(payload)) {
      const obj = pick(ev);
      assertPlain(ev, "event");
      assertPlain(obj, where);
      for (const k of KEYS) {
        assert.deepEqual(Object.getOwnPropertyDescriptor(obj, k), { value: BIG, writable: true, enumerable: true, configurable: true });
      }
      assert.equal(Object.getOwnPropertyDescriptor(obj.x, "__proto__").value.deep, BIG);
      assertPlain(obj.x, "x");
    }
    clean();
  });
}

test("patched fields reached through __proto__ keys: loose values normalised in place", () => {
  // business_id "343" -> 343 (a patch) in an event whose every object also holds __proto__.
  const ev = message();
  ev.business_id = "343";
  const addProto = (v) => {
    if (v === null || typeof v !== "object") return;
    if (!Array.isArray(v)) Object.defineProperty(v, "__proto__", { value: { x: 1 }, enumerable: true, configurable: true, writable: true });
    for (const k of Object.keys(v)) if (k !== "__proto__") addProto(v[k]);
  };
  addProto(ev);
  const text = JSON.stringify(ev);
  assert.ok(text.split('"__proto__":{"x":1}').length - 1 >= 9);
  const r = validateEvent(text);
  assert.equal(r.valid, true);
  const parsed = parseEvent(text);
  assert.equal(parsed.business_id, 343);
  assertPlain(parsed, "event");
  assert.equal(parsed.message.body.data.quick_replies[1].payload.__proto__.x, 1);
  assert.equal(Object.getPrototypeOf(parsed.message.body.data.quick_replies[1].payload), Object.prototype);
  clean();
});

test("a plain-string body under an object holding __proto__ becomes a TEXT element, still own", () => {
  const ev = message();
  ev.message.body = "hello";
  const text = JSON.stringify(ev).replace('"message":{', '"message":{"__proto__":{"body":"evil"},');
  const parsed = parseEvent(text);
  assert.deepEqual(parsed.message.body, { type: "TEXT", text: "hello", data: { quick_replies: [] } });
  assert.deepEqual(Object.getOwnPropertyDescriptor(parsed.message, "__proto__").value, { body: "evil" });
  assertPlain(parsed.message, "message");
  clean();
});

test("validateEvent on an object carrying an own __proto__ key sees it as a key", () => {
  const ev = JSON.parse(withMembers(MSG, "{", '"__proto__":{"polluted":true}'));
  assert.ok(Object.prototype.hasOwnProperty.call(ev, "__proto__"));
  assert.equal(validateEvent(ev).valid, true);
  const dup = withMembers(MSG, "{", '"__proto__":1,"__proto__":2');
  assert.deepEqual(validateEvent(dup).errors.map((e) => [e.code, e.path]), [["duplicate_key", "/__proto__"]]);
  clean();
});
