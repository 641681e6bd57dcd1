// parseEvent / validateEvent from the built package (pkg/), in Node: the behaviours of the Rust
// core seen from JavaScript, types of the produced values included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  parseEvent,
  safeParseEvent,
  validateEvent,
  isKnownEvent,
  isKnownElement,
  HaptikWebhookError,
  EVENT_NAMES,
  DEPRECATED_EVENT_NAMES,
  HSL_TYPES,
  ISSUE_CODES,
} from "../../pkg/node.mjs";

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const codes = (issues) => issues.map((i) => [i.code, i.path]);

function messageWith(body) {
  return `{"version":"1.0","timestamp":"2021-01-01T00:00:00.000Z","business_id":343,"event_name":"message","user":{"auth_id":"u1"},"agent":{"id":1,"name":"gogo","is_automated":true,"email":null},"message":{"id":7,"body":${body}}}`;
}

test("every documented event parses to the object JSON.parse gives", () => {
  for (const [file, name] of [
    ["message_text.json", "message"],
    ["chat_pinned.json", "chat_pinned"],
    ["chat_complete.json", "chat_complete"],
    ["conversation_complete.json", "webhook_conversation_complete"],
  ]) {
    const text = fixture(file);
    const ev = parseEvent(text);
    assert.deepEqual(ev, JSON.parse(text), file);
    assert.equal(ev.event_name, name);
    assert.ok(isKnownEvent(ev));
    const r = validateEvent(text);
    assert.equal(r.valid, true);
    assert.equal(r.eventName, name);
    assert.deepEqual(r.errors, []);
  }
});

test("the typed values have the documented JS types", () => {
  const ev = parseEvent(fixture("message_text.json"));
  assert.equal(typeof ev.business_id, "number");
  assert.equal(typeof ev.message.id, "number");
  assert.equal(typeof ev.agent.is_automated, "boolean");
  assert.equal(ev.agent.email, null);
  assert.ok(isKnownElement(ev.message.body));
  assert.ok(Array.isArray(ev.message.body.data.quick_replies));
});

test("chat_complete is accepted and flagged deprecated", () => {
  assert.deepEqual(DEPRECATED_EVENT_NAMES, ["chat_complete"]);
  const r = validateEvent(fixture("chat_complete.json"));
  assert.equal(r.valid, true);
  assert.deepEqual(codes(r.warnings), [["deprecated", "/event_name"]]);
});

test("unknown events and elements keep every field and are never errors", () => {
  const text = fixture("typing_indicator.json");
  const ev = parseEvent(text);
  assert.deepEqual(ev, JSON.parse(text));
  assert.equal(isKnownEvent(ev), false);
  assert.equal(validateEvent(text).eventName, "typing_indicator");
  const el = parseEvent(messageWith('{"text":"x","type":"HOLOGRAM","data":{"beam":[1,2]},"extra":true}'));
  assert.equal(isKnownElement(el.message.body), false);
  assert.deepEqual(el.message.body, { text: "x", type: "HOLOGRAM", data: { beam: [1, 2] }, extra: true });
});

test("the legacy 2019 conversation-complete shape parses as it is, with warnings", () => {
  const text = fixture("conversation_complete_2019.json");
  const ev = parseEvent(text);
  assert.equal(ev.data.closing_categories, "Resolved by bot");
  assert.deepEqual(ev.data.conversation_data, { order: "A-17" });
  assert.equal(ev.agent, undefined);
  assert.deepEqual(
    codes(validateEvent(text).warnings).map(([c]) => c),
    ["legacy_shape", "legacy_shape", "legacy_shape"],
  );
});

test("loose forms come out as the documented type", () => {
  const text = fixture("chat_pinned.json")
    .replace('"business_id":343', '"business_id":"343"')
    .replace('"device_platform":14', '"device_platform":"14"')
    .replace('"is_automated":false', '"is_automated":"True"');
  const ev = parseEvent(text);
  assert.equal(ev.business_id, 343);
  assert.equal(ev.user.device_platform, 14);
  assert.equal(ev.agent.is_automated, true);
  const r = validateEvent(text);
  assert.deepEqual(codes(r.warnings), [
    ["loose_type", "/user/device_platform"],
    ["loose_type", "/business_id"],
    ["loose_type", "/agent/is_automated"],
  ]);

  const button = parseEvent(
    messageWith('{"type":"BUTTON","data":{"items":[{"actionable_text":"a","is_default":true,"location_required":"false"}]}}'),
  );
  assert.equal(button.message.body.data.items[0].is_default, 1);
  assert.equal(button.message.body.data.items[0].location_required, false);

  const carousel = parseEvent(messageWith('{"type":"CAROUSEL","data":{"image_aspect_ratio":"1000.1","items":[]}}'));
  assert.equal(carousel.message.body.data.image_aspect_ratio, 1000.1);

  const conv = parseEvent(fixture("conversation_complete.json").replace('"conversation_no":"17"', '"conversation_no":17'));
  assert.equal(conv.data.conversation_no, "17");
});

