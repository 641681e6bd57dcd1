// Receives Haptik webhooks in an Express app.
//   HAPTIK_WEBHOOK_SECRET=... PORT=3000 node server.mjs
import express from "express";
import { createNodeMiddleware } from "haptik-webhook";

const app = express();

// The signature covers the raw body bytes: mount the webhook route BEFORE any JSON body parser.
app.post(
  "/haptik/webhook",
  createNodeMiddleware({
    secret: process.env.HAPTIK_WEBHOOK_SECRET,
    on: {
      message(event) {
        const body = event.message.body;
        if (body.type === "TEXT") {
          console.log(`message ${event.message.id}: ${body.text} (${body.data.quick_replies.length} quick replies)`);
        } else {
          console.log(`message ${event.message.id}: a ${body.type} element`);
        }
      },
      chat_pinned(event) {
        console.log(`chat of ${event.user.auth_id} assigned to ${event.agent?.name}`);
      },
    },
    onUnknown(event) {
      console.log(`unknown event ${event.event_name} (ignored)`);
    },
    onError(error) {
      console.log(`rejected (${error.kind}, answered ${error.status}): ${error.message}`);
    },
  }),
);

// The rest of the app can parse JSON as usual.
app.use(express.json());
app.get("/health", (req, res) => res.json({ ok: true }));

const server = app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? "127.0.0.1", () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}/haptik/webhook`);
});
