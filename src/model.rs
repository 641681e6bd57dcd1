//! The Haptik webhook model, as data: the one source of truth from which the validator works
//! and the TypeScript types and JSON Schema are generated. Facts come from
//! `shared/spec/haptik-webhooks.md`; where the platform documents nothing, fields are optional
//! and open (unknown keys, event names and element types are kept, never rejected).

/// The type of a value.
#[derive(Debug)]
pub enum Ty {
    /// Any JSON value, kept as it is (integers beyond 2^53 become exact strings).
    Any,
    String,
    Bool,
    /// A whole number within ±(2^53 − 1).
    Integer,
    Number,
    /// An identifier: an integer; one beyond 2^53 − 1 is kept exact as a string of digits.
    Id,
    /// A string whose documented values are listed; other strings are accepted.
    Enum(&'static [&'static str]),
    /// An integer whose documented values are listed; other integers are accepted.
    IntEnum(&'static [(i64, &'static str)]),
    Nullable(&'static Ty),
    Array(&'static Ty),
    Object(&'static Object),
    /// A free-form object whose values all have the given type.
    Map(&'static Ty),
    /// A value seen in more than one form; accepted, normalised where lossless, and reported.
    Loose(Loose),
    /// Objects told apart by a string field.
    Union(&'static Union),
    /// A message body: an HSL element, a plain string (2018), or an HSL element serialised as a
    /// JSON string (seen in a neighbouring API).
    Body,
}

/// The loose forms of section 5 of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loose {
    /// `business_id`: an integer; a numeric string becomes the number.
    IntegerOrNumericString,
    /// `device_platform`: a number; a numeric string becomes the number; any other string (a
    /// placeholder) is kept.
    NumberOrString,
    /// A boolean; the strings "true"/"false" (any case, e.g. "True") become booleans.
    Boolean,
    /// `is_default`: 0 or 1; a boolean becomes 0/1.
    Flag,
    /// `image_aspect_ratio`: a number; a numeric string becomes the number.
    NumberOrNumericString,
    /// `conversation_no`: a string; an integer becomes its decimal string.
    StringOrInteger,
    /// `closing_categories`: an object; before Aug 2019 a plain string, kept as it is.
    ClosingCategories,
}

#[derive(Debug)]
pub struct Object {
    /// The TypeScript interface name.
    pub name: &'static str,
    /// Typed open to more keys (`[key: string]: unknown`): the platform documents some and uses
    /// more. (Every object keeps unknown keys at run time; this is about the types.)
    pub open: bool,
    pub doc: &'static str,
    pub fields: &'static [Field],
    /// The required fields, by bit (bit i for `fields[i]`): computed from `fields` when the
    /// model is compiled (see `object!`), so the walker checks them with one comparison.
    pub required: u64,
}

/// The bits of the required fields of `fields` (bit i for `fields[i]`). A list of more than 64
/// fields fails to compile.
pub const fn required_bits(fields: &[Field]) -> u64 {
    let mut bits = 0u64;
    let mut i = 0;
    while i < fields.len() {
        // i < fields.len(): in bounds (and evaluated when the model is compiled).
        #[allow(clippy::indexing_slicing)]
        if fields[i].required {
            bits |= 1 << i;
        }
        i += 1;
    }
    bits
}

/// An [`Object`], its `required` bits computed from its fields.
macro_rules! object {
    // `$fields` is written twice: evaluated when the model is compiled, the second copy only
    // to count its required fields (nothing of it is kept).
    (name: $name:expr, open: $open:expr, doc: $doc:expr, fields: $fields:expr $(,)?) => {
        Object {
            name: $name,
            open: $open,
            doc: $doc,
            fields: $fields,
            required: required_bits($fields),
        }
    };
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub doc: &'static str,
    /// Marked `@deprecated` in the types.
    pub deprecated: bool,
    /// An older name of the payload, accepted and reported as `legacy_shape`.
    pub legacy: bool,
}

#[derive(Debug)]
pub struct Union {
    /// The TypeScript name of the union of known variants (e.g. `KnownEvent`).
    pub known_name: &'static str,
    /// The TypeScript name of the whole union, unknown member included (e.g. `HaptikEvent`).
    pub name: &'static str,
    /// The name of the Rust enum of the typed API (e.g. `Event`).
    pub rust_name: &'static str,
    pub tag: &'static str,
    pub variants: &'static [Variant],
    /// Fields every variant shares (checked for known variants only).
    pub common: &'static [Field],
    /// The TypeScript name of the interface of the common fields, and its doc.
    pub common_name: &'static str,
    pub common_doc: &'static str,
    /// The TypeScript name of the member for tags the model does not know.
    pub unknown_name: &'static str,
    pub unknown_doc: &'static str,
}

#[derive(Debug)]
pub struct Variant {
    pub tag: &'static str,
    pub object: &'static Object,
    pub deprecated: bool,
}

/// Documentation is for the generators (TypeScript types, JSON Schema), which run natively: the
/// wasm module keeps none of the text (it would be about 2 KB of the gzipped module).
const fn for_generators(text: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        text
    }
}

const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        doc: for_generators(doc),
        deprecated: false,
        legacy: false,
    }
}
const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        doc: for_generators(doc),
        deprecated: false,
        legacy: false,
    }
}
const fn deprecated(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        doc: for_generators(doc),
        deprecated: true,
        legacy: false,
    }
}
const fn legacy(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        doc: for_generators(doc),
        deprecated: true,
        legacy: true,
    }
}

