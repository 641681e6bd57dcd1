// haptik-webhook: the error type and the issues made on the JS side, in the core's style.


const ERROR_BRAND = Symbol.for("haptik-webhook.HaptikWebhookError");

/** The issue in one sentence: its pointer once (the core's messages already start with it). */
function describe(issue) {
  if (!issue.path || issue.message.startsWith(issue.path + " ") || issue.message.startsWith(issue.path + ":")) return issue.message;
  return `${issue.path}: ${issue.message}`;
}

/** Thrown by parseEvent: `issues` holds every error found, `warnings` every warning. */
export class HaptikWebhookError extends Error {
  /**
   * `details.kind` is "payload" (the default: `issues` lists the errors) or "signature" (the
   * X-Hub-Signature did not verify: `details.reason` and `details.message` say why).
   */
  constructor(issues, warnings = [], details = undefined) {
    const list = Array.isArray(issues) ? issues : [];
    const kind = details && details.kind === "signature" ? "signature" : "payload";
    const first = list[0];
    const more = list.length > 1 ? ` (and ${list.length - 1} more issue${list.length > 2 ? "s" : ""})` : "";
    super(
      kind === "signature"
        ? `Invalid Haptik webhook signature: ${details.message || details.reason}`
        : first ? `Invalid Haptik webhook: ${describe(first)}${more}` : "Invalid Haptik webhook",
    );
    this.kind = kind;
    this.reason = kind === "signature" ? details.reason : null;
    this.issues = list;
    this.warnings = Array.isArray(warnings) ? warnings : [];
  }

  get name() {
    return "HaptikWebhookError";
  }

  get [ERROR_BRAND]() {
    return true;
  }

  // `instanceof` also holds for errors made by another copy of this file (the ESM and the
  // CommonJS builds are separate copies in Node).
  static [Symbol.hasInstance](value) {
    if (this !== HaptikWebhookError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return value !== null && typeof value === "object" && value[ERROR_BRAND] === true;
  }
}

export function issue(code, message, extra) {
  return { code, path: "", message, ...extra };
}

/**
 * What a JS value is, in the core's words (`a number: 42`, `an array`, `undefined`): the end
 * of "… must be X, but is <this>", the one style of every message, bad arguments included.
 * Internal: also signature.js's.
 */
export function __whatIs(value) {
  if (value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string": {
      const shown = value.length > 40 ? value.slice(0, 40) + "…" : value;
      return `a string: ${JSON.stringify(shown)}`;
    }
    case "number":
    case "boolean":
      return `a ${typeof value}: ${value}`;
    case "bigint":
      return `a bigint: ${value}n`;
    case "object":
      return value instanceof Promise ? "a Promise (await it first)" : "an object";
    default:
      return `a ${typeof value}`;
  }
}

/**
 * How an issue's `received` shows a JS value, in the core's style (src/validate.rs, `shown`):
 * the value itself when it says its type (a JSON string, null), else the value and its type
 * (`42 (number)`, `true (boolean)`, `{…} (object)`). Internal.
 */
export function __shown(value) {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "[…] (array)";
  switch (typeof value) {
    case "string": {
      const text = JSON.stringify(value);
      return [...text].length > 40 ? [...text].slice(0, 39).join("") + "…" : text;
    }
    case "number":
    case "boolean":
      return `${value} (${typeof value})`;
    case "bigint":
      return `${value}n (bigint)`;
    case "object":
      return value instanceof Promise ? "a Promise" : "{…} (object)";
    default:
      return `a ${typeof value}`; // a function, a symbol
  }
}
