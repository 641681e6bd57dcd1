// The playground page in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
// served by scripts/serve.mjs, driven like a user, checked for every sample, the chat preview
// of every HSL type, error highlighting, lenient mode, the signature panel, share links and
// "copy as code"; and no request may leave 127.0.0.1, no console error may occur.
// Screenshots and measured figures go to tests/artifacts/ (gitignored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile, readFile, symlink } from 'node:fs/promises';
import { createHmac } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const artifacts = join(root, 'tests', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let server;
let base;
let context;
let page;
let userDataDir;
const requests = [];
const consoleErrors = [];
const metrics = {};

async function startServer() {
  const child = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, fail) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /Playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(buf);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
  return { child, url };
}

function watch(p) {
  p.on('request', (r) => requests.push(r.url()));
  p.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  p.on('pageerror', (e) => consoleErrors.push(String(e)));
}

async function ready(p) {
  await p.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
}

const sample = async (id) => {
  const before = await page.evaluate(() => Number(document.documentElement.dataset.loads ?? 0));
  await page.selectOption('#samples', id);
  await page.waitForFunction((n) => Number(document.documentElement.dataset.loads ?? 0) > n, before);
};
// Waits until the results shown are those of the editor's current text and lenient switch.
const settled = () =>
  page.waitForFunction(() => {
    const last = window.__playground.last();
    return last && last.text === window.__playground.editor.value && last.lenient === document.querySelector('#lenient').checked;
  });
const editorValue = () => page.$eval('#editor-text', (t) => t.value);
const badge = () => page.$eval('#badge', (b) => ({ text: b.textContent, cls: b.className }));
const issues = () =>
  page.$$eval('.issue', (els) => els.map((e) => ({ code: e.dataset.code, cls: e.className, text: e.textContent })));

