// haptik-webhook: X-Hub-Signature verification and signing, computed in wasm (src/signature.rs)
// so that it is synchronous on every runtime (WebCrypto's HMAC is async-only).

// A raw body is what __asInput accepts (a string or bytes); null means it was parsed already.
import { __withWasm, __copyIn, __readOutput } from "../loader.js";
import { __asInput } from "../parse.js";
import { __whatIs } from "../errors.js";
// Failure reasons, indexed by their ABI code - 1 (generated from src/signature.rs, Reason::ALL).
import { SIGNATURE_REASONS, SIGNATURE_ALGORITHMS } from "../constants.js";
import { hw_verify, hw_sign } from "../../haptik_webhook.js";

export { SIGNATURE_REASONS };

// Algorithm codes are 1-based indices of SIGNATURE_ALGORITHMS (generated from src/signature.rs).
const ALGORITHMS = [null, ...SIGNATURE_ALGORITHMS];
const ALGORITHM_CODE = Object.fromEntries(SIGNATURE_ALGORITHMS.map((name, i) => [name, i + 1]));
const ABSENT = 0xffffffff;
const encoder = new TextEncoder();

const BODY_NOT_RAW =
  "the body was given as a parsed object, not the raw request bytes: re-serialised JSON never " +
  "matches the signature (key order, spacing and escapes differ). Pass the raw body as a string, " +
  "Uint8Array or ArrayBuffer, read before any JSON body parser runs";


/** string | string[] | anything -> the list of string secrets (non-strings are dropped). */
function secretList(secret) {
  if (typeof secret === "string") return [secret];
  if (Array.isArray(secret)) return secret.filter((s) => typeof s === "string");
  return [];
}

/** Node gives repeated headers as arrays; a Headers object joins them with ", ". Take the first. */
function headerValue(header) {
  if (Array.isArray(header)) header = header[0];
  return typeof header === "string" ? header : null;
}

/** [u32 header_len | ABSENT][header][u32 count]([u32 len][secret])* (little-endian). */
function encodeAux(header, secrets) {
  const h = header === null ? null : encoder.encode(header);
  const list = secrets.map((s) => encoder.encode(s));
  let size = 8 + (h === null ? 0 : h.length);
  for (const s of list) size += 4 + s.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const u32 = (n) => {
    view.setUint32(at, n, true);
    at += 4;
  };
  const bytes = (b) => {
    out.set(b, at);
    at += b.length;
  };
  if (h === null) u32(ABSENT);
  else {
    u32(h.length);
    bytes(h);
  }
  u32(list.length);
  for (const s of list) {
    u32(s.length);
    bytes(s);
  }
  return out;
}

/**
 * Checks an `X-Hub-Signature` header value against the raw body with one secret or several
 * (rotation). Never throws for bad input: every problem is a `reason`.
 *
 * Strings are signed as their UTF-8 bytes; pass the bytes themselves when in doubt.
 * Secrets are used exactly as given (never trimmed); an empty secret counts as none.
 *
 * @returns {{ valid: boolean, reason: string | null, message: string, algorithm: "sha1" | "sha256" | null, secretIndex: number | null }}
 */
export function verifySignature(body, header, secret) {
  const raw = __asInput(body);
  if (raw === null) {
    return { valid: false, reason: "body_not_raw", message: BODY_NOT_RAW, algorithm: null, secretIndex: null };
  }
  const aux = encodeAux(headerValue(header), secretList(secret));
  return __withWasm((ex) => {
    const len = __copyIn(ex, "hw_input", raw);
    const auxLen = __copyIn(ex, "hw_aux", aux);
    const code = hw_verify(len, auxLen);
    const reasonCode = code & 0xff;
    if (reasonCode === 0xff) throw new Error(`haptik-webhook: ${__readOutput(ex)}`);
    const index = code >>> 16;
    return {
      valid: reasonCode === 0,
      reason: reasonCode === 0 ? null : (SIGNATURE_REASONS[reasonCode - 1] ?? "digest_mismatch"),
      message: reasonCode === 0 ? "" : __readOutput(ex),
      algorithm: ALGORITHMS[(code >>> 8) & 0xff] ?? null,
      secretIndex: index === 0 ? null : index - 1,
    };
  });
}

/**
 * Signs a raw body the way the platform does: returns the header value, `"sha1=<lowercase hex>"`
 * (or `"sha256=..."`). For your own tests.
 */
export function signPayload(body, secret, algorithm = "sha1") {
  const raw = __asInput(body);
  if (raw === null) throw new TypeError(`haptik-webhook: signPayload: the body must be a string, Uint8Array or ArrayBuffer, but is ${__whatIs(body)}`);
  if (typeof secret !== "string") throw new TypeError(`haptik-webhook: signPayload: the secret must be a string, but is ${__whatIs(secret)}`);
  const alg = Object.hasOwn(ALGORITHM_CODE, algorithm) ? ALGORITHM_CODE[algorithm] : undefined;
  if (alg === undefined) throw new TypeError(`haptik-webhook: signPayload: the algorithm must be "sha1" or "sha256", but is ${__whatIs(algorithm)}`);
  return __withWasm((ex) => {
    const len = __copyIn(ex, "hw_input", raw);
    const auxLen = __copyIn(ex, "hw_aux", encoder.encode(secret));
    const outLen = hw_sign(len, auxLen, alg);
    if (outLen === 0) throw new Error("haptik-webhook: internal error in signPayload");
    return __readOutput(ex);
  });
}
