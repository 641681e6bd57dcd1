// Every code snippet a user copies, type-checked as they would see it in an editor: each `js`
// block of README.md, CONTRIBUTING.md and docs/*.md, and each playground "Copy as code" snippet (both targets, every sample), as
// an ES module under tsc --strict with checkJs, against the built package and the real
// frameworks' types (express, hono, fastify, koa). The whole programs among them are also run:
// docs-examples.test.mjs, hono.test.mjs, frameworks.test.mjs and the playground test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, linkedWorkdir } from "../packaging/lib.mjs";

const TSC = join(ROOT, "node_modules", ".bin", "tsc");

// The free variables of the fragments (a request body, a Fetch request, a textarea, secrets).
const GLOBALS = `declare const rawBody: string;
declare const request: Request;
declare const textarea: { value: string };
declare const newSecret: string;
declare const oldSecret: string;
`;

const DOCS = ["README.md", "CONTRIBUTING.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** The `js` blocks of README.md and docs/*.md, each with its file and the heading above it. */
function readmeBlocks() {
  const blocks = [];
  for (const file of DOCS) blocks.push(...blocksOf(file));
  return blocks;
}

function blocksOf(file) {
  const doc = readFileSync(join(ROOT, file), "utf8");
  const blocks = [];
  let heading = "";
  const lines = doc.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (/^#{1,4} /.test(lines[i])) heading = lines[i].replace(/^#+ /, "");
    if (lines[i] === "```js") {
      const start = i + 1;
      while (i < lines.length && lines[++i] !== "```");
      blocks.push({ file, heading, line: start + 1, code: lines.slice(start, i).join("\n") + "\n" });
    }
  }
  return blocks;
}

async function playgroundSnippets() {
  const { snippet } = await import(pathToFileURL(join(ROOT, "www", "src", "snippets.js")));
  const out = [];
  for (const file of readdirSync(join(ROOT, "samples")).sort()) {
    if (!file.endsWith(".json") || file === "index.json") continue;
    const ev = JSON.parse(readFileSync(join(ROOT, "samples", file), "utf8"));
    const body = ev && ev.message ? ev.message.body : null;
    for (const target of ["express", "workers"]) out.push({ name: `${target} for ${file}`, code: snippet(target, ev.event_name, body) });
  }
  return out;
}

/** Compiles the files in a fresh project (the package linked into its node_modules). */
function typeCheck(files) {
  const dir = linkedWorkdir("snippets");
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(dir, "globals.d.ts"), GLOBALS);
  const names = Object.keys(files);
  for (const name of names) writeFileSync(join(dir, name), files[name]);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        allowJs: true,
        checkJs: true,
        noEmit: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib: ["es2022", "dom"],
        types: ["node"],
        // The frameworks' own declarations are theirs to check; the package's are checked by
        // tests/types and tests/packaging/lint.test.mjs with skipLibCheck off.
        skipLibCheck: true,
      },
      files: ["globals.d.ts", ...names],
    }),
  );
  const r = spawnSync(process.execPath, [TSC, "-p", dir], { encoding: "utf8" });
  return { status: r.status, output: (r.stdout + r.stderr).trim() };
}

test("README and docs/: every js block type-checks under tsc --strict (checkJs)", () => {
  const blocks = readmeBlocks();
  assert.ok(blocks.length >= 10, `${blocks.length} blocks`);
  const files = {};
  const where = {};
  blocks.forEach((b, n) => {
    const name = `readme-${String(n).padStart(2, "0")}.mjs`;
    // `export {}` makes each block a module of its own, as a copied file is.
    files[name] = b.code + "export {};\n";
    where[name] = `${b.file} line ${b.line} (${b.heading})`;
  });
  const r = typeCheck(files);
  const explained = r.output.replace(/(readme-\d+\.mjs)/g, (m) => `${m} [${where[m]}]`);
  assert.equal(r.status, 0, explained);
});

test("playground: every Copy as code snippet type-checks under tsc --strict (checkJs)", async () => {
  const snippets = await playgroundSnippets();
  assert.ok(snippets.length >= 20);
  const files = {};
  const where = {};
  snippets.forEach((s, n) => {
    const name = `playground-${String(n).padStart(2, "0")}.mjs`;
    files[name] = s.code;
    where[name] = s.name;
  });
  const r = typeCheck(files);
  const explained = r.output.replace(/(playground-\d+\.mjs)/g, (m) => `${m} [${where[m]}]`);
  assert.equal(r.status, 0, explained);
});

test("the check is live: a snippet with a strict-mode error fails", () => {
  const r = typeCheck({
    "broken.mjs": 'import { parseEvent } from "haptik-webhook";\nconst ev = parseEvent("{}");\nif (ev.event_name === "chat_pinned") console.log(ev.agent.name);\n',
  });
  assert.notEqual(r.status, 0);
  assert.match(r.output, /broken\.mjs/);
});