// ---------------------------------------------------------------------------------------------
// Envelope

pub static USER: Object = object! {
    name: "User", open: false,
    doc: for_generators("The end user. Older payloads carry only `auth_id` (and sometimes `device_platform`)."),
    fields: &[
        req("auth_id", Ty::String, "The customer's own identifier of the user."),
        opt(
            "device_platform",
            Ty::Loose(Loose::NumberOrString),
            "Channel code: 2 Android SDK, 3 Facebook, 4 Jio, 5 Web SDK, 6 iOS SDK, 13 Bot API, 14 WhatsApp, 15 Jio Chat Connector. A numeric string becomes the number; other strings are kept.",
        ),
        opt("device_platform_name", Ty::String, "Name of the channel (added late 2020)."),
        opt("user_name", Ty::String, "The user's name."),
        opt("user_id", Ty::Any, "The platform's identifier of the user (added late 2020; type not documented)."),
        opt("phone_model", Ty::String, "Device model."),
        opt("os_version", Ty::String, "Operating system version."),
        opt("package_name", Ty::String, "App package name."),
    ],
};

pub static AGENT: Object = object! {
    name: "Agent",
    open: false,
    doc: for_generators("The bot or human agent. Absent in `webhook_conversation_complete` before Sept 2020."),
    fields: &[
        req("id", Ty::Id, "The agent's identifier."),
        opt(
            "name",
            Ty::String,
            "Name of the agent or bot (`gogo` is the platform's bot).",
        ),
        opt("profile_image", Ty::String, "URL of the agent's profile image."),
        opt(
            "is_automated",
            Ty::Loose(Loose::Boolean),
            "`false` when a human agent sent the message. The string \"True\" of a 2018 draft becomes `true`.",
        ),
        opt(
            "email",
            Ty::Nullable(&Ty::String),
            "The agent's email; `null` when automated (added 2021).",
        ),
    ],
};

// ---------------------------------------------------------------------------------------------
// HSL elements

