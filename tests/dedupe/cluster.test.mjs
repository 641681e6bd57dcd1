// No event lost, none handled twice, across processes (issue 17): 4 Node processes (2 with
// node-redis, 2 with ioredis) share a real redis-server through redisDedupe. Each event is
// delivered twice at once to two different processes; some handlers fail on their first try;
// every delivery that gets no 2xx is retried as the platform does (6 more tries, gaps scaled down
// from 5 s ... 1410 s to milliseconds, each try to the next process, as a load balancer would);
// one process is SIGKILLed mid-run with handlers in flight; later Redis itself is killed and
// brought back. The test's own log of processed ids is the proof.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { messageEvent } from "../receiving/helpers.mjs";
import { deliver } from "./platform.mjs";
import { startRedis } from "../../scripts/redis-server.mjs";

const SECRET = "cluster-secret";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let redis;
let coordinator;
const workers = []; // { child, port, pid, client, alive }
const starts = new Map(); // id -> [{ pid, fail }, ...] (every handler run that began)
const processed = new Map(); // id -> [pid, ...] (every handler run that reached its side effect)
const dedupeErrors = [];
const failFirst = new Set();

function coordinatorServer() {
  return createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const p = Object.fromEntries(url.searchParams);
    let answer = {};
    if (url.pathname === "/start") {
      const list = starts.get(p.id) ?? [];
      answer = { fail: failFirst.has(p.id) && list.length === 0 };
      list.push({ pid: Number(p.pid), fail: answer.fail });
      starts.set(p.id, list);
    } else if (url.pathname === "/processed") {
      const list = processed.get(p.id) ?? [];
      list.push(Number(p.pid));
      processed.set(p.id, list);
    } else if (url.pathname === "/dedupe-error") {
      dedupeErrors.push(p);
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
}

before(async () => {
  redis = await startRedis();
  coordinator = coordinatorServer();
  await new Promise((r) => coordinator.listen(0, "127.0.0.1", r));
  const env = {
    ...process.env,
    REDIS_URL: redis.url,
    COORDINATOR: `http://127.0.0.1:${coordinator.address().port}`,
    SECRET,
  };
  const script = fileURLToPath(new URL("cluster-worker.mjs", import.meta.url));
  for (const client of ["node-redis", "ioredis", "node-redis", "ioredis"]) {
    const child = fork(script, [], { env: { ...env, CLIENT: client }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const ready = await new Promise((resolve, reject) => {
      child.once("message", resolve);
      child.once("exit", (code) => reject(new Error(`worker exited (${code})`)));
    });
    workers.push({ child, ...ready, alive: true });
  }
});

after(async () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
  coordinator?.close();
  await redis?.stop();
});

/** One platform delivery: the first try to `workers[first]`, each retry to the next process. */
const deliverTo = (body, first, path = "/") =>
  deliver((i) => `http://127.0.0.1:${workers[(first + i) % workers.length].port}${path}`, body, SECRET);

/** Sends every id twice at once (to two different processes), `parallel` events at a time. */
async function run(ids, { parallel = 24, path = "/", onProgress = () => {} } = {}) {
  const outcomes = new Map();
  let next = 0;
  let started = 0;
  async function lane() {
    while (next < ids.length) {
      const i = next++;
      const id = ids[i];
      started++;
      onProgress(started);
      const body = messageEvent(id, "cluster");
      const live = workers.filter((w) => w.alive);
      const a = workers.indexOf(live[i % live.length]);
      const b = workers.indexOf(live[(i + 1) % live.length]);
      outcomes.set(String(id), await Promise.all([deliverTo(body, a, path), deliverTo(body, b, path)]));
    }
  }
  await Promise.all(Array.from({ length: parallel }, lane));
  return outcomes;
}

const idsFrom = (start, n) => Array.from({ length: n }, (_, i) => start + i);

test("4 processes, each event twice at once, first tries failing, one process SIGKILLed mid-handler: every event processed exactly once", async () => {
  const ids = idsFrom(9100000, 400);
  for (const id of ids) if (id % 10 === 3) failFirst.add(String(id));
  const victim = workers[2];
  let killed = null;
  const outcomes = await run(ids, {
    onProgress: (n) => {
      if (n !== 130 || killed !== null) return;
      killed = (async () => {
        victim.child.send("freeze");
        await new Promise((r) => victim.child.once("message", r));
        // Wait until handlers are blocked in the victim (they arrive while deliveries continue).
        const startedThere = () => [...starts.values()].flat().filter((s) => s.pid === victim.pid).length;
        const before = startedThere();
        const until = Date.now() + 3000;
        while (startedThere() < before + 2 && Date.now() < until) await sleep(5);
        await sleep(100); // side effects already sent by then finish, with their "done" marks
        victim.alive = false;
        victim.child.kill("SIGKILL");
        await new Promise((r) => victim.child.once("exit", r));
      })();
    },
  });
  await killed;

  const problems = [];
  for (const id of ids.map(String)) {
    const runs = processed.get(id) ?? [];
    if (runs.length !== 1) problems.push(`${id} processed ${runs.length} times (by ${runs.join(", ")})`);
    const [a, b] = outcomes.get(id);
    if (!a.delivered || !b.delivered) problems.push(`${id}: a delivery gave up: ${JSON.stringify([a.tries, b.tries])}`);
  }
  assert.deepEqual(problems, []);

  // The kill did land inside handlers: events the victim had started and never finished, each
  // then processed once by another process (after the victim's lease lapsed).
  const cut = [...starts].filter(([id, runs]) => runs.some((r) => r.pid === victim.pid && !r.fail) && !processed.get(id).includes(victim.pid));
  assert.ok(cut.length >= 2, `handlers in flight at the kill: ${cut.length}`);
  for (const [id] of cut) assert.notEqual(processed.get(id)[0], victim.pid);
  // Both client libraries did the work, and the failing first tries were retried.
  const byClient = new Set(ids.map((id) => workers.find((w) => w.pid === processed.get(String(id))[0]).client));
  assert.deepEqual([...byClient].sort(), ["ioredis", "node-redis"]);
  for (const id of failFirst) assert.ok((starts.get(id) ?? []).length >= 2, `${id} failed once and ran again`);
  const all = [...outcomes.values()].flat();
  assert.ok(all.some((o) => o.result === "duplicate"), "some second deliveries were duplicates");
  assert.ok(all.some((o) => o.tries.includes("no answer")), "some deliveries hit the killed process");
  assert.ok(all.some((o) => o.tries.includes(500)), "some first tries failed and were retried");
});

test('Redis killed mid-run (dedupeErrorPolicy "handle"): no event lost, onError told; once it is back, exactly once again', async () => {
  const ids = idsFrom(9200000, 150);
  dedupeErrors.length = 0;
  let outage = Promise.resolve();
  const outcomes = await run(ids, {
    parallel: 12,
    onProgress: (n) => {
      if (n === 40) outage = redis.stop().then(() => sleep(600)).then(() => redis.start());
    },
  });
  await outage;
  const lost = ids.map(String).filter((id) => (processed.get(id) ?? []).length === 0);
  assert.deepEqual(lost, [], "every event was processed at least once");
  for (const [id, [a, b]] of outcomes) assert.ok(a.delivered && b.delivered, `${id}: ${JSON.stringify([a.tries, b.tries])}`);
  assert.ok(dedupeErrors.some((e) => e.step === "claim" && e.status === ""), JSON.stringify(dedupeErrors.slice(0, 3)));

  // Back: wait until every process's client has reconnected, then deliveries are exactly-once again.
  const probe = idsFrom(9250000, 60);
  const until = Date.now() + 15000;
  for (;;) {
    const before = dedupeErrors.length;
    const outcomesAfter = await run(probe.splice(0, 12), { parallel: 12 });
    const once = [...outcomesAfter.keys()].every((id) => processed.get(id).length === 1);
    if (dedupeErrors.length === before && once) break;
    assert.ok(Date.now() < until && probe.length > 0, "the clients did not recover after Redis came back");
  }
});

test('Redis down with dedupeErrorPolicy "retry": answered 503, retried by the platform after it is back: exactly once, none lost', async () => {
  const ids = idsFrom(9300000, 100);
  await redis.stop();
  const back = sleep(800).then(() => redis.start());
  const outcomes = await run(ids, { parallel: 20, path: "/retry" });
  await back;
  const problems = [];
  for (const id of ids.map(String)) {
    const runs = processed.get(id) ?? [];
    if (runs.length !== 1) problems.push(`${id} processed ${runs.length} times`);
    const [a, b] = outcomes.get(id);
    if (!a.delivered || !b.delivered) problems.push(`${id}: gave up: ${JSON.stringify([a.tries, b.tries])}`);
  }
  assert.deepEqual(problems, []);
  const tries = [...outcomes.values()].flat().flatMap((o) => o.tries);
  assert.ok(tries.includes(503), "deliveries during the outage were answered 503");
});
