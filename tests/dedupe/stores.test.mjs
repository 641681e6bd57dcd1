// The claim protocol (pkg-template/src/receive/claim.js), the same assertions for every store:
// memoryDedupe, and redisDedupe over node-redis 5, node-redis 4 and ioredis on a real redis-server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "redis";
import { createClient as createClient4 } from "redis4";
import Redis from "ioredis";
import { memoryDedupe } from "../../pkg/node.mjs";
import { redisDedupe } from "../../pkg/redis.mjs";
import { redisDedupe as redisDedupeCjs } from "../../pkg/redis.cjs";
import { startRedis } from "./redis-server.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
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

for (const [label, make] of Object.entries(makers)) {
  test(`${label}: a free key is claimed once; the holder may claim again, others find it busy`, async () => {
    const store = await make({ leaseMs: 5000 });
    const k = fresh();
    assert.equal(await store.claim(k, "a"), "claimed");
    assert.equal(await store.claim(k, "b"), "busy");
    assert.equal(await store.claim(k, "a"), "claimed");
    assert.equal(store.leaseMs, 5000);
  });

  test(`${label}: concurrent claims of one key: exactly one wins`, async () => {
    const store = await make({});
    const k = fresh();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claim(k, `t${i}`)));
    assert.equal(answers.filter((a) => a === "claimed").length, 1, answers.join(","));
    assert.equal(answers.filter((a) => a === "busy").length, 19);
  });

  test(`${label}: complete makes it done; release frees it only for its holder`, async () => {
    const store = await make({});
    const k = fresh();
    assert.equal(await store.claim(k, "a"), "claimed");
    await store.release(k, "b"); // not the holder: no effect
    assert.equal(await store.claim(k, "b"), "busy");
    await store.release(k, "a");
    assert.equal(await store.claim(k, "b"), "claimed");
    await store.complete(k, "b");
    assert.equal(await store.claim(k, "c"), "done");
    await store.release(k, "b"); // a done key stays done
    assert.equal(await store.claim(k, "c"), "done");
  });

  test(`${label}: a lease not renewed lapses (its holder died); renewing keeps it`, async () => {
    const store = await make({ leaseMs: 150 });
    const dead = fresh();
    const alive = fresh();
    assert.equal(await store.claim(dead, "a"), "claimed");
    assert.equal(await store.claim(alive, "a"), "claimed");
    for (let i = 0; i < 6; i++) {
      await sleep(50);
      assert.equal(await store.renew(alive, "a"), true);
    }
    assert.equal(await store.claim(alive, "b"), "busy", "renewed for 300 ms: still held");
    assert.equal(await store.claim(dead, "b"), "claimed", "not renewed for 300 ms: lapsed");
    assert.equal(await store.renew(dead, "a"), false, "the old holder lost it");
  });

  test(`${label}: a done key is forgotten after ttlSeconds`, async () => {
    const store = await make({ ttlSeconds: 1 });
    const k = fresh();
    await store.claim(k, "a");
    await store.complete(k, "a");
    assert.equal(await store.claim(k, "b"), "done");
    await sleep(1150);
    assert.equal(await store.claim(k, "b"), "claimed");
  });

  test(`${label}: bad options are a TypeError at creation`, async () => {
    await assert.rejects(make({ leaseMs: 0 }), TypeError);
    await assert.rejects(make({ ttlSeconds: "1h" }), TypeError);
    await assert.rejects(make({ key: "message.id" }), TypeError);
  });
}

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
