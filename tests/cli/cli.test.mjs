// The `haptik-webhook` command, spawned as a user runs it: from the packed tarball installed into
// a fresh project (node_modules/.bin/haptik-webhook), against real files and a real local HTTP
// server that checks the signature and the body.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consumer, freePort, ROOT } from "../packaging/lib.mjs";

let dir, BIN, pkg;
const SAMPLES = join(ROOT, "samples");
const sampleFile = (name) => join(SAMPLES, name);

before(async () => {
  dir = consumer("cli");
  BIN = join(dir, "node_modules", ".bin", "haptik-webhook");
  pkg = await import(join(dir, "node_modules", "haptik-webhook", "node.mjs"));
});

/** A clean environment: no colour settings inherited from whoever runs the tests. */
function env(extra = {}) {
  const e = { ...process.env, ...extra };
  for (const k of ["NO_COLOR", "FORCE_COLOR", "HAPTIK_WEBHOOK_SECRET"]) if (!(k in extra)) delete e[k];
  return e;
}

function run(args, { input, extraEnv } = {}) {
  const r = spawnSync(BIN, args, { cwd: dir, input, env: env(extraEnv), encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking this process (the HTTP server of the test must keep answering). */
function runAsync(args, extraEnv) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { cwd: dir, env: env(extraEnv) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

// ---- help and usage --------------------------------------------------------------------------

test("--help names the four commands; each has its own --help; --version is the package's", () => {
  const top = run(["--help"]);
  assert.equal(top.status, 0);
  for (const c of ["validate", "sample", "sign", "send"]) {
    assert.match(top.stdout, new RegExp(`^  ${c} `, "m"));
    const sub = run([c, "--help"]);
    assert.equal(sub.status, 0, sub.stderr);
    assert.match(sub.stdout, new RegExp(`^Usage: haptik-webhook ${c} `));
  }
  assert.equal(run(["--version"]).stdout.trim(), pkg.EVENT_NAMES && JSON.parse(readFileSync(join(dir, "node_modules/haptik-webhook/package.json"), "utf8")).version);
});

test("usage errors exit 2 and say what is wrong: no command, unknown command, unknown flag, bad values", () => {
  const none = run([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /Usage: haptik-webhook COMMAND/);
  const unknown = run(["frobnicate"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
  const flag = run(["validate", "--bogus", sampleFile("message-text.json")]);
  assert.equal(flag.status, 2);
  assert.match(flag.stderr, /--bogus/);
  assert.match(flag.stderr, /haptik-webhook validate --help/);
  assert.equal(run(["validate"]).status, 2);
  assert.match(run(["validate", "--format", "xml", "x.json"]).stderr, /--format must be one of text, json/);
  assert.match(run(["sign", sampleFile("message-text.json")]).stderr, /secret/);
  assert.match(run(["sign", "--algorithm", "md5", "--secret", "s", "x"]).stderr, /--algorithm must be one of sha1, sha256/);
  assert.match(run(["send", "ftp://x", "--event", "message", "--secret", "s"]).stderr, /http: or https:/);
  assert.match(run(["send", "http://127.0.0.1:1/", "--secret", "s"]).stderr, /either --event NAME or --file FILE/);
  assert.match(run(["send", "http://127.0.0.1:1/", "--event", "message", "--secret", "s", "--timeout", "0"]).stderr, /--timeout must be a number above 0/);
  assert.match(run(["send", "http://127.0.0.1:1/", "--event", "message", "--secret", "s", "--time-scale", "-1"]).stderr, /--time-scale/);
});

// ---- validate --------------------------------------------------------------------------------

test("validate: a valid file exits 0 and says so", () => {
  const r = run(["validate", sampleFile("message-text.json")]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /message-text\.json: valid \("message"; 0 errors/);
});

test("validate: every error as FILE:LINE:COLUMN  /pointer  message, then the source line and a caret under the column", () => {
  const file = sampleFile("invalid-two-errors.json");
  const source = readFileSync(file, "utf8").split("\n");
  const expected = pkg.validateEvent(readFileSync(file));
  assert.equal(expected.valid, false);
  const r = run(["validate", file]);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.split("\n");
  const heads = lines.map((l, i) => [l, i]).filter(([l]) => /^.+:\d+:\d+  /.test(l));
  assert.equal(heads.length, expected.errors.length + expected.warnings.length, r.stdout);
  for (const [i, issue] of expected.errors.entries()) {
    const [head, at] = heads[i];
    const m = head.match(/^(.+):(\d+):(\d+)  (\S+)  error: (.+)$/);
    assert.ok(m, head);
    assert.deepEqual([+m[2], +m[3], m[4]], [issue.line, issue.column, issue.path]);
    // The message without the pointer it starts with (the pointer has its own column).
    assert.ok(issue.message.endsWith(m[5].split(" (expected")[0]), head);
    assert.ok(!m[5].startsWith(issue.path), head);
    if (issue.received) assert.match(m[5], new RegExp(`received ${issue.received.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    // The code frame: the line as it is in the file, then a caret under the column.
    assert.equal(lines[at + 1], ` ${issue.line} | ${source[issue.line - 1]}`);
    const caret = lines[at + 2];
    const prefix = ` ${" ".repeat(String(issue.line).length)} | `;
    assert.ok(caret.startsWith(prefix), JSON.stringify(caret));
    assert.equal(caret.indexOf("^") - prefix.length, issue.column - 1, JSON.stringify(caret));
  }
  assert.match(r.stdout, /invalid-two-errors\.json: invalid \("message"; 2 errors/);
});

test("validate: a long (minified) line is cut to a window around the caret", () => {
  const value = JSON.parse(readFileSync(sampleFile("invalid-two-errors.json"), "utf8"));
  const path = join(dir, "minified.json");
  writeFileSync(path, JSON.stringify(value));
  const r = run(["validate", path]);
  assert.equal(r.status, 1);
  const frames = r.stdout.split("\n").filter((l) => l.startsWith(" 1 | "));
  assert.ok(frames.length >= 1);
  for (const f of frames) assert.ok(f.length < 100 && f.includes("…"), f);
});

test("validate: several files, a missing one named on stderr (exit 2), the others still checked", () => {
  const r = run(["validate", sampleFile("message-text.json"), join(dir, "no-such.json"), sampleFile("invalid-two-errors.json")]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot read .*no-such\.json: no such file/);
  assert.match(r.stdout, /message-text\.json: valid/);
  assert.match(r.stdout, /invalid-two-errors\.json: invalid/);
  assert.match(r.stdout, /^3 files: 1 valid, 1 invalid, 1 unreadable$/m);
});

test("validate -: reads standard input", () => {
  const r = run(["validate", "-"], { input: '{"event_name": "message", "business_id": true}' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^<stdin>:1:\d+  \/business_id  error: /m);
  assert.equal(run(["validate", "-"], { input: readFileSync(sampleFile("chat-pinned.json")) }).status, 0);
});

test("validate --format json: one report per file, the same verdicts as validateEvent", () => {
  const files = [sampleFile("message-text.json"), sampleFile("invalid-two-errors.json")];
  const r = run(["validate", "--format", "json", ...files]);
  assert.equal(r.status, 1);
  const reports = JSON.parse(r.stdout);
  assert.equal(reports.length, 2);
  for (const [i, f] of files.entries()) {
    const { file, ...report } = reports[i];
    assert.equal(file, f);
    assert.deepEqual(report, JSON.parse(JSON.stringify(pkg.validateEvent(readFileSync(f)))));
  }
  const missing = JSON.parse(run(["validate", "--format", "json", "nope.json"]).stdout);
  assert.match(missing[0].error, /cannot read nope\.json/);
});

test("validate --lenient: the documentation example with comments passes with warnings; strict rejects it", () => {
  const file = sampleFile("docs-example-conversation-complete.jsonc");
  assert.equal(run(["validate", file]).status, 1);
  const r = run(["validate", "--lenient", file]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /  warning: /);
});

test("validate: colours only on a terminal or with FORCE_COLOR, never with NO_COLOR", () => {
  const file = sampleFile("invalid-two-errors.json");
  assert.doesNotMatch(run(["validate", file]).stdout, /\x1b\[/, "piped output has no colour");
  assert.match(run(["validate", file], { extraEnv: { FORCE_COLOR: "1" } }).stdout, /\x1b\[31merror/);
  assert.doesNotMatch(run(["validate", file], { extraEnv: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout, /\x1b\[/);
  // A real terminal: util-linux `script` runs the command on a pseudo-terminal.
  const onTty = (extraEnv) =>
    spawnSync("script", ["-qec", `${JSON.stringify(BIN)} validate ${JSON.stringify(file)}`, "/dev/null"], { cwd: dir, env: env(extraEnv), encoding: "utf8" });
  const tty = onTty({});
  assert.match(tty.stdout, /\x1b\[31merror/, tty.stdout + tty.stderr);
  assert.doesNotMatch(onTty({ NO_COLOR: "1" }).stdout, /\x1b\[\d+m/);
});

// ---- sample ----------------------------------------------------------------------------------

test("sample: every known event, valid and of that event", () => {
  for (const name of pkg.EVENT_NAMES) {
    const r = run(["sample", name]);
    assert.equal(r.status, 0, r.stderr);
    const verdict = pkg.validateEvent(r.stdout);
    assert.equal(verdict.valid, true, `${name}: ${JSON.stringify(verdict.errors)}`);
    assert.equal(verdict.eventName, name);
  }
  const unknown = run(["sample", "typing_indicator"]);
  assert.equal(unknown.status, 0);
  assert.equal(pkg.isKnownEvent(pkg.parseEvent(unknown.stdout)), false);
});

test("sample message --type T: every HSL type, valid, with that body type", () => {
  for (const type of [...pkg.HSL_TYPES, "SYSTEM"]) {
    const r = run(["sample", "message", "--type", type]);
    assert.equal(r.status, 0, `${type}: ${r.stderr}`);
    const ev = pkg.parseEvent(r.stdout);
    assert.equal(ev.event_name, "message");
    assert.equal(ev.message.body.type, type);
  }
  const pinned = pkg.parseEvent(run(["sample", "chat_pinned", "--type", "SYSTEM"]).stdout);
  assert.equal(pinned.message.body.type, "SYSTEM");
});

test("sample: the file's exact bytes; unknown events and types are usage errors naming what there is", () => {
  assert.equal(run(["sample", "message"]).stdout, readFileSync(sampleFile("message-text.json"), "utf8"));
  const r = run(["sample", "nope"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no sample of event "nope"; there are: message, chat_pinned/);
  assert.match(run(["sample", "message", "--type", "NOPE"]).stderr, /no sample of body type "NOPE"; there are: TEXT/);
  assert.match(run(["sample", "webhook_conversation_complete", "--type", "TEXT"]).stderr, /has no message body/);
  assert.match(run(["sample", "--list"]).stdout, /^events: message, chat_pinned, chat_complete, webhook_conversation_complete/);
});

// ---- sign ------------------------------------------------------------------------------------

test("sign: sha1= and the hex HMAC of the exact bytes (file, stdin, sha256, secret from the environment)", () => {
  const file = sampleFile("message-text.json");
  const bytes = readFileSync(file);
  const hmac = (alg, secret, data) => createHmac(alg, secret).update(data).digest("hex");
  const r = run(["sign", file, "--secret", "s3cr3t"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `sha1=${hmac("sha1", "s3cr3t", bytes)}\n`);
  assert.equal(pkg.verifySignature(bytes, r.stdout.trim(), "s3cr3t").valid, true);
  const odd = Buffer.from('{"a": "é"}\r\n  ');
  assert.equal(run(["sign", "-", "--secret", "k"], { input: odd }).stdout.trim(), `sha1=${hmac("sha1", "k", odd)}`);
  assert.equal(run(["sign", file, "--secret", "k", "--algorithm", "sha256"]).stdout.trim(), `sha256=${hmac("sha256", "k", bytes)}`);
  assert.equal(run(["sign", file], { extraEnv: { HAPTIK_WEBHOOK_SECRET: "e" } }).stdout.trim(), `sha1=${hmac("sha1", "e", bytes)}`);
  const missing = run(["sign", join(dir, "nope.json"), "--secret", "k"]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read .*nope\.json: no such file/);
});

// ---- send ------------------------------------------------------------------------------------

/**
 * A real endpoint on 127.0.0.1 that checks each delivery as a receiver would (POST, JSON content
 * type, signature over the raw bytes) and answers as `answer(n)` says for the n-th request.
 */
let server;
async function endpoint(secret, answer) {
  const port = await freePort();
  const log = [];
  server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const signature = req.headers["x-hub-signature"];
      const entry = {
        at: performance.now(),
        method: req.method,
        contentType: req.headers["content-type"],
        signed: signature === `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`,
        body,
      };
      log.push(entry);
      const { status = 200, delayMs = 0, headers = {} } = answer(log.length) ?? {};
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "text/plain", ...headers }).end(status === 200 ? "ok" : "failing on purpose");
    });
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}/hook`, log };
}
after(() => server?.close());
const stop = () => new Promise((r) => (server ? server.close(r) : r()));

test("send: one signed POST of the sample, checked by the endpoint; 200 exits 0", async () => {
  const { url, log } = await endpoint("topsecret", () => ({ status: 200 }));
  const r = await runAsync(["send", url, "--event", "message", "--type", "CAROUSEL", "--secret", "topsecret"]);
  await stop();
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(log.length, 1);
  assert.equal(log[0].method, "POST");
  assert.equal(log[0].contentType, "application/json");
  assert.equal(log[0].signed, true);
  const ev = pkg.parseEvent(log[0].body);
  assert.equal(ev.message.body.type, "CAROUSEL");
  assert.match(r.stdout, /^attempt 1\/7: 200 OK in \d+ ms: delivered$/m);
});

test("send --file: the file's exact bytes are sent and signed", async () => {
  const path = join(dir, "odd-spacing.json");
  const text = readFileSync(sampleFile("chat-pinned.json"), "utf8").replace(/\n/g, "\r\n") + "  \n";
  writeFileSync(path, text);
  const { url, log } = await endpoint("k", () => ({ status: 204 }));
  const r = await runAsync(["send", url, "--file", path, "--secret", "k"]);
  await stop();
  assert.equal(r.status, 0, r.stdout);
  assert.equal(log[0].body.toString("utf8"), text);
  assert.equal(log[0].signed, true);
});

test("send --retries: a failing endpoint gets exactly 7 attempts at the scaled gaps, then the disable warning", async () => {
  const { url, log } = await endpoint("k", () => ({ status: 500 }));
  const r = await runAsync(["send", url, "--event", "message", "--secret", "k", "--retries", "--time-scale", "0.001"]);
  await stop();
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.equal(log.length, 7, r.stdout);
  assert.ok(log.every((e) => e.signed));
  const gaps = log.slice(1).map((e, i) => e.at - log[i].at);
  for (const [i, expected] of [5, 25, 125, 625, 1410, 1410].entries()) {
    // At least the scheduled gap; at most that plus the time a spawned Node takes per attempt.
    assert.ok(gaps[i] >= expected - 2 && gaps[i] < expected + 1000, `gap ${i + 1}: ${gaps[i].toFixed(1)} ms, expected ${expected} ms`);
  }
  assert.equal((r.stdout.match(/^attempt \d\/7: failed, status 500 Internal Server Error/gm) ?? []).length, 7);
  assert.match(r.stdout, /All 7 attempts failed: the platform would now disable this webhook/);
});

test("send --retries: a first answer slower than the limit is a failure and is retried", async () => {
  const { url, log } = await endpoint("k", (n) => (n === 1 ? { status: 200, delayMs: 1500 } : { status: 200 }));
  const r = await runAsync(["send", url, "--event", "chat_pinned", "--secret", "k", "--retries", "--time-scale", "0.001", "--timeout", "0.3"]);
  await stop();
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(log.length, 2);
  assert.match(r.stdout, /^attempt 1\/7: failed, no answer within 300 ms/m);
  assert.match(r.stdout, /^attempt 2\/7: 200 OK .*delivered$/m);
});

test("send: no connection and a redirect are failures (exit 1), with the platform's next step said", async () => {
  const closed = `http://127.0.0.1:${await freePort()}/`;
  const refused = await runAsync(["send", closed, "--event", "message", "--secret", "k"]);
  assert.equal(refused.status, 1);
  assert.match(refused.stdout, /attempt 1\/7: failed, no connection: connection refused/);
  assert.match(refused.stdout, /retry in 5 s .*--retries/);
  const { url, log } = await endpoint("k", () => ({ status: 302, headers: { location: "/elsewhere" } }));
  const redirected = await runAsync(["send", url, "--event", "message", "--secret", "k"]);
  await stop();
  assert.equal(redirected.status, 1);
  assert.equal(log.length, 1, "the redirect is not followed");
  assert.match(redirected.stdout, /failed, status 302/);
});
