// The receiving type test (tests/types/receiving.ts) compiled with tsc --strict against the built
// package's declarations: with the DOM library (a Worker/browser project) and without any
// runtime library (the declarations must stand alone). Its `@ts-expect-error` lines make tsc fail
// if a wrong use stops being an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSC = join(ROOT, "node_modules", ".bin", "tsc");
const FILE = join(ROOT, "tests", "types", "receiving.ts");

// typeRoots: a folder with no packages, so no @types/* of node_modules is included on its own
// (the test is that the declarations stand alone).
function tsc(lib) {
  try {
    execFileSync(
      TSC,
      ["--strict", "--noEmit", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--lib", lib, "--typeRoots", join(ROOT, "tests", "types"), FILE],
      { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    return "";
  } catch (e) {
    return `${e.stdout ?? ""}${e.stderr ?? ""}` || String(e);
  }
}

test("types: handlers get narrowed events without casts (tsc --strict, DOM lib)", () => {
  assert.equal(tsc("es2022,dom"), "");
});

test("types: the declarations compile with no DOM or Node library", () => {
  assert.equal(tsc("es2022"), "");
});