test("a plain-string body and a serialised HSL element become elements", () => {
  const plain = parseEvent(messageWith('"Hello \\"you\\""'));
  assert.deepEqual(plain.message.body, { type: "TEXT", text: 'Hello "you"', data: { quick_replies: [] } });
  const inner = { text: "Hi", type: "BUTTON", data: { items: [{ actionable_text: "Go", location_required: "true" }] } };
  const serialised = parseEvent(messageWith(JSON.stringify(JSON.stringify(inner))));
  assert.deepEqual(serialised.message.body, {
    text: "Hi",
    type: "BUTTON",
    data: { items: [{ actionable_text: "Go", location_required: true }] },
  });
});

test("patches reach values under keys with lone surrogates, and elements with them", () => {
  // The key arrives as its UTF-16 code units: the patch finds the key JSON.parse made.
  const keyed = parseEvent('{"event_name":"x","\\ud800k":[9007199254740993],"\\udc00k":{"n":-9007199254740993}}');
  assert.deepEqual(keyed["\ud800k"], ["9007199254740993"]);
  assert.equal(keyed["\udc00k"].n, "-9007199254740993");
  // A serialised element is parsed where it stands: its lone surrogate is kept, not replaced.
  const element = '{"type":"TEXT","text":"a\\ud800b","data":{"quick_replies":[{"is_default":true}]}}';
  const ev = parseEvent(messageWith(JSON.stringify(element)));
  assert.equal(ev.message.body.text, "a\ud800b");
  assert.equal(ev.message.body.data.quick_replies[0].is_default, 1);
});

test("ids beyond 2^53 are kept exact as strings, never rounded", () => {
  const text = fixture("message_text.json").replace('"id": 1982371', '"id": 12345678901234567890');
  const ev = parseEvent(text);
  assert.equal(ev.message.id, "12345678901234567890");
  // What JSON.parse alone gives: a rounded number.
  assert.notEqual(String(JSON.parse(text).message.id), "12345678901234567890");
  assert.deepEqual(codes(validateEvent(text).warnings), [["unsafe_integer", "/message/id"]]);
  const safe = parseEvent(fixture("message_text.json").replace('"id": 1982371', '"id": 9007199254740991'));
  assert.equal(safe.message.id, 9007199254740991);
});

test("one issue per problem: a wrong business_id and a missing message.id give exactly two", () => {
  const text = messageWith('{"type":"TEXT","data":{"quick_replies":[]}}')
    .replace('"business_id":343', '"business_id":"abc"')
    .replace('"id":7,', "");
  const r = validateEvent(text);
  assert.equal(r.valid, false);
  assert.deepEqual(codes(r.errors), [
    ["invalid_type", "/business_id"],
    ["missing_field", "/message/id"],
  ]);
  const [bad] = r.errors;
  assert.equal(bad.received, '"abc"');
  assert.equal(bad.expected, "an integer");
  assert.equal(typeof bad.line, "number");
  assert.equal(typeof bad.column, "number");
  assert.deepEqual(JSON.parse(JSON.stringify(r.errors)), r.errors, "issues are plain JSON");
  assert.throws(
    () => parseEvent(text),
    (e) => {
      assert.ok(e instanceof HaptikWebhookError);
      assert.ok(e instanceof Error);
      assert.equal(e.name, "HaptikWebhookError");
      assert.deepEqual(e.issues, r.errors);
      assert.match(e.message, /\/business_id/);
      return true;
    },
  );
});

test("strict by default; lenient accepts the documentation examples and says what it accepted", () => {
  const doc = fixture("docs_example_lenient.jsonc");
  const strict = validateEvent(doc);
  assert.deepEqual(codes(strict.errors), [["syntax", ""]]);
  assert.equal(strict.errors[0].line, 8);
  assert.equal(strict.errors[0].column, 47);
  assert.equal(typeof strict.errors[0].offset, "number");
  assert.throws(() => parseEvent(doc), HaptikWebhookError);
  const ev = parseEvent(doc, { lenient: true });
  assert.equal(ev.event_name, "webhook_conversation_complete");
  assert.equal(ev.follow_up_details.send_to, 1);
  const lenient = validateEvent(doc, { lenient: true });
  assert.equal(lenient.valid, true);
  const kinds = lenient.warnings.map((w) => w.code);
  assert.equal(kinds.filter((k) => k === "comment").length, 3);
  assert.equal(kinds.filter((k) => k === "trailing_comma").length, 2);
  // Bytes in, same answer.
  const bytes = new TextEncoder().encode(doc);
  assert.deepEqual(parseEvent(bytes, { lenient: true }), ev);
});

test("string, Uint8Array, ArrayBuffer and parsed-object inputs agree", () => {
  const text = fixture("conversation_complete.json");
  const bytes = new TextEncoder().encode(text);
  const expected = parseEvent(text);
  assert.deepEqual(parseEvent(bytes), expected);
  assert.deepEqual(parseEvent(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), expected);
  assert.deepEqual(validateEvent(JSON.parse(text)), validateEvent(text));
  const bad = '{"event_name":"message"}';
  assert.deepEqual(validateEvent(new TextEncoder().encode(bad)), validateEvent(bad));
});

