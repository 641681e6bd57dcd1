// `haptik-webhook/redis`: a dedupe store on Redis (node-redis 4/5 or ioredis).
import type { DedupeStore, DedupeStoreOptions } from "./receiving.js";

export interface RedisDedupeOptions extends DedupeStoreOptions {
  /**
   * A connected client: `createClient()` from `redis` (node-redis 4 or 5) after `await
   * client.connect()`, or `new Redis()` from `ioredis`. Typed loosely so neither package's types
   * are needed.
   */
  client: object;
  /** Prepended to every key. Default "haptik-webhook:dedupe:". */
  prefix?: string;
}

/** A dedupe store every process sharing the Redis server sees: one atomic command or Lua script per step. */
export declare function redisDedupe(options: RedisDedupeOptions): DedupeStore;
