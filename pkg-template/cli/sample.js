// `haptik-webhook sample EVENT [--type HSL_TYPE]`: a realistic valid payload, taken from the
// package's samples/ (the same files the playground and the tests use).
import { readFileSync } from "node:fs";
import { validateEvent, EVENT_NAMES, HSL_TYPES } from "../node.mjs";
import { parse, UsageError, EXIT } from "./usage.js";

const SAMPLES = new URL("../samples/", import.meta.url);

export const help = `Usage: haptik-webhook sample EVENT [--type HSL_TYPE]
       haptik-webhook sample --list

Prints a realistic, valid payload of that event, e.g. to pipe into \`sign\` or to save as a
test fixture. For a message body of a given HSL element type, add --type.

  EVENT        ${EVENT_NAMES.join(", ")}, or an unknown one a sample shows
  --type T     ${HSL_TYPES.join(", ")}, or an unknown one a sample shows
  --list       the events and types there are samples of
  -h, --help   show this help`;

/** The strict, valid samples, in the order of samples/index.json, each with its event and body type. */
function catalogue() {
  const index = JSON.parse(readFileSync(new URL("index.json", SAMPLES), "utf8"));
  const seen = new Set();
  const list = [];
  for (const entry of index) {
    if (entry.lenient || seen.has(entry.file)) continue;
    seen.add(entry.file);
    const text = readFileSync(new URL(entry.file, SAMPLES), "utf8");
    if (!validateEvent(text).valid) continue; // the playground's invalid examples
    const value = JSON.parse(text);
    const body = value.message && value.message.body;
    const type = body && typeof body === "object" && typeof body.type === "string" ? body.type : null;
    list.push({ text, value, event: value.event_name, type, file: entry.file });
  }
  return list;
}

export function sample(argv, io) {
  const { values, positionals } = parse("sample", argv, { type: { type: "string" }, list: { type: "boolean" } });
  if (values.help) {
    io.stdout.write(help + "\n");
    return EXIT.ok;
  }
  const all = catalogue();
  const events = [...new Set(all.map((s) => s.event))];
  const types = [...new Set(all.map((s) => s.type).filter(Boolean))];
  if (values.list) {
    io.stdout.write(`events: ${events.join(", ")}\ntypes (message body): ${types.join(", ")}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("name one EVENT (see --list)", "sample");
  io.stdout.write(sampleText(positionals[0], values.type, "sample"));
  return EXIT.ok;
}

/**
 * The text of the first sample of `event` (with a body of `type` when given); when no sample has
 * both, the event's envelope with the body of a sample of that type. A UsageError when there is
 * none, naming what there is.
 */
export function sampleText(event, type, command) {
  const all = catalogue();
  const ofEvent = all.filter((s) => s.event === event);
  if (ofEvent.length === 0) {
    throw new UsageError(`no sample of event ${JSON.stringify(event)}; there are: ${[...new Set(all.map((s) => s.event))].join(", ")}`, command);
  }
  if (type === undefined) return ofEvent[0].text;
  const exact = ofEvent.find((s) => s.type === type);
  if (exact) return exact.text;
  const envelope = ofEvent.find((s) => s.type !== null);
  const body = all.find((s) => s.type === type);
  if (!envelope) throw new UsageError(`${JSON.stringify(event)} has no message body, so --type does not apply`, command);
  if (!body) {
    throw new UsageError(`no sample of body type ${JSON.stringify(type)}; there are: ${[...new Set(all.map((s) => s.type).filter(Boolean))].join(", ")}`, command);
  }
  const value = structuredClone(envelope.value);
  value.message.body = structuredClone(body.value.message.body);
  return JSON.stringify(value, null, 2) + "\n";
}
