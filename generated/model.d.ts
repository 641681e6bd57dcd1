// Generated from the Rust core (src/model.rs, src/issue.rs, src/signature.rs) by `cargo run --example generate`. Do not edit by hand.

/** An identifier: a number; a string of its digits only when it is beyond 2^53 - 1, which a JS number
 * cannot hold exactly (the payload's value is kept exact instead of rounded, with an `unsafe_integer` warning). */
export type Id = number | string;

// Narrowing: an unknown member's tag is a plain `string`, from which TypeScript cannot exclude a literal, so
// `ev.event_name === "message"` narrows a `KnownEvent` (after `isKnownEvent(ev)`), not a `HaptikEvent`.
// The same holds for `isKnownElement(body)` and `body.type`.

/** The end user. Older payloads carry only `auth_id` (and sometimes `device_platform`). */
export interface User {
  /** The customer's own identifier of the user. */
  auth_id: string;
  /** Channel code: 2 Android SDK, 3 Facebook, 4 Jio, 5 Web SDK, 6 iOS SDK, 13 Bot API, 14 WhatsApp, 15 Jio Chat Connector. A numeric string becomes the number; other strings are kept. */
  device_platform?: number | string;
  /** Name of the channel (added late 2020). */
  device_platform_name?: string;
  /** The user's name. */
  user_name?: string;
  /** The platform's identifier of the user (added late 2020; type not documented). */
  user_id?: unknown;
  /** Device model. */
  phone_model?: string;
  /** Operating system version. */
  os_version?: string;
  /** App package name. */
  package_name?: string;
}

/** The bot or human agent. Absent in `webhook_conversation_complete` before Sept 2020. */
export interface Agent {
  /** The agent's identifier. */
  id: Id;
  /** Name of the agent or bot (`gogo` is the platform's bot). */
  name?: string;
  /** URL of the agent's profile image. */
  profile_image?: string;
  /** `false` when a human agent sent the message. The string "True" of a 2018 draft becomes `true`. */
  is_automated?: boolean;
  /** The agent's email; `null` when automated (added 2021). */
  email?: string | null;
}

export interface Message {
  /** Numeric, increasing: the ordering and idempotency key. */
  id: Id;
  /** An HSL element. A plain-string body becomes a TEXT element. */
  body: HslElement;
}

export interface TextData {
  /** Quick replies; the list may be empty. */
  quick_replies: Array<Actionable>;
}

/** A button, quick reply or carousel action. */
export interface Actionable {
  /** The label shown. */
  actionable_text?: string;
  /** Kind of action (`TEXT_ONLY` for quick replies); absent on some carousel actionables. */
  type?: "APP_ACTION" | "TEXT_ONLY" | "TEXT" | "MESSAGE_BAR" | "TAB_LIST_TEXT_ONLY" | "FORM_SHOW" | "SHARE" | "SHARE_RECEIPT" | "SHARE_REFERRAL" | "APP_FEEDBACK" | (string & {});
  /** What the action does ("" for nothing). */
  uri?: "" | "LINK" | "SELF_SERVE_WEB" | "CAROUSEL_DETAIL" | "CAROUSEL_DEFAULT" | "GALLERY_PICKER" | "IMAGE_UPLOAD" | "DOCUMENT_PICKER" | "SEND_LOCATION" | "SEND_MULTIPLE_LOCATIONS" | "SAVED_ADDRESSES" | "CALL" | "LAUNCH_CHANNEL" | (string & {});
  /** Data for the action. */
  payload?: ActionablePayload;
  /** 1 for the default action. A boolean becomes 0/1. */
  is_default?: 0 | 1;
  /** @deprecated Deprecated. The strings "true"/"false" become booleans. */
  location_required?: boolean;
  /** An emoji (older payloads). */
  emoji?: string;
}

