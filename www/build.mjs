#!/usr/bin/env node
// Builds the playground: copies what the page needs of the built package (pkg/, made by
// scripts/build.sh) into www/pkg/ (gitignored). No toolchain: the page is plain ES modules.
// It copies browser.mjs and every module it imports (followed from the sources, so nothing
// unused is served), plus the .wasm file and the package's samples/. Usage: node www/build.mjs [--pkg DIR]
import { mkdir, readdir, readFile, writeFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = dirname(fileURLToPath(import.meta.url));
const i = process.argv.indexOf('--pkg');
const pkg = resolve(i >= 0 ? process.argv[i + 1] : process.env.HAPTIK_PKG_DIR ?? join(www, '..', 'pkg'));
const out = join(www, 'pkg');

const exists = (p) => stat(p).then(() => true, () => false);
if (!(await exists(join(pkg, 'browser.mjs')))) {
  console.error(`www/build: ${join(pkg, 'browser.mjs')} is missing: build the package first (bash scripts/build.sh)`);
  process.exit(1);
}

const wanted = new Set();
const IMPORT = /(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]|new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/gm;
async function follow(file) {
  if (wanted.has(file)) return;
  wanted.add(file);
  if (!/\.m?js$/.test(file)) return;
  const src = await readFile(file, 'utf8');
  for (const m of src.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    await follow(resolve(dirname(file), spec));
  }
}
await follow(join(pkg, 'browser.mjs'));
if (![...wanted].some((f) => f.endsWith('.wasm'))) wanted.add(join(pkg, 'haptik_webhook_bg.wasm'));
// The sample payloads the package ships (samples/ at the repository root): the page's sample menu.
for (const name of await readdir(join(pkg, 'samples'))) wanted.add(join(pkg, 'samples', name));

await rm(out, { recursive: true, force: true });
let total = 0;
for (const file of [...wanted].sort()) {
  const rel = relative(pkg, file);
  if (rel.startsWith('..')) throw new Error(`www/build: ${file} is outside ${pkg}`);
  const data = await readFile(file);
  total += data.length;
  await mkdir(dirname(join(out, rel)), { recursive: true });
  await writeFile(join(out, rel), data);
}
console.log(`www/build: copied ${wanted.size} files (${total} bytes) from ${relative(process.cwd(), pkg) || '.'} to ${relative(process.cwd(), out)}`);
