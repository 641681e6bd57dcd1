// A Hono app validating with haptik-webhook's Standard Schemas and @hono/standard-validator's
// defaults (400 with the issues for an invalid body). Run in Node and inside workerd.
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { eventSchema, schemas } from "haptik-webhook";

const app = new Hono();
app.post("/event", sValidator("json", eventSchema), (c) => {
  const event = c.req.valid("json");
  return c.json({ event_name: event.event_name, event });
});
app.post("/message", sValidator("json", schemas.message), (c) => {
  const event = c.req.valid("json");
  return c.json({ event_name: event.event_name, type: event.message.body.type });
});
export default app;
