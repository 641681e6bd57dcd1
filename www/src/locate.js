// Finds where a JSON Pointer's value sits in a (possibly lenient) JSON text, without building
// a tree: a tolerant scanner that accepts comments (//, #, /* */), trailing commas and bare words,
// so it also works on the platform's documentation examples and on half-typed input.

/** Splits a JSON Pointer ("/a/0/b~1c") into its reference tokens. */
export function pointerTokens(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const WS = new Set([' ', '\t', '\n', '\r', '\ufeff']);
const DELIM = new Set([',', '}', ']', ':', '{', '[', '"', ' ', '\t', '\n', '\r']);

/**
 * Returns { start, end, depth, exact } (UTF-16 indexes into `text`) of the value at `pointer`,
 * or of its deepest ancestor found (exact: false), or null when the text has no value at all.
 */
export function locate(text, pointer) {
  const want = pointerTokens(pointer);
  let i = 0;
  let best = null;
  const n = text.length;

  function skip() {
    while (i < n) {
      const c = text[i];
      if (WS.has(c)) i++;
      else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
        while (i < n && text[i] !== '\n') i++;
      } else if (c === '/' && text[i + 1] === '*') {
        const e = text.indexOf('*/', i + 2);
        i = e < 0 ? n : e + 2;
      } else break;
    }
  }
  function string() {
    const s = i++;
    while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    if (text[i] === '"') i++;
    const raw = text.slice(s, i);
    try {
      return JSON.parse(raw);
    } catch {
      return raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
    }
  }
  function word() {
    const s = i;
    while (i < n && !DELIM.has(text[i]) && !(text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) i++;
    if (i === s) i++; // an unexpected character: step over it
    return text.slice(s, i);
  }
  // depth: how many tokens of `want` the current value's path matches (-1: not on the path).
  function value(depth) {
    skip();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      for (;;) {
        skip();
        if (i >= n) break;
        if (text[i] === '}') { i++; break; }
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; break; }
        const key = text[i] === '"' ? string() : word();
        skip();
        if (text[i] === ':') i++;
        const match = depth >= 0 && depth < want.length && String(key) === want[depth];
        value(match ? depth + 1 : -1);
      }
    } else if (c === '[') {
      i++;
      let index = 0;
      for (;;) {
        skip();
        if (i >= n) break;
        if (text[i] === ']') { i++; break; }
        if (text[i] === ',') { i++; index++; continue; }
        if (text[i] === '}') { i++; break; }
        const match = depth >= 0 && depth < want.length && String(index) === want[depth];
        value(match ? depth + 1 : -1);
      }
    } else if (c === '"') {
      string();
    } else if (i < n) {
      word();
    }
    if (depth >= 0 && (best === null || depth > best.depth)) {
      best = { start, end: Math.max(i, start + 1), depth, exact: depth === want.length };
    }
  }
  try {
    value(0);
  } catch {
    // too deep for the stack: keep what was found
  }
  return best;
}

/** Converts a UTF-8 byte offset into a UTF-16 index into `text`. */
export function byteOffsetToIndex(text, offset) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= offset) return i;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return text.length;
}