pub static ACTIONABLE_PAYLOAD: Object = object! {
    name: "ActionablePayload",
    open: true,
    doc: for_generators("What an actionable carries; which keys depend on its `uri`. Other keys are kept."),
    fields: &[
        opt(
            "message",
            Ty::String,
            "What the user appears to send. May carry hidden metadata in braces, e.g. \"Thanks{task}\".",
        ),
        opt(
            "gogo_message",
            Ty::String,
            "What the bot receives; falls back to `message` when empty.",
        ),
        opt(
            "url",
            Ty::String,
            "For `LINK` and `SELF_SERVE_WEB`: the address to open.",
        ),
        opt("link", Ty::String, "A link."),
        opt("title", Ty::String, "For `CAROUSEL_DETAIL`."),
        opt("sub_title", Ty::String, "For `CAROUSEL_DETAIL`."),
        opt("description", Ty::String, "For `CAROUSEL_DETAIL`."),
        opt("images", Ty::Array(&Ty::Any), "For `CAROUSEL_DETAIL`."),
        opt("mime_types", Ty::Array(&Ty::String), "For `DOCUMENT_PICKER`."),
        opt("lat_key", Ty::String, "For `SEND_LOCATION`."),
        opt("lng_key", Ty::String, "For `SEND_LOCATION`."),
        opt("callback_link", Ty::String, "A callback address."),
        opt("items", Ty::Array(&Ty::Any), "Items."),
        opt(
            "show_share_option",
            Ty::Loose(Loose::Boolean),
            "Whether to offer sharing.",
        ),
        opt("image", Ty::String, "An image URL."),
        opt("via_name", Ty::String, "For `LAUNCH_CHANNEL`."),
        opt("id", Ty::Any, "An identifier (type not documented)."),
    ],
};

pub static ACTIONABLE: Object = object! {
    name: "Actionable",
    open: false,
    doc: for_generators("A button, quick reply or carousel action."),
    fields: &[
        opt("actionable_text", Ty::String, "The label shown."),
        opt(
            "type",
            Ty::Enum(&[
                "APP_ACTION",
                "TEXT_ONLY",
                "TEXT",
                "MESSAGE_BAR",
                "TAB_LIST_TEXT_ONLY",
                "FORM_SHOW",
                "SHARE",
                "SHARE_RECEIPT",
                "SHARE_REFERRAL",
                "APP_FEEDBACK",
            ]),
            "Kind of action (`TEXT_ONLY` for quick replies); absent on some carousel actionables.",
        ),
        opt(
            "uri",
            Ty::Enum(&[
                "",
                "LINK",
                "SELF_SERVE_WEB",
                "CAROUSEL_DETAIL",
                "CAROUSEL_DEFAULT",
                "GALLERY_PICKER",
                "IMAGE_UPLOAD",
                "DOCUMENT_PICKER",
                "SEND_LOCATION",
                "SEND_MULTIPLE_LOCATIONS",
                "SAVED_ADDRESSES",
                "CALL",
                "LAUNCH_CHANNEL",
            ]),
            "What the action does (\"\" for nothing).",
        ),
        opt("payload", Ty::Object(&ACTIONABLE_PAYLOAD), "Data for the action."),
        opt(
            "is_default",
            Ty::Loose(Loose::Flag),
            "1 for the default action. A boolean becomes 0/1.",
        ),
        deprecated(
            "location_required",
            Ty::Loose(Loose::Boolean),
            "Deprecated. The strings \"true\"/\"false\" become booleans.",
        ),
        opt("emoji", Ty::String, "An emoji (older payloads)."),
    ],
};

macro_rules! element {
    ($static:ident, $name:literal, $doc:literal, data: $data:expr $(, $extra:expr)* $(,)?) => {
        pub static $static: Object = object! {
            name: $name, open: false,
            doc: for_generators($doc),
            fields: &[
                $data,
                $($extra,)*
            ],
        };
    };
}

pub static TEXT_DATA: Object = object! {
    name: "TextData",
    open: false,
    doc: for_generators(""),
    fields: &[req(
        "quick_replies",
        Ty::Array(&Ty::Object(&ACTIONABLE)),
        "Quick replies; the list may be empty.",
    )],
};
element!(TEXT_ELEMENT, "TextElement", "A text bubble with optional quick replies.",
    data: req("data", Ty::Object(&TEXT_DATA), ""));

