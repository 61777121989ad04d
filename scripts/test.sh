#!/usr/bin/env bash
# README command 2: every check and test. Formatting, lints (native and WebAssembly), unit and
# property tests, integration tests on a real PostgreSQL (a fresh database per test), and
# end-to-end tests in Debian's Chromium against the release build.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

# A one-off CI build gains nothing from incremental caches, which cost gigabytes of disk.
if [[ "${CI:-}" == "true" ]]; then export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"; fi

scripts/ensure-tools.sh --tests

log "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy -p app --features hydrate --target wasm32-unknown-unknown --quiet -- -D warnings

# Tests create and drop their own databases in the project's test cluster.
test_url="$(scripts/pg.sh test)"
log "unit, property and integration tests"
# One test at a time within each test binary. Each #[sqlx::test] runs on a runtime of its own,
# and a page rendered server-side while another test's runtime ran (or ended) in the same
# process hung now and then, with no timer pending and no query sent (1 run in 80 under load;
# never with the test alone: security_headers, 2026-12-04). The server itself runs one runtime.
# Serial, the suite takes about 25 s longer.
DATABASE_URL="$test_url" RUST_TEST_THREADS=1 cargo test --workspace

log "end-to-end tests (release build, Chromium)"
e2e_url="${test_url%/*}/clientela_e2e"
psql -q "${test_url%/*}/postgres" -c 'drop database if exists clientela_e2e with (force)' -c 'create database clientela_e2e'
DATABASE_URL="$e2e_url" CLIENTELA_DEMO_SEED=1 \
  LEPTOS_SITE_ADDR=127.0.0.1:3199 LEPTOS_SITE_ROOT=target/site-e2e \
  cargo leptos end-to-end "${LEPTOS_RELEASE_FLAGS[@]}"
