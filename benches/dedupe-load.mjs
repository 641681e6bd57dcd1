// Load through the receiving middleware, with and without a dedupe store (docs: BENCHMARKS.md,
// "Receiving under load"). `node benches/dedupe-load.mjs [--deliveries N]`.
//
// A server process (createNodeMiddleware on node:http, a handler that does nothing) and this
// process sending signed deliveries over keep-alive HTTP, `CONCURRENCY` at a time, each a new
// event. Both share this machine's CPUs, so the figures are end-to-end deliveries per second here,
// for comparing the modes with one another, not a server's capacity. The server reports its
// memory every 10^4 deliveries: over 10^5 with the Redis store it must stay flat.
import { fork } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startRedis } from "../scripts/redis-server.mjs";

const SECRET = "load-secret";
const CONCURRENCY = 32;
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? dflt : Number(process.argv[i + 1]);
};
const LONG = arg("--deliveries", 100000);
const SHORT = Math.min(LONG, 28000); // the throughput rounds, all modes together


async function server() {
  const { createServer } = await import("node:http");
  const { createNodeMiddleware, memoryDedupe } = await import("../pkg/node.mjs");
  const { redisDedupe } = await import("../pkg/redis.mjs");
  const mode = process.env.MODE;
  let dedupe = null;
  if (mode === "memoryDedupe") dedupe = memoryDedupe();
  if (mode === "redis (node-redis)") {
    const { createClient } = await import("redis");
    dedupe = redisDedupe({ client: await createClient({ url: process.env.REDIS_URL }).connect(), prefix: `load:${Date.now()}:` });
  }
  if (mode === "redis (ioredis)") {
    const { default: Redis } = await import("ioredis");
    dedupe = redisDedupe({ client: new Redis(process.env.REDIS_URL), prefix: `load:${Date.now()}:` });
  }
  let handled = 0;
  const mw = createNodeMiddleware({
    secret: SECRET,
    dedupe,
    on: {
      message: () => {
        handled++;
        if (handled % 10000 === 0) {
          const m = process.memoryUsage();
          process.send({ handled, rss: m.rss, heapUsed: m.heapUsed });
        }
      },
    },
    onError: (e) => process.send({ error: `${e.kind}: ${e.message}` }),
  });
  const s = createServer({ keepAliveTimeout: 60000 }, mw);
  s.listen(0, "127.0.0.1", () => process.send({ port: s.address().port }));
}

const MODES = ["no dedupe", "memoryDedupe", "redis (node-redis)", "redis (ioredis)"];
const ROUNDS = 7;

async function main() {
  const template = JSON.parse(readFileSync(new URL("../tests/fixtures/message_text.json", import.meta.url), "utf8"));
  const redis = await startRedis();
  const servers = [];
  try {
    for (const mode of MODES) servers.push(await startServer(mode, redis.url));
    // Throughput: the modes interleaved, round after round (this machine's load drifts), median of the rounds.
    const perRound = Math.max(1000, Math.floor(SHORT / ROUNDS));
    const rates = new Map(MODES.map((m) => [m, []]));
    for (const s of servers) await burst(s, 1000, template); // warm-up
    for (let r = 0; r < ROUNDS; r++) for (const s of servers) rates.get(s.mode).push(await burst(s, perRound, template));
    // Memory: LONG deliveries through the node-redis server, its memory every 10^4.
    const long = servers.find((s) => s.mode === "redis (node-redis)");
    long.memory.length = 0;
    await burst(long, LONG, template);
    await new Promise((r) => setTimeout(r, 100));
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const base = median(rates.get("no dedupe"));
    console.log(`\nReceiving under load (node ${process.version}, ${CONCURRENCY} deliveries in flight, each a new event; ${ROUNDS} interleaved rounds of ${perRound})\n`);
    console.log("| store | deliveries/s (median; min-max) | vs no dedupe |");
    console.log("|---|---|---|");
    for (const m of MODES) {
      const xs = rates.get(m);
      console.log(`| ${m} | ${Math.round(median(xs))} (${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))}) | ${(median(xs) / base).toFixed(2)}× |`);
    }
    const mb = (b) => `${(b / 1048576).toFixed(1)}`;
    console.log(`\nMemory of the redis (node-redis) server over ${LONG} more deliveries, every 10^4 (MB): RSS ${long.memory.map((x) => mb(x.rss)).join(", ")}; heap used ${long.memory.map((x) => mb(x.heapUsed)).join(", ")}`);
    for (const s of servers) if (s.errors.length > 0) throw new Error(`${s.mode}: ${s.errors.length} errors, first: ${s.errors[0]}`);
  } finally {
    for (const s of servers) s.child.kill();
    await redis.stop();
  }
}

async function startServer(mode, redisUrl) {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, HAPTIK_LOAD_SERVER: "1", MODE: mode, REDIS_URL: redisUrl } });
  const { port } = await new Promise((resolve) => child.once("message", resolve));
  const server = { mode, child, url: `http://127.0.0.1:${port}/`, memory: [], errors: [] };
  child.on("message", (m) => (m.error ? server.errors.push(m.error) : server.memory.push(m)));
  return server;
}

let nextId = 1e9 + Math.floor(Math.random() * 1e9);

/** Sends n new events to the server, CONCURRENCY at a time; resolves to deliveries per second. */
async function burst(server, n, template) {
  async function one() {
    template.message.id = nextId++;
    const body = JSON.stringify(template);
    const sig = `sha1=${createHmac("sha1", SECRET).update(body).digest("hex")}`;
    const r = await fetch(server.url, { method: "POST", body, headers: { "content-type": "application/json", "x-hub-signature": sig } });
    const answer = await r.json();
    if (r.status !== 200 || answer.result !== "handled") throw new Error(`${server.mode}: answered ${r.status} ${JSON.stringify(answer)}`);
  }
  let sent = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < n) {
        sent++;
        await one();
      }
    }),
  );
  return n / ((performance.now() - t0) / 1000);
}

if (process.env.HAPTIK_LOAD_SERVER === "1") await server();
else await main();