/** What an actionable carries; which keys depend on its `uri`. Other keys are kept. */
export interface ActionablePayload {
  /** What the user appears to send. May carry hidden metadata in braces, e.g. "Thanks{task}". */
  message?: string;
  /** What the bot receives; falls back to `message` when empty. */
  gogo_message?: string;
  /** For `LINK` and `SELF_SERVE_WEB`: the address to open. */
  url?: string;
  /** A link. */
  link?: string;
  /** For `CAROUSEL_DETAIL`. */
  title?: string;
  /** For `CAROUSEL_DETAIL`. */
  sub_title?: string;
  /** For `CAROUSEL_DETAIL`. */
  description?: string;
  /** For `CAROUSEL_DETAIL`. */
  images?: Array<unknown>;
  /** For `DOCUMENT_PICKER`. */
  mime_types?: Array<string>;
  /** For `SEND_LOCATION`. */
  lat_key?: string;
  /** For `SEND_LOCATION`. */
  lng_key?: string;
  /** A callback address. */
  callback_link?: string;
  /** Items. */
  items?: Array<unknown>;
  /** Whether to offer sharing. */
  show_share_option?: boolean;
  /** An image URL. */
  image?: string;
  /** For `LAUNCH_CHANNEL`. */
  via_name?: string;
  /** An identifier (type not documented). */
  id?: unknown;
  /** Keys the platform uses beyond the documented ones. */
  [key: string]: unknown;
}

export interface ButtonData {
  /** The buttons. */
  items: Array<Actionable>;
}

export interface CarouselData {
  /** Card width. */
  width?: "THIN" | "MEDIUM" | "FAT" | "BIG" | (string & {});
  /** Image aspect ratio (1000.1 for a carousel without image). A numeric string becomes the number. */
  image_aspect_ratio?: number;
  /** The cards. */
  items: Array<CarouselItem>;
}

/** One card of a carousel. */
export interface CarouselItem {
  /** The card's image. */
  thumbnail?: Thumbnail;
  title?: string;
  sub_title?: string;
  description?: string;
  /** The card's buttons. */
  actionables?: Array<Actionable>;
  /** A small action on the card. */
  mini_actionable?: Actionable;
  /** e.g. a rating. */
  meta?: string;
}

export interface Thumbnail {
  /** Image URL (a video is an embed URL). */
  image: string;
  /** @deprecated Deprecated. */
  type?: "LANDSCAPE" | (string & {});
}

/** `{}` for `chat_complete` (and for `chat_pinned` before Sept 2019). */
export interface SystemData {
  event_name?: string;
  payload?: SystemPayload;
}

export interface SystemPayload {
  profile_image?: string;
  agent_name?: string;
  team_name?: string;
}

export interface FormData {
  fields: Array<FormField>;
}

export interface FormField {
  key: string;
  type?: "text" | "picker" | "time" | "date" | "contactpicker" | "startdate" | "enddate" | "search" | "searcheditable" | "savedaddress" | "dob" | "multidaypicker" | "multiselectpicker" | (string & {});
  keyboard_type?: "normal" | "number" | "email" | (string & {});
  order?: number;
  icon?: string;
  hint?: string;
  options?: Array<unknown>;
  search_source?: unknown;
  search_placeholder?: string;
  autofill?: unknown;
  autofill_source?: unknown;
}

export interface SilentData {
  silent_actions: Array<SilentAction>;
}

export interface SilentAction {
  type: string;
  data?: SilentActionData;
}

export interface SilentActionData {
  /** Note the capital I. */
  Id?: number;
  via_name?: string;
}

export interface NativeActionData {
  /** The host app's method to call. */
  method: string;
}

/** `{}` when there is no follow-up. */
export interface FollowUpDetails {
  /** Epoch seconds. */
  follow_up_timestamp?: number;
  /** 1 expert, 2 user, 3 both. */
  send_to?: 1 | 2 | 3 | (number & {});
  expert_name?: string;
  comment?: string;
  team_id?: number;
}

