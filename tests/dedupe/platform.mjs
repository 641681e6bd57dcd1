// The platform's delivery, as the fault tests play it: a signed POST that counts as failed
// without a 2xx within 5 s, then 6 more tries with the platform's gaps (5, 25, 125, 625, 1410 and
// 1410 s) scaled down to milliseconds. `urlForTry(i)` is where try i goes (a load balancer may
// send each try to another process).
import { sign } from "../receiving/helpers.mjs";

export const GAPS_MS = [100, 200, 400, 800, 1200, 1200];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves to { delivered, tries: [status or "no answer", ...], result } once a try got a 2xx or the tries ran out. */
export async function deliver(urlForTry, body, secret) {
  const tries = [];
  for (let i = 0; ; i++) {
    let status;
    let result;
    try {
      const r = await fetch(urlForTry(i), {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature": sign(body, secret) },
        body,
        signal: AbortSignal.timeout(5000), // the platform's answer limit
      });
      status = r.status;
      result = (await r.json()).result;
    } catch {
      status = "no answer";
    }
    tries.push(status);
    if (typeof status === "number" && status >= 200 && status < 300) return { delivered: true, tries, result };
    if (i === GAPS_MS.length) return { delivered: false, tries };
    await sleep(GAPS_MS[i]);
  }
}
