// verifyAndParse: the signature check and parseEvent in one call, as an endpoint needs them
// (Stripe's constructEvent, Octokit's verifyAndReceive).
import { parseEvent } from "../parse.js";
import { HaptikWebhookError } from "../errors.js";
import { verifySignature } from "./signature.js";

/**
 * Verifies `header` (the X-Hub-Signature value) over the exact `rawBody` with one secret or
 * several, then parses the body. Throws HaptikWebhookError: `kind: "signature"` (with `reason`)
 * when the signature does not verify, `kind: "payload"` (with `issues`) when the body is invalid.
 */
export function verifyAndParse(rawBody, header, secret, options) {
  const verdict = verifySignature(rawBody, header, secret);
  if (!verdict.valid) {
    throw new HaptikWebhookError([], [], { kind: "signature", reason: verdict.reason, message: verdict.message });
  }
  return parseEvent(rawBody, options);
}