pub static BUTTON_DATA: Object = object! {
    name: "ButtonData",
    open: false,
    doc: for_generators(""),
    fields: &[req("items", ACTIONABLES_TY, "The buttons.")],
};
const ACTIONABLES_TY: Ty = Ty::Array(&Ty::Object(&ACTIONABLE));
element!(BUTTON_ELEMENT, "ButtonElement", "Text with buttons. Files are `LINK` buttons with `payload.url`.",
    data: req("data", Ty::Object(&BUTTON_DATA), ""));

pub static THUMBNAIL: Object = object! {
    name: "Thumbnail",
    open: false,
    doc: for_generators(""),
    fields: &[
        req("image", Ty::String, "Image URL (a video is an embed URL)."),
        deprecated("type", Ty::Enum(&["LANDSCAPE"]), "Deprecated."),
    ],
};

pub static CAROUSEL_ITEM: Object = object! {
    name: "CarouselItem",
    open: false,
    doc: for_generators("One card of a carousel."),
    fields: &[
        opt("thumbnail", Ty::Object(&THUMBNAIL), "The card's image."),
        opt("title", Ty::String, ""),
        opt("sub_title", Ty::String, ""),
        opt("description", Ty::String, ""),
        opt("actionables", ACTIONABLES_TY, "The card's buttons."),
        opt(
            "mini_actionable",
            Ty::Object(&ACTIONABLE),
            "A small action on the card.",
        ),
        opt("meta", Ty::String, "e.g. a rating."),
    ],
};

pub static CAROUSEL_DATA: Object = object! {
    name: "CarouselData",
    open: false,
    doc: for_generators(""),
    fields: &[
        opt("width", Ty::Enum(&["THIN", "MEDIUM", "FAT", "BIG"]), "Card width."),
        opt(
            "image_aspect_ratio",
            Ty::Loose(Loose::NumberOrNumericString),
            "Image aspect ratio (1000.1 for a carousel without image). A numeric string becomes the number.",
        ),
        req("items", Ty::Array(&Ty::Object(&CAROUSEL_ITEM)), "The cards."),
    ],
};
element!(CAROUSEL_ELEMENT, "CarouselElement", "Cards. An image message is a one-card carousel.",
    data: req("data", Ty::Object(&CAROUSEL_DATA), ""));

pub static SYSTEM_PAYLOAD: Object = object! {
    name: "SystemPayload",
    open: false,
    doc: for_generators(""),
    fields: &[
        opt("profile_image", Ty::String, ""),
        opt("agent_name", Ty::String, ""),
        opt("team_name", Ty::String, ""),
    ],
};
pub static SYSTEM_DATA: Object = object! {
    name: "SystemData",
    open: false,
    doc: for_generators("`{}` for `chat_complete` (and for `chat_pinned` before Sept 2019)."),
    fields: &[
        opt("event_name", Ty::String, ""),
        opt("payload", Ty::Object(&SYSTEM_PAYLOAD), ""),
    ],
};
element!(SYSTEM_ELEMENT, "SystemElement", "A system notice (chat pinned, chat complete).",
    data: req("data", Ty::Object(&SYSTEM_DATA), ""));

pub static FORM_FIELD: Object = object! {
    name: "FormField",
    open: false,
    doc: for_generators(""),
    fields: &[
        req("key", Ty::String, ""),
        opt(
            "type",
            Ty::Enum(&[
                "text",
                "picker",
                "time",
                "date",
                "contactpicker",
                "startdate",
                "enddate",
                "search",
                "searcheditable",
                "savedaddress",
                "dob",
                "multidaypicker",
                "multiselectpicker",
            ]),
            "",
        ),
        opt("keyboard_type", Ty::Enum(&["normal", "number", "email"]), ""),
        opt("order", Ty::Integer, ""),
        opt("icon", Ty::String, ""),
        opt("hint", Ty::String, ""),
        opt("options", Ty::Array(&Ty::Any), ""),
        opt("search_source", Ty::Any, ""),
        opt("search_placeholder", Ty::String, ""),
        opt("autofill", Ty::Any, ""),
        opt("autofill_source", Ty::Any, ""),
    ],
};
pub static FORM_DATA: Object = object! {
    name: "FormData",
    open: false,
    doc: for_generators(""),
    fields: &[req("fields", Ty::Array(&Ty::Object(&FORM_FIELD)), "")],
};
element!(FORM_ELEMENT, "FormElement", "A form (official builder only). Has no `text`.",
    data: req("data", Ty::Object(&FORM_DATA), ""),
    opt("title", Ty::String, "Form title."),
    opt("subtitle", Ty::String, "Form subtitle."));

