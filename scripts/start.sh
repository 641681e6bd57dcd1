#!/usr/bin/env bash
# Builds everything (installing what is missing), then starts the playground server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
if [ ! -f scripts/serve.mjs ]; then
  echo "start: scripts/serve.mjs (the playground server) does not exist yet; the package is built in pkg/" >&2
  exit 1
fi
exec node scripts/serve.mjs "$@"
