// `haptik-webhook sign FILE|- --secret S`: the X-Hub-Signature value of the exact bytes.
import { signPayload } from "../node.mjs";
import { readInput, ReadError } from "./input.js";
import { parse, choiceFlag, UsageError, EXIT } from "./usage.js";
import { secretFrom, SECRET_HELP } from "./secret.js";

export const help = `Usage: haptik-webhook sign FILE|- --secret S [--algorithm sha1|sha256]

Prints the X-Hub-Signature header value the platform would send with this exact body:
"sha1=" and the lowercase hex HMAC of the bytes as they are in the file (no newline added or
removed).

  --secret S            ${SECRET_HELP}
  --algorithm A         sha1 (default, what the platform uses) or sha256
  -h, --help            show this help`;

export async function sign(argv, io) {
  const { values, positionals } = parse("sign", argv, {
    secret: { type: "string" },
    algorithm: { type: "string", default: "sha1" },
  });
  if (values.help) {
    io.stdout.write(help + "\n");
    return EXIT.ok;
  }
  const algorithm = choiceFlag("sign", "algorithm", values.algorithm, ["sha1", "sha256"]);
  const secret = secretFrom("sign", values, io.env);
  if (positionals.length !== 1) throw new UsageError("name one FILE, or - for standard input", "sign");
  let bytes;
  try {
    bytes = await readInput(positionals[0], io.stdin);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    io.stderr.write(`haptik-webhook sign: ${e.message}\n`);
    return EXIT.usage;
  }
  io.stdout.write(signPayload(bytes, secret, algorithm) + "\n");
  return EXIT.ok;
}
