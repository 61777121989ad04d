#!/usr/bin/env bash
# Installs what building and testing need, pinned, from the package registries only.
# Idempotent: each tool is installed only when missing or at another version.
#   scripts/ensure-tools.sh          -> build tools (wasm target, cargo-leptos, wasm-bindgen, wasm-opt)
#   scripts/ensure-tools.sh --tests  -> also Chromium for the end-to-end tests
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

CARGO_LEPTOS_VERSION=0.3.10
# The CLI must equal the wasm-bindgen crate in Cargo.lock (pinned with `=` in Cargo.toml).
WASM_BINDGEN_VERSION="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')"

command -v cargo >/dev/null || die "Rust (cargo) não encontrado: instale com rustup"
command -v npm >/dev/null || die "Node.js/npm não encontrado"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo leptos --version 2>/dev/null | grep -q " $CARGO_LEPTOS_VERSION"; then
  log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 16 minutes, once)"
  # no_downloads: cargo-leptos must never fetch tool binaries from outside the registries.
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\b"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock names a yanked crate.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt (binaryen) and playwright-core, from npm with the committed lock file.
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  log "installing end2end npm packages (npm ci)"
  npm ci --prefix end2end --no-audit --no-fund >/dev/null
fi

apt_ensure postgresql-15
if [ "${1:-}" = "--tests" ]; then
  apt_ensure chromium
fi