before(async () => {
  // The page serves a copy of the built package: refresh it from pkg/ (bash scripts/build.sh).
  const build = spawnSync(process.execPath, [join(root, 'www', 'build.mjs')], { encoding: 'utf8' });
  assert.equal(build.status, 0, `node www/build.mjs failed (is pkg/ built?): ${build.stderr}`);
  await mkdir(artifacts, { recursive: true });
  ({ child: server, url: base } = await startServer());
  userDataDir = await mkdtemp(join(tmpdir(), 'hw-playground-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(10000);
  page = context.pages()[0] ?? (await context.newPage());
  watch(page);
});

after(async () => {
  await context?.close();
  server?.kill();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  await writeFile(join(artifacts, 'playground-metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
});

test('the page loads, becomes interactive and shows the first sample as a valid message', async (t) => {
  const bytes = [];
  const onResponse = async (r) => {
    try {
      bytes.push({ url: r.url(), size: (await r.body()).length });
    } catch {
      // redirects have no body
    }
  };
  page.on('response', onResponse);
  await page.goto(base);
  await ready(page);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  metrics.timeToInteractiveMs = Math.round(await page.evaluate(() => window.__readyAt));
  metrics.domContentLoadedMs = Math.round(
    await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
  );
  metrics.requests = bytes.length;
  metrics.totalBytes = bytes.reduce((a, b) => a + b.size, 0);
  metrics.files = Object.fromEntries(bytes.map((b) => [b.url.replace(base, '/'), b.size]));
  t.diagnostic(`time to interactive ${metrics.timeToInteractiveMs} ms, ${metrics.requests} requests, ${metrics.totalBytes} bytes`);
  assert.ok(bytes.some((b) => b.url.endsWith('.wasm')), 'the wasm module is loaded');
  assert.equal(bytes.filter((b) => b.url.endsWith('.wasm')).length, 1, 'the wasm is fetched once');

  assert.deepEqual(await badge(), { text: 'message', cls: 'badge known' });
  assert.match(await page.textContent('#verdict'), /valid/);
  assert.equal((await issues()).length, 0);
  assert.ok((await page.$$('.gutter')).length === 1);
  assert.equal(await page.$eval('.gutter', (g) => g.textContent.trim().split('\n').length), (await editorValue()).split('\n').length);
  await page.screenshot({ path: join(artifacts, 'playground-desktop-1280x800.png') });
});

test('every event sample gets the right badge; unknown and deprecated are marked', async () => {
  const cases = [
    ['message-text', 'message', 'known', true],
    ['chat-pinned', 'chat_pinned', 'known', true],
    ['chat-complete', 'chat_complete', 'deprecated', true],
    ['conversation-complete', 'webhook_conversation_complete', 'known', true],
    ['conversation-complete-2019', 'webhook_conversation_complete', 'known', true],
    ['unknown-event-typing-indicator', 'typing_indicator', 'unknown', true],
  ];
  for (const [id, name, kind, valid] of cases) {
    await sample(id);
    const b = await badge();
    assert.equal(b.text, name, id);
    assert.equal(b.cls, `badge ${kind}`, id);
    const errors = (await issues()).filter((i) => i.cls.includes('error'));
    assert.equal(errors.length === 0, valid, `${id}: ${JSON.stringify(errors)}`);
    const treeRoot = await page.$eval('#tree > details > summary .tn', (e) => e.textContent);
    assert.ok(treeRoot.length > 0, `${id}: the tree shows a model type`);
  }
  // The 2019 shape keeps its legacy fields and has no agent.
  await sample('conversation-complete-2019');
  assert.ok(await page.$('#tree [data-pointer="/data/conversation_data"]'));
  assert.equal(await page.$('#tree [data-pointer="/agent"]'), null);
  assert.match(await page.textContent('#preview'), /Conversation 3 completed by gogo · Order status enquiry/);
});

test('the chat preview renders every HSL element type', async () => {
  await sample('message-text-hsl');
  assert.match(await page.textContent('#preview .bubble'), /What would you like to do/);
  assert.deepEqual(await page.$$eval('#preview .chip', (c) => c.map((e) => e.firstChild.textContent)), [
    'Track my order', 'Return an item', 'Talk to an agent',
  ]);

  await sample('hsl-button');
  assert.equal((await page.$$('#preview .buttons .hsl-button')).length, 3);
  assert.match(await page.textContent('#preview .buttons'), /opens https:\/\/acme\.example\/invoices/);

  await sample('hsl-carousel');
  assert.equal((await page.$$('#preview .carousel .ccard')).length, 2);
  assert.deepEqual(await page.$$eval('#preview .ccard .title', (c) => c.map((e) => e.textContent)), ['Basic', 'Premium']);
  assert.equal(await page.$eval('#preview .ccard .sub', (e) => e.textContent), '₹199 / month');
  assert.match(await page.$eval('#preview .ccard .img', (e) => e.textContent), /image from assets\.haptikapi\.com/);
  assert.equal((await page.$$('#preview .ccard img')).length, 0, 'remote images are not loaded by themselves');
  assert.equal((await page.$$('#preview .ccard .acts .hsl-button')).length, 4);
  // The tree names each value's type: the model's names, else the JSON type.
  const typeOf = (ptr) => page.$eval(`#tree [data-pointer="${ptr}"]`, (el) => (el.querySelector(':scope > summary .t') ?? el.querySelector(':scope > .t')).textContent);
  assert.match(await typeOf('/message/body'), /^CarouselElement object/);
  assert.match(await typeOf('/message/body/data'), /^CarouselData object/);
  await page.click('#expand-all');
  assert.match(await typeOf('/message/body/data/items/0'), /^CarouselItem object/);
  assert.match(await typeOf('/message/body/data/items/0/actionables/1'), /^Actionable object/);
  assert.equal(await typeOf('/message/id'), 'number');
  assert.equal(await typeOf('/message/body/data/image_aspect_ratio'), 'number', 'the normalised value ("1.33" -> 1.33)');

  await sample('chat-pinned-hsl');
  assert.equal(await page.textContent('#preview .system'), 'Prateek has entered the Conversation');

  await sample('hsl-form');
  assert.equal(await page.textContent('#preview .form .title'), 'Book a callback');
  assert.deepEqual(await page.$$eval('#preview .form dt', (d) => d.map((e) => e.textContent)), [
    'Your name', 'Mobile number', 'Preferred time', 'Date',
  ]);
  assert.match(await page.textContent('#preview .form'), /options: 10:00-12:00, 12:00-14:00, 16:00-18:00/);

  await sample('hsl-silent');
  assert.match(await page.textContent('#preview .silent'), /nothing is shown to the user.*TRANSFER_TO_BOT/);

  await sample('hsl-native-action');
  assert.match(await page.textContent('#preview'), /Calls the host app: openOrderHistory\(\)/);

  await sample('hsl-receipt');
  assert.match(await page.textContent('#preview .form'), /Wireless mouse × 1.*Total₹1,197/);

  await sample('hsl-tab-list');
  assert.deepEqual(await page.$$eval('#preview .form .title', (d) => d.map((e) => e.textContent)), ['Orders', 'Payments']);

  await sample('hsl-unknown-type');
  assert.match(await page.textContent('#preview .placeholder'), /Unknown element type "STAR_RATING"/);
  assert.equal((await issues()).filter((i) => i.cls.includes('error')).length, 0, 'an unknown element is not an error');

  await sample('body-plain-string');
  assert.equal(await page.textContent('#preview .bubble'), 'Your ticket number is 44817.');
  assert.equal((await issues()).filter((i) => i.cls.includes('error')).length, 0);

  await sample('body-json-string');
  assert.equal(await page.textContent('#preview .bubble'), 'Anything else I can help with?');
  assert.equal((await page.$$('#preview .chip')).length, 2, 'the JSON-string body is rendered as its element');
  assert.equal((await issues()).filter((i) => i.cls.includes('error')).length, 0);
});

test('the documentation example needs lenient mode; strict mode locates the syntax error', async () => {
  await sample('docs-example-conversation-complete');
  assert.equal(await page.isChecked('#lenient'), true, 'the sample switches lenient mode on');
  assert.match(await page.textContent('#verdict'), /valid/);
  assert.doesNotMatch(await page.textContent('#verdict'), /invalid/);
  const lenientIssues = await issues();
  assert.ok(lenientIssues.length > 0 && lenientIssues.every((i) => i.cls.includes('warning')), 'comments and trailing commas are warnings');

  await page.uncheck('#lenient');
  await settled();
  const strict = await issues();
  const syntax = strict.findIndex((i) => i.code === 'syntax');
  assert.ok(syntax >= 0, JSON.stringify(strict));
  await page.click(`.issue[data-index="${syntax}"]`);
  const sel = await page.$eval('#editor-text', (t) => ({
    start: t.selectionStart, end: t.selectionEnd, text: t.value.slice(t.selectionStart, t.selectionEnd), focused: document.activeElement === t,
  }));
  const issue = await page.evaluate(() => window.__playground.last().result.errors.find((e) => e.code === 'syntax'));
  assert.ok(issue.line >= 1 && issue.column >= 1, 'a syntax error has a line and a column');
  const text = await editorValue();
  const lineStart = text.split('\n').slice(0, issue.line - 1).join('\n').length + (issue.line > 1 ? 1 : 0);
  assert.equal(sel.start, lineStart + issue.column - 1, 'the selection starts at the line and column of the issue');
  assert.ok(sel.end > sel.start);
  assert.ok(sel.focused);
  assert.ok(await page.$('.gutter .err'), 'the gutter marks the error line');
  assert.ok(await page.$('.overlay mark.active'), 'the overlay highlights the selection');

  await page.check('#lenient');
  await page.waitForFunction(() => !document.querySelector('#verdict').textContent.includes('invalid'));
});

test('typing invalid JSON reports a syntax error at the right place', async () => {
  await page.uncheck('#lenient');
  await page.click('#editor-text');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{\n  "event_name": "message",\n  "business_id": 343 "x": 1\n}');
  await settled();
  const err = await page.evaluate(() => window.__playground.last().result.errors[0]);
  assert.equal(err.code, 'syntax');
  assert.equal(err.line, 3);
  assert.equal(err.column, 22, JSON.stringify(err));
  await page.click('.issue[data-code="syntax"]');
  const sel = await page.$eval('#editor-text', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(sel, '"x"');
  assert.equal(await page.$eval('.gutter .err', (e) => e.textContent), '3');
});

test('an issue shows what was expected and the value received', async () => {
  await page.uncheck('#lenient');
  await page.click('#editor-text');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{"event_name": 42}');
  await settled();
  const shown = (await issues()).find((i) => i.text.includes('/event_name'));
  assert.ok(shown, JSON.stringify(await issues()));
  assert.match(shown.text, /received 42 \(number\)/);
  assert.match(shown.text, /expected a string, such as "message"/);
});

test('a schema error highlights its tree node and its place in the editor', async () => {
  await sample('invalid-two-errors');
  const list = await issues();
  assert.equal(list.filter((i) => i.cls.includes('error')).length, 2, JSON.stringify(list));
  const errors = await page.evaluate(() => window.__playground.last().result.errors);
  const bid = errors.findIndex((e) => e.path === '/business_id');
  const mid = errors.findIndex((e) => e.path === '/message/id');
  assert.ok(bid >= 0 && mid >= 0, JSON.stringify(errors));

  await page.click(`.issue[data-index="${bid}"]`);
  assert.equal(await page.$eval('#tree .hl', (e) => (e.closest('[data-pointer]') ?? e).dataset.pointer), '/business_id');
  const sel = await page.$eval('#editor-text', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(sel, '"Acme"', 'the wrong value is selected');
  assert.ok(await page.$('.issue.active'));

  // A missing field: its parent object is highlighted.
  await page.click(`.issue[data-index="${mid}"]`);
  assert.equal(await page.$eval('#tree .hl', (e) => (e.closest('[data-pointer]') ?? e).dataset.pointer), '/message');
  const sel2 = await page.$eval('#editor-text', (t) => ({ line: t.value.slice(0, t.selectionStart).split('\n').length, text: t.value.slice(t.selectionStart, t.selectionEnd) }));
  assert.deepEqual(sel2, { line: errors[mid].line, text: '{' }, 'the object missing the field is selected');
  await page.screenshot({ path: join(artifacts, 'playground-desktop-error-selected.png') });
});

test('the signature panel signs and verifies locally, and catches tampering', async () => {
  await sample('message-text');
  const secret = 'It’s a sécret';
  await page.fill('#sig-secret', secret);
  await page.click('#sig-sign');
  const header = await page.inputValue('#sig-header');
  const body = await editorValue();
  const expected = 'sha1=' + createHmac('sha1', Buffer.from(secret, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex');
  assert.equal(header, expected, 'the header matches an independent HMAC-SHA1 of the raw body');
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'valid');
  assert.match(await page.textContent('#sig-verdict'), /Valid signature/);

  // Tamper with the body: the verdict follows.
  await page.click('#editor-text');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ');
  await settled();
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'digest_mismatch');
  assert.match(await page.textContent('#sig-verdict'), /Digest mismatch/);

  // Wrong secret, then no header.
  await page.keyboard.press('Backspace');
  await settled();
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'valid');
  await page.fill('#sig-secret', 'other');
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'digest_mismatch');
  await page.fill('#sig-secret', ' ' + secret);
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'secret_whitespace');
  await page.fill('#sig-header', '');
  await page.click('#sig-verify');
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'missing_header');
});

test('a dropped or opened file loads, and its exact bytes (CRLF) are what gets signed', async () => {
  const crlf = (await readFile(join(root, 'samples', 'chat-complete.json'), 'utf8')).replace(/\n/g, '\r\n');
  const header = 'sha1=' + createHmac('sha1', 'k').update(crlf).digest('hex');
  // Drag and drop onto the editor, as a browser delivers it.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    const target = document.querySelector('#editor');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, crlf);
  await page.waitForFunction(() => document.querySelector('#status').textContent === 'Loaded file dropped.json.');
  await settled();
  assert.equal(await page.textContent('#badge'), 'chat_complete');
  assert.equal(await editorValue(), crlf.replace(/\r\n/g, '\n'), 'the textarea shows LF line breaks');
  await page.fill('#sig-secret', 'k');
  await page.fill('#sig-header', header);
  await page.click('#sig-verify');
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'valid', 'verified over the CRLF bytes of the file');
  // Editing the text drops the file's bytes: the LF text no longer matches the CRLF signature.
  await page.click('#editor-text');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ');
  await page.keyboard.press('Backspace');
  await settled();
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'valid', 'same text again: still the file');
  await page.setInputFiles('#file', { name: 'opened.json', mimeType: 'application/json', buffer: Buffer.from('{"event_name": "typing_indicator", "typing_indicator": "stop"}') });
  await page.waitForFunction(() => document.querySelector('#status').textContent === 'Loaded file opened.json.');
  await settled();
  assert.equal(await page.textContent('#badge'), 'typing_indicator');
  assert.equal(await page.getAttribute('#sig-verdict', 'data-reason'), 'digest_mismatch');
  await page.fill('#sig-header', '');
  await page.fill('#sig-secret', '');
});

