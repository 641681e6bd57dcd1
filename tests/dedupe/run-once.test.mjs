// runOnce (pkg-template/src/receive/once.js): the exactly-once step for an endpoint of your own,
// on memoryDedupe and on redisDedupe with a real redis-server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "redis";
import { runOnce, memoryDedupe, parseEvent } from "../../pkg/node.mjs";
import { redisDedupe } from "../../pkg/redis.mjs";
import { messageEvent, freshId } from "../receiving/helpers.mjs";
import { startRedis } from "../../scripts/redis-server.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let redis;
let client;
before(async () => {
  redis = await startRedis();
  client = await createClient({ url: redis.url }).connect();
});
after(async () => {
  await client?.quit();
  await redis?.stop();
});

const stores = {
  memoryDedupe: () => memoryDedupe({ leaseMs: 300 }),
  redisDedupe: () => redisDedupe({ client, prefix: `once${freshId()}:`, leaseMs: 300 }),
};

for (const [label, make] of Object.entries(stores)) {
  test(`${label}: runOnce runs fn once for racing calls; the others get "duplicate"`, async () => {
    const store = make();
    const event = parseEvent(messageEvent(freshId(), "x"));
    let runs = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        runOnce(store, event, async () => {
          runs++;
          await sleep(50);
          return "ok";
        }),
      ),
    );
    assert.equal(runs, 1);
    assert.deepEqual(outcomes.map((o) => o.result).sort(), ["duplicate", "duplicate", "duplicate", "duplicate", "handled"]);
    assert.equal(outcomes.find((o) => o.result === "handled").value, "ok");
  });

  test(`${label}: a throw frees the key and is rethrown; the next call runs fn`, async () => {
    const store = make();
    const event = parseEvent(messageEvent(freshId(), "x"));
    await assert.rejects(runOnce(store, event, () => Promise.reject(new Error("boom"))), /boom/);
    assert.deepEqual(await runOnce(store, event, () => 7), { result: "handled", value: 7 });
    assert.deepEqual(await runOnce(store, event, () => 8), { result: "duplicate" });
  });

  test(`${label}: held past waitMs: "in_progress", and watch() takes over when the holder fails`, async () => {
    const store = make();
    const event = parseEvent(messageEvent(freshId(), "x"));
    let release;
    const holder = runOnce(store, event, () => new Promise((_, reject) => (release = () => reject(new Error("late failure")))));
    await sleep(20);
    const second = await runOnce(store, event, () => "second", { waitMs: 100 });
    assert.equal(second.result, "in_progress");
    const watched = second.watch();
    release();
    await assert.rejects(holder, /late failure/);
    assert.deepEqual(await watched, { result: "handled", value: "second" });
  });
}

test("runOnce: a store failure runs fn anyway (default) or throws (onStoreError: \"throw\")", async () => {
  const broken = { leaseMs: 1000, claim: () => Promise.reject(new Error("down")), renew: () => true, complete() {}, release() {} };
  const event = parseEvent(messageEvent(freshId(), "x"));
  const told = [];
  assert.deepEqual(await runOnce(broken, event, () => 1, { onError: (e) => told.push(e.kind) }), { result: "handled", value: 1 });
  assert.deepEqual(told, ["dedupe"]);
  await assert.rejects(runOnce(broken, event, () => 1, { onStoreError: "throw" }), /down/);
  await assert.rejects(runOnce({}, event, () => 1), /runOnce: the store has no claim\(\) method/);
  await assert.rejects(async () => runOnce(memoryDedupe(), event, () => 1, { waitMs: -1 }), TypeError);
});

test("runOnce: watch() waits out a store blip, as the receivers' watchers do (no second run)", async () => {
  const inner = memoryDedupe({ leaseMs: 300 });
  let failing = false;
  const store = { ...inner, leaseMs: inner.leaseMs, claim: (k, t) => (failing ? Promise.reject(new Error("ECONNRESET")) : inner.claim(k, t)) };
  const event = parseEvent(messageEvent(freshId(), "x"));
  let runs = 0;
  const holder = runOnce(store, event, async () => {
    runs++;
    await sleep(700);
  });
  await sleep(20);
  const second = await runOnce(store, event, () => runs++, { waitMs: 100 });
  assert.equal(second.result, "in_progress");
  const watched = second.watch();
  failing = true;
  await sleep(400);
  failing = false;
  await holder;
  assert.deepEqual(await watched, { result: "duplicate" });
  assert.equal(runs, 1);
});
