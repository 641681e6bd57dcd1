// The claim protocol's assertions, the same for every store (receive/claim.js): stores.test.mjs
// runs them on memoryDedupe and redisDedupe, durable-object.test.mjs on the Durable Object store
// inside workerd. `make(options)` resolves to a store given the common store options.
import { test } from "node:test";
import assert from "node:assert/strict";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const fresh = () => `k${process.pid}-${Date.now().toString(36)}-${++n}`;

export function storeConformance(label, make) {
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
