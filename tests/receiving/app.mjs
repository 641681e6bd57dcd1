// The receiving app used by every receiving test: the same options in node:http, Express and
// workerd. Runtime-neutral (it is bundled into the test Worker too). Handlers write to state.log,
// which the tests read to know which handler ran.

export const SECRET = "test-secret-ключ";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const idOf = (ev) => (ev && ev.message && ev.message.id !== undefined ? ev.message.id : "-");

export function newState() {
  return { log: [], released: false, flaked: new Set() };
}

/**
 * Message texts steer the handler: "slow" waits until state.released (the test releases it once it
 * has the 202); "throw" always throws; "flaky" throws on its first delivery only.
 */
export function makeOptions({ memoryDedupe, state, secret = SECRET, errorPolicy = "acknowledge" }) {
  const log = (s) => state.log.push(s);
  return {
    secret,
    maxBytes: 4096,
    deadlineMs: 1000,
    errorPolicy,
    dedupe: memoryDedupe({ max: 100 }),
    on: {
      message: async (ev, hctx) => {
        const text = ev.message.body && ev.message.body.text;
        if (hctx.warnings.length > 0) log(`ctx-warnings:${idOf(ev)}:${hctx.warnings.map((w) => w.code).join(",")}`);
        if (text === "throw") {
          log(`throw:${idOf(ev)}`);
          throw new Error("boom");
        }
        if (text === "flaky" && !state.flaked.has(idOf(ev))) {
          state.flaked.add(idOf(ev));
          log(`flaky-fail:${idOf(ev)}`);
          throw new Error("flaky");
        }
        if (text === "slow") {
          log(`slow-start:${idOf(ev)}`);
          // Bounded: gives up after 20 s so a broken test cannot hang the process.
          for (let i = 0; i < 2000 && !state.released; i++) await sleep(10);
          log(`slow-done:${idOf(ev)}:${state.released ? "released" : "gave-up"}`);
          return;
        }
        log(`message:${idOf(ev)}:${text}`);
      },
      chat_pinned: (ev) => log(`chat_pinned:${idOf(ev)}:${ev.message.body.data.payload.agent_name}`),
    },
    onAny: (ev) => log(`any:${ev.event_name}:${idOf(ev)}`),
    onUnknown: (ev) => log(`unknown:${ev.event_name}:${idOf(ev)}`),
    onDuplicate: (ev) => log(`duplicate:${idOf(ev)}`),
    onWarning: (warnings, ev) => log(`warning:${idOf(ev)}:${warnings.map((w) => `${w.code}@${w.path}`).join(",")}`),
    onError: (err) => {
      const detail = err.reason || (err.issues && err.issues[0] && err.issues[0].code) || (err.error && err.error.message) || "";
      log(`error:${err.kind}:${err.status}:${detail}${err.event ? `:${idOf(err.event)}` : ""}`);
    },
  };
}
