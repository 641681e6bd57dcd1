// The payload editor: a plain <textarea> with a synced line-number gutter and a highlight
// overlay behind it (marks for errors and warnings, and the issue currently selected).
// Also handles dropped and opened files, keeping a file's exact bytes for the signature check.
import { locate, byteOffsetToIndex } from './locate.js';

const escapeHtml = (s) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

export class Editor {
  constructor(root) {
    this.root = root;
    this.textarea = root.querySelector('textarea');
    this.gutter = root.querySelector('.gutter');
    this.overlay = root.querySelector('.overlay');
    this.listeners = [];
    this.lineStarts = [0];
    this.marks = [];
    this.active = null;
    this.file = null; // { text, bytes, name } of the last file loaded, for exact raw bytes
    this.gutterLines = -1;

    this.textarea.addEventListener('input', () => this.changed());
    this.textarea.addEventListener('scroll', () => this.syncScroll());
    this.textarea.addEventListener('keydown', (e) => this.keydown(e));
    this.wireDrop();
    this.changed(true);
  }

  get value() {
    return this.textarea.value;
  }

  /** Replaces the whole text (a sample, a file, a shared link); fires change listeners. */
  setValue(text, file = null) {
    this.textarea.value = text;
    this.file = file;
    this.textarea.scrollTop = 0;
    this.textarea.scrollLeft = 0;
    this.changed();
  }

  onChange(fn) {
    this.listeners.push(fn);
  }

  /** The exact bytes to sign: a loaded file's own bytes while its text is unchanged, else UTF-8. */
  rawBody() {
    if (this.file && this.file.text === this.value) return this.file.bytes;
    return this.value;
  }

  changed(silent = false) {
    const text = this.value;
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    this.marks = [];
    this.active = null;
    this.renderGutter();
    this.renderOverlay();
    if (!silent) for (const fn of this.listeners) fn(text);
  }

  /** 1-based line and column (UTF-16 units) to an index into the text. */
  indexOf(line, column) {
    const l = Math.min(Math.max(line, 1), this.lineStarts.length);
    const start = this.lineStarts[l - 1];
    const end = l < this.lineStarts.length ? this.lineStarts[l] - 1 : this.value.length;
    return Math.min(start + Math.max(column, 1) - 1, end);
  }

