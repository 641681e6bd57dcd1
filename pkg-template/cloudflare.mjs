// `haptik-webhook/cloudflare`: the dedupe store on Durable Objects, and the class the Worker exports.
export { durableObjectDedupe, HaptikDedupeObject } from "./src/stores/durable-object.js";
