// The generated JSON Schemas under ajv (its draft 2020-12 and draft-07 builds), as users run
// them: the input schema must agree with validateEvent on every fixture and on thousands of
// mutations of them; the output schema must accept what parseEvent gives. Taken through the
// Standard JSON Schema interface (eventSchema["~standard"].jsonSchema), as tools take it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import Ajv07 from "ajv";
import { eventSchema, schemas, parseEvent, validateEvent, EVENT_NAMES } from "../../pkg/node.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const AJV = { "draft-2020-12": Ajv2020, "draft-07": Ajv07 };

/** Every strict-JSON payload the repository holds, by name. */
function fixtures() {
  const out = [];
  for (const dir of ["tests/fixtures", "samples", "tests/packaging/fixtures"]) {
    for (const file of readdirSync(join(ROOT, dir)).sort()) {
      if (!file.endsWith(".json") || file === "index.json") continue;
      out.push({ name: `${dir}/${file}`, value: JSON.parse(readFileSync(join(ROOT, dir, file), "utf8")) });
    }
  }
  return out;
}

const REPLACEMENTS = [undefined, null, true, "abc", "12", "12345678901234567890", 42, 4.5, -1, [], {}];

/** The payload with one value changed (or removed, for `undefined`) at each place in turn. */
function* mutations(payload) {
  const places = [];
  const walk = (value, path) => {
    if (value === null || typeof value !== "object") return;
    for (const key of Object.keys(value)) {
      places.push([...path, Array.isArray(value) ? Number(key) : key]);
      walk(value[key], [...path, key]);
    }
  };
  walk(payload, []);
  for (const path of places) {
    for (const replacement of REPLACEMENTS) {
      const copy = structuredClone(payload);
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = parent[key];
      const last = path[path.length - 1];
      if (replacement === undefined) {
        if (Array.isArray(parent)) parent.splice(last, 1);
        else delete parent[last];
      } else {
        parent[last] = structuredClone(replacement);
      }
      yield { where: "/" + path.join("/"), replacement, value: copy };
    }
  }
}

function compile(target, direction, schema = eventSchema) {
  const ajv = new AJV[target]({ strict: false, allErrors: true });
  return ajv.compile(schema["~standard"].jsonSchema[direction]({ target }));
}

for (const target of Object.keys(AJV)) {
  test(`${target}: the input schema agrees with validateEvent on every fixture and its mutations`, () => {
    const input = compile(target, "input");
    const output = compile(target, "output");
    const disagreements = [];
    let checked = 0;
    let valid = 0;
    for (const fixture of fixtures()) {
      const cases = [{ where: "(as is)", value: fixture.value }, ...mutations(fixture.value)];
      for (const c of cases) {
        const text = JSON.stringify(c.value);
        const verdict = validateEvent(text);
        const schemaSays = input(c.value);
        checked++;
        if (schemaSays !== verdict.valid) {
          disagreements.push(
            `${fixture.name} ${c.where} = ${JSON.stringify(c.replacement)}: validateEvent ${verdict.valid} ` +
              `(${verdict.errors.map((e) => e.message).join("; ")}), schema ${schemaSays} (${JSON.stringify(input.errors?.slice(0, 2))})`,
          );
          continue;
        }
        if (!verdict.valid) continue;
        valid++;
        const event = parseEvent(text);
        if (!output(event)) disagreements.push(`${fixture.name} ${c.where}: the output schema rejects parseEvent's event: ${JSON.stringify(output.errors?.slice(0, 2))}`);
      }
    }
    console.log(`${target}: ${checked} payloads, ${valid} valid, ${disagreements.length} disagreements`);
    assert.deepEqual(disagreements.slice(0, 10), []);
    assert.ok(checked > 1000 && valid > 100 && valid < checked, `a corpus with both verdicts (${valid} of ${checked} valid)`);
  });

  test(`${target}: the output schema describes the normalised event, not the loose input`, () => {
    const output = compile(target, "output");
    const input = compile(target, "input");
    const loose = JSON.parse(readFileSync(join(ROOT, "tests/packaging/fixtures/loose.json"), "utf8"));
    assert.equal(typeof loose.business_id, "string");
    assert.equal(input(loose), true, "the input schema accepts a numeric-string business_id");
    assert.equal(output(loose), false, "the output schema does not: parseEvent makes it a number");
    assert.equal(output(parseEvent(JSON.stringify(loose))), true);
  });

  test(`${target}: one schema per event accepts that event only`, () => {
    const message = JSON.parse(readFileSync(join(ROOT, "samples/message-text.json"), "utf8"));
    const pinned = JSON.parse(readFileSync(join(ROOT, "samples/chat-pinned.json"), "utf8"));
    const forMessage = compile(target, "input", schemas.message);
    assert.equal(forMessage(message), true);
    assert.equal(forMessage(pinned), false);
    assert.equal(compile(target, "input", schemas.chat_pinned)(pinned), true);
    assert.deepEqual(Object.keys(schemas), [...EVENT_NAMES]);
  });
}

test("jsonSchema: the dialect is the one asked for, a fresh object each time; other targets throw", () => {
  const { jsonSchema } = eventSchema["~standard"];
  assert.equal(jsonSchema.input({ target: "draft-2020-12" }).$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(jsonSchema.output({ target: "draft-07" }).$schema, "http://json-schema.org/draft-07/schema#");
  const a = jsonSchema.input({ target: "draft-07" });
  a.title = "changed by a caller";
  assert.notEqual(jsonSchema.input({ target: "draft-07" }).title, "changed by a caller");
  for (const target of ["openapi-3.0", "draft-04", undefined, "toString"]) {
    assert.throws(() => jsonSchema.input({ target }), /unsupported JSON Schema target/);
    assert.throws(() => jsonSchema.output({ target }), /unsupported JSON Schema target/);
  }
});
