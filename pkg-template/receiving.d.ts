// Receiving webhooks: signature verification and the ready-made handlers (src/receive/).
import type { HaptikEvent, UnknownEvent, EventMap, Issue, SignatureReason } from "./model.js";

declare global {
  // Empty on purpose: they merge with the Fetch API types of whatever the project uses (the DOM
  // library, @types/node, @cloudflare/workers-types, Deno, Bun), and keep these declarations
  // compiling where none is loaded.
  interface Request {}
  interface Response {}
}

/** The raw request body: text or bytes exactly as received (text is signed as its UTF-8 bytes). */
export type RawSignedBody = string | Uint8Array | ArrayBuffer;

export type SignatureAlgorithm = "sha1" | "sha256";

export type SignatureVerdict =
  | { valid: true; reason: null; message: ""; algorithm: SignatureAlgorithm; secretIndex: number }
  | { valid: false; reason: SignatureReason; message: string; algorithm: SignatureAlgorithm | null; secretIndex: null };

/**
 * Checks an `X-Hub-Signature` value (`sha1=<hex or base64>`, or `sha256=`) against the raw body,
 * in constant time, with one secret or several (rotation: valid when any matches). Synchronous,
 * never throws for bad input: each problem is a `reason` with a `message` saying what to fix.
 */
export declare function verifySignature(
  rawBody: RawSignedBody,
  header: string | null | undefined,
  secret: string | readonly string[],
): SignatureVerdict;

/** Signs a raw body like the platform does: returns the header value, `"sha1=<lowercase hex>"`. */
export declare function signPayload(rawBody: RawSignedBody, secret: string, algorithm?: SignatureAlgorithm): string;

/** The header the platform signs with (lowercase, as Headers and node:http report it). */
export declare const SIGNATURE_HEADER: "x-hub-signature";

// ---------------------------------------------------------------------------------------------
// Handlers

/** The Workers `ExecutionContext` (or anything with waitUntil). */
export interface WaitUntilContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** The node:http request, as far as the middleware uses it (an IncomingMessage or Express request). */
export interface NodeRequestLike {
  method?: string;
  url?: string;
  headers: { [name: string]: string | string[] | undefined };
  body?: unknown;
}

/**
 * The Worker's env when no type is given: any binding, as Hono's default is. Give your own
 * (`createFetchHandler<{ HAPTIK_WEBHOOK_SECRET: string }>(...)`) to have the bindings checked.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DefaultEnv = { readonly [binding: string]: any };

/** What handlers receive as their second argument. */
export interface HandlerContext<Env = DefaultEnv> {
  /** The Fetch API request (createFetchHandler). Its body has been read. */
  request?: Request;
  /** The Worker's env (createFetchHandler's second argument). */
  env?: Env;
  /** The Worker's ExecutionContext (createFetchHandler's third argument). */
  ctx?: WaitUntilContext;
  /** The node:http / Express request (createNodeMiddleware). Its body has been read. */
  req?: NodeRequestLike;
  /**
   * The warnings of the event being handled (loose forms normalised, ids kept as strings, a
   * deprecated event, a possible typo): `[]` when there are none. Set once the body is parsed.
   */
  warnings?: Issue[];
}

/** A handler may be async; the answer waits for it until the deadline. */
export type EventHandler<E, Env = DefaultEnv> = (event: E, context: HandlerContext<Env>) => unknown;

/** Handlers per known event name, each receiving its narrowed event type. */
export type EventHandlers<Env = DefaultEnv> = {
  [K in keyof EventMap]?: EventHandler<EventMap[K], Env>;
};

/** What onError receives. `status` is the answer given (or, for `late`, already given). */
export type ReceiveError =
  /** Missing or bad signature (answered 401). */
  | { kind: "signature"; status: 401; reason: SignatureReason; message: string }
  /** No secret configured, or the body was consumed before the handler ran (answered 500). */
  | { kind: "config"; status: 500; reason?: SignatureReason; message: string; error?: unknown }
  /** Body over maxBytes (answered 413). */
  | { kind: "too_large"; status: 413; message: string }
  /** Correctly signed, but not a valid event (acknowledged 200 so the platform does not retry). */
  | { kind: "payload"; status: 200; message: string; issues: Issue[]; warnings: Issue[]; error: unknown }
  /** A handler threw or rejected; `late` when that happened after the 202 answer. */
  | { kind: "handler"; status: 200 | 202 | 500; late: boolean; message: string; error: unknown; event: HaptikEvent }
  /**
   * The dedupe store failed (threw, gave a wrong answer, or did not answer within
   * `dedupeTimeoutMs`) or a lease was lost. `status: 503` when `dedupeErrorPolicy: "retry"` made
   * that the answer; otherwise the event was handled anyway (or, after the handlers, the step that
   * failed only affects a later retry).
   */
  | { kind: "dedupe"; status?: 503; step: "key" | "claim" | "lease"; message: string; error?: unknown; event: HaptikEvent };

