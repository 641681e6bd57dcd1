#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there.
# Works on a fresh Debian 12 with only rustup and Node.js 20. Quiet on success.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"

fail() { echo "setup: $*" >&2; exit 1; }
# Runs a command quietly; on failure prints its output and stops.
quiet() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    fail "failed: $*"
  fi
  rm -f "$log"
}

command -v cargo >/dev/null || fail "cargo not found: install Rust with rustup first (https://rustup.rs)"
command -v node >/dev/null || fail "node not found: install Node.js 20 or newer first"
command -v npm >/dev/null || fail "npm not found: install Node.js 20 or newer (with npm) first"

# 1. The wasm32 target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  quiet rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, exactly the version the crate pins.
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  echo "setup: installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (a few minutes)"
  quiet cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

# 3. wasm-pack.
if ! command -v wasm-pack >/dev/null; then
  echo "setup: installing wasm-pack (a few minutes)"
  quiet cargo install wasm-pack
fi

# 4. npm dev dependencies (binaryen's wasm-opt, esbuild, workerd, playwright-core, typescript, ...).
stamp=node_modules/.setup-stamp
want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm dev dependencies"
  if [ -f package-lock.json ]; then
    if ! npm ci --no-audit --no-fund >/dev/null 2>&1; then
      # Known case: vite's optional dependency napi-windows-process-start-time (Windows only)
      # is missing from some registries, so the lock file cannot list it and npm ci refuses it.
      echo "setup: npm ci refused the lock file (an optional dependency it cannot list?); running npm install"
      quiet npm install --no-audit --no-fund
    fi
  else
    quiet npm install --no-audit --no-fund
  fi
  # npm may rewrite the lock file on `npm install`; recompute after.
  cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1 >"$stamp"
fi

# 5. Debian packages the tests run for real: Chromium (the browser tests; never a downloaded
#    browser build) and redis-server (the shared dedupe store; the tests start their own server).
APT_PACKAGES=()
[ -x /usr/bin/chromium ] || APT_PACKAGES+=(chromium)
command -v redis-server >/dev/null || APT_PACKAGES+=(redis-server)
if [ "${#APT_PACKAGES[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null || fail "${APT_PACKAGES[*]} missing and apt-get is not available: install them"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${APT_PACKAGES[*]} with apt-get (a few minutes)"
  quiet $SUDO apt-get update
  quiet env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${APT_PACKAGES[@]}"
fi
exit 0
