// haptik-webhook/openapi.json: valid against the official OpenAPI 3.1 schema
// (@seriousme/openapi-schema-validator), one webhook per event, and its request-body schemas
// giving validateEvent's verdicts on the samples.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import { EVENT_NAMES, DEPRECATED_EVENT_NAMES, SIGNATURE_HEADER, validateEvent } from "../../pkg/node.mjs";

const doc = () => JSON.parse(readFileSync(new URL("../../pkg/openapi.json", import.meta.url), "utf8"));
const samplesDir = new URL("../../samples/", import.meta.url);

test("valid OpenAPI 3.1 (and the validator does reject a broken copy)", async () => {
  const validator = new Validator();
  const result = await validator.validate(doc());
  assert.deepEqual(result, { valid: true });
  assert.equal(validator.version, "3.1");
  const broken = doc();
  delete broken.info;
  broken.webhooks.message.post.responses = "none";
  assert.equal((await new Validator().validate(broken)).valid, false);
});

test("one webhook per known event, each with the signature header, the JSON body and the 200 answer", () => {
  const { webhooks, components } = doc();
  assert.deepEqual(Object.keys(webhooks), [...EVENT_NAMES]);
  for (const name of EVENT_NAMES) {
    const post = webhooks[name].post;
    assert.equal(post.operationId, `receive_${name}`);
    const header = post.parameters.find((p) => p.in === "header");
    assert.equal(header.name.toLowerCase(), SIGNATURE_HEADER);
    assert.equal(header.required, true);
    const ref = post.requestBody.content["application/json"].schema.$ref;
    assert.ok(components.schemas[ref.replace("#/components/schemas/", "")], ref);
    assert.ok(post.responses["200"]);
    assert.match(post.description, /5 seconds/);
    assert.match(post.description, /5, 25, 125, 625, 1410, 1410 seconds/);
    assert.equal(post.deprecated === true, DEPRECATED_EVENT_NAMES.includes(name), name);
  }
});

test("the request-body schemas give validateEvent's verdicts on every sample", () => {
  const { webhooks, components } = doc();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "openapi", components }, "openapi");
  const forEvent = Object.fromEntries(
    EVENT_NAMES.map((name) => [name, ajv.compile({ $ref: "openapi" + webhooks[name].post.requestBody.content["application/json"].schema.$ref })]),
  );
  const any = ajv.compile({ $ref: "openapi#/components/schemas/HaptikEvent" });
  let checked = 0;
  for (const file of readdirSync(samplesDir)) {
    if (!file.endsWith(".json") || file === "index.json") continue;
    const payload = JSON.parse(readFileSync(new URL(file, samplesDir), "utf8"));
    const verdict = validateEvent(payload).valid;
    assert.equal(any(payload), verdict, file);
    if (EVENT_NAMES.includes(payload.event_name)) assert.equal(forEvent[payload.event_name](payload), verdict, file);
    checked++;
  }
  assert.ok(checked >= 10);
});
