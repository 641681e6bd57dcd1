// The JS core of the built package (pkg/): the wasm loader over the generated glue, trap recovery, input handling
// (strings, bytes, size limits, encodings), patches and the error class.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";

const pkgUrl = new URL("../../pkg/", import.meta.url);

// Count instantiations: the loader must create one instance per process, and a new one only
// after a trap. (The glue looks up WebAssembly.Instance when it instantiates.)
let instances = 0;
const RealInstance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(RealInstance, {
  construct(target, args) {
    instances++;
    return Reflect.construct(target, args);
  },
});

const hw = await import(new URL("node.mjs", pkgUrl));
const testing = await import(new URL("testing.mjs", pkgUrl));
const message = readFileSync(new URL("../packaging/fixtures/message.json", import.meta.url), "utf8");
const messageObj = JSON.parse(message);

test("the .wasm imports exactly what the loader provides", () => {
  const module = new WebAssembly.Module(readFileSync(new URL("haptik_webhook_bg.wasm", pkgUrl)));
  assert.deepEqual(WebAssembly.Module.imports(module), [
    { module: "./haptik_webhook_bg.js", name: "__wbindgen_init_externref_table", kind: "function" },
  ]);
  const names = WebAssembly.Module.exports(module).map((e) => e.name);
  for (const n of ["memory", "hw_input", "hw_validate", "hw_output_ptr", "hw_output_len", "hw_trap_for_tests", "__wbindgen_start", "__wbindgen_externrefs"]) {
    assert.ok(names.includes(n), `export ${n}`);
  }
});

test("the wasm is instantiated lazily, once, and again only after a trap", () => {
  const before = instances;
  for (let i = 0; i < 5; i++) assert.equal(hw.validateEvent(message).valid, true);
  assert.ok(before <= 1, "nothing or one instance before the first call");
  assert.equal(instances, 1);
  assert.throws(() => testing.forceTrap(), (e) => e.code === "internal" && /WebAssembly/.test(e.message));
  assert.equal(instances, 1, "the broken instance is dropped, the new one made on the next call");
  assert.deepEqual(hw.validateEvent(message), { valid: true, eventName: "message", errors: [], warnings: [] });
  assert.equal(hw.parseEvent(message).message.id, 1982371);
  assert.equal(instances, 2);
  // Many traps in a row never make a later call fail.
  for (let i = 0; i < 3; i++) assert.throws(() => testing.forceTrap());
  assert.equal(hw.parseEvent(new TextEncoder().encode(message)).event_name, "message");
});

test("a module importing something else is refused with a clear error; the right one then works", () => {
  // In a fresh process: the glue keeps the first instance it made, so the wrong module must be
  // the first one the loader sees. A tiny module that imports env.foo: (module (import "env" "foo" (func)))
  const script = `
    import { readFileSync } from "node:fs";
    const { __setWasmModule } = await import(${JSON.stringify(new URL("src/loader.js", pkgUrl).href)});
    const { parseEvent } = await import(${JSON.stringify(new URL("src/parse.js", pkgUrl).href)});
    const bad = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 11, 1, 3, 101, 110, 118, 3, 102, 111, 111, 0, 0]);
    __setWasmModule(new WebAssembly.Module(bad));
    let refused = "";
    try { parseEvent("{}"); } catch (e) { refused = e.message; }
    __setWasmModule(new WebAssembly.Module(readFileSync(new URL("haptik_webhook_bg.wasm", ${JSON.stringify(pkgUrl.href)}))));
    console.log(JSON.stringify({ refused, after: parseEvent(${JSON.stringify(message)}).event_name }));
  `;
  const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
  assert.match(out.refused, /the WebAssembly module does not match this JavaScript/);
  assert.equal(out.after, "message");
});

test("string, Uint8Array, Buffer, ArrayBuffer and DataView inputs give the same event", () => {
  const bytes = new TextEncoder().encode(message);
  const expected = JSON.parse(message);
  assert.deepEqual(hw.parseEvent(message), expected);
  assert.deepEqual(hw.parseEvent(bytes), expected);
  assert.deepEqual(hw.parseEvent(Buffer.from(message)), expected);
  assert.deepEqual(hw.parseEvent(bytes.buffer.slice(0)), expected);
  assert.deepEqual(hw.parseEvent(new DataView(bytes.buffer)), expected);
  // A view into the middle of a larger buffer.
  const big = new Uint8Array(bytes.length + 20);
  big.set(bytes, 10);
  assert.deepEqual(hw.parseEvent(big.subarray(10, 10 + bytes.length)), expected);
});