/** What `claim` answers: this delivery holds the key now, it was handled already, or another delivery holds it. */
export type ClaimState = "claimed" | "done" | "busy";

/**
 * A dedupe store: claims an event's key for one delivery at a time. memoryDedupe(), redisDedupe()
 * (`haptik-webhook/redis`) and durableObjectDedupe() (`haptik-webhook/cloudflare`) are ones; a
 * store of your own implements the same five members (docs/receiving.md, "Dedupe").
 */
export interface DedupeStore {
  /** The key of an event; null/undefined: no dedupe for it. Default: defaultDedupeKey. */
  readonly key?: (event: HaptikEvent) => string | number | null | undefined;
  /** How long a lease lasts unless renewed; the receivers renew it every third of this. */
  readonly leaseMs: number;
  /** One atomic step: a free or expired key becomes a lease held by `token` ("claimed"). */
  claim(key: string, token: string): ClaimState | Promise<ClaimState>;
  /** Extends the lease held by `token`; false when it is not held by `token` any more. */
  renew(key: string, token: string): boolean | Promise<boolean>;
  /** The handlers succeeded: the key is done for the store's TTL. */
  complete(key: string, token: string): void | Promise<void>;
  /** The handlers failed: frees the key, if `token` still holds it. */
  release(key: string, token: string): void | Promise<void>;
}

/** The options every store takes. */
export interface DedupeStoreOptions {
  /** The key of an event; null/undefined: no dedupe for it. Default: defaultDedupeKey. */
  key?: (event: HaptikEvent) => string | number | null | undefined;
  /** How long a handled event's key is kept. Default 3900 (the platform's 60 minutes of retries, and 5 more). */
  ttlSeconds?: number;
  /** How long a lease lasts without renewal (so how soon a crashed delivery's event can run again). Default 5000. */
  leaseMs?: number;
}

export interface MemoryDedupe extends DedupeStore {
  clear(): void;
  readonly size: number;
}

export interface MemoryDedupeOptions extends DedupeStoreOptions {
  /** How many keys to keep (least recently used dropped first). Default 10000. */
  max?: number;
}

/**
 * An in-memory store of event keys, for one process or isolate. Default key:
 * `<event_name>:<message.id>`; for webhook_conversation_complete, `data.conversation_identifier`.
 */
export declare function memoryDedupe(options?: MemoryDedupeOptions): MemoryDedupe;

/** The key memoryDedupe uses by default (null when the event carries no id). */
export declare function defaultDedupeKey(event: HaptikEvent): string | null;

/** What runOnce resolves to. */
export type RunOnceOutcome<T> =
  | { result: "handled"; value: T }
  | { result: "duplicate" }
  | {
      result: "in_progress";
      /** Keeps waiting; runs `fn` itself if the other delivery fails or dies (give it to `ctx.waitUntil`). */
      watch(): Promise<{ result: "handled"; value: T } | { result: "duplicate" } | { result: "in_progress" }>;
    };

export interface RunOnceOptions {
  /** How long to wait for another delivery holding the event. Default 4000. */
  waitMs?: number;
  /** A store step that takes longer is a store failure. Default 1000. */
  timeoutMs?: number;
  /** On a store failure: "handle" (default) runs `fn` anyway; "throw" rethrows it. */
  onStoreError?: "handle" | "throw";
  /** Told about store failures and lost leases. Default: console.error. */
  onError?: (error: { kind: "dedupe"; message: string; error?: unknown; event: HaptikEvent }) => unknown;
}

/**
 * The receivers' exactly-once step, for an endpoint of your own: claims the event in `store`,
 * runs `fn` while holding the lease, then marks it done (or frees it when `fn` throws, and
 * rethrows). An event without a key just runs.
 */
