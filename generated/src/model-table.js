// Generated from the Rust core (src/model.rs, src/issue.rs, src/signature.rs) by `cargo run --example generate`. Do not edit by hand.
// The model as data for the check of a parsed object (src/object-check.js). Every list is
// declared first and filled after, so the order of the declarations does not matter.

const ty = (kind, of = null, fields = null, union = null, loose = null) => ({ kind, of, fields, union, loose });
const REQUIRED = 1;
const LEGACY = 2;
const field = (name, ty, flags = 0) => ({ name, ty, required: (flags & REQUIRED) !== 0, legacy: (flags & LEGACY) !== 0 });
const ANY = ty("any");
const STRING = ty("string");
const BOOL = ty("bool");
const INTEGER = ty("integer");
const NUMBER = ty("number");
const ID = ty("id");
const ENUM = ty("enum");
const INT_ENUM = ty("int_enum");

const User = [];
const Agent = [];
const MessageEvent = [];
const Message = [];
const TextElement = [];
const TextData = [];
const Actionable = [];
const ActionablePayload = [];
const ButtonElement = [];
const ButtonData = [];
const CarouselElement = [];
const CarouselData = [];
const CarouselItem = [];
const Thumbnail = [];
const SystemElement = [];
const SystemData = [];
const SystemPayload = [];
const FormElement = [];
const FormData = [];
const FormField = [];
const SilentElement = [];
const SilentData = [];
const SilentAction = [];
const SilentActionData = [];
const NativeActionElement = [];
const NativeActionData = [];
const ReceiptElement = [];
const TabListElement = [];
const ChatPinnedEvent = [];
const ChatCompleteEvent = [];
const ConversationCompleteEvent = [];
const FollowUpDetails = [];
const ConversationData = [];
const ClosingCategories = [];
const HaptikEvent = { tag: "event_name", common: [], variants: [] };
const HslElement = { tag: "type", common: [], variants: [] };