test("maxBytes: too_large before anything is copied, counted in UTF-8 bytes", () => {
  const tooLarge = (r) => r.valid === false && r.errors.length === 1 && r.errors[0].code === "too_large" && r.errors[0].path === "";
  assert.ok(tooLarge(hw.validateEvent("x".repeat(101), { maxBytes: 100 })));
  assert.ok(tooLarge(hw.validateEvent(new Uint8Array(101), { maxBytes: 100 })));
  // 60 characters of 2 bytes each: short as a string, too large in bytes.
  const accented = JSON.stringify({ event_name: "x", t: "\u00e9".repeat(60) });
  assert.ok(accented.length <= 140);
  assert.ok(tooLarge(hw.validateEvent(accented, { maxBytes: 140 })));
  const exact = new TextEncoder().encode(accented).length;
  assert.equal(hw.validateEvent(accented, { maxBytes: exact }).valid, true);
  assert.ok(tooLarge(hw.validateEvent(accented, { maxBytes: exact - 1 })));
  // Default limit 1 MiB.
  const oneMiB = JSON.stringify({ event_name: "x", pad: "a".repeat(1048576) });
  assert.ok(tooLarge(hw.validateEvent(oneMiB)));
  assert.equal(hw.validateEvent(oneMiB, { maxBytes: 2 * 1048576 }).valid, true);
  assert.throws(() => hw.parseEvent("x".repeat(11), { maxBytes: 10 }), (e) => e instanceof hw.HaptikWebhookError && e.issues[0].code === "too_large");
});

test("a string with a lone surrogate is an invalid_encoding error, never silently replaced", () => {
  for (const s of ['{"event_name":"\ud800"}', '{"event_name":"x","t":"\udc00a"}', "\ud83d"]) {
    const r = hw.validateEvent(s);
    assert.equal(r.valid, false);
    assert.equal(r.errors[0].code, "invalid_encoding");
    assert.throws(() => hw.parseEvent(s), (e) => e.issues[0].code === "invalid_encoding");
  }
  // A well-formed surrogate pair (an emoji) is fine.
  assert.equal(hw.parseEvent('{"event_name":"x","t":"\ud83d\ude00"}').t, "\ud83d\ude00");
});

test("patches: applied in order, through array indices, with __proto__ keys kept as own data", () => {
  const m = structuredClone(messageObj);
  m.business_id = "343";
  m.message.body = { type: "TEXT", text: "x", data: { quick_replies: [{ actionable_text: "a", location_required: "false" }] } };
  const text = JSON.stringify(m).replace('"id":1982371', '"id":12345678901234567890');
  const ev = hw.parseEvent(text);
  assert.equal(ev.business_id, 343);
  assert.equal(ev.message.id, "12345678901234567890", "an id beyond 2^53 stays exact");
  assert.equal(ev.message.body.data.quick_replies[0].location_required, false);
  const r = hw.validateEvent(text);
  assert.equal(r.valid, true);
  assert.ok(r.warnings.some((w) => w.path === "/message/body/data/quick_replies/0/location_required"));

  // An HSL element serialised as a JSON string, carrying a "__proto__" key.
  const m2 = structuredClone(messageObj);
  m2.message.body = '{"type":"TEXT","__proto__":{"polluted":1},"text":"x","data":{"quick_replies":[]}}';
  const ev2 = hw.parseEvent(JSON.stringify(m2));
  assert.equal(ev2.message.body.type, "TEXT");
  assert.ok(Object.prototype.hasOwnProperty.call(ev2.message.body, "__proto__"));
  assert.deepEqual(Object.getOwnPropertyDescriptor(ev2.message.body, "__proto__").value, { polluted: 1 });
  assert.equal(Object.getPrototypeOf(ev2.message.body), Object.prototype);
  assert.equal({}.polluted, undefined);
  // A top-level "__proto__" key in the payload stays own data too.
  const ev3 = hw.parseEvent('{"event_name":"x","__proto__":{"polluted":2}}');
  assert.equal(Object.getPrototypeOf(ev3), Object.prototype);
  assert.equal({}.polluted, undefined);
});

test("lenient: the cleaned text is parsed (comments, trailing commas, BOM), strict refuses it", () => {
  const text = '\ufeff{\n  // a comment\n  "event_name": "x", # another\n  "url": "http://a//b", "h": "#no",\n}';
  assert.throws(() => hw.parseEvent(text), (e) => e.issues[0].code === "syntax");
  const ev = hw.parseEvent(text, { lenient: true });
  assert.deepEqual(ev, { event_name: "x", url: "http://a//b", h: "#no" });
  const bytes = hw.parseEvent(new TextEncoder().encode(text), { lenient: true });
  assert.deepEqual(bytes, ev);
  assert.ok(hw.validateEvent(text, { lenient: true }).warnings.length >= 3);
});

