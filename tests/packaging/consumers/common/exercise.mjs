// The same calls in every runtime; the packaging tests compare the results across runtimes.
// (Copied next to each consumer; consumers/node-cjs gets a CommonJS copy.)
// `testing` is the package's test-only entry (haptik-webhook/testing).
export function exercise(api, payloads, testing) {
  const out = {};
  for (const [name, text] of Object.entries(payloads)) {
    const bytes = new TextEncoder().encode(text);
    const r = {
      validate: api.validateEvent(text),
      validateBytes: api.validateEvent(bytes),
      validateBuffer: api.validateEvent(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
    };
    try {
      const ev = api.parseEvent(text);
      r.parsed = ev;
      r.parsedBytesSame = JSON.stringify(api.parseEvent(bytes)) === JSON.stringify(ev);
      r.isKnownEvent = api.isKnownEvent(ev);
    } catch (e) {
      r.error = {
        name: e.name,
        isHaptikWebhookError: e instanceof api.HaptikWebhookError,
        isError: e instanceof Error,
        message: e.message,
        issues: e.issues,
        warnings: e.warnings,
      };
    }
    try {
      const object = JSON.parse(text);
      r.standard = api.eventSchema["~standard"].validate(object);
      // An object a framework already parsed (express.json(), await request.json()).
      r.validateObject = api.validateEvent(object);
      let fromObject;
      try {
        fromObject = api.parseEvent(object);
      } catch (e) {
        fromObject = e instanceof api.HaptikWebhookError ? undefined : e;
      }
      r.parsedObjectSame = fromObject === undefined ? !("parsed" in r) : JSON.stringify(fromObject) === JSON.stringify(r.parsed);
    } catch (e) {
      r.standard = { notJson: e.name };
    }
    out[name] = r;
  }
  // A trap inside wasm must not break later calls (the loader re-instantiates the module).
  let trap;
  try {
    testing.forceTrap();
    trap = "no error";
  } catch (e) {
    trap = e && e.code;
  }
  out.afterTrap = { trap, validate: api.validateEvent(Object.values(payloads)[0]) };
  out.hookIsPrivate = !("__forceTrapForTests" in api) && !("forceTrap" in api);
  out.constants = { EVENT_NAMES: api.EVENT_NAMES, HSL_TYPES: api.HSL_TYPES, DEPRECATED_EVENT_NAMES: api.DEPRECATED_EVENT_NAMES };
  return out;
}