  lineOf(index) {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** The extent of the token starting at `index` (a string, a word, or one character). */
  tokenAt(index) {
    const t = this.value;
    if (index >= t.length) return { start: Math.max(0, t.length - 1), end: t.length };
    if (t[index] === '"') {
      let i = index + 1;
      while (i < t.length && t[i] !== '"' && t[i] !== '\n') i += t[i] === '\\' ? 2 : 1;
      return { start: index, end: Math.min(i + 1, t.length) };
    }
    let i = index;
    while (i < t.length && !/[\s,{}[\]:"]/.test(t[i])) i++;
    return { start: index, end: Math.max(i, index + 1) };
  }

  /** Where an issue points in the text: its line/column, else its byte offset, else its path. */
  rangeOf(issue) {
    const text = this.value;
    if (issue.line != null && issue.column != null) return this.tokenAt(this.indexOf(issue.line, issue.column));
    if (issue.offset != null) return this.tokenAt(byteOffsetToIndex(text, issue.offset));
    if (issue.path != null) {
      const found = locate(text, issue.path);
      if (found) {
        // A whole object is too much to select: select its first line (its key, if it has one).
        const lineEnd = text.indexOf('\n', found.start);
        const end = lineEnd >= 0 && lineEnd < found.end ? lineEnd : found.end;
        const start = keyStart(text, found.start);
        return { start, end, exact: found.exact };
      }
    }
    return { start: 0, end: Math.min(1, text.length) };
  }

  /** Marks the issues' positions in the gutter and the overlay. */
  setMarks(issues) {
    this.marks = issues.map((iss) => ({ ...this.rangeOf(iss), severity: iss.severity }));
    this.renderGutter(true);
    this.renderOverlay();
  }

  /** Selects an issue's range in the textarea, scrolls it into view and outlines it. */
  select(issue, { focus = true } = {}) {
    const r = this.rangeOf(issue);
    this.active = r;
    this.renderOverlay();
    if (focus) this.textarea.focus({ preventScroll: true });
    this.textarea.setSelectionRange(r.start, r.end);
    this.scrollToIndex(r.start);
    return r;
  }

  scrollToIndex(index) {
    const ta = this.textarea;
    const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
    const line = this.lineOf(index);
    const target = (line - 1) * lineHeight - ta.clientHeight / 3;
    ta.scrollTop = Math.max(0, target);
    const col = index - this.lineStarts[line - 1];
    const charWidth = lineHeight * 0.6;
    const x = col * charWidth;
    if (x < ta.scrollLeft || x > ta.scrollLeft + ta.clientWidth - 40) ta.scrollLeft = Math.max(0, x - 40);
    this.syncScroll();
  }

  renderGutter(force = false) {
    const count = this.lineStarts.length;
    if (!force && count === this.gutterLines && this.marks.length === 0) return;
    this.gutterLines = count;
    const severity = new Map();
    for (const m of this.marks) {
      const line = this.lineOf(m.start);
      if (severity.get(line) !== 'error') severity.set(line, m.severity);
    }
    let html = '';
    for (let l = 1; l <= count; l++) {
      const s = severity.get(l);
      html += s ? `<span class="${s === 'error' ? 'err' : 'warn'}">${l}</span>\n` : `${l}\n`;
    }
    this.gutter.innerHTML = html + '\n\n';
    this.syncScroll();
  }

  renderOverlay() {
    const text = this.value;
    const a = this.active;
    const ranges = this.marks
      .filter((m) => !a || m.end <= a.start || m.start >= a.end) // the selected issue wins
      .map((m) => ({ start: m.start, end: m.end, cls: m.severity === 'error' ? 'error' : 'warning' }));
    if (a) ranges.push({ start: a.start, end: a.end, cls: 'active' });
    if (ranges.length === 0) {
      this.overlay.textContent = '';
      return;
    }
    ranges.sort((a, b) => a.start - b.start || (a.cls === 'active' ? 1 : -1));
    let html = '';
    let at = 0;
    for (const r of ranges) {
      const start = Math.max(r.start, at);
      const end = Math.max(r.end, start);
      if (end <= at) continue;
      html += escapeHtml(text.slice(at, start)) + `<mark class="${r.cls}">${escapeHtml(text.slice(start, end)) || ' '}</mark>`;
      at = end;
    }
    this.overlay.innerHTML = html + escapeHtml(text.slice(at)) + '\n\n';
    this.syncScroll();
  }

  syncScroll() {
    this.gutter.scrollTop = this.textarea.scrollTop;
    this.overlay.scrollTop = this.textarea.scrollTop;
    this.overlay.scrollLeft = this.textarea.scrollLeft;
  }

  keydown(e) {
    // Tab indents only with a modifier-free Tab while text is selected across lines would trap
    // keyboard users; so Tab keeps moving focus, and Ctrl+] / Ctrl+[ indent instead.
    if ((e.ctrlKey || e.metaKey) && (e.key === ']' || e.key === '[')) {
      e.preventDefault();
      const ta = this.textarea;
      const from = this.lineStarts[this.lineOf(ta.selectionStart) - 1];
      const to = ta.selectionEnd;
      const block = ta.value.slice(from, to);
      const out = e.key === ']' ? block.replace(/^/gm, '  ') : block.replace(/^ {1,2}/gm, '');
      ta.setRangeText(out, from, to, 'select');
      this.changed();
    }
  }

  async loadFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    // The textarea stores line breaks as \n; keep the file's bytes so the signature check
    // still sees exactly what was received.
    this.setValue(text, { text: text.replace(/\r\n?/g, '\n'), bytes, name: file.name });
    return file.name;
  }

  wireDrop() {
    const root = this.root;
    let depth = 0;
    root.addEventListener('dragenter', (e) => {
      if (!e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
      depth++;
      root.classList.add('dragging');
    });
    root.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) root.classList.remove('dragging');
    });
    root.addEventListener('dragover', (e) => {
      if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault();
    });
    root.addEventListener('drop', (e) => {
      depth = 0;
      root.classList.remove('dragging');
      const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
      if (!file) return;
      e.preventDefault();
      this.loadFile(file).then((name) => this.onFile && this.onFile(name));
    });
  }
}

/** If the value at `start` is an object member's value, the start of its key instead. */
function keyStart(text, start) {
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] !== ':') return start;
  i--;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] !== '"') return start;
  i--;
  while (i >= 0 && !(text[i] === '"' && text[i - 1] !== '\\')) i--;
  return i >= 0 ? i : start;
}
