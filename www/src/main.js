// Wires the playground together: the package (pkg/browser.mjs, wasm), the editor, the result
// views, the signature panel, sharing and code snippets. No network beyond this origin.
import { Editor } from './editor.js';
import { Tree } from './tree.js';
import { renderPreview } from './chat-preview.js';
import { SignaturePanel } from './signature.js';
import { encodeFragment, decodeFragment } from './share.js';
import { snippet } from './snippets.js';
import { analyse } from './analyse.js';
import { reformat } from './format.js';

const $ = (sel) => document.querySelector(sel);
const status = $('#status');
const say = (text, error = false) => {
  status.textContent = text;
  status.classList.toggle('error', error);
};

let api;
try {
  api = await import('../pkg/browser.mjs');
  // browser.mjs keeps the import working if the wasm failed to load; surface that now.
  api.validateEvent('{}');
} catch (e) {
  say(`The validator could not be loaded: ${e.message}. Run "node www/build.mjs" after building the package.`, true);
  throw e;
}

const editor = new Editor($('#editor'));
const tree = new Tree($('#tree'));
const lenientBox = $('#lenient');
const sig = new SignaturePanel(document, api, () => editor.rawBody());
const deprecated = new Set(api.DEPRECATED_EVENT_NAMES || ['chat_complete']);
const known = new Set(api.EVENT_NAMES);
let last = null; // the last analysis shown
let lastIssues = [];

function render() {
  const text = editor.value;
  const a = analyse(api, text, lenientBox.checked);
  a.text = text;
  a.lenient = lenientBox.checked;
  last = a;
  const { result } = a;

  const badge = $('#badge');
  const name = result.eventName ?? (a.event && typeof a.event.event_name === 'string' ? a.event.event_name : null);
  badge.textContent = name ?? 'no event';
  badge.className = 'badge ' + (name == null ? 'none' : deprecated.has(name) ? 'deprecated' : known.has(name) ? 'known' : 'unknown');
  badge.title = name == null ? 'No event name could be read' : deprecated.has(name) ? 'Deprecated event' : known.has(name) ? 'Known event' : 'Unknown event: acknowledge it with 200 and ignore it';
  const verdict = $('#verdict');
  verdict.textContent = !text.trim() ? '' : result.valid ? (result.warnings.length ? '✓ valid, with warnings' : '✓ valid') : '✗ invalid';
  verdict.className = 'verdict ' + (result.valid ? 'ok' : 'bad');
  $('#timing').textContent = text ? `${a.ms < 1 ? a.ms.toFixed(2) : a.ms.toFixed(1)} ms` : '';

  lastIssues = [
    ...result.errors.map((i) => ({ ...i, severity: 'error' })),
    ...result.warnings.map((i) => ({ ...i, severity: 'warning' })),
  ];
  const list = $('#issues');
  list.textContent = '';
  lastIssues.forEach((issue, n) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `issue ${issue.severity}`;
    b.dataset.index = String(n);
    b.dataset.code = issue.code;
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = issue.severity === 'error' ? 'error' : 'warn';
    const msg = document.createElement('span');
    msg.className = 'msg';
    msg.textContent = issue.message;
    const where = document.createElement('span');
    where.className = 'where';
    const pos = issue.line != null ? ` · line ${issue.line}, column ${issue.column}` : '';
    where.textContent = `${issue.code} · ${issue.path || '/'}${pos}`;
    b.append(sev, msg);
    // What was expected and what was there (the value itself when short: `received 42 (number)`).
    const detail = [issue.expected && `expected ${issue.expected}`, issue.received && `received ${issue.received}`].filter(Boolean).join(' · ');
    if (detail) {
      const d = document.createElement('span');
      d.className = 'detail';
      d.textContent = detail;
      b.append(d);
    }
    b.append(where);
    b.addEventListener('click', () => showIssue(n));
    li.append(b);
    list.append(li);
  });
  const ne = result.errors.length;
  const nw = result.warnings.length;
  $('#issue-count').textContent = `${ne} error${ne === 1 ? '' : 's'}, ${nw} warning${nw === 1 ? '' : 's'}`;
  editor.setMarks(lastIssues);

  $('#tree-note').textContent = a.note;
  tree.render(a.event);
  renderPreview($('#preview'), a.event);
  sig.bodyChanged();
  $('#editor-info').textContent = `${editor.lineStarts.length} lines · ${new TextEncoder().encode(text).length} bytes${lenientBox.checked ? ' · lenient' : ''}`;
}

function showIssue(n) {
  const issue = lastIssues[n];
  if (!issue) return;
  for (const el of document.querySelectorAll('.issue.active')) el.classList.remove('active');
  const btn = document.querySelector(`.issue[data-index="${n}"]`);
  if (btn) btn.classList.add('active');
  tree.highlight(issue.path);
  editor.select(issue);
}

tree.onSelect = (pointer) => {
  editor.select({ path: pointer }, { focus: false });
  tree.highlight(pointer);
};

// Results follow typing, debounced; larger texts wait a little longer.
let timer = 0;
editor.onChange((text) => {
  clearTimeout(timer);
  timer = setTimeout(render, text.length > 50_000 ? 250 : 120);
});
lenientBox.addEventListener('change', () => {
  clearTimeout(timer);
  render();
});

