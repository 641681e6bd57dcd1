// Colours for a terminal only: on when the stream is a TTY (or FORCE_COLOR is set), always off
// when NO_COLOR is set to anything non-empty (no-color.org).
const CODES = { bold: 1, dim: 2, red: 31, yellow: 33, cyan: 36, green: 32 };

export function palette(stream, env) {
  const off = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0";
  const on = !off && (forced || Boolean(stream.isTTY));
  const paint = {};
  for (const [name, code] of Object.entries(CODES)) {
    paint[name] = on ? (text) => `\x1b[${code}m${text}\x1b[0m` : (text) => text;
  }
  return paint;
}
