// Input edge cases, each with its defined outcome (the README, "Hostile input" has the table), the
// same whether the body arrives as a string, as bytes, or in lenient mode.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, message, MESSAGE, utf8, codes, warningCodes } from "./lib.mjs";

const { parseEvent, validateEvent, HaptikWebhookError } = api;
const M = JSON.stringify(message());
const set = (from, to) => {
  assert.ok(M.includes(from), from);
  return M.replace(from, to);
};

/** The verdict through every path: string, Uint8Array, ArrayBuffer, lenient string and bytes. */
function everyPath(text) {
  const bytes = utf8(text);
  const results = [
    validateEvent(text),
    validateEvent(bytes),
    validateEvent(bytes.slice().buffer),
    validateEvent(text, { lenient: true }),
    validateEvent(bytes, { lenient: true }),
  ];
  for (const r of results.slice(1)) assert.deepEqual(r, results[0], `paths disagree on ${text.slice(0, 80)}`);
  return results[0];
}

const issues = (list) => list.map((e) => [e.code, e.path]);

test("invalid UTF-8 bytes: syntax error at the bad byte", () => {
  const prefix = utf8('{"event_name":"message","x":"ab');
  for (const bad of [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80] /* UTF-8-encoded surrogate */, [0xc0, 0xaf] /* overlong */]) {
    const bytes = new Uint8Array([...prefix, ...bad, 0x22, 0x7d]);
    for (const lenient of [false, true]) {
      const r = validateEvent(bytes, { lenient });
      assert.deepEqual(issues(r.errors), [["syntax", ""]], String(bad));
      assert.equal(r.errors[0].offset, prefix.length);
    }
    assert.throws(() => parseEvent(bytes), HaptikWebhookError);
  }
  // Outside a string, any non-ASCII byte is a syntax error too.
  assert.deepEqual(codes(validateEvent(new Uint8Array([0x7b, 0x80, 0x7d]))), ["syntax"]);
});

test("UTF-8 byte-order mark: accepted, with a byte_order_mark warning", () => {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(MESSAGE)]);
  for (const input of [bom, "\uFEFF" + MESSAGE]) {
    for (const lenient of [false, true]) {
      const r = validateEvent(input, { lenient });
      assert.equal(r.valid, true);
      assert.deepEqual(issues(r.warnings), [["byte_order_mark", ""]]);
      assert.equal(parseEvent(input, { lenient }).message.id, 1982371);
    }
  }
  // Only one, only at the start.
  assert.deepEqual(codes(validateEvent("\uFEFF\uFEFF" + MESSAGE)), ["syntax"]);
  assert.deepEqual(codes(validateEvent(" \uFEFF" + MESSAGE)), ["syntax"]);
  assert.deepEqual(codes(validateEvent("\uFEFF")), ["syntax"]);
});

