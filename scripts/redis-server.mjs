// A real redis-server (Debian's package) for the dedupe tests and the load benchmark: started on a
// free port with no persistence, stopped after. `stop()` shuts it down; `start()` again brings it back on the same port.
import { spawn, execFileSync } from "node:child_process";
import { createConnection } from "node:net";
import { freePort } from "./ports.mjs";

export function redisServerPath() {
  try {
    return execFileSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("redis-server is not installed: run `bash scripts/test.sh` (it installs Debian's redis-server) or `apt-get install redis-server`");
  }
}

function answers(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      socket.destroy();
      resolve(String(d).startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startRedis() {
  const bin = redisServerPath();
  const port = await freePort();
  let child = null;
  let log = "";
  const server = {
    port,
    url: `redis://127.0.0.1:${port}`,
    log: () => log,
    async start() {
      child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout.on("data", (d) => (log += d));
      child.stderr.on("data", (d) => (log += d));
      const deadline = Date.now() + 10000;
      while (!(await answers(port))) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      if (child === null || child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL"); // an abrupt stop, as when the server dies
      await exited;
    },
  };
  await server.start();
  return server;
}
