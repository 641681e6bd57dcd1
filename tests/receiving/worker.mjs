// The test Worker: the app of app.mjs behind createFetchHandler, plus two test-only routes
// (/__log: what the handlers did; /__release: unblocks the "slow" handler).
import { createFetchHandler, memoryDedupe } from "haptik-webhook";
import { makeOptions, newState } from "./app.mjs";

const state = newState();
const secret = (env) => env.HAPTIK_WEBHOOK_SECRET;
const main = createFetchHandler(makeOptions({ memoryDedupe, state, secret }));
const retry = createFetchHandler(makeOptions({ memoryDedupe, state, secret, errorPolicy: "retry" }));
const noSecret = createFetchHandler({ secret: (env) => env.UNSET_VARIABLE, onError: (e) => state.log.push(`error:${e.kind}:${e.status}:${e.reason}`) });

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname === "/__log") return Response.json(state.log);
    if (pathname === "/__release") {
      state.released = true;
      return new Response("released");
    }
    if (pathname === "/retry") return retry(request, env, ctx);
    if (pathname === "/no-secret") return noSecret(request, env, ctx);
    if (pathname === "/read-first") {
      await request.text();
      return main(request, env, ctx);
    }
    return main(request, env, ctx);
  },
};
