// Pretty-prints JSON text by re-spacing its tokens: numbers are copied as written, so an id
// beyond 2^53 keeps every digit (JSON.parse + JSON.stringify would round it).
export function reformat(text, unit = '  ') {
  let out = '';
  let depth = 0;
  let i = 0;
  const n = text.length;
  const nl = () => '\n' + unit.repeat(depth);
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      const s = i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(s, ++i);
      continue;
    }
    i++;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '{' || c === '[') {
      let j = i;
      while (j < n && /\s/.test(text[j])) j++;
      if (text[j] === (c === '{' ? '}' : ']')) {
        out += c + text[j];
        i = j + 1;
        continue;
      }
      depth++;
      out += c + nl();
    } else if (c === '}' || c === ']') {
      depth--;
      out += nl() + c;
    } else if (c === ',') out += ',' + nl();
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out + '\n';
}