export interface ConversationData {
  /** A string; an integer becomes its decimal string. */
  conversation_no?: string;
  /** Added late 2020. */
  collection_id?: string;
  /** Added late 2020. */
  conversation_identifier?: string;
  /** @deprecated Deprecated: use `complete_chat_link`. */
  chat_link?: string;
  /** Added late 2020. */
  complete_chat_link?: string;
  /** Who completed the conversation. */
  completion_type?: "gogo" | "agent" | "autocomplete" | (string & {});
  /** The state before completion, e.g. `Waiting for User`. */
  completion_by?: string;
  /** An object; a plain string before Aug 2019 (kept as it is). */
  closing_categories?: ClosingCategories | string;
  /** Set by the bot; values meant to be strings. */
  conversation_details?: { [key: string]: unknown };
  /** Set by the bot; values meant to be strings. */
  user_details?: { [key: string]: unknown };
  /** @deprecated Name of `conversation_details` before Feb 2020. */
  conversation_data?: { [key: string]: unknown };
  /** @deprecated Name of `user_details` before Feb 2020. */
  permanent_user_data?: { [key: string]: unknown };
}

/** Why the conversation was closed (note the camelCase `subReason`). */
export interface ClosingCategories {
  reason?: string;
  subReason?: string;
  comment?: string;
}

/** The fields every known event carries. */
export interface EventEnvelope {
  /** Webhook format version, "1.0" in every known payload. */
  version: string;
  /** ISO-8601 time the platform created the request, e.g. 2019-07-03T11:42:44.077Z. */
  timestamp: string;
  /** The business's numeric identifier. A numeric string becomes the number. */
  business_id: Id;
  /** The business's name (added late 2020). */
  business_name?: string;
  /** The end user. */
  user: User;
  /** The bot or agent concerned. */
  agent?: Agent;
}

/** A bot or agent sent a message to the user. */
export interface MessageEvent extends EventEnvelope {
  event_name: "message";
  message: Message;
}

/** A chat was assigned to a human agent; the body is a SYSTEM element. */
export interface ChatPinnedEvent extends EventEnvelope {
  event_name: "chat_pinned";
  message: Message;
}

/** @deprecated A chat was marked complete. Deprecated by the platform in favour of `webhook_conversation_complete`. */
export interface ChatCompleteEvent extends EventEnvelope {
  event_name: "chat_complete";
  message: Message;
}

/** A conversation was marked complete by an agent or a bot. Carries no `message`. */
export interface ConversationCompleteEvent extends EventEnvelope {
  event_name: "webhook_conversation_complete";
  /** `{}` when there is no follow-up. */
  follow_up_details?: FollowUpDetails;
  data: ConversationData;
}

export type KnownEvent =
  | MessageEvent
  | ChatPinnedEvent
  | ChatCompleteEvent
  | ConversationCompleteEvent;

/** An event this version does not know (e.g. `typing_indicator`): everything is kept. The platform asks consumers to ignore these and answer 200. */
export interface UnknownEvent {
  event_name: string;
  [key: string]: unknown;
}

export type HaptikEvent = KnownEvent | UnknownEvent;

/** What every HSL element may carry besides `type` and `data`. */
export interface ElementBase {
  /** What the chat bubble shows; missing in some elements. */
  text?: string;
  /** Seen in the wild. */
  isNew?: boolean;
  /** Spoken when text-to-speech is on. */
  voice_text?: string;
  /** Opens the microphone after the message. */
  mic_auto_open?: boolean;
  /** Set by the platform's bot builder. */
  builder_metadata_subtype?: string;
}

/** A text bubble with optional quick replies. */
export interface TextElement extends ElementBase {
  type: "TEXT";
  data: TextData;
}

/** Text with buttons. Files are `LINK` buttons with `payload.url`. */
export interface ButtonElement extends ElementBase {
  type: "BUTTON";
  data: ButtonData;
}

/** Cards. An image message is a one-card carousel. */
export interface CarouselElement extends ElementBase {
  type: "CAROUSEL";
  data: CarouselData;
}

/** A system notice (chat pinned, chat complete). */
export interface SystemElement extends ElementBase {
  type: "SYSTEM";
  data: SystemData;
}

/** A form (official builder only). Has no `text`. */
export interface FormElement extends ElementBase {
  type: "FORM";
  data: FormData;
  /** Form title. */
  title?: string;
  /** Form subtitle. */
  subtitle?: string;
}

/** Actions with nothing shown (official builder only). */
export interface SilentElement extends ElementBase {
  type: "SILENT";
  data: SilentData;
}