test("maxDepth: deep nesting is too_deep, never a stack overflow", () => {
  const deep = "[".repeat(100000) + "]".repeat(100000);
  const r = hw.validateEvent(deep);
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].code, "too_deep");
  const nested = (n) => '{"event_name":"x","a":' + "[".repeat(n) + "]".repeat(n) + "}";
  assert.equal(hw.validateEvent(nested(70)).errors[0]?.code, "too_deep");
  assert.equal(hw.validateEvent(nested(70), { maxDepth: 100 }).valid, true);
});

test("validateEvent(object) goes through JSON.stringify; what JSON cannot hold is reported", () => {
  assert.deepEqual(hw.validateEvent(messageObj), { valid: true, eventName: "message", errors: [], warnings: [] });
  const bad = hw.validateEvent({ event_name: "x", n: 1n });
  assert.equal(bad.valid, false);
  assert.equal(bad.errors[0].code, "invalid_value");
  const cyclic = { event_name: "x" };
  cyclic.self = cyclic;
  assert.equal(hw.validateEvent(cyclic).errors[0].code, "invalid_value");
  assert.equal(hw.validateEvent(undefined).errors[0].code, "invalid_type");
  assert.equal(hw.validateEvent(null).valid, false);
});

test("validateEvent(object): the same verdicts and paths as the text, but no line or column into text the caller never saw", () => {
  const text = '{\n  "event_name": "message",\n  "business_id": "Acme",\n  "version": "1.0"\n}';
  const fromText = hw.validateEvent(text);
  const fromObject = hw.validateEvent(JSON.parse(text));
  assert.ok(fromText.errors.some((e) => e.line === 3), "the text's issues have their line");
  assert.deepEqual(fromObject.errors.map((e) => [e.code, e.path, e.message]), fromText.errors.map((e) => [e.code, e.path, e.message]));
  for (const e of [...fromObject.errors, ...fromObject.warnings]) {
    assert.deepEqual([e.line, e.column, e.offset], [undefined, undefined, undefined], JSON.stringify(e));
  }
});

test("HaptikWebhookError: name, message naming the first issue, issues and warnings", () => {
  const m = structuredClone(messageObj);
  m.business_id = "not-a-number";
  delete m.message.id;
  try {
    hw.parseEvent(JSON.stringify(m));
    assert.fail("should throw");
  } catch (e) {
    assert.ok(e instanceof hw.HaptikWebhookError);
    assert.ok(e instanceof Error);
    assert.equal(e.name, "HaptikWebhookError");
    assert.equal(e.issues.length, 2);
    assert.ok(e.message.includes(e.issues[0].message));
    assert.ok(e.message.includes(e.issues[0].path));
    assert.match(e.message, /and 1 more issue/);
    assert.ok(Array.isArray(e.warnings));
    assert.match(String(e), /^HaptikWebhookError: /);
    assert.ok(e.stack.startsWith("HaptikWebhookError"));
    // Issues are plain JSON-serialisable data.
    assert.deepEqual(JSON.parse(JSON.stringify(e.issues)), e.issues);
  }
  const made = new hw.HaptikWebhookError([{ code: "x", path: "", message: "m" }]);
  assert.equal(made.message, "Invalid Haptik webhook: m");
  class Sub extends hw.HaptikWebhookError {}
  assert.ok(new Sub([]) instanceof hw.HaptikWebhookError);
  assert.ok(!(made instanceof Sub));
});

test("bad arguments are programmer errors (TypeError)", () => {
  assert.throws(() => hw.parseEvent(42), TypeError);
  assert.throws(() => hw.parseEvent(null), TypeError);
  assert.throws(() => hw.parseEvent("{}", { lenient: "yes" }), TypeError);
  assert.throws(() => hw.validateEvent("{}", { maxBytes: -1 }), TypeError);
  assert.throws(() => hw.validateEvent("{}", { maxDepth: 0 }), TypeError);
});

test("isKnownEvent / isKnownElement follow the constants", () => {
  assert.equal(hw.isKnownEvent({ event_name: "message" }), true);
  assert.equal(hw.isKnownEvent({ event_name: "typing_indicator" }), false);
  assert.equal(hw.isKnownEvent(null), false);
  for (const t of hw.HSL_TYPES) assert.equal(hw.isKnownElement({ type: t }), true);
  assert.equal(hw.isKnownElement({ type: "VIDEO" }), false);
  assert.ok(hw.DEPRECATED_EVENT_NAMES.includes("chat_complete"));
});

test("CommonJS build: same API, synchronous", () => {
  const require = createRequire(import.meta.url);
  const cjs = require("../../pkg/node.cjs");
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(hw).sort());
  assert.deepEqual(cjs.parseEvent(message), hw.parseEvent(message));
  assert.throws(() => require("../../pkg/testing.cjs").forceTrap());
  assert.ok(!("__forceTrapForTests" in cjs) && !("__forceTrapForTests" in hw), "the test hook is not in the public API");
  assert.equal(cjs.validateEvent(message).valid, true);
});
