// Every path agrees: the same input gives the same verdict as a string, a Uint8Array, an
// ArrayBuffer, a Node Buffer, in lenient mode (wherever strict mode reads it), and the
// signature check gives the same verdict for the body as a string and as bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { api, ROOT, utf8 } from "./lib.mjs";

const { parseEvent, validateEvent, verifySignature, signPayload } = api;
const strictText = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out.sort();
}

// The fixtures, plus every kept fuzz-corpus file (hostile by construction).
const INPUTS = [...filesUnder(join(ROOT, "tests/fixtures")), ...filesUnder(join(ROOT, "tests/fuzz-corpus"))].map((p) => ({
  name: p.slice(ROOT.length),
  bytes: new Uint8Array(readFileSync(p)),
}));

function outcome(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: e.name, issues: e.issues };
  }
}

test(`validateEvent and parseEvent agree across input types (${INPUTS.length} inputs)`, () => {
  assert.ok(INPUTS.length > 50, "the fuzz corpus is there");
  let asText = 0;
  for (const { name, bytes } of INPUTS) {
    for (const lenient of [false, true]) {
      const opts = { lenient, maxBytes: 1 << 24 };
      const ref = validateEvent(bytes, opts);
      assert.deepEqual(validateEvent(bytes.slice().buffer, opts), ref, `${name}: ArrayBuffer`);
      assert.deepEqual(validateEvent(Buffer.from(bytes), opts), ref, `${name}: Buffer`);
      const parsed = outcome(() => parseEvent(bytes, opts));
      assert.equal("value" in parsed, ref.valid, `${name}: parseEvent and validateEvent disagree`);
      let text = null;
      try {
        text = strictText.decode(bytes);
      } catch {
        // Not UTF-8: no string can carry these bytes. Strict mode never accepts them (lenient
        // mode does not check the inside of a comment, which it blanks out).
        if (!lenient) assert.equal(ref.valid, false, `${name}: invalid UTF-8 accepted`);
      }
      if (text !== null) {
        asText++;
        assert.deepEqual(validateEvent(text, opts), ref, `${name}: string vs bytes (lenient ${lenient})`);
        assert.deepEqual(outcome(() => parseEvent(text, opts)), parsed, `${name}: parseEvent string vs bytes`);
      }
    }
    // Lenient accepts everything strict reads, with the same result.
    const strict = validateEvent(bytes, { maxBytes: 1 << 24 });
    if (!strict.errors.some((e) => e.code === "syntax")) {
      assert.deepEqual(validateEvent(bytes, { lenient: true, maxBytes: 1 << 24 }), strict, `${name}: lenient vs strict`);
    }
  }
  assert.ok(asText > INPUTS.length / 2);
});

test("verifySignature: the same verdict for the body as a string, bytes, ArrayBuffer and Buffer", () => {
  for (const { name, bytes } of INPUTS.slice(0, 200)) {
    let text = null;
    try {
      text = strictText.decode(bytes);
    } catch {}
    for (const algorithm of ["sha1", "sha256"]) {
      const good = signPayload(bytes, "top secret", algorithm);
      if (text !== null) assert.equal(signPayload(text, "top secret", algorithm), good, `${name}: sign string vs bytes`);
      const wrong = good.slice(0, -1) + (good.endsWith("0") ? "1" : "0");
      for (const [header, secrets] of [[good, "top secret"], [good, ["x", "top secret"]], [wrong, "top secret"], [good, "top secret\n"], [undefined, "s"], ["md5=00", "s"], [good.toUpperCase(), "top secret"]]) {
        const ref = verifySignature(bytes, header, secrets);
        assert.deepEqual(verifySignature(bytes.slice().buffer, header, secrets), ref);
        assert.deepEqual(verifySignature(Buffer.from(bytes), header, secrets), ref);
        if (text !== null) assert.deepEqual(verifySignature(text, header, secrets), ref, `${name}: verify string vs bytes`);
      }
      assert.equal(verifySignature(bytes, good, "top secret").valid, true);
      assert.equal(verifySignature(bytes, wrong, "top secret").valid, false);
    }
  }
});

test("a string with lone surrogates: invalid_encoding for validation; signing is of its UTF-8 (U+FFFD)", () => {
  const lone = '{"event_name":"message","x":"\uD800"}';
  assert.deepEqual(validateEvent(lone).errors.map((e) => e.code), ["invalid_encoding"]);
  // The string cannot be the raw body as received: what TextEncoder makes of it is what is signed.
  const sig = signPayload(lone, "k");
  assert.equal(verifySignature(utf8(lone), sig, "k").valid, true);
  assert.equal(verifySignature(lone, sig, "k").valid, true);
});
