// Running a Worker in workerd for the tests and the benchmark: bundled the way Wrangler bundles
// it, and a capnp configuration for a one-Worker server on 127.0.0.1.
import { spawn } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve, sep } from "node:path";

const require = createRequire(import.meta.url);

/** Bundles a Worker the way Wrangler does: esbuild, conditions workerd/worker/browser, .wasm kept external. */
export async function bundleWorker(entry, outdir, { minify = false, nodePaths = [], alias = {} } = {}) {
  const esbuild = require("esbuild");
  const wasmFiles = [];
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    nodePaths,
    alias,
    outfile: join(outdir, "worker.js"),
    minify,
    metafile: true,
    logLevel: "silent",
    plugins: [
      {
        // Like Wrangler's CompiledWasm module rule: `import m from "./x.wasm"` becomes an external
        // module that workerd gives as a compiled WebAssembly.Module.
        name: "wasm-module",
        setup(build) {
          build.onResolve({ filter: /\.wasm$/ }, (args) => {
            const file = resolve(args.resolveDir, args.path);
            const name = file.split(sep).pop();
            cpSync(file, join(outdir, name));
            if (!wasmFiles.includes(name)) wasmFiles.push(name);
            return { path: `./${name}`, external: true };
          });
        },
      },
    ],
  });
  return { file: join(outdir, "worker.js"), wasmFiles, metafile: result.metafile };
}

/** The capnp configuration: `modules` are { name, type: "esModule" | "wasm" | ..., file } embedded
 * from the config's folder; `bindings` are text bindings. */
export function workerdConfig({ port, modules, bindings = {}, compatibilityDate = "2025-06-01" }) {
  const mods = modules
    .map((m) => `    (name = ${JSON.stringify(m.name)}, ${m.type} = embed ${JSON.stringify(m.file)}),`)
    .join("\n");
  const binds = Object.entries(bindings)
    .map(([name, text]) => `    (name = ${JSON.stringify(name)}, text = ${JSON.stringify(text)}),`)
    .join("\n");
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
${mods}
  ],
  bindings = [
${binds}
  ],
  compatibilityDate = "${compatibilityDate}",
);
`;
}

/** Starts `workerd serve config.capnp` in `dir`; resolves once the port answers. */
export async function startWorkerd(dir, port) {
  const bin = require("workerd").default;
  const child = spawn(bin, ["serve", join(dir, "config.capnp"), "--verbose"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const exited = new Promise((res) => child.on("exit", (code) => res(code)));
  const deadline = Date.now() + 30000;
  for (;;) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 100))]);
    if (code !== undefined) throw new Error(`workerd exited (${code}):\n${log}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: "HEAD" });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`workerd did not start:\n${log}`);
      }
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
    },
  };
}
