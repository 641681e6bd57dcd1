// One analysis of the editor's text: the package's verdict (errors, warnings, event name) and
// the object to show. Pure and synchronous: runs on the main thread or in worker.js.

export function analyse(api, text, lenient) {
  const t0 = performance.now();
  const options = { lenient };
  const result = api.validateEvent(text, options);
  let event;
  let typed = false;
  let note = '';
  if (result.valid) {
    try {
      event = api.parseEvent(text, options);
      typed = true;
    } catch (e) {
      note = `parseEvent disagreed with validateEvent: ${e.message}`;
    }
  } else {
    try {
      event = JSON.parse(text);
      note = 'Not a valid event: showing the plain JSON (no normalisation), with the errors located in it.';
    } catch {
      note = text.trim() ? 'No tree: the text is not strict JSON.' : '';
    }
  }
  return { result, event, typed, note, ms: performance.now() - t0 };
}