test("lone surrogates: invalid_encoding in a JS string; kept (as JSON.parse keeps them) in \\u escapes", () => {
  for (const lone of ["\uD800", "\uDFFF", "a\uDBFFb"]) {
    const r = validateEvent(set('"Asha"', `"${lone}"`));
    assert.deepEqual(issues(r.errors), [["invalid_encoding", ""]]);
    assert.throws(() => parseEvent(set('"Asha"', `"${lone}"`)), (e) => e.issues[0].code === "invalid_encoding");
  }
  // A well-formed pair is fine.
  assert.equal(parseEvent(set('"Asha"', '"\uD83D\uDE00"')).user.user_name, "😀");
  // Escaped lone surrogates are valid JSON: accepted on every path and kept as JSON.parse keeps them.
  for (const esc of ["\\ud800", "\\udfff", "x\\ud800\\ud800y", "\\ude00\\ud83d"]) {
    const text = set('"Asha"', `"${esc}"`);
    assert.deepEqual(everyPath(text), { valid: true, eventName: "message", errors: [], warnings: [] });
    assert.equal(parseEvent(text).user.user_name, JSON.parse(`"${esc}"`));
    assert.equal(parseEvent(utf8(text)).user.user_name, JSON.parse(`"${esc}"`));
  }
  // ... inside a message body that is an HSL element serialised as a string (the patched element
  // keeps it, as JSON.parse(JSON.parse(raw).message.body) does).
  const inner = String.raw`"{\"type\":\"TEXT\",\"text\":\"a\ud800b\",\"data\":{\"quick_replies\":[]}}"`;
  const serialised = M.replace(/"body":\{.*\}\}\}$/, `"body":${inner}}}`);
  assert.notEqual(serialised, M);
  assert.equal(everyPath(serialised).valid, true);
  const expectedText = JSON.parse(JSON.parse(serialised).message.body).text;
  assert.equal(expectedText, "a\uD800b");
  assert.equal(parseEvent(serialised).message.body.text, expectedText);
  assert.equal(parseEvent(utf8(serialised)).message.body.text, expectedText);
  // ... also as a key, including a duplicate spelled differently.
  const dup = set('"version":"1.0"', '"\\ud800":1,"\\uD800":2,"version":"1.0"');
  assert.deepEqual(issues(everyPath(dup).errors), [["duplicate_key", "/\uFFFD"]]);
  // Different lone surrogates are different keys (regression: both were compared as U+FFFD).
  for (const pair of ['"\\ud800":1,"\\udc00":2', '"\\ud800":1,"\\ufffd":2', '"\\ud800":1,"\uFFFD":2']) {
    const text = set('"version":"1.0"', `${pair},"version":"1.0"`);
    assert.deepEqual(everyPath(text).errors, [], pair);
    assert.equal(Object.keys(parseEvent(text)).length, Object.keys(message()).length + 2);
  }
});

test("NUL: raw NUL in a string is a syntax error; \\u0000 is fine", () => {
  const raw = set('"Asha"', '"As\u0000ha"');
  const r = everyPath(raw);
  assert.deepEqual(issues(r.errors), [["syntax", ""]]);
  assert.equal(r.errors[0].offset, utf8(raw).indexOf(0));
  assert.deepEqual(codes(everyPath(M.replace("{", "{\u0000"))), ["syntax"]);
  const escaped = set('"Asha"', '"As\\u0000ha"');
  assert.equal(everyPath(escaped).valid, true);
  assert.equal(parseEvent(escaped).user.user_name, "As\u0000ha");
});

test("duplicate keys: a duplicate_key error on every path (string, bytes, lenient, object)", () => {
  const cases = [
    [set('"version":"1.0"', '"version":"1.0","version":"2.0"'), "/version"],
    [set('"id":1982371', '"id":1,"id":1982371'), "/message/id"],
    [set('"user_name":"Asha"', '"user_name":"Asha","user_name":"A"'), "/user/user_name"],
    [set('"gogo_message":""', '"gogo_message":"","gogo_message":""'), "/message/body/data/quick_replies/0/payload/gogo_message"],
    [set('"version":"1.0"', '"v\\u0065rsion":"0","version":"1.0"'), "/version"], // same key, spelled with an escape
    [set('"version":"1.0"', '"x":{"a":[{"k":1,"k":2}]},"version":"1.0"'), "/x/a/0/k"],
  ];
  for (const [text, path] of cases) {
    const r = everyPath(text);
    assert.deepEqual(issues(r.errors), [["duplicate_key", path]], text);
    assert.throws(() => parseEvent(text), (e) => e.issues[0].code === "duplicate_key");
  }
  // Many distinct keys then a repeat (the hash-set path of the duplicate check).
  const many = Array.from({ length: 100 }, (_, i) => `"k${i}":${i}`).join(",");
  assert.deepEqual(issues(everyPath(set('"version":"1.0"', `${many},"k7":0,"version":"1.0"`)).errors), [["duplicate_key", "/k7"]]);
  // Same in lenient mode with comments between the copies.
  const r = validateEvent(set('"version":"1.0"', '"version":"1.0", // first\n "version":"1.0"'), { lenient: true });
  assert.deepEqual(codes(r), ["duplicate_key"]);
});

