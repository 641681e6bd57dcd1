// verifySignature / signPayload from the built package, checked against node:crypto.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { verifySignature, signPayload, SIGNATURE_REASONS } from "../../pkg/node.mjs";

const require = createRequire(import.meta.url);

const hmac = (alg, secret, body) => createHmac(alg, secret).update(body);
const hex = (alg, secret, body) => hmac(alg, secret, body).digest("hex");
const b64 = (alg, secret, body) => hmac(alg, secret, body).digest("base64");
const b64url = (alg, secret, body) => hmac(alg, secret, body).digest("base64url"); // unpadded

const ASCII = '{"event_name":"message","message":{"id":1,"body":{"type":"TEXT","text":"hi"}}}';
const NON_ASCII = '{"text":"नमस्ते 👋 — café, Ärger, 中文, \\u00e9 é"}';
const BODIES = [
  ["ascii", ASCII],
  ["non-ascii", NON_ASCII],
  ["empty", ""],
  ["large", JSON.stringify({ text: "x€".repeat(100000) })],
];
const SECRETS = ["s3cret", "ключ-🔑", "a".repeat(200)];

test("signPayload equals node:crypto HMAC for text, bytes and every algorithm", () => {
  for (const [name, body] of BODIES) {
    for (const secret of SECRETS) {
      for (const alg of ["sha1", "sha256"]) {
        const want = `${alg}=${hex(alg, secret, body)}`;
        assert.equal(signPayload(body, secret, alg), want, `${name} ${alg} string`);
        const bytes = new TextEncoder().encode(body);
        assert.equal(signPayload(bytes, secret, alg), want, `${name} ${alg} Uint8Array`);
        assert.equal(signPayload(bytes.buffer, secret, alg), want, `${name} ${alg} ArrayBuffer`);
        assert.equal(signPayload(Buffer.from(body), secret, alg), want, `${name} ${alg} Buffer`);
      }
    }
  }
  assert.equal(signPayload(ASCII, "k"), `sha1=${hex("sha1", "k", ASCII)}`, "sha1 is the default");
});

test("signs the exact bytes: a view into a larger buffer, and non-UTF-8 bytes", () => {
  const big = Buffer.from("XXXX" + ASCII + "YYYY");
  const view = new Uint8Array(big.buffer, big.byteOffset + 4, Buffer.byteLength(ASCII));
  assert.equal(signPayload(view, "k"), `sha1=${hex("sha1", "k", ASCII)}`);
  const dv = new DataView(big.buffer, big.byteOffset + 4, Buffer.byteLength(ASCII));
  assert.equal(verifySignature(dv, `sha1=${hex("sha1", "k", ASCII)}`, "k").valid, true);
  const latin1 = Buffer.from([0x7b, 0xe9, 0xff, 0x00, 0x7d]);
  const h = `sha1=${hex("sha1", "k", latin1)}`;
  assert.equal(signPayload(latin1, "k"), h);
  assert.equal(verifySignature(latin1, h, "k").valid, true);
});

test("verifies node:crypto signatures in every accepted encoding", () => {
  for (const [name, body] of BODIES) {
    for (const alg of ["sha1", "sha256"]) {
      const secret = "ключ-🔑";
      const forms = [
        `${alg}=${hex(alg, secret, body)}`,
        `${alg}=${hex(alg, secret, body).toUpperCase()}`,
        `${alg.toUpperCase()}=${hex(alg, secret, body)}`,
        `${alg}=${b64(alg, secret, body)}`,
        `${alg}=${b64(alg, secret, body).replace(/=+$/, "")}`,
        `${alg}=${b64url(alg, secret, body)}`,
        `  ${alg}=${hex(alg, secret, body)}\t`,
      ];
      for (const header of forms) {
        const v = verifySignature(body, header, secret);
        assert.deepEqual(v, { valid: true, reason: null, message: "", algorithm: alg, secretIndex: 0 }, `${name} ${header}`);
        assert.equal(verifySignature(Buffer.from(body), header, secret).valid, true);
      }
    }
  }
});

test("non-ASCII: a string body is signed as its UTF-8 bytes; other encodings do not match", () => {
  const good = `sha1=${hex("sha1", "k", Buffer.from(NON_ASCII, "utf8"))}`;
  assert.equal(verifySignature(NON_ASCII, good, "k").valid, true);
  const utf16 = `sha1=${hex("sha1", "k", Buffer.from(NON_ASCII, "utf16le"))}`;
  assert.equal(verifySignature(NON_ASCII, utf16, "k").reason, "digest_mismatch");
  // JSON.stringify(JSON.parse(x)) turns "\u00e9" into "é": different bytes, no match.
  const reserialised = JSON.stringify(JSON.parse(NON_ASCII));
  assert.notEqual(reserialised, NON_ASCII);
  assert.equal(verifySignature(reserialised, good, "k").reason, "digest_mismatch");
});

test("rotation: valid when any secret matches, and says which", () => {
  const header = `sha1=${hex("sha1", "new", ASCII)}`;
  assert.equal(verifySignature(ASCII, header, ["old", "new"]).secretIndex, 1);
  assert.equal(verifySignature(ASCII, header, ["new", "old"]).secretIndex, 0);
  assert.equal(verifySignature(ASCII, header, ["old", "older"]).reason, "digest_mismatch");
  assert.match(verifySignature(ASCII, header, ["old", "older"]).message, /any of the 2 configured secrets/);
});

