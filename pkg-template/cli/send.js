// `haptik-webhook send URL`: one delivery the way the platform makes it, and with --retries its
// whole retry schedule, so a user learns before the platform does that an endpoint fails.
import { signPayload } from "../node.mjs";
import { readInput, ReadError } from "./input.js";
import { parse, numberFlag, UsageError, EXIT } from "./usage.js";
import { secretFrom, SECRET_HELP } from "./secret.js";
import { sampleText } from "./sample.js";
// The platform's delivery rules (generated from src/delivery.rs): a 2xx within 5 s, else 6
// retries after these gaps, then the webhook is disabled.
import { ANSWER_LIMIT_SECONDS as ANSWER_LIMIT_S, RETRY_GAPS_SECONDS as RETRY_GAPS_S, SIGNATURE_HEADER } from "../src/constants.js";
const ATTEMPTS = RETRY_GAPS_S.length + 1;

export const help = `Usage: haptik-webhook send URL (--event NAME [--type HSL_TYPE] | --file FILE) --secret S
                           [--retries] [--time-scale X] [--timeout SECONDS]

Delivers a webhook the way the platform does: POST, content-type: application/json,
X-Hub-Signature: sha1=<hex HMAC-SHA1 of the exact body>. A delivery fails on no connection,
no answer within the limit (5 s), or a status other than 2xx (redirects are not followed).

  --event NAME       send a sample payload of this event (see \`haptik-webhook sample --list\`)
  --type T           with --event message: the HSL type of the sample's body
  --file FILE        send this file's exact bytes ("-" for standard input)
  --secret S         ${SECRET_HELP}
  --retries          on failure, retry as the platform does: after ${RETRY_GAPS_S.join(", ")} s
                     (${ATTEMPTS} attempts in all), then report that the webhook would be disabled
  --time-scale X     multiply the gaps between attempts by X (0.001 runs the schedule in
                     about 4 s); the answer limit is not scaled
  --timeout S        the answer limit in seconds (default ${ANSWER_LIMIT_S})
  -h, --help         show this help

Exit status: 0 a delivery succeeded, 1 none did, 2 a usage or read error.`;

export async function send(argv, io) {
  const { values, positionals } = parse("send", argv, {
    event: { type: "string" },
    type: { type: "string" },
    file: { type: "string" },
    secret: { type: "string" },
    retries: { type: "boolean" },
    "time-scale": { type: "string", default: "1" },
    timeout: { type: "string", default: String(ANSWER_LIMIT_S) },
  });
  if (values.help) {
    io.stdout.write(help + "\n");
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("name one URL", "send");
  const url = endpoint(positionals[0]);
  if ((values.event === undefined) === (values.file === undefined)) throw new UsageError("give either --event NAME or --file FILE", "send");
  if (values.type !== undefined && values.event === undefined) throw new UsageError("--type goes with --event", "send");
  const secret = secretFrom("send", values, io.env);
  const scale = numberFlag("send", "time-scale", values["time-scale"]);
  const limitMs = numberFlag("send", "timeout", values.timeout, { min: 0, above: true }) * 1000;

  let body;
  if (values.file !== undefined) {
    try {
      body = await readInput(values.file, io.stdin);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      io.stderr.write(`haptik-webhook send: ${e.message}\n`);
      return EXIT.usage;
    }
  } else {
    body = new TextEncoder().encode(sampleText(values.event, values.type, "send"));
  }
  const headers = { "content-type": "application/json", [SIGNATURE_HEADER]: signPayload(body, secret) };
  const out = (line) => io.stdout.write(line + "\n");
  out(`POST ${url} (${body.length} bytes, ${SIGNATURE_HEADER}: ${headers[SIGNATURE_HEADER]})`);

  const attempts = values.retries ? ATTEMPTS : 1;
  for (let n = 1; n <= attempts; n++) {
    const result = await deliver(url, body, headers, limitMs);
    const label = `attempt ${n}/${ATTEMPTS}`;
    if (result.ok) {
      out(`${label}: ${result.status} ${result.statusText} in ${result.ms} ms: delivered`);
      return EXIT.ok;
    }
    out(`${label}: failed, ${result.reason} (${result.ms} ms)`);
    if (n < attempts) {
      const gap = RETRY_GAPS_S[n - 1];
      const waitMs = gap * 1000 * scale;
      out(`  next attempt in ${gap} s${scale === 1 ? "" : ` x ${scale} = ${formatMs(waitMs)}`}`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
  if (values.retries) {
    out(`All ${ATTEMPTS} attempts failed: the platform would now disable this webhook. New events would queue for at most 60 minutes and be sent once it is re-enabled.`);
  } else {
    out(`The platform would count this as a failed delivery and retry in ${RETRY_GAPS_S[0]} s (${ATTEMPTS - 1} retries over about 60 minutes, then the webhook is disabled). Add --retries to run that schedule.`);
  }
  return EXIT.failed;
}

function endpoint(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`not a URL: ${JSON.stringify(text)}`, "send");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`the URL must be http: or https: (got ${url.protocol})`, "send");
  return url.href;
}

/** One POST: { ok, status, statusText, ms } or { ok: false, reason, ms }. Never throws. */
async function deliver(url, body, headers, limitMs) {
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  try {
    const res = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(limitMs) });
    // The answer counts once it is whole, within the same limit.
    const text = await res.text();
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, statusText: res.statusText, ms: ms() };
    const snippet = text.trim().replace(/\s+/g, " ").slice(0, 120);
    return { ok: false, reason: `status ${res.status} ${res.statusText}${snippet ? `: ${snippet}` : ""}`, ms: ms() };
  } catch (e) {
    return { ok: false, reason: failure(e, limitMs), ms: ms() };
  }
}

function failure(e, limitMs) {
  if (e && (e.name === "TimeoutError" || e.name === "AbortError")) return `no answer within ${formatMs(limitMs)}`;
  const code = e && e.cause && e.cause.code;
  const known = { ECONNREFUSED: "connection refused", ENOTFOUND: "host not found", ECONNRESET: "connection reset", EAI_AGAIN: "host not found (DNS)", UND_ERR_SOCKET: "connection closed" };
  if (code && known[code]) return `no connection: ${known[code]} (${code})`;
  return `no connection: ${(e && e.cause && e.cause.message) || (e && e.message) || String(e)}`;
}

const formatMs = (ms) => (ms >= 1000 ? `${+(ms / 1000).toFixed(3)} s` : `${+ms.toFixed(3)} ms`);