test("limits: maxBytes and maxDepth give too_large and too_deep", () => {
  const text = fixture("message_text.json");
  assert.deepEqual(codes(validateEvent(text, { maxBytes: 100 }).errors), [["too_large", ""]]);
  assert.deepEqual(codes(validateEvent(new TextEncoder().encode(text), { maxBytes: 100 }).errors), [["too_large", ""]]);
  const deep = `{"event_name":"x","a":${"[".repeat(40)}${"]".repeat(40)}}`;
  assert.equal(validateEvent(deep).valid, true);
  assert.equal(validateEvent(deep, { maxDepth: 10 }).errors[0].code, "too_deep");
  assert.throws(() => parseEvent("{}", { maxBytes: -1 }), TypeError);
});

test("text that is not Unicode: a lone surrogate is invalid_encoding", () => {
  const r = validateEvent('{"event_name":"message","x":"\ud800"}');
  assert.deepEqual(codes(r.errors), [["invalid_encoding", ""]]);
});

test("lone surrogates: the verdict is isWellFormed's, whether U+FFFD is in the text or not (the wasm scan and its fallback)", () => {
  const base = JSON.parse(fixture("message_text.json"));
  const pieces = ["a", "é", "₹", "😀", "\uFFFD", "\ud800", "\udc00", "\ud83d", "\ude00", "\ud83d\ude00", "\uFFFD\ud800", "\uef00", "\uefbf"];
  let lone = 0;
  for (const a of pieces) {
    for (const b of pieces) {
      for (let pad = 0; pad < 9; pad++) {
        // pad shifts the piece across the scan's 8-byte words; "₹" makes the text non-ASCII.
        // (Not through JSON.stringify, which would escape a lone surrogate.)
        const text = JSON.stringify({ ...base, business_name: "@" }).replace('"@"', `"₹${"x".repeat(pad)}${a}${b}"`);
        const r = validateEvent(text);
        const refused = r.errors.some((i) => i.code === "invalid_encoding");
        assert.equal(refused, !text.isWellFormed(), JSON.stringify([a, b, pad]));
        if (!refused) assert.equal(r.valid, true, JSON.stringify([a, b, pad, r.errors]));
        if (refused) lone++;
        assert.equal(safeParseEvent(text).success, text.isWellFormed());
      }
    }
  }
  assert.ok(lone > 500, `${lone} texts with a lone surrogate`);
});

test("syntax errors name their line and column", () => {
  const r = validateEvent('{\n  "event_name": "message",\n  "x": tru\n}');
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].code, "syntax");
  assert.equal(r.errors[0].line, 3);
  assert.equal(r.errors[0].column, 8);
  for (const empty of ["", "   "]) assert.equal(validateEvent(empty).errors[0].code, "syntax");
  for (const top of ["[]", "null", '"message"']) assert.deepEqual(codes(validateEvent(top).errors), [["invalid_type", ""]]);
});

test("each issue's line, column and offset arrive exactly, at any size (the compact report's numbers)", () => {
  // JS's own count of the position of byte `offset` of `text` (columns in UTF-16 units).
  const position = (text, offset) => {
    const before = new TextDecoder().decode(new TextEncoder().encode(text).subarray(0, offset));
    const lines = before.split("\n");
    return { line: lines.length, column: lines[lines.length - 1].length + 1 };
  };
  let checked = 0;
  for (const padding of [0, 1, 9, 10, 99, 100, 12345, 1_000_000]) {
    for (const newlines of [0, 1, 10, 1234]) {
      // A wrong business_id after `padding` bytes of whitespace (some of them line feeds) and
      // non-ASCII text: the offset, line and column take 1 to 7 digits.
      const pad = "\n".repeat(newlines) + " ".repeat(padding);
      const text = `{"note":"é😀",${pad}"business_id":{"a":1},"event_name":"message"}`;
      const r = validateEvent(text, { maxBytes: 4_000_000 });
      const bad = r.errors.find((e) => e.path === "/business_id");
      assert.ok(bad, JSON.stringify(r.errors[0]));
      const offset = new TextEncoder().encode(text.slice(0, text.indexOf('{"a"'))).length;
      assert.deepEqual({ line: bad.line, column: bad.column, offset: bad.offset }, { ...position(text, offset), offset });
      for (const e of r.errors) for (const k of ["line", "column", "offset"]) assert.ok(Number.isSafeInteger(e[k]) && e[k] >= 0, `${k}: ${e[k]}`);
      checked++;
    }
  }
  assert.equal(checked, 32);
});

test("the exported constants come from the model", () => {
  assert.deepEqual(EVENT_NAMES, ["message", "chat_pinned", "chat_complete", "webhook_conversation_complete"]);
  assert.deepEqual(HSL_TYPES, ["TEXT", "BUTTON", "CAROUSEL", "SYSTEM", "FORM", "SILENT", "NATIVE_ACTION", "RECEIPT", "TAB_LIST"]);
  assert.ok(Object.isFrozen(EVENT_NAMES));
  for (const code of ["syntax", "missing_field", "invalid_type", "invalid_value", "unsafe_integer", "too_large", "too_deep"]) {
    assert.ok(ISSUE_CODES.includes(code), code);
  }
});
