// durableObjectDedupe inside Cloudflare's workerd: the Worker runs as two services (two isolates)
// sharing one HaptikDedupeObject namespace; each event is delivered twice at once, once to each;
// some first tries fail and are retried as the platform does. Every event is processed exactly
// once (the test's log proves it). The store also passes the protocol's assertions (conformance.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ART, PKG, bundleWorker, freePort, startWorkerd } from "../packaging/lib.mjs";
import { messageEvent } from "../receiving/helpers.mjs";
import { deliver } from "./platform.mjs";
import { storeConformance } from "./conformance.mjs";

const SECRET = "do-secret";

let workerd;
let logServer;
let urls;
const starts = new Map();
const processed = new Map();
const errors = [];
const failFirst = new Set();

function config({ ports, logPort }) {
  const modules = `[
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "haptik_webhook_bg.wasm", wasm = embed "haptik_webhook_bg.wasm"),
  ]`;
  const common = (isolate) => `(name = "LOG", service = "log"), (name = "SECRET", text = "${SECRET}"), (name = "ISOLATE", text = "${isolate}")`;
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "a", worker = .a),
    (name = "b", worker = .b),
    (name = "log", external = (address = "127.0.0.1:${logPort}", http = ())),
  ],
  sockets = [
    (name = "a", address = "127.0.0.1:${ports[0]}", http = (), service = "a"),
    (name = "b", address = "127.0.0.1:${ports[1]}", http = (), service = "b"),
  ],
);

const a :Workerd.Worker = (
  modules = ${modules},
  bindings = [ (name = "HAPTIK_DEDUPE", durableObjectNamespace = "HaptikDedupeObject"), ${common("a")} ],
  durableObjectNamespaces = [ (className = "HaptikDedupeObject", uniqueKey = "haptik-webhook-dedupe-test") ],
  durableObjectStorage = (inMemory = void),
  compatibilityDate = "2025-06-01",
);

const b :Workerd.Worker = (
  modules = ${modules},
  bindings = [ (name = "HAPTIK_DEDUPE", durableObjectNamespace = (className = "HaptikDedupeObject", serviceName = "a")), ${common("b")} ],
  compatibilityDate = "2025-06-01",
);
`;
}

before(async () => {
  logServer = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const p = Object.fromEntries(url.searchParams);
    let answer = {};
    if (url.pathname === "/start") {
      const list = starts.get(p.id) ?? [];
      answer = { fail: failFirst.has(p.id) && list.length === 0 };
      list.push(p.isolate);
      starts.set(p.id, list);
    } else if (url.pathname === "/processed") {
      processed.set(p.id, [...(processed.get(p.id) ?? []), p.isolate]);
    } else if (url.pathname === "/error") {
      errors.push(p);
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  await new Promise((r) => logServer.listen(0, "127.0.0.1", r));

  const root = join(ART, "..", "dedupe");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, "do-"));
  copyFileSync(new URL("do-worker.mjs", import.meta.url), join(dir, "do-worker.mjs"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PKG, join(dir, "node_modules", "haptik-webhook"), "dir");
  const out = join(dir, "dist");
  const bundle = await bundleWorker(join(dir, "do-worker.mjs"), out);
  assert.deepEqual(bundle.wasmFiles, ["haptik_webhook_bg.wasm"]);
  const ports = [await freePort(), await freePort()];
  writeFileSync(join(out, "config.capnp"), config({ ports, logPort: logServer.address().port }));
  workerd = await startWorkerd(out, ports[0]);
  urls = ports.map((p) => `http://127.0.0.1:${p}`);
});

after(async () => {
  await workerd?.stop();
  logServer?.close();
});

async function storeCall(op, key, token, options) {
  const r = await fetch(`${urls[0]}/__store`, { method: "POST", body: JSON.stringify({ op, key, token, options }) });
  const answer = await r.json();
  if (answer.error !== undefined) throw answer.error === "TypeError" ? new TypeError(answer.message) : new Error(answer.message);
  return answer;
}

storeConformance("durableObjectDedupe (workerd)", async (options) => {
  const { leaseMs } = await storeCall("create", "", "", options);
  const step = (op) => async (key, token) => (await storeCall(op, key, token, options)).result;
  return { leaseMs, claim: step("claim"), renew: step("renew"), complete: step("complete"), release: step("release") };
});

/** One platform delivery: first try to urls[first], each retry to the other isolate. */
const deliverTo = (body, first) => deliver((i) => urls[(first + i) % urls.length], body, SECRET);

test("workerd, two isolates sharing the Durable Object store: each event twice at once, first tries failing: every event processed exactly once", async () => {
  const ids = Array.from({ length: 200 }, (_, i) => String(9400000 + i));
  for (const id of ids) if (Number(id) % 10 === 3) failFirst.add(id);
  const outcomes = new Map();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const body = messageEvent(Number(id), "workerd");
        outcomes.set(id, await Promise.all([deliverTo(body, 0), deliverTo(body, 1)]));
      }
    }),
  );
  const problems = [];
  for (const id of ids) {
    const runs = processed.get(id) ?? [];
    if (runs.length !== 1) problems.push(`${id} processed ${runs.length} times (${runs.join(", ")})`);
    const [x, y] = outcomes.get(id);
    if (!x.delivered || !y.delivered) problems.push(`${id}: a delivery gave up: ${JSON.stringify([x.tries, y.tries])}`);
  }
  assert.deepEqual(problems, [], workerd.log().slice(-2000));
  assert.deepEqual(new Set(ids.map((id) => processed.get(id)[0])), new Set(["a", "b"]), "both isolates processed events");
  for (const id of failFirst) assert.ok(starts.get(id).length >= 2, `${id} failed once and ran again`);
  const results = [...outcomes.values()].flat().map((o) => o.result);
  assert.ok(results.includes("duplicate"), "second deliveries were duplicates");
  assert.deepEqual(errors.filter((e) => e.kind === "dedupe"), []);
});
