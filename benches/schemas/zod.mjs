// The Haptik webhook model of src/model.rs, written by hand in zod 4, the way a user would:
// objects keep unknown keys (looseObject), known event names / element types are checked and
// others are kept (a discriminated union with a fallback), and the loose forms of the spec
// (section 5) are accepted and normalised like haptik-webhook does (transforms).
import { z } from "zod";

const INT_STRING = /^-?(0|[1-9][0-9]*)$/;
const NUM_STRING = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const BOOL_STRING = /^(true|false)$/i;

const str = z.string();
const int = z.int();
const any = z.unknown();
const map = z.record(z.string(), z.unknown());
const looseBoolean = z.union([z.boolean(), z.string().regex(BOOL_STRING).transform((s) => s.toLowerCase() === "true")]);
const flag = z.union([z.literal(0), z.literal(1), z.boolean().transform((b) => (b ? 1 : 0))]);

const User = z.looseObject({
  auth_id: str,
  device_platform: z.union([z.number(), z.string().transform((s) => (NUM_STRING.test(s) ? Number(s) : s))]).optional(),
  device_platform_name: str.optional(),
  user_name: str.optional(),
  user_id: any.optional(),
  phone_model: str.optional(),
  os_version: str.optional(),
  package_name: str.optional(),
});

const Agent = z.looseObject({
  id: int,
  name: str.optional(),
  profile_image: str.optional(),
  is_automated: looseBoolean.optional(),
  email: str.nullable().optional(),
});

const ActionablePayload = z.looseObject({
  message: str.optional(),
  gogo_message: str.optional(),
  url: str.optional(),
  link: str.optional(),
  title: str.optional(),
  sub_title: str.optional(),
  description: str.optional(),
  images: z.array(any).optional(),
  mime_types: z.array(str).optional(),
  lat_key: str.optional(),
  lng_key: str.optional(),
  callback_link: str.optional(),
  items: z.array(any).optional(),
  show_share_option: looseBoolean.optional(),
  image: str.optional(),
  via_name: str.optional(),
  id: any.optional(),
});

const Actionable = z.looseObject({
  actionable_text: str.optional(),
  type: str.optional(),
  uri: str.optional(),
  payload: ActionablePayload.optional(),
  is_default: flag.optional(),
  location_required: looseBoolean.optional(),
  emoji: str.optional(),
});
const Actionables = z.array(Actionable);

const elementBase = {
  text: str.optional(),
  isNew: z.boolean().optional(),
  voice_text: str.optional(),
  mic_auto_open: z.boolean().optional(),
  builder_metadata_subtype: str.optional(),
};
const element = (type, data, extra = {}) => z.looseObject({ type: z.literal(type), ...elementBase, data, ...extra });

const CarouselItem = z.looseObject({
  thumbnail: z.looseObject({ image: str, type: str.optional() }).optional(),
  title: str.optional(),
  sub_title: str.optional(),
  description: str.optional(),
  actionables: Actionables.optional(),
  mini_actionable: Actionable.optional(),
  meta: str.optional(),
});

const FormField = z.looseObject({
  key: str,
  type: str.optional(),
  keyboard_type: str.optional(),
  order: int.optional(),
  icon: str.optional(),
  hint: str.optional(),
  options: z.array(any).optional(),
  search_source: any.optional(),
  search_placeholder: str.optional(),
  autofill: any.optional(),
  autofill_source: any.optional(),
});

const KNOWN_ELEMENTS = ["TEXT", "BUTTON", "CAROUSEL", "SYSTEM", "FORM", "SILENT", "NATIVE_ACTION", "RECEIPT", "TAB_LIST"];
const KnownElement = z.discriminatedUnion("type", [
  element("TEXT", z.looseObject({ quick_replies: Actionables })),
  element("BUTTON", z.looseObject({ items: Actionables })),
  element(
    "CAROUSEL",
    z.looseObject({
      width: str.optional(),
      image_aspect_ratio: z.union([z.number(), z.string().regex(NUM_STRING).transform(Number)]).optional(),
      items: z.array(CarouselItem),
    }),
  ),
  element(
    "SYSTEM",
    z.looseObject({
      event_name: str.optional(),
      payload: z.looseObject({ profile_image: str.optional(), agent_name: str.optional(), team_name: str.optional() }).optional(),
    }),
  ),
  element("FORM", z.looseObject({ fields: z.array(FormField) }), { title: str.optional(), subtitle: str.optional() }),
  element(
    "SILENT",
    z.looseObject({
      silent_actions: z.array(z.looseObject({ type: str, data: z.looseObject({ Id: int.optional(), via_name: str.optional() }).optional() })),
    }),
  ),
  element("NATIVE_ACTION", z.looseObject({ method: str })),
  element("RECEIPT", map.optional()),
  element("TAB_LIST", map.optional()),
]);
const UnknownElement = z.looseObject({ type: z.string().refine((t) => !KNOWN_ELEMENTS.includes(t), { abort: true, message: "a known element type must match its schema" }) });
const HslElement = z.union([KnownElement, UnknownElement]);

// A plain-string body (2018) becomes a TEXT element; an element serialised as a JSON string is parsed.
const Body = z.union([
  HslElement,
  z.string().transform((s, ctx) => {
    if (s.trimStart().startsWith("{")) {
      const r = HslElement.safeParse(JSON.parse(s));
      if (r.success) return r.data;
      for (const i of r.error.issues) ctx.addIssue(i);
      return z.NEVER;
    }
    return { type: "TEXT", text: s, data: { quick_replies: [] } };
  }),
]);

const Message = z.looseObject({ id: int, body: Body });

const envelope = {
  version: str,
  timestamp: str,
  business_id: z.union([int, z.string().regex(INT_STRING).transform(Number)]),
  business_name: str.optional(),
  user: User,
  agent: Agent.optional(),
};

const ConversationData = z.looseObject({
  conversation_no: z.union([str, int.transform(String)]).optional(),
  collection_id: str.optional(),
  conversation_identifier: str.optional(),
  chat_link: str.optional(),
  complete_chat_link: str.optional(),
  completion_type: str.optional(),
  completion_by: str.optional(),
  closing_categories: z
    .union([z.looseObject({ reason: str.optional(), subReason: str.optional(), comment: str.optional() }), str])
    .optional(),
  conversation_details: map.optional(),
  user_details: map.optional(),
  conversation_data: map.optional(),
  permanent_user_data: map.optional(),
});

const KNOWN_EVENTS = ["message", "chat_pinned", "chat_complete", "webhook_conversation_complete"];
const KnownEvent = z.discriminatedUnion("event_name", [
  z.looseObject({ event_name: z.literal("message"), ...envelope, message: Message }),
  z.looseObject({ event_name: z.literal("chat_pinned"), ...envelope, message: Message }),
  z.looseObject({ event_name: z.literal("chat_complete"), ...envelope, message: Message }),
  z.looseObject({
    event_name: z.literal("webhook_conversation_complete"),
    ...envelope,
    follow_up_details: z
      .looseObject({
        follow_up_timestamp: int.optional(),
        send_to: int.optional(),
        expert_name: str.optional(),
        comment: str.optional(),
        team_id: int.optional(),
      })
      .optional(),
    data: ConversationData,
  }),
]);
const UnknownEvent = z.looseObject({ event_name: z.string().refine((n) => !KNOWN_EVENTS.includes(n), { abort: true, message: "a known event must match its schema" }) });

export const HaptikEvent = z.union([KnownEvent, UnknownEvent]);
