// Type tests of the event model (compiled with tsc --strict --noEmit; never run). Each
// `@ts-expect-error` line must be an error: tsc fails when one compiles.
import {
  parseEvent,
  validateEvent,
  isKnownEvent,
  isKnownElement,
  HaptikWebhookError,
  EVENT_NAMES,
  HSL_TYPES,
  type HaptikEvent,
  type KnownEvent,
  type UnknownEvent,
  type MessageEvent,
  type EventMap,
  type EventName,
  type HslType,
  type Issue,
  type IssueCode,
  type Id,
} from "../../pkg/index.js";

const ev: HaptikEvent = parseEvent('{"event_name":"message"}');

// Unknown events keep a plain string name, so narrowing starts with the guard.
// @ts-expect-error without narrowing, .message is not known to exist
ev.message;
if (!isKnownEvent(ev)) {
  const u: UnknownEvent = ev;
  const name: string = ev.event_name;
  const anything: unknown = ev["typing_indicator"];
  void u, name, anything;
} else if (ev.event_name === "message") {
  const m: MessageEvent = ev;
  const id: Id = ev.message.id;
  const body = ev.message.body;
  if (isKnownElement(body)) {
    switch (body.type) {
      case "TEXT": {
        const label: string | undefined = body.data.quick_replies[0]?.actionable_text;
        // @ts-expect-error quick replies are actionables, not strings
        body.data.quick_replies[0]?.toUpperCase();
        const flag: 0 | 1 | undefined = body.data.quick_replies[0]?.is_default;
        // An actionable's payload is typed open to more keys (app-specific ones), as unknown.
        const extra: unknown = body.data.quick_replies[0]?.payload?.app_specific_key;
        const url: string | undefined = body.data.quick_replies[0]?.payload?.url;
        void extra, url;
        void label, flag;
        // @ts-expect-error a TEXT element has no carousel items
        body.data.items;
        break;
      }
      case "CAROUSEL":
        body.data.items[0]?.thumbnail?.image.toUpperCase();
        break;
      case "FORM":
        body.data.fields[0]?.key.toLowerCase();
        break;
      case "SILENT":
        body.data.silent_actions[0]?.data?.Id;
        break;
      case "NATIVE_ACTION":
        body.data.method.trim();
        break;
      // @ts-expect-error not an HSL type
      case "QUICK_REPLY":
        break;
    }
  } else {
    // An unknown element keeps everything, typed as unknown.
    const t: string = body.type;
    const x: unknown = body["anything"];
    void t, x;
  }
  // @ts-expect-error without the element guard, body.data may be an unknown element's (unknown)
  body.data.quick_replies;
  void m, id;
}

if (isKnownEvent(ev)) switch (ev.event_name) {
  case "webhook_conversation_complete":
    ev.data.closing_categories;
    ev.follow_up_details?.send_to;
    // @ts-expect-error a conversation-complete event carries no message
    ev.message;
    break;
  case "chat_complete":
    ev.message.body;
    break;
  // @ts-expect-error not a known event name
  case "typing_indicator":
    break;
  default:
    ev.message.id;
}

// The guard gives the union of known events.
if (isKnownEvent(ev)) {
  const k: KnownEvent = ev;
  const name: EventName = ev.event_name;
  void k, name;
} else {
  const u: UnknownEvent = ev;
  void u;
}

// EventMap and the constants.
type M = EventMap["message"];
const msg: M | undefined = undefined;
void msg;
const names: readonly EventName[] = EVENT_NAMES;
const types: readonly HslType[] = HSL_TYPES;
// @ts-expect-error the constants are read-only
EVENT_NAMES.push("x");
void names, types;

// validateEvent never throws; its issues are plain data.
const r = validateEvent(new Uint8Array([123, 125]), { lenient: true, maxBytes: 1024, maxDepth: 32 });
const first: Issue | undefined = r.errors[0];
const code: IssueCode | undefined = first?.code;
const line: number | undefined = first?.line;
void code, line;
validateEvent({ already: "parsed" });
const fromObject: HaptikEvent = parseEvent({ event_name: "message" }); // an object a framework parsed
void fromObject;
// @ts-expect-error a number is neither a raw body nor a parsed object
parseEvent(42);
// @ts-expect-error options are checked
parseEvent("{}", { strict: true });

try {
  parseEvent("{");
} catch (e) {
  if (e instanceof HaptikWebhookError) {
    const issues: Issue[] = e.issues;
    void issues;
  }
}

// safeParseEvent narrows on `success`; verifyAndParse returns the event; the error has a kind.
import { safeParseEvent, verifyAndParse } from "../../pkg/index.js";
const safe = safeParseEvent('{"event_name":"message"}');
if (safe.success) {
  const data: HaptikEvent = safe.data;
  const w: Issue[] = safe.warnings;
  void data, w;
} else {
  const errors: Issue[] = safe.errors;
  // @ts-expect-error no data on a failure
  safe.data;
  void errors;
}
const verified: HaptikEvent = verifyAndParse("{}", "sha1=00", ["old", "new"], { lenient: true });
void verified;
try {
  verifyAndParse(new Uint8Array(2), undefined, "s");
} catch (e) {
  if (e instanceof HaptikWebhookError) {
    const kind: "payload" | "signature" = e.kind;
    if (e.kind === "signature") {
      const reason = e.reason;
      void reason;
    }
    void kind;
  }
}