export declare function runOnce<E extends HaptikEvent, T>(
  store: DedupeStore,
  event: E,
  fn: (event: E) => T | Promise<T>,
  options?: RunOnceOptions,
): Promise<RunOnceOutcome<Awaited<T>>>;

export interface ReceiverOptions<Env = DefaultEnv> {
  /**
   * The webhook's Secret Key; a list while rotating (valid when any matches); or, on Workers, a
   * function of `env` giving either. Used exactly as given (never trimmed).
   */
  secret?: string | readonly string[] | ((env: Env) => string | readonly string[] | undefined);
  /** More secrets (rotation), added to `secret`. */
  secrets?: readonly string[];
  /** Handlers per event name. More can be added with `.on(name, fn)` on the returned handler. */
  on?: EventHandlers<Env>;
  /** Runs for every valid event, known or unknown, after its specific handler. */
  onAny?: EventHandler<HaptikEvent, Env>;
  /** Runs for an event whose name is not a known event (and has no `on` handler). Answer: 200. */
  onUnknown?: EventHandler<UnknownEvent, Env>;
  /** Told about every request that was not handled normally. Default: console.error. */
  onError?: (error: ReceiveError, context: HandlerContext<Env>) => unknown;
  /** Runs when `dedupe` dropped a repeated delivery. */
  onDuplicate?: EventHandler<HaptikEvent, Env>;
  /**
   * Called with the warnings of a delivery that has some, before its handlers run (never for
   * duplicates or invalid payloads). Never changes the answer: a throw is logged.
   */
  onWarning?: (warnings: Issue[], event: HaptikEvent, context: HandlerContext<Env>) => unknown;
  /** Largest accepted body in bytes; larger is answered 413. Default 1048576 (1 MiB). */
  maxBytes?: number;
  /**
   * Milliseconds after the request arrived at which a still-running handler is answered 202 (it
   * keeps running; `ctx.waitUntil` on Workers). Default 4000: below the platform's 5 s limit.
   */
  deadlineMs?: number;
  /**
   * The answer when a handler throws: "acknowledge" (default) answers 200, because any error
   * answer makes the platform retry 6 times over an hour and then disable the webhook; "retry"
   * answers 500 so the platform delivers the event again (its dedupe key is released first).
   */
  errorPolicy?: "acknowledge" | "retry";
  /**
   * Each event handled once: `memoryDedupe()` (one process), `redisDedupe()`, a function of `env`
   * giving a store (`(env) => durableObjectDedupe(env.HAPTIK_DEDUPE)`), or your own store.
   * Default: off.
   */
  dedupe?: DedupeStore | ((env: Env) => DedupeStore) | false | null;
  /**
   * When the dedupe store fails before the handlers ran: "handle" (default) runs them anyway (a
   * possible duplicate beats a lost event); "retry" answers 503 so the platform delivers again.
   */
  dedupeErrorPolicy?: "handle" | "retry";
  /** A store step that takes longer is a store error. Default 1000. */
  dedupeTimeoutMs?: number;
}

/** `.on(name, fn)`: registers one more handler for an event name; returns the handler itself. */
export interface Registration<Env> {
  on<K extends keyof EventMap>(name: K, fn: EventHandler<EventMap[K], Env>): this;
}

export type FetchHandler<Env = DefaultEnv> = ((request: Request, env?: Env, ctx?: WaitUntilContext) => Promise<Response>) &
  Registration<Env>;

export type NodeMiddleware = ((req: NodeRequestLike, res: unknown, next?: (err?: unknown) => void) => void) & Registration<unknown>;

/**
 * A Fetch API handler for Cloudflare Workers, Deno, Bun, Hono (`(c) => handler(c.req.raw, c.env,
 * c.executionCtx)`) and any Fetch-API server. Answers: 405 not POST, 413 too large, 401 bad
 * signature, 500 no secret, 200 handled / unknown / duplicate / invalid payload, 202 still running
 * at the deadline.
 */
export declare function createFetchHandler<Env = DefaultEnv>(options: ReceiverOptions<Env>): FetchHandler<Env>;

/**
 * Middleware for node:http (`http.createServer(mw)`) and Express (`app.post(path, mw)`, before any
 * JSON body parser, or after `express.raw({ type: "*\/*" })`). Same answers as createFetchHandler.
 */
export declare function createNodeMiddleware(options: ReceiverOptions<unknown>): NodeMiddleware;

