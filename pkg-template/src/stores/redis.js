// haptik-webhook/redis: the dedupe store over Redis, shared by every process of an endpoint.
// Works with a connected node-redis (`redis` 4 or 5) or ioredis client; the package depends on
// neither. Every step is one atomic command or one small Lua script (receive/claim.js has the
// protocol); waiting on a busy key is the receivers' bounded backoff, not a loop here.
import { storeOptions } from "../receive/dedupe.js";

// A key holds "lease:<token>" (expires after leaseMs unless renewed) or "done" (for ttlSeconds).
const CLAIM = `local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], 'lease:' .. ARGV[1], 'PX', ARGV[2])
  return 'claimed'
end
if v == 'done' then return 'done' end
if v == 'lease:' .. ARGV[1] then return 'claimed' end
return 'busy'`;
const RENEW = `if redis.call('GET', KEYS[1]) == 'lease:' .. ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == 'lease:' .. ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 0`;

/** One function `(script, key, args) => reply` and `(args) => reply` over either client. */
function commandsOf(client) {
  if (client === null || typeof client !== "object") return null;
  // ioredis: call(name, ...args).
  if (typeof client.defineCommand === "function" && typeof client.call === "function") {
    return {
      script: (script, key, args) => client.call("EVAL", script, "1", key, ...args),
      command: (args) => client.call(...args),
    };
  }
  // node-redis 4 and 5: sendCommand(["NAME", ...args]) with string arguments.
  if (typeof client.sendCommand === "function") {
    return {
      script: (script, key, args) => client.sendCommand(["EVAL", script, "1", key, ...args]),
      command: (args) => client.sendCommand(args),
    };
  }
  return null;
}

/**
 * A dedupe store on Redis: `redisDedupe({ client })` with a connected `redis` (createClient) or
 * `ioredis` client. Keys are `<prefix><event key>`.
 *
 * @param {{ client: object, prefix?: string, ttlSeconds?: number, leaseMs?: number, key?: (event: object) => string | number | null | undefined }} options
 */
export function redisDedupe(options) {
  if (options === null || typeof options !== "object") {
    throw new TypeError("haptik-webhook: redisDedupe(options) needs { client }: a connected node-redis or ioredis client");
  }
  const { client, prefix = "haptik-webhook:dedupe:" } = options;
  const redis = commandsOf(client);
  if (redis === null) {
    throw new TypeError("haptik-webhook: redisDedupe: options.client must be a node-redis client (createClient() from \"redis\") or an ioredis client");
  }
  if (typeof prefix !== "string") throw new TypeError("haptik-webhook: redisDedupe: prefix must be a string");
  const { key, ttlSeconds, leaseMs } = storeOptions(options, "redisDedupe");
  const ttl = String(Math.ceil(ttlSeconds));
  const lease = String(leaseMs);
  return {
    key,
    leaseMs,
    async claim(k, token) {
      return String(await redis.script(CLAIM, prefix + k, [token, lease]));
    },
    async renew(k, token) {
      return Number(await redis.script(RENEW, prefix + k, [token, lease])) === 1;
    },
    async complete(k) {
      await redis.command(["SET", prefix + k, "done", "EX", ttl]);
    },
    async release(k, token) {
      await redis.script(RELEASE, prefix + k, [token]);
    },
  };
}
