// The source line of an issue with a caret under its column, as compilers print it. Long lines
// (a minified payload is one line) are cut to a window around the column.
const WINDOW = 36; // characters kept on each side of the caret on a long line

/**
 * `text` is the whole input, `line` and `column` 1-based (column in UTF-16 code units, as the
 * issues count). Returns the frame's lines, or [] when the position is outside the text.
 */
export function codeFrame(text, line, column, paint) {
  const lines = text.split("\n");
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return [];
  let source = lines[line - 1].replace(/\r$/, "");
  let at = Math.max(0, Math.min((column ?? 1) - 1, source.length));
  let cutLeft = false;
  let cutRight = false;
  if (source.length > 2 * WINDOW + 8) {
    const start = Math.max(0, at - WINDOW);
    const end = Math.min(source.length, at + WINDOW);
    cutLeft = start > 0;
    cutRight = end < source.length;
    source = source.slice(start, end);
    at -= start;
  }
  const shown = (cutLeft ? "…" : "") + source + (cutRight ? "…" : "");
  // One space per character before the caret (a tab stays a tab, so the caret lines up).
  const pad = (cutLeft ? " " : "") + Array.from(source.slice(0, at), (c) => (c === "\t" ? "\t" : " ")).join("");
  const number = String(line);
  const gutter = " ".repeat(number.length);
  return [
    paint.dim(` ${number} | `) + shown,
    paint.dim(` ${gutter} | `) + pad + paint.red("^"),
  ];
}
