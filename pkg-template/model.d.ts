// PLACEHOLDER: generated from the Rust model (src/typescript.rs) by `cargo run --example generate`.
export type IssueCode =
  | "syntax"
  | "missing_field"
  | "invalid_type"
  | "invalid_value"
  | "unsafe_integer"
  | "too_large"
  | "too_deep"
  | "invalid_encoding"
  | "internal"
  | (string & {});
export interface Issue {
  code: IssueCode;
  path: string;
  message: string;
  expected?: string;
  received?: string;
  line?: number;
  column?: number;
  offset?: number;
}
export interface KnownElementBase { type: string; text?: string; data?: { [key: string]: unknown }; [key: string]: unknown }
export type KnownElement = KnownElementBase & { type: "TEXT" | "BUTTON" | "CAROUSEL" | "SYSTEM" | "FORM" | "SILENT" | "NATIVE_ACTION" | "RECEIPT" | "TAB_LIST" };
export interface UnknownElement { type: string; [key: string]: unknown }
export type HslElement = KnownElement | UnknownElement;
interface Envelope { version?: string; timestamp?: string; business_id: number; business_name?: string; user: { auth_id: string; [key: string]: unknown }; [key: string]: unknown }
export interface MessageEvent extends Envelope { event_name: "message"; message: { id: number | string; body: HslElement; [key: string]: unknown } }
export interface ChatPinnedEvent extends Envelope { event_name: "chat_pinned"; message: { id: number | string; body: HslElement; [key: string]: unknown } }
export interface ChatCompleteEvent extends Envelope { event_name: "chat_complete"; message: { id: number | string; body: HslElement; [key: string]: unknown } }
export interface ConversationCompleteEvent extends Envelope { event_name: "webhook_conversation_complete"; follow_up_details: { [key: string]: unknown }; data: { [key: string]: unknown } }
export type KnownEvent = MessageEvent | ChatPinnedEvent | ChatCompleteEvent | ConversationCompleteEvent;
export interface UnknownEvent { event_name: string; [key: string]: unknown }
export type HaptikEvent = KnownEvent | UnknownEvent;
export interface EventMap {
  message: MessageEvent;
  chat_pinned: ChatPinnedEvent;
  chat_complete: ChatCompleteEvent;
  webhook_conversation_complete: ConversationCompleteEvent;
}
