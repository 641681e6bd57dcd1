// Built by `vite build` (no vite.config: the defaults). Named imports, as an application would write them.
import {
  parseEvent,
  validateEvent,
  isKnownEvent,
  HaptikWebhookError,
  EVENT_NAMES,
  HSL_TYPES,
  DEPRECATED_EVENT_NAMES,
  eventSchema,
} from "haptik-webhook";
import * as testing from "haptik-webhook/testing";
import { exercise } from "../exercise.mjs";

const ev = parseEvent('{"event_name":"typing_indicator","typing_indicator":"start"}');
document.getElementById("out").textContent = ev.event_name;
const api = { parseEvent, validateEvent, isKnownEvent, HaptikWebhookError, EVENT_NAMES, HSL_TYPES, DEPRECATED_EVENT_NAMES, eventSchema };
window.__hw = { api, exercise, testing };
window.__ready = true;