// Samples
const select = $('#samples');
let samples = [];
async function loadSamples() {
  samples = await (await fetch('pkg/samples/index.json')).json();
  const groups = new Map();
  for (const s of samples) {
    if (!groups.has(s.group)) {
      const g = document.createElement('optgroup');
      g.label = s.group;
      groups.set(s.group, g);
      select.append(g);
    }
    const o = document.createElement('option');
    o.value = s.id;
    o.textContent = s.title;
    groups.get(s.group).append(o);
  }
  const big = document.createElement('optgroup');
  big.label = 'Stress';
  big.innerHTML = '<option value="@large">Generated: 100 KB carousel</option>';
  select.append(big);
}
async function pickSample(id) {
  if (id === '@large') {
    setText(largePayload(100_000), false);
    say('Loaded a generated 100 KB carousel payload.');
    return;
  }
  const s = samples.find((x) => x.id === id);
  if (!s) return;
  const text = await (await fetch(`pkg/samples/${s.file}`)).text();
  setText(text, !!s.lenient);
  say(`Loaded sample: ${s.title}${s.lenient ? ' (lenient mode switched on)' : ''}.`);
}
let loads = 0;
async function onSamplePicked() {
  const id = select.value;
  if (!id) return;
  await pickSample(id);
  // The select acts as a menu: back to its prompt, so the same sample can be picked again.
  select.value = '';
  document.documentElement.dataset.loads = String(++loads);
}
select.addEventListener('change', onSamplePicked);

function setText(text, lenient, file = null) {
  if (lenient != null) lenientBox.checked = lenient;
  clearTimeout(timer);
  editor.setValue(text, file);
  clearTimeout(timer);
  render();
}

function largePayload(size) {
  const item = (i) => ({
    thumbnail: { image: `https://assets.haptikapi.com/content/p${i}.png` },
    title: `Product ${i}`,
    sub_title: `₹${100 + i}`,
    actionables: [{ actionable_text: 'Buy', type: 'TEXT_ONLY', uri: '', payload: { message: `Buy ${i}`, gogo_message: '' }, is_default: 0 }],
  });
  const ev = {
    version: '1.0', timestamp: '2023-03-14T09:26:53.589Z', business_id: 343, business_name: 'Acme', event_name: 'message',
    user: { auth_id: 'cust-1', device_platform: 5 },
    agent: { id: 4415, name: 'gogo', profile_image: 'https://assets.haptikapi.com/content/a.jpg', is_automated: true, email: null },
    message: { id: 1982371, body: { text: 'Catalogue', type: 'CAROUSEL', data: { width: 'MEDIUM', items: [] } } },
  };
  const items = ev.message.body.data.items;
  while (JSON.stringify(ev, null, 2).length < size) items.push(item(items.length));
  return JSON.stringify(ev, null, 2);
}

// Files: the picker and drag-and-drop (handled by the editor)
$('#file').addEventListener('change', async (e) => {
  const f = e.target.files && e.target.files[0];
  if (!f) return;
  await editor.loadFile(f);
  say(`Loaded file ${f.name}.`);
  e.target.value = '';
});
editor.onFile = (name) => say(`Loaded file ${name}.`);

$('#format').addEventListener('click', () => {
  try {
    JSON.parse(editor.value);
  } catch {
    say('Format needs strict JSON (no comments or trailing commas).', true);
    return;
  }
  setText(reformat(editor.value), null);
  say('Formatted.');
});

$('#expand-all').addEventListener('click', () => tree.setAll(true));
$('#collapse-all').addEventListener('click', () => tree.setAll(false));

// Share: the payload goes into the URL fragment, which is never sent to a server.
$('#share').addEventListener('click', async () => {
  const frag = await encodeFragment(editor.value, lenientBox.checked);
  history.replaceState(null, '', `#${frag}`);
  let copied = false;
  try {
    await navigator.clipboard.writeText(location.href);
    copied = true;
  } catch {
    // no clipboard permission: the link is in the address bar
  }
  say(`${copied ? 'Link copied' : 'Link ready in the address bar'} (${location.href.length} characters; the payload is in the part after #, which is never sent to a server).`);
});
async function restoreFromFragment() {
  if (!location.hash || location.hash.length < 3) return false;
  try {
    const shared = await decodeFragment(location.hash);
    if (!shared) return false;
    setText(shared.text, shared.lenient);
    say('Restored the shared payload from the link.');
    return true;
  } catch (e) {
    say(`The shared link is damaged: ${e.message}`, true);
    return false;
  }
}
window.addEventListener('hashchange', restoreFromFragment);

// Copy as code
$('#copy-code').addEventListener('click', async () => {
  const ev = last && last.event;
  const name = last ? last.result.eventName ?? (ev && ev.event_name) : null;
  const body = ev && ev.message ? ev.message.body : null;
  const code = snippet($('#code-target').value, typeof name === 'string' ? name : null, body);
  $('#code-text').textContent = code;
  $('#code-h').textContent = $('#code-target').value === 'workers' ? 'Cloudflare Workers endpoint' : 'Node / Express endpoint';
  const dialog = $('#code-dialog');
  if (!dialog.open) dialog.showModal();
  say('Code shown below; copying it to the clipboard…');
  try {
    await navigator.clipboard.writeText(code);
    say('Code copied to the clipboard.');
  } catch {
    say('Code shown: select it to copy (the clipboard is not available here).');
  }
});

// Start: a shared payload if the link has one, else the first sample.
try {
  await loadSamples();
} catch (e) {
  say(`Samples could not be loaded: ${e.message}`, true);
}
if (!(await restoreFromFragment())) {
  if (samples.length) await pickSample(samples[0].id);
  else render();
  say('Ready. Paste a payload, drop a file, or pick a sample.');
}
window.__readyAt = performance.now();
document.documentElement.dataset.ready = 'true';
window.__playground = { editor, tree, render: () => render(), last: () => last };
