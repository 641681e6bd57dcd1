// Receives Haptik webhooks with plain node:http.
//   HAPTIK_WEBHOOK_SECRET=... PORT=3000 node server.mjs
// Register http://<your host>:3000/haptik/webhook with the Secret Key in the Haptik dashboard.
import { createServer } from "node:http";
import { createNodeMiddleware } from "haptik-webhook";

const webhook = createNodeMiddleware({
  secret: process.env.HAPTIK_WEBHOOK_SECRET,
  on: {
    message(event) {
      const body = event.message.body;
      const text = typeof body.text === "string" ? body.text : `(${body.type})`;
      console.log(`message ${event.message.id} to ${event.user.auth_id}: ${text}`);
    },
    webhook_conversation_complete(event) {
      console.log(`conversation complete for ${event.user.auth_id}`);
    },
  },
  // Unknown event names are not errors: the platform may add new ones at any time.
  onUnknown(event) {
    console.log(`unknown event ${event.event_name} (ignored)`);
  },
  onError(error) {
    console.log(`rejected (${error.kind}, answered ${error.status}): ${error.message}`);
  },
});

const server = createServer((req, res) => {
  if (req.url === "/haptik/webhook") return webhook(req, res);
  res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
});

server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? "127.0.0.1", () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}/haptik/webhook`);
});
