// The receivers' dedupe semantics (pkg-template/src/receive/policy.js + claim.js), over real HTTP
// with createNodeMiddleware: each event's handlers run once, a delivery racing another waits for
// it, takes the event over when the other fails or dies, and a store failure follows
// dedupeErrorPolicy. Stores: memoryDedupe, and redisDedupe on a real redis-server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createClient } from "redis";
import { createNodeMiddleware, memoryDedupe } from "../../pkg/node.mjs";
import { redisDedupe } from "../../pkg/redis.mjs";
import { post, messageEvent, freshId } from "../receiving/helpers.mjs";
import { startRedis } from "../../scripts/redis-server.mjs";

const SECRET = "dedupe-secret";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let redis;
let client;
const servers = [];

before(async () => {
  redis = await startRedis();
  client = await createClient({ url: redis.url }).connect();
});
after(async () => {
  for (const s of servers) s.close();
  if (client) await client.quit();
  if (redis) await redis.stop();
});

/**
 * An endpoint whose `message` handler is steered by the text: "slow:<ms>" sleeps, "fail-once"
 * throws on its first run, "fail-late:<ms>" sleeps then throws on its first run. `log` gets
 * `run:<id>` when a handler starts, `ok:<id>` when it succeeded, and the onError/onDuplicate calls.
 */
async function endpoint(options) {
  const log = [];
  const failed = new Set();
  const mw = createNodeMiddleware({
    secret: SECRET,
    deadlineMs: 400,
    on: {
      message: async (ev) => {
        const id = ev.message.id;
        const text = ev.message.body.text;
        log.push(`run:${id}`);
        const [what, ms] = text.split(":");
        if (ms !== undefined) await sleep(Number(ms));
        if ((what === "fail-once" || what === "fail-late") && !failed.has(id)) {
          failed.add(id);
          log.push(`fail:${id}`);
          throw new Error(`${what} ${id}`);
        }
        log.push(`ok:${id}`);
      },
    },
    onDuplicate: (ev) => log.push(`duplicate:${ev.message.id}`),
    onError: (err) => log.push(`error:${err.kind}:${err.status ?? "-"}:${err.step ?? ""}`),
    ...options,
  });
  const server = createServer(mw);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  return { url: `http://127.0.0.1:${server.address().port}/`, log };
}

const count = (log, line) => log.filter((l) => l === line).length;

