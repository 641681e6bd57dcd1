// Generated from the Rust core (src/model.rs, src/issue.rs, src/signature.rs) by `cargo run --example generate`. Do not edit by hand.
// The model as data for the check of a parsed object (src/object-check.js). Every list is
// declared first and filled after, so the order of the declarations does not matter.

const ty = (kind, of = null, fields = null, union = null, loose = null) => ({ kind, of, fields, union, loose });

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
  { name: "auth_id", ty: ty("string"), required: true, legacy: false },
  { name: "device_platform", ty: ty("loose", null, null, null, "number_or_string"), required: false, legacy: false },
  { name: "device_platform_name", ty: ty("string"), required: false, legacy: false },
  { name: "user_name", ty: ty("string"), required: false, legacy: false },
  { name: "user_id", ty: ty("any"), required: false, legacy: false },
  { name: "phone_model", ty: ty("string"), required: false, legacy: false },
  { name: "os_version", ty: ty("string"), required: false, legacy: false },
  { name: "package_name", ty: ty("string"), required: false, legacy: false },
);
Agent.push(
  { name: "id", ty: ty("id"), required: true, legacy: false },
  { name: "name", ty: ty("string"), required: false, legacy: false },
  { name: "profile_image", ty: ty("string"), required: false, legacy: false },
  { name: "is_automated", ty: ty("loose", null, null, null, "boolean"), required: false, legacy: false },
  { name: "email", ty: ty("nullable", ty("string")), required: false, legacy: false },
);
MessageEvent.push(
  { name: "message", ty: ty("object", null, Message), required: true, legacy: false },
);
Message.push(
  { name: "id", ty: ty("id"), required: true, legacy: false },
  { name: "body", ty: ty("body", null, null, HslElement), required: true, legacy: false },
);
TextElement.push(
  { name: "data", ty: ty("object", null, TextData), required: true, legacy: false },
);
TextData.push(
  { name: "quick_replies", ty: ty("array", ty("object", null, Actionable)), required: true, legacy: false },
);
Actionable.push(
  { name: "actionable_text", ty: ty("string"), required: false, legacy: false },
  { name: "type", ty: ty("enum"), required: false, legacy: false },
  { name: "uri", ty: ty("enum"), required: false, legacy: false },
  { name: "payload", ty: ty("object", null, ActionablePayload), required: false, legacy: false },
  { name: "is_default", ty: ty("loose", null, null, null, "flag"), required: false, legacy: false },
  { name: "location_required", ty: ty("loose", null, null, null, "boolean"), required: false, legacy: false },
  { name: "emoji", ty: ty("string"), required: false, legacy: false },
);
ActionablePayload.push(
  { name: "message", ty: ty("string"), required: false, legacy: false },
  { name: "gogo_message", ty: ty("string"), required: false, legacy: false },
  { name: "url", ty: ty("string"), required: false, legacy: false },
  { name: "link", ty: ty("string"), required: false, legacy: false },
  { name: "title", ty: ty("string"), required: false, legacy: false },
  { name: "sub_title", ty: ty("string"), required: false, legacy: false },
  { name: "description", ty: ty("string"), required: false, legacy: false },
  { name: "images", ty: ty("array", ty("any")), required: false, legacy: false },
  { name: "mime_types", ty: ty("array", ty("string")), required: false, legacy: false },
  { name: "lat_key", ty: ty("string"), required: false, legacy: false },
  { name: "lng_key", ty: ty("string"), required: false, legacy: false },
  { name: "callback_link", ty: ty("string"), required: false, legacy: false },
  { name: "items", ty: ty("array", ty("any")), required: false, legacy: false },
  { name: "show_share_option", ty: ty("loose", null, null, null, "boolean"), required: false, legacy: false },
  { name: "image", ty: ty("string"), required: false, legacy: false },
  { name: "via_name", ty: ty("string"), required: false, legacy: false },
  { name: "id", ty: ty("any"), required: false, legacy: false },
);
ButtonElement.push(
  { name: "data", ty: ty("object", null, ButtonData), required: true, legacy: false },
);
ButtonData.push(
  { name: "items", ty: ty("array", ty("object", null, Actionable)), required: true, legacy: false },
);
CarouselElement.push(
  { name: "data", ty: ty("object", null, CarouselData), required: true, legacy: false },
);
CarouselData.push(
  { name: "width", ty: ty("enum"), required: false, legacy: false },
  { name: "image_aspect_ratio", ty: ty("loose", null, null, null, "number_or_numeric_string"), required: false, legacy: false },
  { name: "items", ty: ty("array", ty("object", null, CarouselItem)), required: true, legacy: false },
);
CarouselItem.push(
  { name: "thumbnail", ty: ty("object", null, Thumbnail), required: false, legacy: false },
  { name: "title", ty: ty("string"), required: false, legacy: false },
  { name: "sub_title", ty: ty("string"), required: false, legacy: false },
  { name: "description", ty: ty("string"), required: false, legacy: false },
  { name: "actionables", ty: ty("array", ty("object", null, Actionable)), required: false, legacy: false },
  { name: "mini_actionable", ty: ty("object", null, Actionable), required: false, legacy: false },
  { name: "meta", ty: ty("string"), required: false, legacy: false },
);
Thumbnail.push(
  { name: "image", ty: ty("string"), required: true, legacy: false },
  { name: "type", ty: ty("enum"), required: false, legacy: false },
);
SystemElement.push(
  { name: "data", ty: ty("object", null, SystemData), required: true, legacy: false },
);
SystemData.push(
  { name: "event_name", ty: ty("string"), required: false, legacy: false },
  { name: "payload", ty: ty("object", null, SystemPayload), required: false, legacy: false },
);
SystemPayload.push(
  { name: "profile_image", ty: ty("string"), required: false, legacy: false },
  { name: "agent_name", ty: ty("string"), required: false, legacy: false },
  { name: "team_name", ty: ty("string"), required: false, legacy: false },
);
FormElement.push(
  { name: "data", ty: ty("object", null, FormData), required: true, legacy: false },
  { name: "title", ty: ty("string"), required: false, legacy: false },
  { name: "subtitle", ty: ty("string"), required: false, legacy: false },
);
FormData.push(
  { name: "fields", ty: ty("array", ty("object", null, FormField)), required: true, legacy: false },
);
FormField.push(
  { name: "key", ty: ty("string"), required: true, legacy: false },
  { name: "type", ty: ty("enum"), required: false, legacy: false },
  { name: "keyboard_type", ty: ty("enum"), required: false, legacy: false },
  { name: "order", ty: ty("integer"), required: false, legacy: false },
  { name: "icon", ty: ty("string"), required: false, legacy: false },
  { name: "hint", ty: ty("string"), required: false, legacy: false },
  { name: "options", ty: ty("array", ty("any")), required: false, legacy: false },
  { name: "search_source", ty: ty("any"), required: false, legacy: false },
  { name: "search_placeholder", ty: ty("string"), required: false, legacy: false },
  { name: "autofill", ty: ty("any"), required: false, legacy: false },
  { name: "autofill_source", ty: ty("any"), required: false, legacy: false },
);
SilentElement.push(
  { name: "data", ty: ty("object", null, SilentData), required: true, legacy: false },
);
SilentData.push(
  { name: "silent_actions", ty: ty("array", ty("object", null, SilentAction)), required: true, legacy: false },
);
SilentAction.push(
  { name: "type", ty: ty("string"), required: true, legacy: false },
  { name: "data", ty: ty("object", null, SilentActionData), required: false, legacy: false },
);
SilentActionData.push(
  { name: "Id", ty: ty("integer"), required: false, legacy: false },
  { name: "via_name", ty: ty("string"), required: false, legacy: false },
);
NativeActionElement.push(
  { name: "data", ty: ty("object", null, NativeActionData), required: true, legacy: false },
);
NativeActionData.push(
  { name: "method", ty: ty("string"), required: true, legacy: false },
);
ReceiptElement.push(
  { name: "data", ty: ty("map", ty("any")), required: false, legacy: false },
);
TabListElement.push(
  { name: "data", ty: ty("map", ty("any")), required: false, legacy: false },
);
ChatPinnedEvent.push(
  { name: "message", ty: ty("object", null, Message), required: true, legacy: false },
);
ChatCompleteEvent.push(
  { name: "message", ty: ty("object", null, Message), required: true, legacy: false },
);
ConversationCompleteEvent.push(
  { name: "follow_up_details", ty: ty("object", null, FollowUpDetails), required: false, legacy: false },
  { name: "data", ty: ty("object", null, ConversationData), required: true, legacy: false },
);
FollowUpDetails.push(
  { name: "follow_up_timestamp", ty: ty("integer"), required: false, legacy: false },
  { name: "send_to", ty: ty("int_enum"), required: false, legacy: false },
  { name: "expert_name", ty: ty("string"), required: false, legacy: false },
  { name: "comment", ty: ty("string"), required: false, legacy: false },
  { name: "team_id", ty: ty("integer"), required: false, legacy: false },
);
ConversationData.push(
  { name: "conversation_no", ty: ty("loose", null, null, null, "string_or_integer"), required: false, legacy: false },
  { name: "collection_id", ty: ty("string"), required: false, legacy: false },
  { name: "conversation_identifier", ty: ty("string"), required: false, legacy: false },
  { name: "chat_link", ty: ty("string"), required: false, legacy: false },
  { name: "complete_chat_link", ty: ty("string"), required: false, legacy: false },
  { name: "completion_type", ty: ty("enum"), required: false, legacy: false },
  { name: "completion_by", ty: ty("string"), required: false, legacy: false },
  { name: "closing_categories", ty: ty("loose", null, ClosingCategories, null, "closing_categories"), required: false, legacy: false },
  { name: "conversation_details", ty: ty("map", ty("any")), required: false, legacy: false },
  { name: "user_details", ty: ty("map", ty("any")), required: false, legacy: false },
  { name: "conversation_data", ty: ty("map", ty("any")), required: false, legacy: true },
  { name: "permanent_user_data", ty: ty("map", ty("any")), required: false, legacy: true },
);
ClosingCategories.push(
  { name: "reason", ty: ty("string"), required: false, legacy: false },
  { name: "subReason", ty: ty("string"), required: false, legacy: false },
  { name: "comment", ty: ty("string"), required: false, legacy: false },
);
HaptikEvent.common.push(
  { name: "version", ty: ty("string"), required: true, legacy: false },
  { name: "timestamp", ty: ty("string"), required: true, legacy: false },
  { name: "business_id", ty: ty("loose", null, null, null, "integer_or_numeric_string"), required: true, legacy: false },
  { name: "business_name", ty: ty("string"), required: false, legacy: false },
  { name: "user", ty: ty("object", null, User), required: true, legacy: false },
  { name: "agent", ty: ty("object", null, Agent), required: false, legacy: false },
);
HaptikEvent.variants.push({ tag: "message", fields: MessageEvent, deprecated: false });
HaptikEvent.variants.push({ tag: "chat_pinned", fields: ChatPinnedEvent, deprecated: false });
HaptikEvent.variants.push({ tag: "chat_complete", fields: ChatCompleteEvent, deprecated: true });
HaptikEvent.variants.push({ tag: "webhook_conversation_complete", fields: ConversationCompleteEvent, deprecated: false });
HslElement.common.push(
  { name: "text", ty: ty("string"), required: false, legacy: false },
  { name: "isNew", ty: ty("bool"), required: false, legacy: false },
  { name: "voice_text", ty: ty("string"), required: false, legacy: false },
  { name: "mic_auto_open", ty: ty("bool"), required: false, legacy: false },
  { name: "builder_metadata_subtype", ty: ty("string"), required: false, legacy: false },
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