pub static SILENT_ACTION_DATA: Object = object! {
    name: "SilentActionData",
    open: false,
    doc: for_generators(""),
    fields: &[
        opt("Id", Ty::Integer, "Note the capital I."),
        opt("via_name", Ty::String, ""),
    ],
};
pub static SILENT_ACTION: Object = object! {
    name: "SilentAction",
    open: false,
    doc: for_generators(""),
    fields: &[
        req("type", Ty::String, ""),
        opt("data", Ty::Object(&SILENT_ACTION_DATA), ""),
    ],
};
pub static SILENT_DATA: Object = object! {
    name: "SilentData",
    open: false,
    doc: for_generators(""),
    fields: &[req("silent_actions", Ty::Array(&Ty::Object(&SILENT_ACTION)), "")],
};
element!(SILENT_ELEMENT, "SilentElement", "Actions with nothing shown (official builder only).",
    data: req("data", Ty::Object(&SILENT_DATA), ""));

pub static NATIVE_ACTION_DATA: Object = object! {
    name: "NativeActionData",
    open: false,
    doc: for_generators(""),
    fields: &[req("method", Ty::String, "The host app's method to call.")],
};
element!(NATIVE_ACTION_ELEMENT, "NativeActionElement", "A call into the host app (official builder only).",
    data: req("data", Ty::Object(&NATIVE_ACTION_DATA), ""));

element!(RECEIPT_ELEMENT, "ReceiptElement", "An order receipt (2018 documentation only; its data is not checked).",
    data: opt("data", LOOSE_DATA_TY, ""));
element!(TAB_LIST_ELEMENT, "TabListElement", "A tabbed selection (2018 documentation only; its data is not checked).",
    data: opt("data", LOOSE_DATA_TY, ""));
const LOOSE_DATA_TY: Ty = Ty::Map(&Ty::Any);

pub static HSL_ELEMENT: Union = Union {
    known_name: "KnownElement",
    name: "HslElement",
    rust_name: "HslElement",
    tag: "type",
    variants: &[
        Variant {
            tag: "TEXT",
            object: &TEXT_ELEMENT,
            deprecated: false,
        },
        Variant {
            tag: "BUTTON",
            object: &BUTTON_ELEMENT,
            deprecated: false,
        },
        Variant {
            tag: "CAROUSEL",
            object: &CAROUSEL_ELEMENT,
            deprecated: false,
        },
        Variant {
            tag: "SYSTEM",
            object: &SYSTEM_ELEMENT,
            deprecated: false,
        },
        Variant {
            tag: "FORM",
            object: &FORM_ELEMENT,
            deprecated: false,
        },
        Variant {
            tag: "SILENT",
            object: &SILENT_ELEMENT,
            deprecated: false,
        },
        Variant {
            tag: "NATIVE_ACTION",
            object: &NATIVE_ACTION_ELEMENT,
            deprecated: false,
        },
        Variant {
            tag: "RECEIPT",
            object: &RECEIPT_ELEMENT,
            deprecated: false,
        },
        Variant {
            tag: "TAB_LIST",
            object: &TAB_LIST_ELEMENT,
            deprecated: false,
        },
    ],
    common: &[
        opt(
            "text",
            Ty::String,
            "What the chat bubble shows; missing in some elements.",
        ),
        opt("isNew", Ty::Bool, "Seen in the wild."),
        opt("voice_text", Ty::String, "Spoken when text-to-speech is on."),
        opt("mic_auto_open", Ty::Bool, "Opens the microphone after the message."),
        opt(
            "builder_metadata_subtype",
            Ty::String,
            "Set by the platform's bot builder.",
        ),
    ],
    common_name: "ElementBase",
    common_doc: for_generators("What every HSL element may carry besides `type` and `data`."),
    unknown_name: "UnknownElement",
    unknown_doc: for_generators("An HSL element of a type this version does not know: everything is kept."),
};

