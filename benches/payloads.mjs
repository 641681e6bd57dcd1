// Benchmark payloads, generated deterministically (same text on every run and in every runtime).
// Shapes follow shared/spec/haptik-webhooks.md; sizes are the compact JSON text's UTF-8 length.
//
//   message_1k       ~1 KB  `message`, a TEXT element with quick replies
//   carousel_6k      ~6 KB  `message`, a CAROUSEL element
//   conv_complete    ~0.6 KB `webhook_conversation_complete`
//   carousel_100k    ~100 KB `message`, a long CAROUSEL
//   carousel_1m      ~1 MB `message` (just under the default maxBytes), to show cost linear in size
//   invalid_2        the ~1 KB message with two problems: `business_id` of the wrong type (an
//                    object) and `message.id` missing; the job is to get the full error list.

function envelope(eventName, extra = {}) {
  return {
    version: "1.0",
    timestamp: "2021-07-03T11:42:44.077Z",
    user: {
      auth_id: "c0a8012e-7f3b-4d6f-9c7e-user-8812",
      device_platform: 5,
      device_platform_name: "Web SDK",
      user_name: "Asha Verma",
    },
    business_id: 343,
    business_name: "Example Shop",
    event_name: eventName,
    agent: {
      id: 4415,
      name: "gogo",
      profile_image: "https://assets.haptikapi.com/content/42e123411bk1109823bf.jpg",
      is_automated: true,
      email: null,
    },
    ...extra,
  };
}

function quickReply(label, gogo) {
  return { actionable_text: label, type: "TEXT_ONLY", uri: "", payload: { message: label, gogo_message: gogo } };
}

export function message1k() {
  return envelope("message", {
    message: {
      id: 1982371,
      body: {
        text: "Hi Asha! Your order #A-1742 is on its way. What would you like to do next?",
        type: "TEXT",
        data: {
          quick_replies: [
            quickReply("Track order", "track{order:A-1742}"),
            quickReply("Change address", "change_address"),
            quickReply("Talk to an agent", "agent{handover}"),
          ],
        },
      },
    },
  });
}

function card(i) {
  return {
    thumbnail: { image: `https://assets.haptikapi.com/content/catalogue/item-${1000 + i}-thumb.jpg` },
    title: `Cotton kurta, style ${i}`,
    sub_title: `\u20b9${799 + i * 10} \u00b7 free delivery`,
    description: "Breathable cotton, regular fit, machine washable. Sizes S to XXL.",
    actionables: [
      {
        actionable_text: "View details",
        type: "APP_ACTION",
        uri: "LINK",
        payload: { url: `https://shop.example.invalid/p/${1000 + i}`, gogo_message: "" },
        is_default: 1,
      },
      { actionable_text: "Add to cart", type: "TEXT_ONLY", uri: "", payload: { message: `Add item ${1000 + i}`, gogo_message: `cart{add:${1000 + i}}` } },
    ],
    meta: "4.3 \u2605",
  };
}

function carousel(targetBytes) {
  const ev = envelope("message", {
    message: {
      id: 1982372,
      body: { text: "Here are a few picks for you", type: "CAROUSEL", data: { width: "MEDIUM", image_aspect_ratio: 1.33, items: [] } },
    },
  });
  const items = ev.message.body.data.items;
  // The size grows by each card's own length and a comma: counted as it grows (linear, so a
  // 1 MB payload is quick to make), then checked once.
  let size = utf8Length(JSON.stringify(ev));
  while (size < targetBytes) {
    const c = card(items.length);
    size += utf8Length(JSON.stringify(c)) + (items.length > 0 ? 1 : 0);
    items.push(c);
  }
  if (items.length > 1 && size - targetBytes > 300) items.pop();
  return ev;
}

export function conversationComplete() {
  return {
    version: "1.0",
    timestamp: "2021-07-03T11:42:44.077Z",
    business_id: 343,
    event_name: "webhook_conversation_complete",
    user: { auth_id: "user-8812", device_platform: 5, user_name: "Asha" },
    agent: { id: 4415, name: "gogo", is_automated: true, email: null },
    follow_up_details: {},
    data: {
      conversation_no: "17",
      collection_id: "c-1",
      complete_chat_link: "https://example.invalid/c/17/full",
      completion_type: "agent",
      completion_by: "Waiting for User",
      closing_categories: { reason: "Resolved", subReason: "Refund", comment: "" },
      conversation_details: { order_no: "A-1742", payment_mode: "COD" },
      user_details: { city: "Pune" },
    },
  };
}

export function invalid2() {
  const ev = message1k();
  ev.business_id = { id: 343 };
  delete ev.message.id;
  return ev;
}

function utf8Length(s) {
  return new TextEncoder().encode(s).length;
}

/** The payloads, in table order: { key, label, text, size (UTF-8 bytes), valid }. */
export function makePayloads() {
  const list = [
    ["message_1k", "message, TEXT + quick replies", message1k(), true],
    ["carousel_6k", "message, CAROUSEL", carousel(6000), true],
    ["conv_complete", "webhook_conversation_complete", conversationComplete(), true],
    ["carousel_100k", "message, long CAROUSEL", carousel(100000), true],
    ["carousel_1m", "message, 1 MB CAROUSEL (maxBytes is 1 MiB)", carousel(1000000), true],
    ["invalid_2", "invalid (2 errors) -> error list", invalid2(), false],
  ];
  return list.map(([key, label, value, valid]) => {
    const text = JSON.stringify(value);
    return { key, label, text, size: utf8Length(text), valid };
  });
}
