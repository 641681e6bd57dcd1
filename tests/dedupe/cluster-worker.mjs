// One process of the multi-process endpoint in cluster.test.mjs: node:http + createNodeMiddleware
// + redisDedupe, with node-redis or ioredis (CLIENT). The handlers ask the test (COORDINATOR)
// whether to fail this try and report what they processed there: the test's log is the proof.
import { createServer } from "node:http";
import { createClient } from "redis";
import Redis from "ioredis";
import { createNodeMiddleware } from "../../pkg/node.mjs";
import { redisDedupe } from "../../pkg/redis.mjs";

const { REDIS_URL, CLIENT, COORDINATOR, SECRET } = process.env;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let client;
if (CLIENT === "ioredis") {
  client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  client.on("error", () => {}); // reconnects by itself; the receivers see the failed commands
} else {
  client = createClient({ url: REDIS_URL, socket: { reconnectStrategy: () => 50 } });
  client.on("error", () => {});
  await client.connect();
}

// Frozen: a handler that reaches its side effect waits forever (the test then SIGKILLs us, so the
// crash lands inside handlers, before their side effect: the case leases exist for).
let frozen = false;
process.on("message", (m) => {
  if (m === "freeze") {
    frozen = true;
    process.send({ frozen: inFlight });
  }
});
let inFlight = 0;

const tell = (path, params) => fetch(`${COORDINATOR}${path}?${new URLSearchParams(params)}`, { method: "POST" }).then((r) => r.json());

function endpoint(dedupeErrorPolicy) {
  return createNodeMiddleware({
    secret: SECRET,
    deadlineMs: 1500,
    errorPolicy: "retry",
    dedupe: redisDedupe({ client, prefix: "cluster:", leaseMs: 600 }),
    dedupeErrorPolicy,
    dedupeTimeoutMs: 300,
    on: {
      message: async (ev) => {
        const id = String(ev.message.id);
        inFlight++;
        try {
          const { fail } = await tell("/start", { id, pid: process.pid });
          if (fail) throw new Error(`first try of ${id} fails`);
          await sleep(5 + Math.floor(Math.random() * 60));
          if (frozen) await new Promise(() => {});
          await tell("/processed", { id, pid: process.pid, client: CLIENT });
        } finally {
          inFlight--;
        }
      },
    },
    onError: (err) => {
      if (err.kind === "dedupe") void tell("/dedupe-error", { pid: process.pid, step: err.step, status: err.status ?? "" });
    },
  });
}

const handle = endpoint("handle");
const retry = endpoint("retry");
const server = createServer((req, res) => (req.url.startsWith("/retry") ? retry : handle)(req, res));
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port, pid: process.pid, client: CLIENT }));
