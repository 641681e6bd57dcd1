// The event as a Standard Schema V1 and a Standard JSON Schema V1 (standardschema.dev): the
// object validation libraries and frameworks (Hono, tRPC, form and router libraries) take.
// Validation is parseEvent's own (one pass in the wasm core); the JSON Schemas are the
// generated ones (json-schemas.js, from the Rust model).
import { __parseValue } from "./parse.js";
import { __whatIs } from "./errors.js";
import { JSON_SCHEMAS, JSON_SCHEMA_TARGETS, EVENT_DEFINITIONS } from "./json-schemas.js";

const VENDOR = "haptik-webhook";

/**
 * A JSON Pointer's segments as Standard Schema path keys: `~1` and `~0` unescaped, and an index
 * as a number where the value holds an array there.
 */
function pathOf(pointer, value) {
  if (!pointer) return undefined;
  const path = [];
  let at = value;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const index = Array.isArray(at) && /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : null;
    path.push(index ?? key);
    at = at !== null && typeof at === "object" ? at[index ?? key] : undefined;
  }
  return path;
}

function issuesOf(errors, value) {
  return errors.map((error) => {
    const path = pathOf(error.path, value);
    return path === undefined ? { message: error.message } : { message: error.message, path };
  });
}

/** The generated JSON Schema for `target`, with its root narrowed to `definition` when given. */
function jsonSchemaFor(direction, options, definition) {
  const target = options && options.target;
  const make = Object.hasOwn(JSON_SCHEMAS, target) ? JSON_SCHEMAS[target][direction] : undefined;
  if (make === undefined) {
    // The spec: a target the vendor does not support throws.
    throw new Error(`${VENDOR}: unsupported JSON Schema target ${JSON.stringify(target)}; supported: ${JSON_SCHEMA_TARGETS.join(", ")}`);
  }
  const schema = make();
  if (definition !== undefined) {
    const defs = target === "draft-07" ? "definitions" : "$defs";
    schema.$ref = `#/${defs}/${definition}`;
    schema.$id = schema.$id.replace("/event.", `/${definition}.`);
    schema.title = schema.title.replace("Haptik webhook event", `Haptik webhook ${definition}`);
  }
  return schema;
}

/** One Standard Schema: the whole event (eventName undefined) or the event of that name. */
function standardSchema(eventName) {
  const definition = eventName === undefined ? undefined : EVENT_DEFINITIONS[eventName];
  // Standard Schema's `libraryOptions` are parseEvent's options (lenient, maxBytes, maxDepth).
  const validate = (value, options) => {
    const { value: event, errors } = __parseValue(value, options && options.libraryOptions);
    const found = value !== null && typeof value === "object" ? value.event_name : undefined;
    const issues = errors === null ? [] : issuesOf(errors, value);
    if (eventName !== undefined && found !== eventName) {
      // The one message style (errors.js): "… must be X, but is <what it is>".
      const message =
        found === undefined
          ? `/event_name is missing; this schema needs "${eventName}"`
          : `/event_name must be "${eventName}" for this schema, but is ${__whatIs(found)}`;
      issues.unshift({ message, path: ["event_name"] });
    }
    return issues.length > 0 ? { issues } : { value: event };
  };
  return Object.freeze({
    "~standard": Object.freeze({
      version: 1,
      vendor: VENDOR,
      validate,
      jsonSchema: Object.freeze({
        input: (options) => jsonSchemaFor("input", options, definition),
        output: (options) => jsonSchemaFor("output", options, definition),
      }),
    }),
  });
}

/** Any Haptik event, unknown events included (as parseEvent accepts them). */
export const eventSchema = /* @__PURE__ */ standardSchema(undefined);

/** One schema per known event, accepting that event only (`schemas.message`, ...). */
// (Marked pure: a bundle that uses neither schema drops this module and the JSON Schemas.)
export const schemas = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.fromEntries(Object.keys(EVENT_DEFINITIONS).map((name) => [name, standardSchema(name)])),
);
