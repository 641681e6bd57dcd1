#!/usr/bin/env bash
# Runs every test of the project: installs what is missing, builds, then each suite in turn.
# Every suite runs even when an earlier one failed; the exit status is non-zero if any failed.
# The last line is the total: "total: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

LOGS=tests/artifacts/logs
mkdir -p "$LOGS"
PASSED=0
FAILED=0
FAILED_SUITES=()
START=$(date +%s)

banner() { printf '\n==== %s ====\n' "$*"; }
notice() { printf '\n==== %s: SKIPPED (%s) ====\n' "$1" "$2"; }

# count <suite> <passed> <failed> <status>
count() {
  local suite=$1 p=$2 f=$3 status=$4
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a failure that no counter saw (e.g. a crash)
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  if [ "$f" -gt 0 ]; then FAILED_SUITES+=("$suite"); fi
  printf -- '---- %s: %d passed, %d failed\n' "$suite" "$p" "$f"
}

# A suite of `node --test` files: spec output on screen, TAP in a log for the counts.
node_suite() {
  local suite=$1; shift
  banner "$suite"
  local log="$LOGS/$suite.tap" status=0
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$log" "$@" || status=$?
  local p f
  p=$( (grep -E '^# pass [0-9]+' "$log" || true) | tail -1 | awk '{print $3}')
  f=$( (grep -E '^# fail [0-9]+' "$log" || true) | tail -1 | awk '{print $3}')
  count "$suite" "${p:-0}" "${f:-0}" "$status"
}

# A single command counted as one test.
cmd_suite() {
  local suite=$1; shift
  banner "$suite"
  local status=0
  "$@" || status=$?
  if [ "$status" -eq 0 ]; then count "$suite" 1 0 0; else count "$suite" 0 1 "$status"; fi
}

# `cargo test`: counts from its "test result:" lines.
cargo_suite() {
  local suite=$1; shift
  banner "$suite"
  local log="$LOGS/$suite.log" status=0
  "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
  local p f
  p=$( (grep -E '^test result:' "$log" || true) | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}')
  f=$( (grep -E '^test result:' "$log" || true) | sed -E 's/.* ([0-9]+) failed.*/\1/' | awk '{s+=$1} END {print s+0}')
  count "$suite" "$p" "$f" "$status"
}

# 1. Set-up and build: nothing else can run without them.
banner "setup + build"
if ! bash scripts/build.sh; then
  echo "build failed: no test could run"
  echo "total: 0 passed, 1 failed"
  exit 1
fi

# 2. Rust.
cargo_suite "cargo-test" cargo test --quiet --no-fail-fast
cmd_suite "clippy-host" cargo clippy --quiet --lib --tests --examples -- -D warnings
cmd_suite "clippy-wasm32" cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings

# 3. The built package in Node (loader, signature, ...).
node_suite "node" tests/node/

# 4. Type tests (tsc --strict).
if [ -f tests/types/tsconfig.json ]; then
  cmd_suite "types" node_modules/.bin/tsc --strict -p tests/types
else
  notice "types" "tests/types/tsconfig.json does not exist"
fi

# 5. The packed tarball in every runtime (Node ESM/CJS, workerd, Chromium, Deno, Bun; publint,
#    attw, tsc), and the examples.
rm -rf tests/artifacts/packaging # consumer projects of earlier runs
node -e 'import("./tests/packaging/lib.mjs").then((m) => m.tarball())' # pack once, before the parallel files
node_suite "packaging" tests/packaging/
node_suite "cli" tests/cli/ # the haptik-webhook command, from the packed tarball
if [ -d tests/examples ]; then
  node_suite "examples" tests/examples/
else
  notice "examples" "tests/examples does not exist"
fi

# ---- suites owned by other parts of the project: one guarded line each ----------------------
if [ -d tests/playground ]; then node_suite "playground" tests/playground/; else notice "playground" "tests/playground does not exist"; fi
if [ -d tests/receiving ]; then node_suite "receiving" tests/receiving/; else notice "receiving" "tests/receiving does not exist"; fi
if [ -d tests/dedupe ]; then node_suite "dedupe" tests/dedupe/; else notice "dedupe" "tests/dedupe does not exist"; fi
if node -e 'const s = (require("./package.json").scripts || {}).bench || ""; const m = s.match(/node\s+(\S+)/); process.exit(m && require("fs").existsSync(m[1]) ? 0 : 1)'; then
  cmd_suite "bench-quick" npm run --silent bench -- --quick
else
  notice "bench-quick" "the npm script 'bench' or its file does not exist"
fi
if [ -d tests/hostile ]; then node_suite "hostile" tests/hostile/; else notice "hostile" "tests/hostile does not exist"; fi
if [ -f tests/fuzz_regressions.rs ]; then
  echo; echo "==== fuzz regression corpus: run by cargo test (tests/fuzz_regressions.rs) ===="
else
  notice "fuzz regression corpus" "tests/fuzz_regressions.rs does not exist"
fi
# ---- end of other suites -----------------------------------------------------------------------

echo
echo "==== summary ($(( $(date +%s) - START )) s) ===="
if [ "${#FAILED_SUITES[@]}" -gt 0 ]; then echo "failed suites: ${FAILED_SUITES[*]}"; fi
echo "total: ${PASSED} passed, ${FAILED} failed"
[ "$FAILED" -eq 0 ]