test("every failure reason, with a message", () => {
  const header = `sha1=${hex("sha1", "k", ASCII)}`;
  const cases = [
    ["missing_header", () => verifySignature(ASCII, undefined, "k")],
    ["missing_header", () => verifySignature(ASCII, null, "k")],
    ["missing_header", () => verifySignature(ASCII, "  ", "k")],
    ["malformed_header", () => verifySignature(ASCII, "sha1", "k")],
    ["malformed_header", () => verifySignature(ASCII, "sha1=", "k")],
    ["malformed_header", () => verifySignature(ASCII, "sha1=not-a-digest!", "k")],
    ["malformed_header", () => verifySignature(ASCII, hex("sha1", "k", ASCII), "k")], // no prefix
    ["malformed_header", () => verifySignature(ASCII, `sha1=${hex("sha256", "k", ASCII)}`, "k")], // wrong length
    ["unsupported_algorithm", () => verifySignature(ASCII, `sha512=${createHmac("sha512", "k").update(ASCII).digest("hex")}`, "k")],
    ["unsupported_algorithm", () => verifySignature(ASCII, "md5=abc", "k")],
    ["no_secret", () => verifySignature(ASCII, header, "")],
    ["no_secret", () => verifySignature(ASCII, header, [])],
    ["no_secret", () => verifySignature(ASCII, header, ["", ""])],
    ["no_secret", () => verifySignature(ASCII, header, undefined)],
    ["digest_mismatch", () => verifySignature(ASCII, header, "wrong")],
    ["digest_mismatch", () => verifySignature(ASCII + " ", header, "k")],
    ["digest_mismatch", () => verifySignature(ASCII, `sha1=${"0".repeat(40)}`, "k")],
    ["secret_whitespace", () => verifySignature(ASCII, header, "k\n")],
    ["secret_whitespace", () => verifySignature(ASCII, header, [" wrong"])],
    ["body_not_raw", () => verifySignature(JSON.parse(ASCII), header, "k")],
    ["body_not_raw", () => verifySignature(42, header, "k")],
    ["body_not_raw", () => verifySignature(null, header, "k")],
  ];
  const seen = new Set();
  for (const [reason, run] of cases) {
    const v = run();
    assert.equal(v.valid, false, reason);
    assert.equal(v.reason, reason, `${reason}: ${v.message}`);
    assert.equal(v.secretIndex, null);
    assert.ok(typeof v.message === "string" && v.message.length > 20, `${reason} has a sentence`);
    seen.add(reason);
  }
  assert.deepEqual([...seen].sort(), [...SIGNATURE_REASONS].sort(), "every reason is covered");
});

test("secret whitespace: never trimmed, and the message says whether trimming would match", () => {
  const header = `sha1=${hex("sha1", "k", ASCII)}`;
  assert.match(verifySignature(ASCII, header, "k\n").message, /trimmed secret DOES match/);
  assert.match(verifySignature(ASCII, header, " other").message, /does not match either/);
  // A secret that really contains the whitespace verifies when used as is.
  assert.equal(verifySignature(ASCII, `sha1=${hex("sha1", " k ", ASCII)}`, " k ").valid, true);
});

test("messages name the problem precisely", () => {
  assert.match(verifySignature(ASCII, "sha512=abc", "k").message, /sha512.*only sha1 and sha256/);
  assert.match(verifySignature({}, "sha1=abc", "k").message, /re-serialised JSON never matches/);
  assert.match(verifySignature(ASCII, hex("sha1", "k", ASCII), "k").message, /prefix is missing/);
});

test("a header given as an array (repeated header in node:http) uses the first value", () => {
  const header = `sha1=${hex("sha1", "k", ASCII)}`;
  assert.equal(verifySignature(ASCII, [header, "sha1=00"], "k").valid, true);
});

test("signPayload rejects bad arguments", () => {
  assert.throws(() => signPayload({ a: 1 }, "k"), TypeError);
  assert.throws(() => signPayload("{}", 42), TypeError);
  assert.throws(() => signPayload("{}", "k", "md5"), /the algorithm must be "sha1" or "sha256", but is a string: "md5"/);
});

test("the CommonJS build gives the same results", () => {
  const cjs = require("../../pkg/node.cjs");
  const header = `sha1=${hex("sha1", "k", NON_ASCII)}`;
  assert.equal(cjs.signPayload(NON_ASCII, "k"), header);
  assert.equal(cjs.verifySignature(NON_ASCII, header, "k").valid, true);
  assert.equal(cjs.verifySignature(NON_ASCII, header, "x").reason, "digest_mismatch");
});

test("many calls in a row stay correct (buffers are reused)", () => {
  for (let i = 0; i < 2000; i++) {
    const body = `{"n":${i},"t":"${"é".repeat(i % 50)}"}`;
    const secret = `k${i % 7}`;
    const header = `sha1=${hex("sha1", secret, body)}`;
    assert.equal(verifySignature(body, header, ["nope", secret]).secretIndex, 1);
  }
});
