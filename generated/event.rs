// Generated from the model (src/model.rs) by `cargo run --example generate` (src/rust_types.rs).
// Do not edit by hand: change the model and run the generator; tests/generated.rs fails when this is stale.

//! The typed model of every event: serde-derived types, exactly what `parse_event` gives (loose
//! forms normalised). Unknown keys are kept in each type's `extra`, unknown events and HSL types
//! as `Unknown`, so serialising a parsed event gives its payload back.

use crate::event_support::{self as support, Id, NumberOrString, ObjectOrText};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

/// Told apart by `event_name`; a value the model does not know is kept whole as `Unknown`.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Event {
    /// A bot or agent sent a message to the user.
    Message(MessageEvent),
    /// A chat was assigned to a human agent; the body is a SYSTEM element.
    ChatPinned(ChatPinnedEvent),
    /// Deprecated. A chat was marked complete. Deprecated by the platform in favour of `webhook_conversation_complete`.
    ChatComplete(ChatCompleteEvent),
    /// A conversation was marked complete by an agent or a bot. Carries no `message`.
    WebhookConversationComplete(ConversationCompleteEvent),
    /// An event this version does not know (e.g. `typing_indicator`): everything is kept. The platform asks consumers to ignore these and answer 200.
    Unknown(UnknownEvent),
}

impl Event {
    /// The `event_name` it was sent with.
    pub fn event_name(&self) -> &str {
        match self {
            Event::Message(_) => "message",
            Event::ChatPinned(_) => "chat_pinned",
            Event::ChatComplete(_) => "chat_complete",
            Event::WebhookConversationComplete(_) => "webhook_conversation_complete",
            Event::Unknown(v) => &v.event_name,
        }
    }

    /// Whether the model knows this variant.
    pub fn is_known(&self) -> bool {
        !matches!(self, Event::Unknown(_))
    }
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Event::Message(v) => support::serialize_tagged(serializer, "event_name", "message", v),
            Event::ChatPinned(v) => support::serialize_tagged(serializer, "event_name", "chat_pinned", v),
            Event::ChatComplete(v) => support::serialize_tagged(serializer, "event_name", "chat_complete", v),
            Event::WebhookConversationComplete(v) => support::serialize_tagged(serializer, "event_name", "webhook_conversation_complete", v),
            Event::Unknown(v) => v.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (tag, fields) = support::split_tag::<D>(deserializer, "event_name")?;
        match tag.as_str() {
            "message" => support::from_fields::<D, _>(fields).map(Event::Message),
            "chat_pinned" => support::from_fields::<D, _>(fields).map(Event::ChatPinned),
            "chat_complete" => support::from_fields::<D, _>(fields).map(Event::ChatComplete),
            "webhook_conversation_complete" => support::from_fields::<D, _>(fields).map(Event::WebhookConversationComplete),
            _ => support::from_fields::<D, _>(support::with_tag(fields, "event_name", tag)).map(Event::Unknown),
        }
    }
}