/** A call into the host app (official builder only). */
export interface NativeActionElement extends ElementBase {
  type: "NATIVE_ACTION";
  data: NativeActionData;
}

/** An order receipt (2018 documentation only; its data is not checked). */
export interface ReceiptElement extends ElementBase {
  type: "RECEIPT";
  data?: { [key: string]: unknown };
}

/** A tabbed selection (2018 documentation only; its data is not checked). */
export interface TabListElement extends ElementBase {
  type: "TAB_LIST";
  data?: { [key: string]: unknown };
}

export type KnownElement =
  | TextElement
  | ButtonElement
  | CarouselElement
  | SystemElement
  | FormElement
  | SilentElement
  | NativeActionElement
  | ReceiptElement
  | TabListElement;

/** An HSL element of a type this version does not know: everything is kept. */
export interface UnknownElement {
  type: string;
  [key: string]: unknown;
}

export type HslElement = KnownElement | UnknownElement;

/** Each known `event_name` and its type. */
export interface EventMap {
  message: MessageEvent;
  chat_pinned: ChatPinnedEvent;
  chat_complete: ChatCompleteEvent;
  webhook_conversation_complete: ConversationCompleteEvent;
}

/** Each known `type` and its type. */
export interface ElementMap {
  TEXT: TextElement;
  BUTTON: ButtonElement;
  CAROUSEL: CarouselElement;
  SYSTEM: SystemElement;
  FORM: FormElement;
  SILENT: SilentElement;
  NATIVE_ACTION: NativeActionElement;
  RECEIPT: ReceiptElement;
  TAB_LIST: TabListElement;
}

export type EventName = keyof EventMap;
export type HslType = keyof ElementMap;

/** Stable, machine-readable issue codes. */
export type IssueCode =
  | "syntax"
  | "invalid_encoding"
  | "duplicate_key"
  | "missing_field"
  | "invalid_type"
  | "invalid_value"
  | "unsafe_integer"
  | "number_out_of_range"
  | "too_large"
  | "too_deep"
  | "loose_type"
  | "legacy_shape"
  | "deprecated"
  | "comment"
  | "trailing_comma"
  | "byte_order_mark"
  | "possible_typo"
  | "internal";

/** One problem found in a payload. Plain and JSON-serialisable. */
export interface Issue {
  code: IssueCode;
  /** JSON Pointer of the value concerned ("" is the whole payload). */
  path: string;
  /** A sentence a person understands. */
  message: string;
  expected?: string;
  /** A short rendering of the value found. */
  received?: string;
  /** 1-based line of the value (or of the syntax error). */
  line?: number;
  /** 1-based column, in UTF-16 code units as JS strings count. */
  column?: number;
  /** 0-based byte offset in the UTF-8 body. */
  offset?: number;
}

export declare const EVENT_NAMES: readonly ["message", "chat_pinned", "chat_complete", "webhook_conversation_complete"];
export declare const DEPRECATED_EVENT_NAMES: readonly ["chat_complete"];
export declare const HSL_TYPES: readonly ["TEXT", "BUTTON", "CAROUSEL", "SYSTEM", "FORM", "SILENT", "NATIVE_ACTION", "RECEIPT", "TAB_LIST"];
export declare const ISSUE_CODES: readonly IssueCode[];

/** Why a signature did not verify (see verifySignature). */
export type SignatureReason =
  /** No X-Hub-Signature header, or an empty one. */
  | "missing_header"
  /** Not `<algorithm>=<digest>`, or the digest is neither hex nor base64 of the right length. */
  | "malformed_header"
  /** An algorithm other than sha1 / sha256. */
  | "unsupported_algorithm"
  /** No non-empty secret was given. */
  | "no_secret"
  /** The digest matches none of the secrets. */
  | "digest_mismatch"
  /** No secret matched and one has leading/trailing whitespace (secrets are never trimmed). */
  | "secret_whitespace"
  /** The body was a parsed object: re-serialised JSON never matches. */
  | "body_not_raw";
export declare const SIGNATURE_REASONS: readonly ["missing_header", "malformed_header", "unsupported_algorithm", "no_secret", "digest_mismatch", "secret_whitespace", "body_not_raw"];
