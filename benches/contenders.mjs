// The contenders, runtime-independent (used by the Node run and by the workerd worker).
// Each gets the same job: JSON text in, a validated object out (or the full error list).
// `paths(result)` turns the contender's error list into JSON Pointers, to check that it found
// both problems of the invalid payload.

/**
 * @param {object} deps
 *   hw: the haptik-webhook module; zod: the zod schema; valibot: { HaptikEvent, v };
 *   ajv: a compiled ajv validate function, or { unavailable: "reason" };
 *   cfworker: a @cfworker/json-schema Validator.
 */
export function makeContenders({ hw, zod, valibot, ajv, cfworker }) {
  const list = [
    {
      key: "json_parse",
      label: "JSON.parse alone (floor)",
      run: (p) => JSON.parse(p.text),
      paths: () => [],
    },
    {
      key: "parseEvent",
      label: "haptik-webhook parseEvent",
      run: (p) => {
        try {
          return hw.parseEvent(p.text);
        } catch (e) {
          if (e && e.issues) return { errors: e.issues };
          throw e;
        }
      },
      valid: (r) => !r.errors && typeof r.event_name === "string",
      paths: (r) => r.errors.map((i) => i.path),
    },
    {
      key: "validateEvent_string",
      label: "haptik-webhook validateEvent (string)",
      run: (p) => hw.validateEvent(p.text),
      valid: (r) => r.valid === true,
      paths: (r) => r.errors.map((i) => i.path),
    },
    {
      key: "validateEvent_bytes",
      label: "haptik-webhook validateEvent (Uint8Array)",
      run: (p) => hw.validateEvent(p.bytes),
      valid: (r) => r.valid === true,
      paths: (r) => r.errors.map((i) => i.path),
    },
    {
      key: "validateEvent_object",
      label: "haptik-webhook validateEvent (an already-parsed object)",
      run: (p) => hw.validateEvent(p.object),
      valid: (r) => r.valid === true,
      paths: (r) => r.errors.map((i) => i.path),
    },
    {
      key: "parseEvent_object",
      label: "haptik-webhook parseEvent (an already-parsed object: a new event)",
      run: (p) => {
        try {
          return hw.parseEvent(p.object);
        } catch (e) {
          if (e && e.issues) return { errors: e.issues };
          throw e;
        }
      },
      valid: (r) => !r.errors && typeof r.event_name === "string",
      paths: (r) => r.errors.map((i) => i.path),
    },
    {
      key: "zod",
      label: "JSON.parse + zod 4",
      run: (p) => zod.safeParse(JSON.parse(p.text)),
      valid: (r) => r.success === true,
      paths: (r) => zodPaths(r.error.issues, []),
    },
    {
      key: "valibot",
      label: "JSON.parse + valibot",
      run: (p) => valibot.v.safeParse(valibot.HaptikEvent, JSON.parse(p.text)),
      valid: (r) => r.success === true,
      paths: (r) => valibotPaths(r.issues, valibot.v),
    },
    {
      key: "ajv",
      label: "JSON.parse + ajv (compiled at start-up)",
      unavailable: typeof ajv === "function" ? undefined : ajv.unavailable,
      run: (p) => {
        const o = JSON.parse(p.text);
        return ajv(o) ? { value: o } : { errors: ajv.errors };
      },
      valid: (r) => !r.errors,
      paths: (r) =>
        r.errors.map((e) => e.instancePath + (e.keyword === "required" ? "/" + e.params.missingProperty : "")),
    },
    {
      key: "cfworker",
      label: "JSON.parse + @cfworker/json-schema",
      run: (p) => {
        const o = JSON.parse(p.text);
        const r = cfworker.validate(o);
        return r.valid ? { value: o } : { errors: r.errors };
      },
      valid: (r) => !r.errors,
      paths: (r) =>
        r.errors.map((e) => {
          const base = e.instanceLocation.replace(/^#/, "");
          const m = e.keyword === "required" && /property "([^"]+)"/.exec(e.error);
          return m ? base + "/" + m[1] : base;
        }),
    },
  ];
  return list;
}

function zodPaths(issues, prefix) {
  const out = [];
  for (const i of issues) {
    const path = [...prefix, ...i.path];
    if (i.code === "invalid_union" && i.errors) for (const branch of i.errors) out.push(...zodPaths(branch, path));
    else out.push("/" + path.join("/"));
  }
  return out;
}

function valibotPaths(issues, v, parent = "") {
  const out = [];
  for (const i of issues) {
    const own = v.getDotPath(i);
    const path = own ? "/" + own.replaceAll(".", "/") : parent;
    if (i.issues) out.push(...valibotPaths(i.issues, v, path));
    else out.push(path || "/");
  }
  return out;
}

/**
 * Runs every contender once on every payload and checks it did the job: a valid payload is
 * accepted; for the invalid one, both problems (/business_id, /message/id) are in the error list.
 * Returns { [payloadKey]: { [contenderKey]: { ok, errorsReported?, problem? } } }.
 */
export function checkContenders(contenders, payloads) {
  const out = {};
  for (const p of payloads) {
    out[p.key] = {};
    for (const c of contenders) {
      if (c.unavailable) {
        out[p.key][c.key] = { ok: false, problem: c.unavailable };
        continue;
      }
      let entry;
      try {
        const r = c.run(p);
        if (c.key === "json_parse") entry = { ok: r !== null && typeof r === "object" };
        else if (p.valid) entry = c.valid(r) ? { ok: true } : { ok: false, problem: "rejected a valid payload: " + JSON.stringify(r).slice(0, 300) };
        else if (c.valid(r)) entry = { ok: false, problem: "accepted the invalid payload" };
        else {
          const paths = c.paths(r);
          const found = paths.includes("/business_id") && paths.includes("/message/id");
          entry = found
            ? { ok: true, errorsReported: paths.length }
            : { ok: false, problem: "did not report both problems: " + JSON.stringify(paths) };
        }
      } catch (e) {
        entry = { ok: false, problem: `threw ${e && e.name}: ${e && e.message}` };
      }
      out[p.key][c.key] = entry;
    }
  }
  return out;
}
