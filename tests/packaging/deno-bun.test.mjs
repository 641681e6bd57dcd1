// Deno and Bun (both installed from the npm registry as dev dependencies) run the same Node ESM
// consumer through the package's standard entries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONSUMERS, ROOT, consumer, nodeJson } from "./lib.mjs";
import { payloads, assertResults } from "./expect.mjs";

const dir = consumer("node-esm");
writeFileSync(join(dir, "exercise.mjs"), readFileSync(join(CONSUMERS, "common", "exercise.mjs")));
writeFileSync(join(dir, "payloads.json"), JSON.stringify(payloads));
const node = nodeJson(dir, ["index.mjs", "payloads.json"]);

const runtimes = {
  bun: { bin: join(ROOT, "node_modules", "bun", "bin", "bun.exe"), args: ["index.mjs", "payloads.json"] },
  deno: { bin: join(ROOT, "node_modules", ".bin", "deno"), args: ["run", "--allow-read", "--allow-env", "index.mjs", "payloads.json"] },
};

for (const [name, { bin, args }] of Object.entries(runtimes)) {
  test(`${name}: import "haptik-webhook" works, same results as Node`, () => {
    assert.ok(existsSync(bin), `${bin} is installed (npm devDependency ${name})`);
    const version = execFileSync(bin, ["--version"], { encoding: "utf8" }).trim().split("\n")[0];
    const out = JSON.parse(execFileSync(bin, args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" } }));
    assertResults(out.results);
    assert.deepEqual(out.results, node.results);
    console.log(`${version}: entry ${out.resolved.split("/").pop()}, first call ${out.timings.firstCallMs.toFixed(1)} ms`);
  });
}
