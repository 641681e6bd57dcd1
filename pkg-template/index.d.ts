// Public API of haptik-webhook. The event model types come from ./model (generated from the Rust
// model); the signature and handler types from ./receiving.
import type { HaptikEvent, KnownEvent, KnownElement, HslElement, Issue, SignatureReason } from "./model.js";

export * from "./model.js";
export * from "./receiving.js";
export * from "./standard-schema.js";

/** Options of parseEvent and validateEvent. */
export interface ParseOptions {
  /**
   * Also accept what the platform's documentation examples contain (`//` and `#` comments,
   * trailing commas, a byte-order mark), each reported as a warning. Default `false`.
   */
  lenient?: boolean;
  /** Largest accepted body in bytes (UTF-8): larger gives a `too_large` error. Default 1048576 (1 MiB). */
  maxBytes?: number;
  /** Deepest accepted nesting of arrays and objects: deeper gives a `too_deep` error. Default 64. */
  maxDepth?: number;
}

/** What validateEvent returns. */
export interface ValidationResult {
  valid: boolean;
  /** The payload's `event_name` when it could be read, else null. */
  eventName: string | null;
  errors: Issue[];
  warnings: Issue[];
}

/** The raw request body: text or bytes exactly as received. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/**
 * Parses and validates a raw webhook body, or an object a framework already parsed (a new event
 * is returned, the object is left as it was; its issues have no line or column). Returns the
 * event (an unknown `event_name` gives an UnknownEvent, never an error). Throws
 * HaptikWebhookError listing every problem found.
 */
export declare function parseEvent(input: RawBody | object, options?: ParseOptions): HaptikEvent;

/** What safeParseEvent returns: never throws for a bad body. */
export type SafeParseResult =
  | { success: true; data: HaptikEvent; warnings: Issue[] }
  | { success: false; errors: Issue[]; warnings: Issue[] };

/**
 * parseEvent without throwing for a bad body (zod's safeParse shape), in one pass: the event and
 * its warnings (loose forms normalised, ids kept as strings, deprecated events), or every error.
 * Bad options still throw a TypeError (a bug of the caller, not of the payload).
 */
export declare function safeParseEvent(input: RawBody | object, options?: ParseOptions): SafeParseResult;

/**
 * Verifies the `X-Hub-Signature` value over the exact raw body with one secret or several
 * (rotation), then parses it: what an endpoint needs in one call. Throws HaptikWebhookError with
 * `kind: "signature"` (and `reason`) or `kind: "payload"` (and `issues`).
 */
export declare function verifyAndParse(
  rawBody: RawBody,
  header: string | null | undefined,
  secret: string | readonly string[],
  options?: ParseOptions,
): HaptikEvent;

/**
 * Validates a raw body, or an object a framework already parsed: the verdict is the one its JSON
 * text would get (a clean known event is answered from the object itself; anything else is
 * turned back into JSON with JSON.stringify, so ids the framework already rounded cannot be seen,
 * and values JSON cannot hold are issues at their path). The issues of an object have a path
 * but no line, column or offset. Never throws for a bad payload.
 */
export declare function validateEvent(input: RawBody | object, options?: ParseOptions): ValidationResult;

/** Thrown by parseEvent and verifyAndParse. `message` names the first issue (or the signature problem). */
export declare class HaptikWebhookError extends Error {
  constructor(
    issues: Issue[],
    warnings?: Issue[],
    details?: { kind: "payload" } | { kind: "signature"; reason: SignatureReason; message?: string },
  );
  readonly name: "HaptikWebhookError";
  /** "payload": the body is invalid (see `issues`); "signature": the X-Hub-Signature did not verify (see `reason`). */
  readonly kind: "payload" | "signature";
  /** Why the signature did not verify (kind "signature"), else null. */
  readonly reason: SignatureReason | null;
  /** Every error found (at least one). */
  issues: Issue[];
  /** Warnings found along the way (loose forms accepted). */
  warnings: Issue[];
}

/** True when the event is one of the known events: narrows HaptikEvent to KnownEvent. */
export declare function isKnownEvent(ev: HaptikEvent): ev is KnownEvent;

/** True when the message body is one of the known HSL elements: narrows to KnownElement. */
export declare function isKnownElement(body: HslElement): body is KnownElement;

// EVENT_NAMES, DEPRECATED_EVENT_NAMES, HSL_TYPES and ISSUE_CODES are declared in ./model (generated).

/**
 * Supplies the WebAssembly module by hand: a WebAssembly.Module, the bytes of
 * haptik_webhook_bg.wasm, its URL, or a fetch Response. Only needed when a bundler moved the
 * .wasm file away from the browser entry; the Node and Workers entries need no init.
 */
// (Typed loosely so that the declarations compile without the DOM or Node type libraries.)
export declare function init(source: object | string): Promise<void>;

