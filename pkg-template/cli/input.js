// Reading what the user names: a file, or standard input for "-". Bytes, exactly as stored,
// since both validation offsets and signatures are about the exact bytes.
import { readFile } from "node:fs/promises";

/** Thrown when a named input cannot be read (exit 2). */
export class ReadError extends Error {
  constructor(name, cause) {
    const why = cause && cause.code === "ENOENT" ? "no such file" : cause && cause.code === "EISDIR" ? "is a directory" : (cause && cause.message) || String(cause);
    super(`cannot read ${name}: ${why}`);
    this.name = "ReadError";
  }
}

/** The bytes of `name` ("-" is standard input), as a Uint8Array. */
export async function readInput(name, stdin) {
  if (name === "-") {
    const chunks = [];
    try {
      for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    } catch (e) {
      throw new ReadError("standard input", e);
    }
    return new Uint8Array(Buffer.concat(chunks));
  }
  try {
    return new Uint8Array(await readFile(name));
  } catch (e) {
    throw new ReadError(name, e);
  }
}

/** How an input is named in messages. */
export const displayName = (name) => (name === "-" ? "<stdin>" : name);
