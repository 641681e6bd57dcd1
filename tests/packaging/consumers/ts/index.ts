// Compiled (noEmit) under moduleResolution node16, nodenext and bundler against the installed package.
import {
  parseEvent,
  validateEvent,
  HaptikWebhookError,
  isKnownEvent,
  isKnownElement,
  EVENT_NAMES,
  HSL_TYPES,
  type HaptikEvent,
  type Issue,
  type ParseOptions,
  type ValidationResult,
  eventSchema,
  schemas,
  type MessageEvent,
} from "haptik-webhook";
// The Workers way to hand over the module: the .wasm subpath has types (attw checks them too).
import wasmModule from "haptik-webhook/haptik_webhook_bg.wasm";

const options: ParseOptions = { lenient: true, maxBytes: 1024, maxDepth: 16 };
const ev: HaptikEvent = parseEvent('{"event_name":"x"}', options);
const fromBytes: HaptikEvent = parseEvent(new Uint8Array(2));
const fromBuffer: HaptikEvent = parseEvent(new ArrayBuffer(2));
if (isKnownEvent(ev) && ev.event_name === "message") {
  const body = ev.message.body;
  if (isKnownElement(body)) {
    const t: string = body.type;
    void t;
  }
}
const result: ValidationResult = validateEvent({ event_name: "message" });
const valid: boolean = result.valid;
const name: string | null = result.eventName;
const issues: Issue[] = result.errors.concat(result.warnings);
try {
  parseEvent("{");
} catch (e) {
  if (e instanceof HaptikWebhookError) {
    const first: Issue | undefined = e.issues[0];
    const code: string | undefined = first?.code;
    const msg: string = e.message;
    void code;
    void msg;
  }
}
const firstEvent: "message" = EVENT_NAMES[0];
const types: readonly string[] = HSL_TYPES;

// @ts-expect-error lenient is a boolean
parseEvent("{}", { lenient: "yes" });
// @ts-expect-error a number is not a body
parseEvent(42);

const wasmIsAnObject: object = wasmModule;
const standard = eventSchema["~standard"].validate({ event_name: "message" });
const fromSchema: HaptikEvent | undefined = standard instanceof Promise || standard.issues ? undefined : standard.value;
const oneEvent = schemas.message["~standard"].validate({});
const messageOnly: MessageEvent | undefined = oneEvent instanceof Promise || oneEvent.issues ? undefined : oneEvent.value;
const draft: Record<string, unknown> = eventSchema["~standard"].jsonSchema.output({ target: "draft-07" });

export { wasmIsAnObject, fromSchema, messageOnly, draft, fromBytes, fromBuffer, valid, name, issues, firstEvent, types };
