// The public API, shared by every entry file (node.mjs, workerd.mjs, browser.mjs, and the
// CommonJS build behind node.cjs): each name from the one file that does its job.
export {
  parseEvent,
  safeParseEvent,
  validateEvent,
  isKnownEvent,
  isKnownElement,
  EVENT_NAMES,
  DEPRECATED_EVENT_NAMES,
  HSL_TYPES,
  ISSUE_CODES,
} from "./parse.js";
export { HaptikWebhookError } from "./errors.js";
export { init } from "./init.js";
export { eventSchema, schemas } from "./standard-schema.js";
export * from "./receive/signature.js";
export { verifyAndParse } from "./receive/verify-and-parse.js";
export { createFetchHandler } from "./receive/fetch-handler.js";
export { createNodeMiddleware } from "./receive/node-middleware.js";
export { memoryDedupe, defaultDedupeKey } from "./receive/dedupe.js";
export { runOnce } from "./receive/once.js";
export { SIGNATURE_HEADER } from "./constants.js";
