// A Cloudflare Worker that receives Haptik webhooks.
// The handler checks the X-Hub-Signature over the raw body, parses and validates the event in
// WebAssembly, and calls the handler for its event_name. Slow work goes to ctx.waitUntil so the
// platform gets its answer within 5 seconds.
import { createFetchHandler } from "haptik-webhook";

const webhook = createFetchHandler({
  secret: (env) => env.HAPTIK_WEBHOOK_SECRET,
  on: {
    message(event) {
      const body = event.message.body;
      console.log(`message ${event.message.id} to ${event.user.auth_id}: ${body.type}`);
    },
    webhook_conversation_complete(event) {
      console.log(`conversation complete: ${event.data.conversation_identifier ?? event.user.auth_id}`);
    },
  },
  onUnknown(event) {
    console.log(`unknown event ${event.event_name} (ignored)`);
  },
  onError(error) {
    console.log(`rejected (${error.kind}, answered ${error.status}): ${error.message}`);
  },
});

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/haptik/webhook") return webhook(request, env, ctx);
    return new Response("not found\n", { status: 404 });
  },
};
