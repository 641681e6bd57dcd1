// scripts/serve.mjs: binds 127.0.0.1, prints its address, serves www/ with the right MIME types
// (application/wasm for the module, so streaming compilation works) and never leaves its root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join, dirname } from 'node:path';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let child;
let port;

let dir;
before(async () => {
  // A root of its own (plus a secret file beside it), so the test does not depend on www/pkg.
  dir = await mkdtemp(join(tmpdir(), 'hw-serve-'));
  await mkdir(join(dir, 'www', 'src'), { recursive: true });
  await writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
  await writeFile(join(dir, 'www', 'index.html'), '<!doctype html><title>haptik-webhook playground</title>');
  await writeFile(join(dir, 'www', 'src', 'main.js'), 'export {};');
  await writeFile(join(dir, 'www', 'style.css'), 'body{}');
  await writeFile(join(dir, 'www', 'data.json'), '{}');
  await writeFile(join(dir, 'www', 'm.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--root', join(dir, 'www')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise((ok, fail) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /^Playground: http:\/\/127\.0\.0\.1:(\d+)\/$/m.exec(buf);
      if (m) ok(Number(m[1]));
    });
    child.once('exit', (c) => fail(new Error(`exited ${c}`)));
  });
});
after(() => rm(dir, { recursive: true, force: true }));
after(() => child.kill());

// Raw paths (no URL normalisation by a client library).
const get = (path, method = 'GET') =>
  new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });

test('serves the page and its modules with the right types', async () => {
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.equal(index.type, 'text/html; charset=utf-8');
  assert.match(index.body.toString(), /haptik-webhook playground/);
  assert.equal((await get('/src/main.js')).type, 'text/javascript; charset=utf-8');
  assert.equal((await get('/style.css')).type, 'text/css; charset=utf-8');
  assert.equal((await get('/data.json')).type, 'application/json; charset=utf-8');
});

test('serves the wasm as application/wasm', async () => {
  const wasm = await get('/m.wasm');
  assert.equal(wasm.status, 200);
  assert.equal(wasm.type, 'application/wasm');
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0, 0x61, 0x73, 0x6d]);
});

test('never serves outside www/', async () => {
  for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/src/..%2f..%2fsecret.txt', '/..\\secret.txt', '/%2e%2e/%2e%2e/etc/passwd']) {
    const r = await get(p);
    assert.ok(r.status === 403 || r.status === 404, `${p}: ${r.status}`);
    assert.doesNotMatch(r.body.toString(), /TOP SECRET|root:/, p);
  }
  assert.equal((await get('/src/../index.html')).status, 200, 'a path that stays inside is fine');
  assert.equal((await get('/nope.html')).status, 404);
  assert.equal((await get('/', 'POST')).status, 405);
});