async function until(check, what, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const stores = {
  memoryDedupe: () => memoryDedupe({ leaseMs: 300 }),
  redisDedupe: () => redisDedupe({ client, prefix: `t${freshId()}:`, leaseMs: 300 }),
};

for (const [label, makeStore] of Object.entries(stores)) {
  test(`${label}: two deliveries at once: the handler runs once, the second waits and answers "duplicate"`, async () => {
    const { url, log } = await endpoint({ dedupe: makeStore() });
    const id = freshId();
    const body = messageEvent(id, "slow:150");
    const [a, b] = await Promise.all([post(url, body, { secret: SECRET }), post(url, body, { secret: SECRET })]);
    assert.deepEqual([a.json.result, b.json.result].sort(), ["duplicate", "handled"]);
    assert.equal(count(log, `run:${id}`), 1, log.join("\n"));
    assert.equal(count(log, `duplicate:${id}`), 1);
  });

  test(`${label}: the first delivery fails (errorPolicy "retry"): it answers 500, the waiting one handles the event`, async () => {
    const { url, log } = await endpoint({ dedupe: makeStore(), errorPolicy: "retry" });
    const id = freshId();
    const body = messageEvent(id, "fail-once:100");
    const answers = await Promise.all([post(url, body, { secret: SECRET }), post(url, body, { secret: SECRET })]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 500]);
    assert.equal(answers.find((r) => r.status === 200).json.result, "handled");
    assert.equal(count(log, `ok:${id}`), 1, log.join("\n"));
    assert.equal(count(log, `run:${id}`), 2);
    // The platform's retry of the failed one: a duplicate now.
    const retry = await post(url, body, { secret: SECRET });
    assert.equal(retry.json.result, "duplicate");
    assert.equal(count(log, `run:${id}`), 2);
  });

  test(`${label}: the first delivery fails (errorPolicy "acknowledge"): the key is released and the waiting one handles it`, async () => {
    const { url, log } = await endpoint({ dedupe: makeStore() });
    const id = freshId();
    const body = messageEvent(id, "fail-once:100");
    const answers = await Promise.all([post(url, body, { secret: SECRET }), post(url, body, { secret: SECRET })]);
    assert.deepEqual(answers.map((r) => r.json.result).sort(), ["handled", "handler_failed"]);
    assert.equal(count(log, `ok:${id}`), 1, log.join("\n"));
  });

  test(`${label}: still running at the second's deadline: 202 "in_progress"; when the first then fails, the second takes the event over`, async () => {
    const { url, log } = await endpoint({ dedupe: makeStore() });
    const id = freshId();
    const body = messageEvent(id, "fail-late:700");
    const first = post(url, body, { secret: SECRET });
    await until(() => log.includes(`run:${id}`), "the first handler to start");
    const second = await post(url, body, { secret: SECRET });
    assert.equal(second.status, 202);
    assert.equal(second.json.result, "in_progress");
    assert.equal((await first).json.result, "pending", "the first answered 202 at its own deadline");
    // The first fails after its 202; the second, still watching, runs the handlers itself.
    await until(() => log.includes(`ok:${id}`), "the watcher to handle the event");
    assert.deepEqual(
      log.filter((l) => l.endsWith(`:${id}`)),
      [`run:${id}`, `fail:${id}`, `run:${id}`, `ok:${id}`],
    );
    assert.ok(log.includes("error:handler:202:"), log.join("\n"));
  });

  test(`${label}: still running at the second's deadline and then succeeding: the watcher reports a duplicate`, async () => {
    const { url, log } = await endpoint({ dedupe: makeStore() });
    const id = freshId();
    const body = messageEvent(id, "slow:700");
    const first = post(url, body, { secret: SECRET });
    await until(() => log.includes(`run:${id}`), "the first handler to start");
    const second = await post(url, body, { secret: SECRET });
    assert.equal(second.json.result, "in_progress");
    await first;
    await until(() => log.includes(`duplicate:${id}`), "the watcher to see the event done");
    assert.equal(count(log, `run:${id}`), 1);
  });

  test(`${label}: a holder that died (lease never renewed) is taken over once its lease lapses`, async () => {
    const store = makeStore();
    const { url, log } = await endpoint({ dedupe: store });
    const id = freshId();
    // A delivery in a process that then died: it claimed the key and will never renew it.
    assert.equal(await store.claim(`message:${id}`, "dead-process"), "claimed");
    const t0 = Date.now();
    const r = await post(url, messageEvent(id, "x"), { secret: SECRET });
    assert.equal(r.json.result, "handled");
    assert.ok(Date.now() - t0 >= 250, "it waited for the lease to lapse");
    assert.equal(count(log, `ok:${id}`), 1);
  });

  test(`${label}: a handler running longer than leaseMs keeps its lease (renewed), so no second run`, async () => {
    const { url, log } = await endpoint({ dedupe: makeStore(), deadlineMs: 2000 });
    const id = freshId();
    const body = messageEvent(id, "slow:1000"); // leaseMs is 300: renewed three times a lease
    const [a, b] = await Promise.all([post(url, body, { secret: SECRET }), sleep(450).then(() => post(url, body, { secret: SECRET }))]);
    assert.equal(a.json.result, "handled");
    assert.equal(b.json.result, "duplicate");
    assert.equal(count(log, `run:${id}`), 1, log.join("\n"));
  });
}

/** A store whose every step fails, or never answers. */
const brokenStore = (how) => ({
  leaseMs: 1000,
  claim: () => (how === "hang" ? new Promise(() => {}) : Promise.reject(new Error("ECONNREFUSED"))),
  renew: () => true,
  complete: () => {},
  release: () => {},
});

test('store down, dedupeErrorPolicy "handle" (default): the event is handled anyway and onError is told', async () => {
  const { url, log } = await endpoint({ dedupe: brokenStore("fail") });
  const id = freshId();
  const r = await post(url, messageEvent(id, "x"), { secret: SECRET });
  assert.equal(r.status, 200);
  assert.equal(r.json.result, "handled");
  assert.deepEqual(log, ["error:dedupe:-:claim", `run:${id}`, `ok:${id}`]);
});

test('store down, dedupeErrorPolicy "retry": 503 so the platform delivers again, no handler ran', async () => {
  const { url, log } = await endpoint({ dedupe: brokenStore("fail"), dedupeErrorPolicy: "retry" });
  const r = await post(url, messageEvent(freshId(), "x"), { secret: SECRET });
  assert.equal(r.status, 503);
  assert.equal(r.json.error, "dedupe_unavailable");
  assert.deepEqual(log, ["error:dedupe:503:claim"]);
});

