// "Copy as code": a ready endpoint for the event on screen, for Node/Express or Cloudflare
// Workers, using the package's handlers (signature check, 401/405/413, ack-then-handle).

const BODY_HINTS = {
  TEXT: `if (isKnownElement(body) && body.type === "TEXT") {
        console.log(body.text, body.data.quick_replies.map((q) => q.actionable_text));
      }`,
  BUTTON: `if (isKnownElement(body) && body.type === "BUTTON") {
        console.log(body.text, body.data.items.map((b) => b.actionable_text));
      }`,
  CAROUSEL: `if (isKnownElement(body) && body.type === "CAROUSEL") {
        for (const item of body.data.items) console.log(item.title, item.thumbnail?.image);
      }`,
  SYSTEM: `if (isKnownElement(body) && body.type === "SYSTEM") console.log("system:", body.text, body.data);`,
  FORM: `if (isKnownElement(body) && body.type === "FORM") console.log(body.title, body.data.fields.map((f) => f.key));`,
  SILENT: `if (isKnownElement(body) && body.type === "SILENT") console.log(body.data.silent_actions);`,
  NATIVE_ACTION: `if (isKnownElement(body) && body.type === "NATIVE_ACTION") console.log("app method", body.data.method);`,
};

function handlerFor(eventName, body) {
  const bodyType = body && typeof body === 'object' ? body.type : null;
  switch (eventName) {
    case 'message':
    case 'chat_pinned':
    case 'chat_complete': {
      const hint = BODY_HINTS[bodyType] || `console.log(body.type, body);`;
      const note = eventName === 'chat_complete' ? '\n      // chat_complete is deprecated: prefer webhook_conversation_complete.' : '';
      return `${eventName}: async (event) => {${note}
      // event is narrowed: event.message.id, event.message.body (an HSL element)
      const body = event.message.body;
      ${hint}
    }`;
    }
    case 'webhook_conversation_complete':
      return `webhook_conversation_complete: async (event) => {
      const { data, follow_up_details } = event;
      console.log("conversation", data.conversation_no, "completed by", data.completion_type);
      // follow_up_details is absent from the 2019 shape.
      if (follow_up_details?.follow_up_timestamp) {
        console.log("follow up at", new Date(follow_up_details.follow_up_timestamp * 1000));
      }
    }`;
    default:
      return null;
  }
}

const indent = (text, n) => text.replace(/\n/g, '\n' + ' '.repeat(n));

/** The handler options for the event shown, at zero indentation. */
function options(secretExpr, eventName, body) {
  const known = handlerFor(eventName, body);
  const lines = [`secret: ${secretExpr},`];
  if (known) {
    lines.push(`on: {\n  ${indent(known.replace(/\n {4}/g, '\n'), 2)},\n},`);
    lines.push('// Events with no handler here are acknowledged with 200; so are unknown (new) event names:');
    lines.push('onUnknown: (event) => console.log("unknown event", event.event_name),');
  } else {
    lines.push('on: {},');
    lines.push(`// ${JSON.stringify(eventName ?? 'this event')} is not a known event: it is acknowledged with 200.`);
    lines.push('onUnknown: (event) => console.log("unknown event", event.event_name, event),');
  }
  lines.push('// Bad signatures get 401; a signed but invalid payload is still acknowledged (200, no retry storm).');
  lines.push('onError: (error) => console.error(error.kind, error.message, "issues" in error ? error.issues : ""),');
  return lines.join('\n');
}

/** The snippet for `target` ("express" | "workers") and the event shown. */
export function snippet(target, eventName, body) {
  const workers = target === 'workers';
  const opts = options(workers ? '(env) => env.HAPTIK_WEBHOOK_SECRET' : 'process.env.HAPTIK_WEBHOOK_SECRET', eventName, body);
  // The HSL hints narrow with isKnownElement (a `type` check alone leaves UnknownElement in).
  const guard = opts.includes('isKnownElement(') ? ', isKnownElement' : '';
  if (workers) {
    return `// src/index.js (Cloudflare Workers): npm install haptik-webhook
// wrangler secret put HAPTIK_WEBHOOK_SECRET
import { createFetchHandler${guard} } from "haptik-webhook";

export default {
  fetch: createFetchHandler({
    ${indent(opts, 4)}
  }),
};
`;
  }
  return `// server.mjs (Node + Express): npm install haptik-webhook express
import express from "express";
import { createNodeMiddleware${guard} } from "haptik-webhook";

const app = express();
// Mount it before any body parser: the signature is checked over the raw bytes.
app.post("/haptik/webhook", createNodeMiddleware({
  ${indent(opts, 2)}
}));
app.listen(3000, () => console.log("listening on :3000"));
`;
}