/// An event this version does not know (e.g. `typing_indicator`): everything is kept. The platform asks consumers to ignore these and answer 200.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnknownEvent {
    pub event_name: String,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A bot or agent sent a message to the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageEvent {
    /// Webhook format version, "1.0" in every known payload.
    pub version: String,
    /// ISO-8601 time the platform created the request, e.g. 2019-07-03T11:42:44.077Z.
    pub timestamp: String,
    /// The business's numeric identifier. A numeric string becomes the number.
    pub business_id: Id,
    /// The business's name (added late 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// The end user.
    pub user: User,
    /// The bot or agent concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Agent>,
    pub message: Message,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A chat was assigned to a human agent; the body is a SYSTEM element.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChatPinnedEvent {
    /// Webhook format version, "1.0" in every known payload.
    pub version: String,
    /// ISO-8601 time the platform created the request, e.g. 2019-07-03T11:42:44.077Z.
    pub timestamp: String,
    /// The business's numeric identifier. A numeric string becomes the number.
    pub business_id: Id,
    /// The business's name (added late 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// The end user.
    pub user: User,
    /// The bot or agent concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Agent>,
    pub message: Message,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Deprecated. A chat was marked complete. Deprecated by the platform in favour of `webhook_conversation_complete`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChatCompleteEvent {
    /// Webhook format version, "1.0" in every known payload.
    pub version: String,
    /// ISO-8601 time the platform created the request, e.g. 2019-07-03T11:42:44.077Z.
    pub timestamp: String,
    /// The business's numeric identifier. A numeric string becomes the number.
    pub business_id: Id,
    /// The business's name (added late 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// The end user.
    pub user: User,
    /// The bot or agent concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Agent>,
    pub message: Message,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A conversation was marked complete by an agent or a bot. Carries no `message`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationCompleteEvent {
    /// Webhook format version, "1.0" in every known payload.
    pub version: String,
    /// ISO-8601 time the platform created the request, e.g. 2019-07-03T11:42:44.077Z.
    pub timestamp: String,
    /// The business's numeric identifier. A numeric string becomes the number.
    pub business_id: Id,
    /// The business's name (added late 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    /// The end user.
    pub user: User,
    /// The bot or agent concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Agent>,
    /// `{}` when there is no follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_details: Option<FollowUpDetails>,
    pub data: ConversationData,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Told apart by `type`; a value the model does not know is kept whole as `Unknown`.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum HslElement {
    /// A text bubble with optional quick replies.
    Text(TextElement),
    /// Text with buttons. Files are `LINK` buttons with `payload.url`.
    Button(ButtonElement),
    /// Cards. An image message is a one-card carousel.
    Carousel(CarouselElement),
    /// A system notice (chat pinned, chat complete).
    System(SystemElement),
    /// A form (official builder only). Has no `text`.
    Form(FormElement),
    /// Actions with nothing shown (official builder only).
    Silent(SilentElement),
    /// A call into the host app (official builder only).
    NativeAction(NativeActionElement),
    /// An order receipt (2018 documentation only; its data is not checked).
    Receipt(ReceiptElement),
    /// A tabbed selection (2018 documentation only; its data is not checked).
    TabList(TabListElement),
    /// An HSL element of a type this version does not know: everything is kept.
    Unknown(UnknownElement),
}

impl HslElement {
    /// The `type` it was sent with.
    pub fn type_name(&self) -> &str {
        match self {
            HslElement::Text(_) => "TEXT",
            HslElement::Button(_) => "BUTTON",
            HslElement::Carousel(_) => "CAROUSEL",
            HslElement::System(_) => "SYSTEM",
            HslElement::Form(_) => "FORM",
            HslElement::Silent(_) => "SILENT",
            HslElement::NativeAction(_) => "NATIVE_ACTION",
            HslElement::Receipt(_) => "RECEIPT",
            HslElement::TabList(_) => "TAB_LIST",
            HslElement::Unknown(v) => &v.r#type,
        }
    }

    /// Whether the model knows this variant.
    pub fn is_known(&self) -> bool {
        !matches!(self, HslElement::Unknown(_))
    }
}

impl Serialize for HslElement {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            HslElement::Text(v) => support::serialize_tagged(serializer, "type", "TEXT", v),
            HslElement::Button(v) => support::serialize_tagged(serializer, "type", "BUTTON", v),
            HslElement::Carousel(v) => support::serialize_tagged(serializer, "type", "CAROUSEL", v),
            HslElement::System(v) => support::serialize_tagged(serializer, "type", "SYSTEM", v),
            HslElement::Form(v) => support::serialize_tagged(serializer, "type", "FORM", v),
            HslElement::Silent(v) => support::serialize_tagged(serializer, "type", "SILENT", v),
            HslElement::NativeAction(v) => support::serialize_tagged(serializer, "type", "NATIVE_ACTION", v),
            HslElement::Receipt(v) => support::serialize_tagged(serializer, "type", "RECEIPT", v),
            HslElement::TabList(v) => support::serialize_tagged(serializer, "type", "TAB_LIST", v),
            HslElement::Unknown(v) => v.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for HslElement {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (tag, fields) = support::split_tag::<D>(deserializer, "type")?;
        match tag.as_str() {
            "TEXT" => support::from_fields::<D, _>(fields).map(HslElement::Text),
            "BUTTON" => support::from_fields::<D, _>(fields).map(HslElement::Button),
            "CAROUSEL" => support::from_fields::<D, _>(fields).map(HslElement::Carousel),
            "SYSTEM" => support::from_fields::<D, _>(fields).map(HslElement::System),
            "FORM" => support::from_fields::<D, _>(fields).map(HslElement::Form),
            "SILENT" => support::from_fields::<D, _>(fields).map(HslElement::Silent),
            "NATIVE_ACTION" => support::from_fields::<D, _>(fields).map(HslElement::NativeAction),
            "RECEIPT" => support::from_fields::<D, _>(fields).map(HslElement::Receipt),
            "TAB_LIST" => support::from_fields::<D, _>(fields).map(HslElement::TabList),
            _ => support::from_fields::<D, _>(support::with_tag(fields, "type", tag)).map(HslElement::Unknown),
        }
    }
}

/// An HSL element of a type this version does not know: everything is kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnknownElement {
    pub r#type: String,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A text bubble with optional quick replies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    pub data: TextData,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Text with buttons. Files are `LINK` buttons with `payload.url`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ButtonElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    pub data: ButtonData,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Cards. An image message is a one-card carousel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CarouselElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    pub data: CarouselData,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A system notice (chat pinned, chat complete).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    pub data: SystemData,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A form (official builder only). Has no `text`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    pub data: FormData,
    /// Form title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Form subtitle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Actions with nothing shown (official builder only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SilentElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    pub data: SilentData,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A call into the host app (official builder only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NativeActionElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    pub data: NativeActionData,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An order receipt (2018 documentation only; its data is not checked).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceiptElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Map<String, Value>>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tabbed selection (2018 documentation only; its data is not checked).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabListElement {
    /// What the chat bubble shows; missing in some elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Seen in the wild.
    #[serde(rename = "isNew", default, skip_serializing_if = "Option::is_none")]
    pub is_new: Option<bool>,
    /// Spoken when text-to-speech is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_text: Option<String>,
    /// Opens the microphone after the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mic_auto_open: Option<bool>,
    /// Set by the platform's bot builder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder_metadata_subtype: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Map<String, Value>>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The end user. Older payloads carry only `auth_id` (and sometimes `device_platform`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// The customer's own identifier of the user.
    pub auth_id: String,
    /// Channel code: 2 Android SDK, 3 Facebook, 4 Jio, 5 Web SDK, 6 iOS SDK, 13 Bot API, 14 WhatsApp, 15 Jio Chat Connector. A numeric string becomes the number; other strings are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_platform: Option<NumberOrString>,
    /// Name of the channel (added late 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_platform_name: Option<String>,
    /// The user's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// The platform's identifier of the user (added late 2020; type not documented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Value>,
    /// Device model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_model: Option<String>,
    /// Operating system version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_version: Option<String>,
    /// App package name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_name: Option<String>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The bot or human agent. Absent in `webhook_conversation_complete` before Sept 2020.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agent {
    /// The agent's identifier.
    pub id: Id,
    /// Name of the agent or bot (`gogo` is the platform's bot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// URL of the agent's profile image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_image: Option<String>,
    /// `false` when a human agent sent the message. The string "True" of a 2018 draft becomes `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_automated: Option<bool>,
    /// The agent's email; `null` when automated (added 2021).
    #[serde(default, deserialize_with = "support::present", skip_serializing_if = "Option::is_none")]
    pub email: Option<Option<String>>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// Numeric, increasing: the ordering and idempotency key.
    pub id: Id,
    /// An HSL element. A plain-string body becomes a TEXT element.
    pub body: HslElement,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextData {
    /// Quick replies; the list may be empty.
    pub quick_replies: Vec<Actionable>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A button, quick reply or carousel action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actionable {
    /// The label shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actionable_text: Option<String>,
    /// Kind of action (`TEXT_ONLY` for quick replies); absent on some carousel actionables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// What the action does ("" for nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Data for the action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<ActionablePayload>,
    /// 1 for the default action. A boolean becomes 0/1.
    #[serde(default, deserialize_with = "support::some_integer", skip_serializing_if = "Option::is_none")]
    pub is_default: Option<i64>,
    /// Deprecated. The strings "true"/"false" become booleans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_required: Option<bool>,
    /// An emoji (older payloads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<String>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What an actionable carries; which keys depend on its `uri`. Other keys are kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionablePayload {
    /// What the user appears to send. May carry hidden metadata in braces, e.g. "Thanks{task}".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What the bot receives; falls back to `message` when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gogo_message: Option<String>,
    /// For `LINK` and `SELF_SERVE_WEB`: the address to open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// For `CAROUSEL_DETAIL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For `CAROUSEL_DETAIL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_title: Option<String>,
    /// For `CAROUSEL_DETAIL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// For `CAROUSEL_DETAIL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<Value>>,
    /// For `DOCUMENT_PICKER`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_types: Option<Vec<String>>,
    /// For `SEND_LOCATION`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat_key: Option<String>,
    /// For `SEND_LOCATION`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lng_key: Option<String>,
    /// A callback address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_link: Option<String>,
    /// Items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Value>>,
    /// Whether to offer sharing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_share_option: Option<bool>,
    /// An image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// For `LAUNCH_CHANNEL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via_name: Option<String>,
    /// An identifier (type not documented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Value>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ButtonData {
    /// The buttons.
    pub items: Vec<Actionable>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CarouselData {
    /// Card width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<String>,
    /// Image aspect ratio (1000.1 for a carousel without image). A numeric string becomes the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_aspect_ratio: Option<Number>,
    /// The cards.
    pub items: Vec<CarouselItem>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One card of a carousel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CarouselItem {
    /// The card's image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<Thumbnail>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The card's buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actionables: Option<Vec<Actionable>>,
    /// A small action on the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mini_actionable: Option<Actionable>,
    /// e.g. a rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<String>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thumbnail {
    /// Image URL (a video is an embed URL).
    pub image: String,
    /// Deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{}` for `chat_complete` (and for `chat_pinned` before Sept 2019).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemData {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<SystemPayload>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SystemPayload {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_name: Option<String>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormData {
    pub fields: Vec<FormField>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormField {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyboard_type: Option<String>,
    #[serde(default, deserialize_with = "support::some_integer", skip_serializing_if = "Option::is_none")]
    pub order: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_source: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_placeholder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autofill: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autofill_source: Option<Value>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SilentData {
    pub silent_actions: Vec<SilentAction>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SilentAction {
    pub r#type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<SilentActionData>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SilentActionData {
    /// Note the capital I.
    #[serde(rename = "Id", default, deserialize_with = "support::some_integer", skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via_name: Option<String>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NativeActionData {
    /// The host app's method to call.
    pub method: String,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{}` when there is no follow-up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUpDetails {
    /// Epoch seconds.
    #[serde(default, deserialize_with = "support::some_integer", skip_serializing_if = "Option::is_none")]
    pub follow_up_timestamp: Option<i64>,
    /// 1 expert, 2 user, 3 both.
    #[serde(default, deserialize_with = "support::some_integer", skip_serializing_if = "Option::is_none")]
    pub send_to: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, deserialize_with = "support::some_integer", skip_serializing_if = "Option::is_none")]
    pub team_id: Option<i64>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationData {
    /// A string; an integer becomes its decimal string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_no: Option<String>,
    /// Added late 2020.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection_id: Option<String>,
    /// Added late 2020.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_identifier: Option<String>,
    /// Deprecated: use `complete_chat_link`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_link: Option<String>,
    /// Added late 2020.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complete_chat_link: Option<String>,
    /// Who completed the conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_type: Option<String>,
    /// The state before completion, e.g. `Waiting for User`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_by: Option<String>,
    /// An object; a plain string before Aug 2019 (kept as it is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_categories: Option<ObjectOrText<ClosingCategories>>,
    /// Set by the bot; values meant to be strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_details: Option<Map<String, Value>>,
    /// Set by the bot; values meant to be strings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_details: Option<Map<String, Value>>,
    /// Deprecated. Name of `conversation_details` before Feb 2020.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_data: Option<Map<String, Value>>,
    /// Deprecated. Name of `user_details` before Feb 2020.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permanent_user_data: Option<Map<String, Value>>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Why the conversation was closed (note the camelCase `subReason`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClosingCategories {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(rename = "subReason", default, skip_serializing_if = "Option::is_none")]
    pub sub_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Keys the model does not name, kept as they were (in their order).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
