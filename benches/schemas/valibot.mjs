// The Haptik webhook model of src/model.rs, written by hand in valibot 1, the same way as
// zod.mjs: objects keep unknown keys, known event names / element types are checked and others
// kept (a variant with a fallback), the loose forms of the spec are accepted and normalised.
import * as v from "valibot";

const INT_STRING = /^-?(0|[1-9][0-9]*)$/;
const NUM_STRING = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const BOOL_STRING = /^(true|false)$/i;

const str = v.string();
const int = v.pipe(v.number(), v.safeInteger());
const any = v.unknown();
const map = v.record(v.string(), v.unknown());
const opt = v.optional;
const looseBoolean = v.union([
  v.boolean(),
  v.pipe(v.string(), v.regex(BOOL_STRING), v.transform((s) => s.toLowerCase() === "true")),
]);
const flag = v.union([v.literal(0), v.literal(1), v.pipe(v.boolean(), v.transform((b) => (b ? 1 : 0)))]);

const User = v.looseObject({
  auth_id: str,
  device_platform: opt(v.union([v.number(), v.pipe(v.string(), v.transform((s) => (NUM_STRING.test(s) ? Number(s) : s)))])),
  device_platform_name: opt(str),
  user_name: opt(str),
  user_id: opt(any),
  phone_model: opt(str),
  os_version: opt(str),
  package_name: opt(str),
});

const Agent = v.looseObject({
  id: int,
  name: opt(str),
  profile_image: opt(str),
  is_automated: opt(looseBoolean),
  email: opt(v.nullable(str)),
});

const ActionablePayload = v.looseObject({
  message: opt(str),
  gogo_message: opt(str),
  url: opt(str),
  link: opt(str),
  title: opt(str),
  sub_title: opt(str),
  description: opt(str),
  images: opt(v.array(any)),
  mime_types: opt(v.array(str)),
  lat_key: opt(str),
  lng_key: opt(str),
  callback_link: opt(str),
  items: opt(v.array(any)),
  show_share_option: opt(looseBoolean),
  image: opt(str),
  via_name: opt(str),
  id: opt(any),
});

const Actionable = v.looseObject({
  actionable_text: opt(str),
  type: opt(str),
  uri: opt(str),
  payload: opt(ActionablePayload),
  is_default: opt(flag),
  location_required: opt(looseBoolean),
  emoji: opt(str),
});
const Actionables = v.array(Actionable);

const elementBase = {
  text: opt(str),
  isNew: opt(v.boolean()),
  voice_text: opt(str),
  mic_auto_open: opt(v.boolean()),
  builder_metadata_subtype: opt(str),
};
const element = (type, data, extra = {}) => v.looseObject({ type: v.literal(type), ...elementBase, data, ...extra });

const CarouselItem = v.looseObject({
  thumbnail: opt(v.looseObject({ image: str, type: opt(str) })),
  title: opt(str),
  sub_title: opt(str),
  description: opt(str),
  actionables: opt(Actionables),
  mini_actionable: opt(Actionable),
  meta: opt(str),
});

const FormField = v.looseObject({
  key: str,
  type: opt(str),
  keyboard_type: opt(str),
  order: opt(int),
  icon: opt(str),
  hint: opt(str),
  options: opt(v.array(any)),
  search_source: opt(any),
  search_placeholder: opt(str),
  autofill: opt(any),
  autofill_source: opt(any),
});

const KNOWN_ELEMENTS = ["TEXT", "BUTTON", "CAROUSEL", "SYSTEM", "FORM", "SILENT", "NATIVE_ACTION", "RECEIPT", "TAB_LIST"];
const KnownElement = v.variant("type", [
  element("TEXT", v.looseObject({ quick_replies: Actionables })),
  element("BUTTON", v.looseObject({ items: Actionables })),
  element(
    "CAROUSEL",
    v.looseObject({
      width: opt(str),
      image_aspect_ratio: opt(v.union([v.number(), v.pipe(v.string(), v.regex(NUM_STRING), v.transform(Number))])),
      items: v.array(CarouselItem),
    }),
  ),
  element(
    "SYSTEM",
    v.looseObject({
      event_name: opt(str),
      payload: opt(v.looseObject({ profile_image: opt(str), agent_name: opt(str), team_name: opt(str) })),
    }),
  ),
  element("FORM", v.looseObject({ fields: v.array(FormField) }), { title: opt(str), subtitle: opt(str) }),
  element(
    "SILENT",
    v.looseObject({
      silent_actions: v.array(v.looseObject({ type: str, data: opt(v.looseObject({ Id: opt(int), via_name: opt(str) })) })),
    }),
  ),
  element("NATIVE_ACTION", v.looseObject({ method: str })),
  element("RECEIPT", opt(map)),
  element("TAB_LIST", opt(map)),
]);
const UnknownElement = v.looseObject({
  type: v.custom((t) => typeof t === "string" && !KNOWN_ELEMENTS.includes(t), "a known element type must match its schema"),
});
const HslElement = v.union([KnownElement, UnknownElement]);

// A plain-string body (2018) becomes a TEXT element; an element serialised as a JSON string is parsed.
const Body = v.union([
  HslElement,
  v.pipe(
    v.string(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const s = dataset.value;
      if (s.trimStart().startsWith("{")) {
        const r = v.safeParse(HslElement, JSON.parse(s));
        if (r.success) return r.output;
        addIssue({ message: r.issues.map((i) => i.message).join("; ") });
        return NEVER;
      }
      return { type: "TEXT", text: s, data: { quick_replies: [] } };
    }),
  ),
]);

const Message = v.looseObject({ id: int, body: Body });

const envelope = {
  version: str,
  timestamp: str,
  business_id: v.union([int, v.pipe(v.string(), v.regex(INT_STRING), v.transform(Number))]),
  business_name: opt(str),
  user: User,
  agent: opt(Agent),
};

const ConversationData = v.looseObject({
  conversation_no: opt(v.union([str, v.pipe(int, v.transform(String))])),
  collection_id: opt(str),
  conversation_identifier: opt(str),
  chat_link: opt(str),
  complete_chat_link: opt(str),
  completion_type: opt(str),
  completion_by: opt(str),
  closing_categories: opt(v.union([v.looseObject({ reason: opt(str), subReason: opt(str), comment: opt(str) }), str])),
  conversation_details: opt(map),
  user_details: opt(map),
  conversation_data: opt(map),
  permanent_user_data: opt(map),
});

const KNOWN_EVENTS = ["message", "chat_pinned", "chat_complete", "webhook_conversation_complete"];
const KnownEvent = v.variant("event_name", [
  v.looseObject({ event_name: v.literal("message"), ...envelope, message: Message }),
  v.looseObject({ event_name: v.literal("chat_pinned"), ...envelope, message: Message }),
  v.looseObject({ event_name: v.literal("chat_complete"), ...envelope, message: Message }),
  v.looseObject({
    event_name: v.literal("webhook_conversation_complete"),
    ...envelope,
    follow_up_details: opt(
      v.looseObject({
        follow_up_timestamp: opt(int),
        send_to: opt(int),
        expert_name: opt(str),
        comment: opt(str),
        team_id: opt(int),
      }),
    ),
    data: ConversationData,
  }),
]);
const UnknownEvent = v.looseObject({
  event_name: v.custom((n) => typeof n === "string" && !KNOWN_EVENTS.includes(n), "a known event must match its schema"),
});

export const HaptikEvent = v.union([KnownEvent, UnknownEvent]);
export { v };
