// Adding an event to the model is one edit: a copy of the repository gets a fifth event in
// src/model.rs and nothing else, is built with scripts/build.sh, and every layer knows it: the
// wasm's answer, the JS API, the constants, the TypeScript types and the typed Rust model.
// (Before the ABI came from one source, a fifth event came out as `{ valid: true, eventName: "" }`.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ANCHOR = 'Variant { tag: "webhook_conversation_complete", object: &CONVERSATION_COMPLETE_EVENT, deprecated: false },';

test("a fifth event added to src/model.rs alone reaches the wasm, the JS API, the types and the Rust model", { timeout: 900_000 }, async () => {
  mkdirSync(join(ROOT, "tests/artifacts"), { recursive: true });
  const copy = mkdtempSync(join(ROOT, "tests/artifacts/adding-an-event-"));
  try {
    // The repository as a clone would have it (tracked and new, not ignored, files).
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
      .split("\0")
      .filter((f) => f && !f.startsWith("tests/artifacts/"));
    for (const f of files) {
      try {
        mkdirSync(dirname(join(copy, f)), { recursive: true });
        cpSync(join(ROOT, f), join(copy, f));
      } catch (e) {
        if (e.code !== "ENOENT") throw e; // a file deleted in the work tree
      }
    }
    symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"));

    const model = readFileSync(join(copy, "src/model.rs"), "utf8");
    assert.ok(model.includes(ANCHOR), "src/model.rs still lists the events as this test expects");
    // The two edits docs/changing-the-model.md names: the event's object, and its variant.
    const object = `pub static AGENT_NOTE_EVENT: Object = object! {
    name: "AgentNoteEvent",
    open: false,
    doc: for_generators("An agent left a note (an event added by a test)."),
    fields: &[req("message", Ty::Object(&MESSAGE), "")],
};

pub static EVENT: Union = Union {`;
    assert.ok(model.includes("pub static EVENT: Union = Union {"));
    writeFileSync(
      join(copy, "src/model.rs"),
      model
        .replace(ANCHOR, `${ANCHOR}\n        Variant { tag: "agent_note", object: &AGENT_NOTE_EVENT, deprecated: false },`)
        .replace("pub static EVENT: Union = Union {", object),
    );

    execFileSync("bash", ["scripts/build.sh"], {
      cwd: copy,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CARGO_TARGET_DIR: join(ROOT, "target/adding-an-event") },
    });

    const sample = JSON.parse(readFileSync(join(ROOT, "samples/message-text.json"), "utf8"));
    const payload = JSON.stringify({ ...sample, event_name: "agent_note" });
    const script = `
      const hw = await import(${JSON.stringify(new URL(`file://${join(copy, "pkg/node.mjs")}`).href)});
      const ev = hw.parseEvent(process.argv[1]);
      console.log(JSON.stringify({
        verdict: hw.validateEvent(process.argv[1]),
        known: hw.isKnownEvent(ev),
        names: hw.EVENT_NAMES,
        id: ev.message.id,
        standard: Object.keys(hw.schemas).at(-1),
        standardValid: hw.schemas.agent_note ? hw.schemas.agent_note["~standard"].validate(JSON.parse(process.argv[1])).issues === undefined : false,
        objectCheck: (await import(${JSON.stringify(new URL(`file://${join(copy, "pkg/src/object-check.js")}`).href)})).cleanObjectEvent(JSON.parse(process.argv[1]), 64, 1 << 20),
        objectVerdict: hw.validateEvent(JSON.parse(process.argv[1])),
      }));`;
    const out = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script, payload], { encoding: "utf8" }));
    assert.deepEqual(out.verdict, { valid: true, eventName: "agent_note", errors: [], warnings: [] });
    assert.equal(out.known, true);
    assert.deepEqual(out.names.at(-1), "agent_note");
    assert.equal(out.id, sample.message.id);
    assert.deepEqual([out.standard, out.standardValid], ["agent_note", true], "schemas.agent_note exists and accepts it");
    // The object check reads the generated model table: it knows the event too.
    assert.equal(out.objectCheck, "agent_note");
    assert.deepEqual(out.objectVerdict, out.verdict);
    // The wasm checks it as a message event: the same payload without message.id is refused.
    const broken = JSON.stringify({ ...sample, event_name: "agent_note", message: { body: sample.message.body } });
    const bad = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script.replace("hw.parseEvent(process.argv[1])", "({ message: {} })"), broken], { encoding: "utf8" }));
    assert.equal(bad.verdict.valid, false);
    assert.equal(bad.verdict.errors[0].path, "/message/id");
    assert.equal(bad.objectCheck, null, "the object check gives up on it");
    assert.equal(bad.objectVerdict.errors[0].path, "/message/id");

    assert.match(readFileSync(join(copy, "pkg/model.d.ts"), "utf8"), /agent_note: AgentNoteEvent;/);
    assert.match(readFileSync(join(copy, "generated/event.rs"), "utf8"), /AgentNote\(AgentNoteEvent\),/);
    const openapi = JSON.parse(readFileSync(join(copy, "pkg/openapi.json"), "utf8"));
    assert.equal(openapi.webhooks.agent_note.post.operationId, "receive_agent_note");
    assert.ok(openapi.components.schemas.AgentNoteEvent);
    assert.match(readFileSync(join(copy, "pkg/src/json-schemas.js"), "utf8"), /"agent_note":"AgentNoteEvent"/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