test("numbers: 1e400 out of range; -0 kept; 1.0 accepted as an integer; ids beyond 2^53 kept exact", () => {
  for (const n of ["1e400", "-1e400", "1E+309", "9".repeat(400)]) {
    const r = everyPath(set('"business_id":343', `"business_id":${n}`));
    assert.deepEqual(issues(r.errors), [["number_out_of_range", "/business_id"]]);
  }
  // Anywhere, not only in typed fields.
  assert.deepEqual(issues(everyPath(set('"version":"1.0"', '"x":[1e999],"version":"1.0"')).errors), [["number_out_of_range", "/x/0"]]);
  // Tiny numbers underflow to 0, as in JSON.parse: fine.
  assert.equal(parseEvent(set('"version":"1.0"', '"x":1e-400,"version":"1.0"')).x, 0);

  const neg0 = set('"business_id":343', '"business_id":-0');
  assert.deepEqual(everyPath(neg0).errors, []);
  assert.ok(Object.is(parseEvent(neg0).business_id, -0));

  for (const [spelling, value] of [["1982371.0", 1982371], ["1.982371e6", 1982371], ["19823710E-1", 1982371]]) {
    const text = set('"id":1982371', `"id":${spelling}`);
    assert.deepEqual(everyPath(text), { valid: true, eventName: "message", errors: [], warnings: [] });
    assert.equal(parseEvent(text).message.id, value);
  }
  assert.deepEqual(issues(everyPath(set('"id":1982371', '"id":1.5')).errors), [["invalid_type", "/message/id"]]);

  for (const id of ["9007199254740993", "-9007199254740993", "123456789012345678901234567890"]) {
    const text = set('"id":1982371', `"id":${id}`);
    const r = everyPath(text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(issues(r.warnings), [["unsafe_integer", "/message/id"]]);
    assert.equal(parseEvent(text).message.id, id);
    assert.equal(parseEvent(utf8(text), { lenient: true }).message.id, id);
  }
  // 2^53 - 1 is still a number.
  assert.equal(parseEvent(set('"id":1982371', '"id":9007199254740991')).message.id, 9007199254740991);
});

test("empty body, whitespace only, and non-object top levels", () => {
  for (const text of ["", " ", "\n\t\r ", "\uFEFF"]) {
    const r = everyPath(text);
    assert.deepEqual(issues(r.errors), [["syntax", ""]], JSON.stringify(text));
    assert.equal(r.eventName, null);
  }
  for (const text of ["[]", '[{"event_name":"message"}]', '"message"', '""', "null", "0", "-0", "true", "1e5"]) {
    const r = everyPath(text);
    assert.deepEqual(issues(r.errors), [["invalid_type", ""]], text);
    assert.equal(r.errors[0].expected, "an object");
    assert.throws(() => parseEvent(text), (e) => e instanceof HaptikWebhookError && e.issues[0].code === "invalid_type");
  }
  // Trailing garbage after a valid event.
  assert.deepEqual(codes(everyPath(MESSAGE + "x")), ["syntax"]);
  assert.deepEqual(codes(everyPath(MESSAGE + MESSAGE)), ["syntax"]);
  assert.equal(everyPath(MESSAGE + " \n\t\r").valid, true);
});

test("lenient-only syntax: comments and trailing commas; strict rejects them", () => {
  const text = M.replace("{", "{ // a comment\n").replace(/}$/, ",}");
  assert.deepEqual(codes(validateEvent(text)), ["syntax"]);
  const r = validateEvent(text, { lenient: true });
  assert.equal(r.valid, true);
  assert.deepEqual(warningCodes(r).sort(), ["comment", "trailing_comma"]);
  assert.deepEqual(parseEvent(utf8(text), { lenient: true }), message());
  // Unterminated comment: syntax in both modes.
  assert.deepEqual(codes(validateEvent(M + "/* x", { lenient: true })), ["syntax"]);
});
