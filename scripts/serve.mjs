#!/usr/bin/env node
// A tiny, dependency-free static server for the playground (www/), bound to 127.0.0.1.
// Port: $PORT, else 8080, else any free port. Prints "Playground: http://127.0.0.1:PORT/".
// Usage: node scripts/serve.mjs [--root DIR] [--port N] [--no-build]
// Without --root it first runs www/build.mjs when pkg/ is built (copies the package into www/pkg/).
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { resolve, join, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = resolve(argValue('--root') ?? join(here, '..', 'www'));

// Serving the playground itself: refresh its copy of the built package (www/pkg/ from pkg/),
// so that "build the package, then serve" is all it takes. --no-build skips this.
if (!argValue('--root') && !args.includes('--no-build') && existsSync(join(here, '..', 'pkg', 'browser.mjs'))) {
  const r = spawnSync(process.execPath, [join(root, 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const wanted = Number(argValue('--port') ?? process.env.PORT ?? 8080);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonc': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  if (pathname.includes('\0')) {
    res.writeHead(400).end('bad request');
    return;
  }
  let file = resolve(join(root, pathname));
  // No directory escape: the resolved path must stay inside the root.
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  }
}

function listen(port) {
  return new Promise((ok, fail) => {
    const server = createServer((req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

let server;
try {
  server = await listen(wanted);
} catch (err) {
  if (err.code !== 'EADDRINUSE' && err.code !== 'EACCES') throw err;
  server = await listen(0);
}
console.log(`Playground: http://127.0.0.1:${server.address().port}/`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