test("a store that never answers is a store error after dedupeTimeoutMs, well inside the deadline", async () => {
  const { url, log } = await endpoint({ dedupe: brokenStore("hang"), dedupeTimeoutMs: 100 });
  const t0 = Date.now();
  const r = await post(url, messageEvent(freshId(), "x"), { secret: SECRET });
  assert.equal(r.json.result, "handled");
  assert.ok(Date.now() - t0 < 400, `answered in ${Date.now() - t0} ms`);
  assert.equal(log[0], "error:dedupe:-:claim");
});

test("a store failing after the handlers (complete) is reported; the answer stays 200", async () => {
  const store = { ...memoryDedupe(), complete: () => Promise.reject(new Error("READONLY")) };
  const { url, log } = await endpoint({ dedupe: store });
  const id = freshId();
  const r = await post(url, messageEvent(id, "x"), { secret: SECRET });
  assert.equal(r.json.result, "handled");
  assert.deepEqual(log, [`run:${id}`, `ok:${id}`, "error:dedupe:-:lease"]);
});

test("dedupe as a function of env is called per request; a wrong store is a dedupe error, not a crash", async () => {
  const shared = memoryDedupe();
  let calls = 0;
  const { url, log } = await endpoint({ dedupe: () => (calls++, shared) });
  const id = freshId();
  await post(url, messageEvent(id, "x"), { secret: SECRET });
  assert.equal((await post(url, messageEvent(id, "x"), { secret: SECRET })).json.result, "duplicate");
  assert.equal(calls, 2);
  const bad = await endpoint({ dedupe: () => ({ isDuplicate: () => false }) });
  const r = await post(bad.url, messageEvent(freshId(), "x"), { secret: SECRET });
  assert.equal(r.json.result, "handled");
  assert.equal(bad.log[0], "error:dedupe:-:key");
  assert.ok(log.length > 0);
});

test("an old-style { isDuplicate } object is refused at creation with a message saying what changed", () => {
  assert.throws(
    () => createNodeMiddleware({ secret: SECRET, dedupe: { isDuplicate: () => false } }),
    /has isDuplicate\(\) but no claim\(\)/,
  );
  assert.throws(() => createNodeMiddleware({ secret: SECRET, dedupe: memoryDedupe(), dedupeErrorPolicy: "drop" }), TypeError);
  assert.throws(() => createNodeMiddleware({ secret: SECRET, dedupe: memoryDedupe(), dedupeTimeoutMs: 0 }), TypeError);
});

test("an event without a key (no message id) is handled without dedupe, every time", async () => {
  const store = memoryDedupe();
  const { url, log } = await endpoint({ dedupe: store, onUnknown: (ev) => log.push(`unknown:${ev.event_name}`) });
  const body = JSON.stringify({ event_name: "typing_started", business_id: 1 });
  for (let i = 0; i < 2; i++) {
    const r = await post(url, body, { secret: SECRET });
    assert.equal(r.json.result, "unknown_event");
  }
  assert.deepEqual(log, ["unknown:typing_started", "unknown:typing_started"]);
  assert.equal(store.size, 0);
});

test("a watcher waits out a store blip instead of handling the event a second time", async () => {
  const inner = memoryDedupe({ leaseMs: 300 });
  let failing = false;
  const store = { ...inner, leaseMs: inner.leaseMs, claim: (k, t) => (failing ? Promise.reject(new Error("ECONNRESET")) : inner.claim(k, t)) };
  const { url, log } = await endpoint({ dedupe: store });
  const id = freshId();
  const body = messageEvent(id, "slow:1200");
  const first = post(url, body, { secret: SECRET });
  await until(() => log.includes(`run:${id}`), "the first handler to start");
  const second = await post(url, body, { secret: SECRET });
  assert.equal(second.json.result, "in_progress");
  failing = true; // the watcher's next claims fail...
  await sleep(600);
  failing = false; // ...then the store is back, and the first delivery finishes
  await first;
  await until(() => log.includes(`duplicate:${id}`), "the watcher to see the event done");
  assert.equal(count(log, `run:${id}`), 1, log.join("\n"));
  assert.ok(!log.some((l) => l.startsWith("error:dedupe")), log.join("\n"));
});
