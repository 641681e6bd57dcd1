// The dedupe stores of Node: memoryDedupe, and redisDedupe over node-redis 5, node-redis 4 and
// ioredis on a real redis-server, each through the protocol's assertions (conformance.mjs).
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "redis";
import { createClient as createClient4 } from "redis4";
import Redis from "ioredis";
import { memoryDedupe } from "../../pkg/node.mjs";
import { redisDedupe } from "../../pkg/redis.mjs";
import { redisDedupe as redisDedupeCjs } from "../../pkg/redis.cjs";
import { startRedis } from "../../scripts/redis-server.mjs";
import { storeConformance } from "./conformance.mjs";

let server;
const clients = [];

before(async () => {
  server = await startRedis();
});
after(async () => {
  for (const c of clients) await c.close();
  if (server) await server.stop();
});

async function nodeRedis5() {
  const c = await createClient({ url: server.url }).connect();
  clients.push({ close: () => c.quit(), raw: c });
  return c;
}
async function nodeRedis4() {
  const c = createClient4({ url: server.url });
  await c.connect();
  clients.push({ close: () => c.quit() });
  return c;
}
function ioredis() {
  const c = new Redis(server.port, "127.0.0.1");
  clients.push({ close: async () => c.disconnect() });
  return c;
}

let n = 0;
const fresh = () => `k${process.pid}-${++n}`;

const makers = {
  memoryDedupe: async (o) => memoryDedupe(o),
  "redisDedupe (node-redis 5)": async (o) => redisDedupe({ client: await nodeRedis5(), ...o }),
  "redisDedupe (node-redis 4)": async (o) => redisDedupe({ client: await nodeRedis4(), ...o }),
  "redisDedupe (ioredis)": async (o) => redisDedupe({ client: ioredis(), ...o }),
  "redisDedupe (CommonJS build, node-redis 5)": async (o) => redisDedupeCjs({ client: await nodeRedis5(), ...o }),
};

// Every store at once (fresh keys each): the TTL waits overlap instead of adding up.
describe("the claim protocol", { concurrency: true }, () => {
  for (const [label, make] of Object.entries(makers)) storeConformance(label, make);
});

test("redisDedupe: keys live under the prefix, leases expire in Redis itself, done keys carry the TTL", async () => {
  const client = await nodeRedis5();
  const store = redisDedupe({ client, prefix: "test:p:", ttlSeconds: 3900, leaseMs: 5000 });
  const k = fresh();
  await store.claim(k, "a");
  const leasePttl = Number(await client.sendCommand(["PTTL", `test:p:${k}`]));
  assert.ok(leasePttl > 4000 && leasePttl <= 5000, String(leasePttl));
  assert.equal(await client.get(`test:p:${k}`), "lease:a");
  await store.complete(k, "a");
  assert.equal(await client.get(`test:p:${k}`), "done");
  const ttl = Number(await client.sendCommand(["TTL", `test:p:${k}`]));
  assert.ok(ttl > 3890 && ttl <= 3900, String(ttl));
});

test("redisDedupe: anything but a node-redis or ioredis client is refused with a clear TypeError", () => {
  assert.throws(() => redisDedupe({ client: {} }), /node-redis client .* or an ioredis client/);
  assert.throws(() => redisDedupe(), /needs \{ client \}/);
  assert.throws(() => redisDedupe({ client: { sendCommand() {} }, prefix: 7 }), /prefix must be a string/);
});

test("memoryDedupe: at most max keys are kept, the least recently used dropped first", () => {
  const store = memoryDedupe({ max: 2 });
  store.claim("a", "t");
  store.complete("a", "t");
  store.claim("b", "t");
  store.complete("b", "t");
  assert.equal(store.claim("a", "u"), "done"); // a is now the most recent
  store.claim("c", "t");
  assert.equal(store.size, 2);
  assert.equal(store.claim("a", "u"), "done");
  assert.equal(store.claim("b", "u"), "claimed", "b was the least recently used: dropped");
});
