// The `haptik-webhook` command: picks the subcommand, prints help, maps errors to exit codes.
// Each subcommand is a file of its own; all use the package's own wasm core (../node.mjs).
import { readFileSync } from "node:fs";
import { UsageError, EXIT } from "./usage.js";

const COMMANDS = {
  validate: () => import("./validate.js").then((m) => m.validate),
  sample: () => import("./sample.js").then((m) => m.sample),
  sign: () => import("./sign.js").then((m) => m.sign),
  send: () => import("./send.js").then((m) => m.send),
};

const HELP = `Usage: haptik-webhook COMMAND [options]

Commands:
  validate FILE... | -   check payloads and print every problem with its line and a code frame
  sample EVENT           print a realistic valid payload (--type for a message body's HSL type)
  sign FILE | -          print the X-Hub-Signature value of a body
  send URL               deliver a signed webhook like the platform does (--retries: its schedule)

Run \`haptik-webhook COMMAND --help\` for a command's options.
  -h, --help      show this help
  -v, --version   show the version`;

/** Runs the command line `argv` against `io` ({ stdin, stdout, stderr, env }); resolves to the exit code. */
export async function main(argv, io) {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    (command === undefined ? io.stderr : io.stdout).write(HELP + "\n");
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === "-v" || command === "--version") {
    io.stdout.write(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version + "\n");
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : null;
  try {
    if (!load) throw new UsageError(`unknown command ${JSON.stringify(command)}`, null);
    return await (await load())(rest, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const more = e.command ? `haptik-webhook ${e.command} --help` : "haptik-webhook --help";
    io.stderr.write(`haptik-webhook${e.command ? " " + e.command : ""}: ${e.message}\nSee \`${more}\`.\n`);
    return EXIT.usage;
  }
}
