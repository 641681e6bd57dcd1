// createNodeMiddleware inside a real node:http server and a real Express app, on 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import express from "express";
import { createNodeMiddleware, memoryDedupe } from "../../pkg/node.mjs";
import { makeOptions, newState, SECRET } from "./app.mjs";
import { receivingScenarios } from "./scenarios.mjs";
import { post, messageEvent, freshId } from "./helpers.mjs";

const listen = (server) =>
  new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`)));
const close = (server) => new Promise((resolve) => server.close(resolve));

function targetFor(state, base) {
  return {
    url: `${base}/webhook`,
    retryUrl: `${base}/retry`,
    log: async () => state.log,
    release: async () => {
      state.released = true;
    },
  };
}

// ---- node:http ------------------------------------------------------------------------------
const plain = { state: newState(), server: null, base: "" };
before(async () => {
  const mw = createNodeMiddleware(makeOptions({ memoryDedupe, state: plain.state }));
  const retry = createNodeMiddleware(makeOptions({ memoryDedupe, state: plain.state, errorPolicy: "retry" }));
  plain.server = http.createServer((req, res) => {
    if (req.url === "/retry") return retry(req, res);
    if (req.url === "/consumed") {
      // Something read the body before the middleware ran.
      req.on("data", () => {});
      req.on("end", () => mw(req, res));
      return;
    }
    return mw(req, res);
  });
  plain.base = await listen(plain.server);
});
after(() => close(plain.server));

receivingScenarios("node:http", () => targetFor(plain.state, plain.base));

test("node:http: a body already read by someone else fails with a clear 500", async () => {
  const r = await post(`${plain.base}/consumed`, messageEvent(freshId(), "x"), { secret: SECRET });
  assert.equal(r.status, 500);
  assert.equal(r.json.error, "body_already_consumed");
  assert.match(r.json.message, /already consumed/);
});

// ---- Express --------------------------------------------------------------------------------
const ex = { state: newState(), server: null, base: "", wrongState: newState(), rawState: newState() };
before(async () => {
  const app = express();
  app.all("/webhook", createNodeMiddleware(makeOptions({ memoryDedupe, state: ex.state })));
  app.post("/retry", createNodeMiddleware(makeOptions({ memoryDedupe, state: ex.state, errorPolicy: "retry" })));
  // express.raw() hands over the raw bytes as a Buffer: accepted.
  app.post("/raw", express.raw({ type: "*/*" }), createNodeMiddleware(makeOptions({ memoryDedupe, state: ex.rawState })));
  // The classic mistake: a JSON body parser ran first.
  app.use("/parsed", express.json());
  app.post("/parsed", createNodeMiddleware(makeOptions({ memoryDedupe, state: ex.wrongState })));
  ex.server = http.createServer(app);
  ex.base = await listen(ex.server);
});
after(() => close(ex.server));

receivingScenarios("express", () => targetFor(ex.state, ex.base));

test("express: behind express.json() it fails with a clear message, and no handler runs", async () => {
  const r = await post(`${ex.base}/parsed`, messageEvent(freshId(), "x"), { secret: SECRET });
  assert.equal(r.status, 500);
  assert.equal(r.json.error, "body_already_consumed");
  assert.match(r.json.message, /express\.json\(\)/);
  assert.match(r.json.message, /express\.raw/);
  assert.deepEqual(ex.wrongState.log, [`error:config:500:`]);
});

test("express: after express.raw() the raw Buffer is verified and handled", async () => {
  const id = freshId();
  const r = await post(`${ex.base}/raw`, messageEvent(id, "raw ✓"), { secret: SECRET });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(ex.rawState.log, [`message:${id}:raw ✓`, `any:message:${id}`]);
  const bad = await post(`${ex.base}/raw`, messageEvent(id, "raw ✓"), { secret: "wrong" });
  assert.equal(bad.status, 401);
});

// ---- options ----------------------------------------------------------------------------------
test("a missing secret fails at creation, naming the fix", () => {
  assert.throws(() => createNodeMiddleware({}), /no secret configured/);
  assert.throws(() => createNodeMiddleware({ secret: "" }), /no secret configured/);
  assert.throws(() => createNodeMiddleware({ secret: process.env.SURELY_NOT_SET_HAPTIK }), /environment variable/);
  assert.throws(() => createNodeMiddleware({ secret: "s", errorPolicy: "ignore" }), /errorPolicy/);
  assert.throws(() => createNodeMiddleware({ secret: "s", on: { message: 42 } }), /must be a function/);
});

test(".on(name, fn) registers handlers and chains", async () => {
  const seen = [];
  const mw = createNodeMiddleware({ secret: SECRET, onError: () => {} })
    .on("message", (ev) => seen.push(`a:${ev.message.id}`))
    .on("message", (ev) => seen.push(`b:${ev.message.id}`));
  const server = http.createServer(mw);
  const base = await listen(server);
  try {
    const id = freshId();
    const r = await post(base, messageEvent(id, "x"), { secret: SECRET });
    assert.equal(r.status, 200);
    assert.deepEqual(seen, [`a:${id}`, `b:${id}`]);
  } finally {
    await close(server);
  }
});

test("secret rotation: both secrets are accepted during the switch", async () => {
  const seen = [];
  const mw = createNodeMiddleware({ secrets: ["old-secret", SECRET], on: { message: (ev) => seen.push(ev.message.id) } });
  const server = http.createServer(mw);
  const base = await listen(server);
  try {
    const a = freshId();
    const b = freshId();
    assert.equal((await post(base, messageEvent(a, "x"), { secret: "old-secret" })).status, 200);
    assert.equal((await post(base, messageEvent(b, "x"), { secret: SECRET })).status, 200);
    assert.equal((await post(base, messageEvent(freshId(), "x"), { secret: "other" })).status, 401);
    assert.deepEqual(seen, [a, b]);
  } finally {
    await close(server);
  }
});
