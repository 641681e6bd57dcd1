// Type test for the receiving API (compiled with tsc --strict --noEmit; never run).
// Every `@ts-expect-error` line must be an error: tsc fails if one is not.
import {
  createFetchHandler,
  createNodeMiddleware,
  memoryDedupe,
  signPayload,
  verifySignature,
  type HaptikEvent,
  type MessageEvent,
  type ReceiveError,
  type SignatureReason,
} from "../../pkg/index.js";

// verifySignature: a discriminated verdict.
const v = verifySignature('{"a":1}', "sha1=00", ["old", "new"]);
if (v.valid) {
  const i: number = v.secretIndex;
  void i;
} else {
  const r: SignatureReason = v.reason;
  void r;
}
verifySignature(new Uint8Array(0), null, "s");
verifySignature(new ArrayBuffer(0), undefined, "s");
// @ts-expect-error a parsed object is not a raw body
verifySignature({ a: 1 }, "sha1=00", "s");
// @ts-expect-error the secret is a string or a list of strings
verifySignature("{}", "sha1=00", 42);
const header: string = signPayload("{}", "s", "sha256");
void header;
// @ts-expect-error only sha1 and sha256
signPayload("{}", "s", "md5");

interface Env {
  HAPTIK_WEBHOOK_SECRET: string;
}

// Handlers get the narrowed event type without casts.
const handler = createFetchHandler<Env>({
  secret: (env) => env.HAPTIK_WEBHOOK_SECRET,
  on: {
    message: (ev) => {
      const body = ev.message.body;
      const id: number | string = ev.message.id;
      void body;
      void id;
    },
    chat_pinned: async (ev, ctx) => {
      const name: "chat_pinned" = ev.event_name;
      const env: Env | undefined = ctx.env;
      void name;
      void env;
    },
    webhook_conversation_complete: (ev) => ev.follow_up_details,
    // @ts-expect-error chat_complete carries no follow_up_details (its fields are unknown)
    chat_complete: (ev) => ev.follow_up_details.x + ev.nothing_here.id,
  },
  onUnknown: (ev) => {
    const n: string = ev.event_name;
    void n;
  },
  onError: (err: ReceiveError) => {
    if (err.kind === "payload") {
      const codes: string[] = err.issues.map((i) => i.code);
      void codes;
    }
    if (err.kind === "signature") {
      const r: SignatureReason = err.reason;
      void r;
    }
  },
  dedupe: memoryDedupe({ max: 10000 }),
  deadlineMs: 4000,
  errorPolicy: "retry",
});

handler.on("message", (ev) => ev.message.body).on("chat_pinned", (ev) => {
  const id: number | string = ev.message.id;
  void id;
});
// @ts-expect-error a webhook_conversation_complete event has no message
handler.on("webhook_conversation_complete", (ev) => ev.message.id);
// @ts-expect-error not an event name
handler.on("mesage", (ev: HaptikEvent) => ev);
// @ts-expect-error the message handler receives a MessageEvent, not a number
handler.on("message", (ev: number) => ev);

const typed: (ev: MessageEvent) => unknown = (ev) => ev.message.body;
createFetchHandler({ secret: "s", on: { message: typed } });

// @ts-expect-error errorPolicy is "acknowledge" or "retry"
createFetchHandler({ secret: "s", errorPolicy: "ignore" });
// @ts-expect-error `on` keys are event names
createFetchHandler({ secret: "s", on: { mesage: () => {} } });

const response: Promise<Response> = handler({} as Request, { HAPTIK_WEBHOOK_SECRET: "s" }, { waitUntil() {} });
void response;

const mw = createNodeMiddleware({ secrets: ["a", "b"], on: { message: (ev) => ev.message.body } });
mw.on("chat_pinned", (ev) => ev.message.body);
mw({ method: "POST", headers: { "x-hub-signature": "sha1=00" } }, {});

// Warnings: onWarning gets them with the event; handlers find them in their context.
createNodeMiddleware({
  secret: "s",
  onWarning: (warnings, ev, context) => {
    const first: string | undefined = warnings[0]?.code;
    const name: string = ev.event_name;
    void first, name, context.req;
  },
  on: {
    message: (ev, context) => {
      const codes: string[] = (context.warnings ?? []).map((w) => w.code);
      void codes, ev;
    },
  },
});
// @ts-expect-error onWarning receives the warnings first, not the event
createNodeMiddleware({ secret: "s", onWarning: (ev: MessageEvent) => ev.message });

// Dedupe stores: the claim protocol, the shared stores, and dedupe as a function of env.
import { redisDedupe } from "../../pkg/redis.js";
import { durableObjectDedupe, HaptikDedupeObject, type DedupeNamespace } from "../../pkg/cloudflare.js";
import type { ClaimState, DedupeStore } from "../../pkg/index.js";

const custom: DedupeStore = {
  leaseMs: 5000,
  claim: async (key: string, token: string): Promise<ClaimState> => (key === token ? "claimed" : "busy"),
  renew: () => true,
  complete: async () => {},
  release: () => {},
};
createNodeMiddleware({ secret: "s", dedupe: custom, dedupeErrorPolicy: "retry", dedupeTimeoutMs: 500 });
createNodeMiddleware({ secret: "s", dedupe: redisDedupe({ client: {} as object, prefix: "p:", ttlSeconds: 3900, leaseMs: 5000 }) });
declare const ns: DedupeNamespace;
createFetchHandler<{ HAPTIK_DEDUPE: DedupeNamespace }>({ secret: "s", dedupe: (env) => durableObjectDedupe(env.HAPTIK_DEDUPE, { leaseMs: 3000 }) });
createFetchHandler({ secret: "s", dedupe: durableObjectDedupe(ns) });
const mem = memoryDedupe({ max: 10, ttlSeconds: 60, key: (ev) => ev.event_name });
const claimed: ClaimState | Promise<ClaimState> = mem.claim("k", "t");
void claimed;
void HaptikDedupeObject;
// @ts-expect-error the old check function (event => boolean) is not a store any more
createNodeMiddleware({ secret: "s", dedupe: (ev: HaptikEvent) => ev.event_name === "x" });
// @ts-expect-error a store needs claim, renew, complete, release and leaseMs
createNodeMiddleware({ secret: "s", dedupe: { isDuplicate: () => false } });
// @ts-expect-error not a policy
createNodeMiddleware({ secret: "s", dedupe: mem, dedupeErrorPolicy: "drop" });

// runOnce: the outcome narrows on `result`; `value` is fn's awaited result.
import { runOnce, type MessageEvent as Msg } from "../../pkg/index.js";
declare const msg: Msg;
void (async () => {
  const outcome = await runOnce(mem, msg, async (ev) => ev.message.id);
  if (outcome.result === "handled") {
    const id: number | string = outcome.value;
    void id;
  } else if (outcome.result === "in_progress") {
    const later = await outcome.watch();
    void later.result;
  }
  // @ts-expect-error a duplicate has no value
  void outcome.value;
  // @ts-expect-error not a store
  await runOnce({ claim: () => "claimed" }, msg, () => 1);
});