// ---------------------------------------------------------------------------------------------
// Events

pub static MESSAGE: Object = object! {
    name: "Message",
    open: false,
    doc: for_generators(""),
    fields: &[
        req("id", Ty::Id, "Numeric, increasing: the ordering and idempotency key."),
        req(
            "body",
            Ty::Body,
            "An HSL element. A plain-string body becomes a TEXT element.",
        ),
    ],
};

pub static MESSAGE_EVENT: Object = object! {
    name: "MessageEvent",
    open: false,
    doc: for_generators("A bot or agent sent a message to the user."),
    fields: &[req("message", Ty::Object(&MESSAGE), "")],
};
pub static CHAT_PINNED_EVENT: Object = object! {
    name: "ChatPinnedEvent",
    open: false,
    doc: for_generators("A chat was assigned to a human agent; the body is a SYSTEM element."),
    fields: &[req("message", Ty::Object(&MESSAGE), "")],
};
pub static CHAT_COMPLETE_EVENT: Object = object! {
    name: "ChatCompleteEvent",
    open: false,
    doc: for_generators(
        "A chat was marked complete. Deprecated by the platform in favour of `webhook_conversation_complete`.",
    ),
    fields: &[req("message", Ty::Object(&MESSAGE), "")],
};

pub static FOLLOW_UP_DETAILS: Object = object! {
    name: "FollowUpDetails",
    open: false,
    doc: for_generators("`{}` when there is no follow-up."),
    fields: &[
        opt("follow_up_timestamp", Ty::Integer, "Epoch seconds."),
        opt(
            "send_to",
            Ty::IntEnum(&[(1, "expert"), (2, "user"), (3, "both")]),
            "1 expert, 2 user, 3 both.",
        ),
        opt("expert_name", Ty::String, ""),
        opt("comment", Ty::String, ""),
        opt("team_id", Ty::Integer, ""),
    ],
};

pub static CLOSING_CATEGORIES: Object = object! {
    name: "ClosingCategories",
    open: false,
    doc: for_generators("Why the conversation was closed (note the camelCase `subReason`)."),
    fields: &[
        opt("reason", Ty::String, ""),
        opt("subReason", Ty::String, ""),
        opt("comment", Ty::String, ""),
    ],
};

const FREE_FORM_TY: Ty = Ty::Map(&Ty::Any);

pub static CONVERSATION_DATA: Object = object! {
    name: "ConversationData",
    open: false,
    doc: for_generators(""),
    fields: &[
        opt(
            "conversation_no",
            Ty::Loose(Loose::StringOrInteger),
            "A string; an integer becomes its decimal string.",
        ),
        opt("collection_id", Ty::String, "Added late 2020."),
        opt("conversation_identifier", Ty::String, "Added late 2020."),
        deprecated("chat_link", Ty::String, "Deprecated: use `complete_chat_link`."),
        opt("complete_chat_link", Ty::String, "Added late 2020."),
        opt(
            "completion_type",
            Ty::Enum(&["gogo", "agent", "autocomplete"]),
            "Who completed the conversation.",
        ),
        opt(
            "completion_by",
            Ty::String,
            "The state before completion, e.g. `Waiting for User`.",
        ),
        opt(
            "closing_categories",
            Ty::Loose(Loose::ClosingCategories),
            "An object; a plain string before Aug 2019 (kept as it is).",
        ),
        opt(
            "conversation_details",
            FREE_FORM_TY,
            "Set by the bot; values meant to be strings.",
        ),
        opt(
            "user_details",
            FREE_FORM_TY,
            "Set by the bot; values meant to be strings.",
        ),
        legacy(
            "conversation_data",
            FREE_FORM_TY,
            "Name of `conversation_details` before Feb 2020.",
        ),
        legacy(
            "permanent_user_data",
            FREE_FORM_TY,
            "Name of `user_details` before Feb 2020.",
        ),
    ],
};

