// The public API, shared by every entry file (node.mjs, workerd.mjs, browser.mjs, and the
// CommonJS build behind node.cjs).
export {
  parseEvent,
  safeParseEvent,
  validateEvent,
  HaptikWebhookError,
  isKnownEvent,
  isKnownElement,
  EVENT_NAMES,
  DEPRECATED_EVENT_NAMES,
  HSL_TYPES,
  ISSUE_CODES,
} from "./core.js";
export { init } from "./init.js";
export * from "./signature.js";
export { verifyAndParse } from "./verify-and-parse.js";
export { eventSchema, schemas } from "./standard-schema.js";
export * from "./handlers.js";
