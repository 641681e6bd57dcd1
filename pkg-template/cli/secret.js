// The webhook secret: --secret, or HAPTIK_WEBHOOK_SECRET (kept out of shell history and `ps`).
import { UsageError } from "./usage.js";

export const SECRET_HELP = "the webhook's secret key (or set HAPTIK_WEBHOOK_SECRET)";

export function secretFrom(command, values, env) {
  const secret = values.secret ?? env.HAPTIK_WEBHOOK_SECRET;
  if (secret === undefined || secret === "") {
    throw new UsageError("give the webhook secret with --secret S or HAPTIK_WEBHOOK_SECRET", command);
  }
  return secret;
}
