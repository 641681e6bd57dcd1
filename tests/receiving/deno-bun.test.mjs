// createFetchHandler served by Deno (Deno.serve) and Bun (Bun.serve): the test Worker of
// worker.mjs, with the package imported from the built pkg/node.mjs, real signed requests.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { ART, PKG, ROOT, freePort } from "../packaging/lib.mjs";
import { SECRET } from "./app.mjs";
import { receivingScenarios } from "./scenarios.mjs";

const RUNTIMES = {
  deno: { bin: join(ROOT, "node_modules", ".bin", "deno"), args: ["run", "--allow-read", "--allow-env", "--allow-net=127.0.0.1", "serve.mjs"] },
  bun: { bin: join(ROOT, "node_modules", "bun", "bin", "bun.exe"), args: ["serve.mjs"] },
};

const SERVE = `import worker from "./worker.mjs";
const env = { HAPTIK_WEBHOOK_SECRET: process.env.HAPTIK_WEBHOOK_SECRET };
const ctx = { waitUntil() {} };
const port = Number(process.env.PORT);
const fetch = (request) => worker.fetch(request, env, ctx);
if (typeof Deno !== "undefined") Deno.serve({ port, hostname: "127.0.0.1", onListen() {} }, fetch);
else Bun.serve({ port, hostname: "127.0.0.1", fetch });
`;

const servers = {};
after(() => {
  for (const s of Object.values(servers)) s.child.kill("SIGTERM");
});

for (const [name, rt] of Object.entries(RUNTIMES)) {
  before(async () => {
    assert.ok(existsSync(rt.bin), `${rt.bin} is installed (npm devDependency)`);
    const root = join(ART, "..", "receiving");
    mkdirSync(root, { recursive: true });
    const dir = mkdtempSync(join(root, `${name}-`));
    copyFileSync(new URL("app.mjs", import.meta.url), join(dir, "app.mjs"));
    const worker = readFileSync(new URL("worker.mjs", import.meta.url), "utf8").replace('from "haptik-webhook"', `from ${JSON.stringify(join(PKG, "node.mjs"))}`);
    writeFileSync(join(dir, "worker.mjs"), worker);
    writeFileSync(join(dir, "serve.mjs"), SERVE);
    const port = await freePort();
    const child = spawn(rt.bin, rt.args, {
      cwd: dir,
      env: { ...process.env, PORT: String(port), HAPTIK_WEBHOOK_SECRET: SECRET, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        await fetch(`${url}/__log`);
        break;
      } catch {
        assert.ok(i < 300 && child.exitCode === null, `${name} did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    servers[name] = { child, url };
  });

  receivingScenarios(name, () => {
    const { url } = servers[name];
    return {
      url: `${url}/webhook`,
      retryUrl: `${url}/retry`,
      log: async () => (await fetch(`${url}/__log`)).json(),
      release: async () => {
        await fetch(`${url}/__release`, { method: "POST" });
      },
    };
  });
}