pub static CONVERSATION_COMPLETE_EVENT: Object = object! {
    name: "ConversationCompleteEvent",
    open: false,
    doc: for_generators("A conversation was marked complete by an agent or a bot. Carries no `message`."),
    fields: &[
        opt(
            "follow_up_details",
            Ty::Object(&FOLLOW_UP_DETAILS),
            "`{}` when there is no follow-up.",
        ),
        req("data", Ty::Object(&CONVERSATION_DATA), ""),
    ],
};

pub static EVENT: Union = Union {
    known_name: "KnownEvent",
    name: "HaptikEvent",
    rust_name: "Event",
    tag: "event_name",
    variants: &[
        Variant { tag: "message", object: &MESSAGE_EVENT, deprecated: false },
        Variant { tag: "chat_pinned", object: &CHAT_PINNED_EVENT, deprecated: false },
        Variant { tag: "chat_complete", object: &CHAT_COMPLETE_EVENT, deprecated: true },
        Variant { tag: "webhook_conversation_complete", object: &CONVERSATION_COMPLETE_EVENT, deprecated: false },
    ],
    common: &ENVELOPE_FIELDS,
    common_name: "EventEnvelope",
    common_doc: for_generators("The fields every known event carries."),
    unknown_name: "UnknownEvent",
    unknown_doc: for_generators("An event this version does not know (e.g. `typing_indicator`): everything is kept. The platform asks consumers to ignore these and answer 200."),
};

const ENVELOPE_FIELDS: [Field; 6] = [
    req(
        "version",
        Ty::String,
        "Webhook format version, \"1.0\" in every known payload.",
    ),
    req(
        "timestamp",
        Ty::String,
        "ISO-8601 time the platform created the request, e.g. 2019-07-03T11:42:44.077Z.",
    ),
    req(
        "business_id",
        Ty::Loose(Loose::IntegerOrNumericString),
        "The business's numeric identifier. A numeric string becomes the number.",
    ),
    opt("business_name", Ty::String, "The business's name (added late 2020)."),
    req("user", Ty::Object(&USER), "The end user."),
    opt("agent", Ty::Object(&AGENT), "The bot or agent concerned."),
];

/// A message body's element type.
pub static HSL: Ty = Ty::Union(&HSL_ELEMENT);

/// The root type of a webhook payload.
pub static ROOT: Ty = Ty::Union(&EVENT);

/// The field named `key` (a key's bytes, without escapes) among `common` then `fields`: its
/// index in that order (the validators track fields by bit) and the field.
#[inline]
pub fn field_named(common: &'static [Field], fields: &'static [Field], key: &[u8]) -> Option<(usize, &'static Field)> {
    common
        .iter()
        .chain(fields)
        .enumerate()
        .find(|(_, f)| crate::json::same_bytes(f.name.as_bytes(), key))
}

/// Known event names, in the order of the walker's event indices (`walk::Clean::Known`).
pub fn event_names() -> impl Iterator<Item = &'static str> {
    EVENT.variants.iter().map(|v| v.tag)
}

pub fn deprecated_event_names() -> impl Iterator<Item = &'static str> {
    EVENT.variants.iter().filter(|v| v.deprecated).map(|v| v.tag)
}

pub fn hsl_types() -> impl Iterator<Item = &'static str> {
    HSL_ELEMENT.variants.iter().map(|v| v.tag)
}
