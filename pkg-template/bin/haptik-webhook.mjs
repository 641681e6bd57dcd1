#!/usr/bin/env node
// The `haptik-webhook` command (the package's bin): see cli/main.js.
import { main } from "../cli/main.js";

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
