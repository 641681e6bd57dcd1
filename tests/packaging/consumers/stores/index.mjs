// The store subpaths from the installed tarball: ESM and CommonJS, and one real claim on Redis
// (REDIS_URL) through each build, with the redis client the repository's node_modules provides.
import { createRequire } from "node:module";
import { createClient } from "redis";
import { redisDedupe } from "haptik-webhook/redis";
import { durableObjectDedupe, HaptikDedupeObject } from "haptik-webhook/cloudflare";

const require = createRequire(import.meta.url);
const cjsRedis = require("haptik-webhook/redis");
const cjsCloudflare = require("haptik-webhook/cloudflare");
const client = await createClient({ url: process.env.REDIS_URL }).connect();
const key = `consumer-${Date.now()}`;
const esm = redisDedupe({ client, prefix: "consumer:" });
const cjs = cjsRedis.redisDedupe({ client, prefix: "consumer:" });
const out = {
  esm: await esm.claim(key, "a"),
  cjsSeesIt: await cjs.claim(key, "b"),
  cloudflare: [typeof durableObjectDedupe, typeof HaptikDedupeObject, typeof cjsCloudflare.durableObjectDedupe, typeof cjsCloudflare.HaptikDedupeObject],
  resolved: [import.meta.resolve("haptik-webhook/redis").split("/").pop(), require.resolve("haptik-webhook/redis").split("/").pop()],
};
await client.quit();
console.log(JSON.stringify(out));
