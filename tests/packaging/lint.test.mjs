// publint and @arethetypeswrong/cli on the tarball; tsc on a TypeScript consumer under the
// moduleResolution settings users have (node16, nodenext, bundler).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { consumer, runBin, tarball } from "./lib.mjs";

test("publint: no errors", () => {
  const r = runBin("publint", ["run", tarball(), "--level", "warning"], process.cwd());
  console.log(r.output.trim().split("\n").map((l) => "publint: " + l).join("\n"));
  assert.equal(r.status, 0, r.output);
  assert.doesNotMatch(r.output, /^Errors:/m);
});

test("@arethetypeswrong/cli: no problems for any entry point, none excluded", () => {
  const r = runBin("attw", [tarball(), "--format", "ascii", "--no-color"], process.cwd());
  console.log(r.output.trim());
  assert.equal(r.status, 0, r.output);
  assert.match(r.output, /node16 \(from CJS\)\s*.*CJS/);
  assert.match(r.output, /node16 \(from ESM\)\s*.*ESM/);
});

for (const mode of ["node16", "nodenext", "bundler"]) {
  test(`tsc --strict: a consumer type-checks under moduleResolution ${mode}`, () => {
    const dir = consumer("ts");
    const r = runBin("tsc", ["-p", join(dir, `tsconfig.${mode}.json`)], dir);
    assert.equal(r.status, 0, r.output);
  });
}

test("tarball and installed size (recorded, not asserted beyond sanity)", () => {
  const dir = consumer("ts");
  const size = (d) => {
    let n = 0;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      n += e.isDirectory() ? size(join(d, e.name)) : statSync(join(d, e.name)).size;
    }
    return n;
  };
  const installed = size(join(dir, "node_modules", "haptik-webhook"));
  console.log(`package: tarball ${statSync(tarball()).size} B, installed ${installed} B`);
  assert.ok(installed > 50000 && installed < 5_000_000);
});
