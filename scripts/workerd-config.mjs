// The capnp configuration of a one-Worker workerd server on 127.0.0.1 (the tests' and the
// benchmark's): `modules` are { name, type: "esModule" | "wasm" | ..., file } embedded from the
// config's folder, `bindings` are text bindings.
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
