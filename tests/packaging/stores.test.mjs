// `haptik-webhook/redis` and `haptik-webhook/cloudflare` from the packed tarball, installed in a
// consumer project: both module formats resolve to their own files and work on a real redis-server.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { consumer, nodeJson } from "./lib.mjs";
import { startRedis } from "../../scripts/redis-server.mjs";

let redis;
after(async () => {
  await redis?.stop();
});

test("the store subpaths install and run from the tarball (ESM and CommonJS)", async () => {
  redis = await startRedis();
  const dir = consumer("stores");
  const out = nodeJson(dir, ["index.mjs"], { REDIS_URL: redis.url });
  assert.deepEqual(out, {
    esm: "claimed",
    cjsSeesIt: "busy",
    cloudflare: ["function", "function", "function", "function"],
    resolved: ["redis.mjs", "redis.cjs"],
  });
});
