// Flag parsing shared by the subcommands: node:util parseArgs, strict, with one kind of error
// (UsageError, exit 2) for every mistake on the command line.
import { parseArgs } from "node:util";

export class UsageError extends Error {
  constructor(message, command) {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }
}

/** Exit codes of every subcommand. */
export const EXIT = { ok: 0, failed: 1, usage: 2 };

/**
 * parseArgs with `strict: true`; an unknown flag, a missing value or a stray positional becomes
 * a UsageError naming the subcommand (so the message can point at its --help).
 */
export function parse(command, argv, options, { positionals = true } = {}) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: positionals,
      strict: true,
    });
  } catch (e) {
    // parseArgs's messages are clear but long; keep their first sentence.
    throw new UsageError(String(e.message).split(". ")[0].replace(/\.$/, ""), command);
  }
}

/** A number flag: finite and at least `min` (exclusive when `above`), else a UsageError. */
export function numberFlag(command, name, text, { min = 0, above = false } = {}) {
  const n = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isFinite(n) || (above ? n <= min : n < min)) {
    throw new UsageError(`--${name} must be a number ${above ? "above" : "of at least"} ${min} (got ${JSON.stringify(text ?? "")})`, command);
  }
  return n;
}

/** One of a few words, else a UsageError listing them. */
export function choiceFlag(command, name, text, choices) {
  if (!choices.includes(text)) {
    throw new UsageError(`--${name} must be one of ${choices.join(", ")} (got ${JSON.stringify(text)})`, command);
  }
  return text;
}