User.push(
  field("auth_id", STRING, REQUIRED),
  field("device_platform", ty("loose", null, null, null, "number_or_string")),
  field("device_platform_name", STRING),
  field("user_name", STRING),
  field("user_id", ANY),
  field("phone_model", STRING),
  field("os_version", STRING),
  field("package_name", STRING),
);
Agent.push(
  field("id", ID, REQUIRED),
  field("name", STRING),
  field("profile_image", STRING),
  field("is_automated", ty("loose", null, null, null, "boolean")),
  field("email", ty("nullable", STRING)),
);
MessageEvent.push(
  field("message", ty("object", null, Message), REQUIRED),
);
Message.push(
  field("id", ID, REQUIRED),
  field("body", ty("body", null, null, HslElement), REQUIRED),
);
TextElement.push(
  field("data", ty("object", null, TextData), REQUIRED),
);
TextData.push(
  field("quick_replies", ty("array", ty("object", null, Actionable)), REQUIRED),
);
Actionable.push(
  field("actionable_text", STRING),
  field("type", ENUM),
  field("uri", ENUM),
  field("payload", ty("object", null, ActionablePayload)),
  field("is_default", ty("loose", null, null, null, "flag")),
  field("location_required", ty("loose", null, null, null, "boolean")),
  field("emoji", STRING),
);
ActionablePayload.push(
  field("message", STRING),
  field("gogo_message", STRING),
  field("url", STRING),
  field("link", STRING),
  field("title", STRING),
  field("sub_title", STRING),
  field("description", STRING),
  field("images", ty("array", ANY)),
  field("mime_types", ty("array", STRING)),
  field("lat_key", STRING),
  field("lng_key", STRING),
  field("callback_link", STRING),
  field("items", ty("array", ANY)),
  field("show_share_option", ty("loose", null, null, null, "boolean")),
  field("image", STRING),
  field("via_name", STRING),
  field("id", ANY),
);
ButtonElement.push(
  field("data", ty("object", null, ButtonData), REQUIRED),
);
ButtonData.push(
  field("items", ty("array", ty("object", null, Actionable)), REQUIRED),
);
CarouselElement.push(
  field("data", ty("object", null, CarouselData), REQUIRED),
);
CarouselData.push(
  field("width", ENUM),
  field("image_aspect_ratio", ty("loose", null, null, null, "number_or_numeric_string")),
  field("items", ty("array", ty("object", null, CarouselItem)), REQUIRED),
);
CarouselItem.push(
  field("thumbnail", ty("object", null, Thumbnail)),
  field("title", STRING),
  field("sub_title", STRING),
  field("description", STRING),
  field("actionables", ty("array", ty("object", null, Actionable))),
  field("mini_actionable", ty("object", null, Actionable)),
  field("meta", STRING),
);
Thumbnail.push(
  field("image", STRING, REQUIRED),
  field("type", ENUM),
);
SystemElement.push(
  field("data", ty("object", null, SystemData), REQUIRED),
);
SystemData.push(
  field("event_name", STRING),
  field("payload", ty("object", null, SystemPayload)),
);
SystemPayload.push(
  field("profile_image", STRING),
  field("agent_name", STRING),
  field("team_name", STRING),
);
FormElement.push(
  field("data", ty("object", null, FormData), REQUIRED),
  field("title", STRING),
  field("subtitle", STRING),
);
FormData.push(
  field("fields", ty("array", ty("object", null, FormField)), REQUIRED),
);
FormField.push(
  field("key", STRING, REQUIRED),
  field("type", ENUM),
  field("keyboard_type", ENUM),
  field("order", INTEGER),
  field("icon", STRING),
  field("hint", STRING),
  field("options", ty("array", ANY)),
  field("search_source", ANY),
  field("search_placeholder", STRING),
  field("autofill", ANY),
  field("autofill_source", ANY),
);
SilentElement.push(
  field("data", ty("object", null, SilentData), REQUIRED),
);
SilentData.push(
  field("silent_actions", ty("array", ty("object", null, SilentAction)), REQUIRED),
);
SilentAction.push(
  field("type", STRING, REQUIRED),
  field("data", ty("object", null, SilentActionData)),
);
SilentActionData.push(
  field("Id", INTEGER),
  field("via_name", STRING),
);
NativeActionElement.push(
  field("data", ty("object", null, NativeActionData), REQUIRED),
);
NativeActionData.push(
  field("method", STRING, REQUIRED),
);
ReceiptElement.push(
  field("data", ty("map", ANY)),
);
TabListElement.push(
  field("data", ty("map", ANY)),
);
ChatPinnedEvent.push(
  field("message", ty("object", null, Message), REQUIRED),
);
ChatCompleteEvent.push(
  field("message", ty("object", null, Message), REQUIRED),
);
ConversationCompleteEvent.push(
  field("follow_up_details", ty("object", null, FollowUpDetails)),
  field("data", ty("object", null, ConversationData), REQUIRED),
);
FollowUpDetails.push(
  field("follow_up_timestamp", INTEGER),
  field("send_to", INT_ENUM),
  field("expert_name", STRING),
  field("comment", STRING),
  field("team_id", INTEGER),
);
ConversationData.push(
  field("conversation_no", ty("loose", null, null, null, "string_or_integer")),
  field("collection_id", STRING),
  field("conversation_identifier", STRING),
  field("chat_link", STRING),
  field("complete_chat_link", STRING),
  field("completion_type", ENUM),
  field("completion_by", STRING),
  field("closing_categories", ty("loose", null, ClosingCategories, null, "closing_categories")),
  field("conversation_details", ty("map", ANY)),
  field("user_details", ty("map", ANY)),
  field("conversation_data", ty("map", ANY), LEGACY),
  field("permanent_user_data", ty("map", ANY), LEGACY),
);
ClosingCategories.push(
  field("reason", STRING),
  field("subReason", STRING),
  field("comment", STRING),
);
HaptikEvent.common.push(
  field("version", STRING, REQUIRED),
  field("timestamp", STRING, REQUIRED),
  field("business_id", ty("loose", null, null, null, "integer_or_numeric_string"), REQUIRED),
  field("business_name", STRING),
  field("user", ty("object", null, User), REQUIRED),
  field("agent", ty("object", null, Agent)),
);
HaptikEvent.variants.push({ tag: "message", fields: MessageEvent, deprecated: false });
HaptikEvent.variants.push({ tag: "chat_pinned", fields: ChatPinnedEvent, deprecated: false });
HaptikEvent.variants.push({ tag: "chat_complete", fields: ChatCompleteEvent, deprecated: true });
HaptikEvent.variants.push({ tag: "webhook_conversation_complete", fields: ConversationCompleteEvent, deprecated: false });
HslElement.common.push(
  field("text", STRING),
  field("isNew", BOOL),
  field("voice_text", STRING),
  field("mic_auto_open", BOOL),
  field("builder_metadata_subtype", STRING),
);
HslElement.variants.push({ tag: "TEXT", fields: TextElement, deprecated: false });
HslElement.variants.push({ tag: "BUTTON", fields: ButtonElement, deprecated: false });
HslElement.variants.push({ tag: "CAROUSEL", fields: CarouselElement, deprecated: false });
HslElement.variants.push({ tag: "SYSTEM", fields: SystemElement, deprecated: false });
HslElement.variants.push({ tag: "FORM", fields: FormElement, deprecated: false });
HslElement.variants.push({ tag: "SILENT", fields: SilentElement, deprecated: false });
HslElement.variants.push({ tag: "NATIVE_ACTION", fields: NativeActionElement, deprecated: false });
HslElement.variants.push({ tag: "RECEIPT", fields: ReceiptElement, deprecated: false });
HslElement.variants.push({ tag: "TAB_LIST", fields: TabListElement, deprecated: false });

/** The root: a payload is an object of this union. */
export const ROOT = HaptikEvent;
