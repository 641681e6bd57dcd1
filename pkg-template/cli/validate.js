// `haptik-webhook validate FILE... | -`: every problem of each payload, with a code frame.
import { validateEvent } from "../node.mjs";
import { readInput, displayName, ReadError } from "./input.js";
import { parse, choiceFlag, UsageError, EXIT } from "./usage.js";
import { palette } from "./colour.js";
import { codeFrame } from "./code-frame.js";

export const help = `Usage: haptik-webhook validate [options] FILE... | -

Checks webhook payloads (a file each, or "-" for standard input) and prints every problem:
  FILE:LINE:COLUMN  /json/pointer  error: message (expected ..., received ...)
followed by the source line with a caret under the problem.

Options:
  --lenient             accept comments, trailing commas and a byte-order mark (as warnings),
                        as in the platform's documentation examples
  --format text|json    text (default), or JSON: an array with one report per file
  -h, --help            show this help

Exit status: 0 every file is valid, 1 any file is invalid, 2 a usage or read error.`;

export async function validate(argv, io) {
  const { values, positionals } = parse("validate", argv, {
    lenient: { type: "boolean" },
    format: { type: "string", default: "text" },
  });
  if (values.help) {
    io.stdout.write(help + "\n");
    return EXIT.ok;
  }
  const format = choiceFlag("validate", "format", values.format, ["text", "json"]);
  if (positionals.length === 0) throw new UsageError("name at least one FILE, or - for standard input", "validate");
  if (positionals.filter((p) => p === "-").length > 1) throw new UsageError("standard input (-) can be read only once", "validate");

  const reports = [];
  let status = EXIT.ok;
  for (const name of positionals) {
    let bytes;
    try {
      bytes = await readInput(name, io.stdin);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      io.stderr.write(`haptik-webhook validate: ${e.message}\n`);
      reports.push({ file: displayName(name), error: e.message });
      status = EXIT.usage;
      continue;
    }
    const result = validateEvent(bytes, { lenient: Boolean(values.lenient) });
    if (!result.valid && status === EXIT.ok) status = EXIT.failed;
    reports.push({ file: displayName(name), bytes, ...result });
  }

  if (format === "json") {
    io.stdout.write(JSON.stringify(reports.map(({ bytes, ...r }) => r), null, 2) + "\n");
  } else {
    const paint = palette(io.stdout, io.env);
    for (const r of reports) if (!r.error) io.stdout.write(textReport(r, paint));
    if (reports.length > 1) io.stdout.write(summary(reports) + "\n");
  }
  return status;
}

function textReport(r, paint) {
  const text = new TextDecoder().decode(r.bytes);
  const out = [];
  const block = (issue, severity) => {
    const where = issue.line ? `${r.file}:${issue.line}:${issue.column}` : r.file;
    const label = severity === "error" ? paint.red("error") : paint.yellow("warning");
    const details = [issue.expected && `expected ${issue.expected}`, issue.received && `received ${issue.received}`].filter(Boolean);
    const tail = details.length ? ` (${details.join(", ")})` : "";
    // The pointer has a column of its own: not again at the start of the message.
    const message = issue.path !== "" && issue.message.startsWith(issue.path + " ") ? issue.message.slice(issue.path.length + 1) : issue.message;
    out.push(`${paint.bold(where)}  ${paint.cyan(issue.path === "" ? "(root)" : issue.path)}  ${label}: ${message}${tail}`);
    if (issue.line) out.push(...codeFrame(text, issue.line, issue.column, paint));
    out.push("");
  };
  for (const e of r.errors) block(e, "error");
  for (const w of r.warnings) block(w, "warning");
  const name = r.eventName === null ? "no event_name" : JSON.stringify(r.eventName);
  const counts = [plural(r.errors.length, "error"), plural(r.warnings.length, "warning")].join(", ");
  out.push(r.valid ? `${r.file}: ${paint.green("valid")} (${name}; ${counts})` : `${r.file}: ${paint.red("invalid")} (${name}; ${counts})`);
  return out.join("\n") + "\n";
}

function summary(reports) {
  const valid = reports.filter((r) => r.valid).length;
  const unread = reports.filter((r) => r.error).length;
  const invalid = reports.length - valid - unread;
  const parts = [`${valid} valid`, `${invalid} invalid`];
  if (unread) parts.push(`${unread} unreadable`);
  return `${plural(reports.length, "file")}: ${parts.join(", ")}`;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
