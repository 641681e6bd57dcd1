// `haptik-webhook/cloudflare`: a dedupe store on a Durable Object namespace.
import type { DedupeStore, DedupeStoreOptions } from "./receiving.js";

/** The shape of a Durable Object namespace binding used here (structurally typed: no Workers types needed). */
export interface DedupeNamespace {
  idFromName(name: string): unknown;
  get(id: any): { fetch(input: string, init?: { method?: string; body?: string }): Promise<Response> };
}

export interface DurableObjectDedupeOptions extends DedupeStoreOptions {
  /** Prepended to every key before idFromName. Default "". */
  prefix?: string;
}

/** A dedupe store over `namespace`: `dedupe: (env) => durableObjectDedupe(env.HAPTIK_DEDUPE)`. */
export declare function durableObjectDedupe(namespace: DedupeNamespace, options?: DurableObjectDedupeOptions): DedupeStore;

/** The Durable Object class behind the store: `export { HaptikDedupeObject } from "haptik-webhook/cloudflare"` in the Worker. */
export declare class HaptikDedupeObject {
  constructor(state: { storage: unknown }, env?: unknown);
  fetch(request: Request): Promise<Response>;
  alarm(): Promise<void>;
}