test('"copy as code" gives an endpoint for the event shown, and the Express one runs', async (t) => {
  await sample('conversation-complete');
  await page.selectOption('#code-target', 'express');
  await page.click('#copy-code');
  await page.waitForSelector('#code-dialog[open]');
  const express = await page.textContent('#code-text');
  assert.match(express, /createNodeMiddleware/);
  assert.match(express, /webhook_conversation_complete: async \(event\)/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#code-dialog').open);
  await page.selectOption('#code-target', 'workers');
  await page.click('#copy-code');
  await page.waitForSelector('#code-dialog[open]');
  const workers = await page.textContent('#code-text');
  assert.match(workers, /createFetchHandler/);
  assert.match(workers, /env\.HAPTIK_WEBHOOK_SECRET/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#code-dialog').open);

  // Both snippets are valid modules; the Express one serves real signed requests with the
  // built package (pkg/) and Express from the workspace.
  const dir = await mkdtemp(join(tmpdir(), 'hw-snippet-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'node_modules'));
  await symlink(join(root, 'pkg'), join(dir, 'node_modules', 'haptik-webhook'), 'dir');
  await symlink(join(root, 'node_modules', 'express'), join(dir, 'node_modules', 'express'), 'dir');
  await writeFile(join(dir, 'worker.mjs'), workers);
  const check = spawnSync(process.execPath, ['--check', join(dir, 'worker.mjs')], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  const served = express.replace('app.listen(3000, () => console.log("listening on :3000"));',
    'const s = app.listen(0, "127.0.0.1", () => console.log("PORT=" + s.address().port));');
  assert.notEqual(served, express, 'the snippet listens where the test expects');
  await writeFile(join(dir, 'server.mjs'), served);
  const child = spawn(process.execPath, [join(dir, 'server.mjs')], {
    env: { ...process.env, HAPTIK_WEBHOOK_SECRET: 's3cret' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => child.kill());
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const port = await new Promise((ok, fail) => {
    child.stdout.on('data', () => {
      const m = /PORT=(\d+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`snippet exited with ${code}: ${out}`)));
  });
  const body = await readFile(join(root, 'samples', 'conversation-complete.json'));
  const post = (headers) => fetch(`http://127.0.0.1:${port}/haptik/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const good = await post({ 'x-hub-signature': 'sha1=' + createHmac('sha1', 's3cret').update(body).digest('hex') });
  assert.equal(good.status, 200, await good.text());
  const bad = await post({ 'x-hub-signature': 'sha1=' + '0'.repeat(40) });
  assert.equal(bad.status, 401);
  await new Promise((r) => setTimeout(r, 100));
  assert.match(out, /conversation 17 completed by agent/, 'the handler of the snippet ran');
});

test('a shared link restores the payload and the lenient switch on load', async () => {
  await sample('docs-example-conversation-complete');
  const text = await editorValue();
  await page.click('#share');
  await page.waitForFunction(() => location.hash.length > 3);
  const url = page.url();
  assert.ok(url.startsWith(base) && url.includes('#'), url);
  const other = await context.newPage();
  watch(other);
  await other.goto(url);
  await ready(other);
  assert.equal(await other.$eval('#editor-text', (t) => t.value), text);
  assert.equal(await other.isChecked('#lenient'), true);
  assert.equal(await other.textContent('#badge'), 'webhook_conversation_complete');
  // and on reload of the same page
  await other.reload();
  await ready(other);
  assert.equal(await other.$eval('#editor-text', (t) => t.value), text);
  await other.close();
});

test('a 100 KB payload is analysed (figures reported, not asserted)', async (t) => {
  await sample('@large');
  const size = (await editorValue()).length;
  assert.ok(size >= 100000);
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const times = await page.evaluate(() => {
    const p = window.__playground;
    const keystroke = [];
    const render = [];
    for (let i = 0; i < 11; i++) {
      let t0 = performance.now();
      p.editor.changed(true); // what every keystroke costs before the debounced analysis
      keystroke.push(performance.now() - t0);
      t0 = performance.now();
      p.render();
      render.push(performance.now() - t0);
    }
    return { keystroke, render, analyse: p.last().ms };
  });
  metrics.large = {
    bytes: size,
    keystrokeMedianMs: +median(times.keystroke).toFixed(2),
    analyseMs: +times.analyse.toFixed(2),
    renderMedianMs: +median(times.render).toFixed(2),
  };
  t.diagnostic(`100 KB payload: per keystroke ${metrics.large.keystrokeMedianMs} ms, validate+parse ${metrics.large.analyseMs} ms, full result render ${metrics.large.renderMedianMs} ms`);
  assert.equal(await page.textContent('#badge'), 'message');
  assert.match(await page.textContent('#verdict'), /valid/);
  assert.equal((await page.$$('#preview .ccard:not(.more)')).length, 30, 'the preview draws the first 30 cards');
  assert.match(await page.textContent('#preview .ccard.more'), /and \d+ more cards/);
});

test('phone width: the layout stacks and stays usable', async () => {
  await sample('hsl-carousel');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal page scroll at phone width (overflow ${overflow}px)`);
  const editorBox = await page.locator('#editor').boundingBox();
  const resultBox = await page.locator('.result-pane').boundingBox();
  assert.ok(resultBox.y >= editorBox.y + editorBox.height - 1, 'the result pane is below the editor');
  await page.screenshot({ path: join(artifacts, 'playground-phone-390x844.png'), fullPage: false });
  await page.screenshot({ path: join(artifacts, 'playground-phone-390x844-full.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('keyboard only: tab to the samples, pick one, reach the issues', async () => {
  await page.goto(base);
  await ready(page);
  await page.keyboard.press('Tab'); // skip link
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'samples');
  await page.focus('#samples');
  await sample('invalid-two-errors');
  assert.equal((await issues()).length, 2);
  await page.focus('.issue[data-index="0"]');
  await page.keyboard.press('Enter');
  assert.ok(await page.$('.issue.active'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'editor-text');
});

test('dark mode is honoured', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.screenshot({ path: join(artifacts, 'playground-desktop-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, light);
});

test('no request left 127.0.0.1 and no console error occurred', () => {
  assert.ok(requests.length > 10);
  const outside = requests.filter((u) => {
    const { protocol, hostname } = new URL(u);
    return !(hostname === '127.0.0.1' && protocol === 'http:') && protocol !== 'data:' && protocol !== 'blob:';
  });
  assert.deepEqual(outside, []);
  assert.deepEqual(consoleErrors, []);
});
