// Type tests of eventSchema and schemas.* against the real @standard-schema/spec package (the
// interfaces the package declares are copies: these prove they are the same to a consumer).
import type { StandardSchemaV1, StandardJSONSchemaV1 } from "@standard-schema/spec";
import { eventSchema, schemas, isKnownEvent, type HaptikEvent, type MessageEvent, type ChatPinnedEvent } from "../../pkg/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

// Both specs accept the objects.
const standard: StandardSchemaV1<unknown, HaptikEvent> = eventSchema;
const jsonSchema: StandardJSONSchemaV1<unknown, HaptikEvent> = eventSchema;
const forMessage: StandardSchemaV1<unknown, MessageEvent> = schemas.message;

// Inference gives the model's types.
assertType<Equal<StandardSchemaV1.InferOutput<typeof eventSchema>, HaptikEvent>>();
assertType<Equal<StandardSchemaV1.InferInput<typeof eventSchema>, unknown>>();
assertType<Equal<StandardSchemaV1.InferOutput<typeof schemas.message>, MessageEvent>>();
assertType<Equal<StandardSchemaV1.InferOutput<typeof schemas.chat_pinned>, ChatPinnedEvent>>();
assertType<Equal<StandardJSONSchemaV1.InferOutput<typeof eventSchema>, HaptikEvent>>();

// A result narrows as the spec's does.
const result = eventSchema["~standard"].validate({});
if (!(result instanceof Promise)) {
  if (result.issues) {
    const path: ReadonlyArray<PropertyKey | StandardSchemaV1.PathSegment> | undefined = result.issues[0]?.path;
    void path;
  } else {
    const event: HaptikEvent = result.value;
    if (isKnownEvent(event) && event.event_name === "message") void event.message.body;
  }
}
const schema: Record<string, unknown> = eventSchema["~standard"].jsonSchema.input({ target: "draft-2020-12" });
const vendor: "haptik-webhook" = eventSchema["~standard"].vendor;

// @ts-expect-error the output is not a MessageEvent until narrowed
const wrong: StandardSchemaV1<unknown, MessageEvent> = eventSchema;
// @ts-expect-error no schema for an unknown event
void schemas.typing_indicator;

export { standard, jsonSchema, forMessage, schema, vendor, wrong };
