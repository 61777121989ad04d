#!/usr/bin/env bash
# A phone on Slow 4G with a 4× slower CPU, cold cache: bytes, first paint and time until the
# sign-in page and the customer list answer input (hydrated), median of N runs (5).
# Usage: scripts/bench-phone.sh [N]. With CLIENTELA_BASE_URL set it measures that server;
# otherwise it builds the release bundle (target/site-bench) and starts a server with the demo
# data on a database of its own (clientela_bench_phone in the test cluster) at 127.0.0.1:3197.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

runs="${1:-5}"
if [ -n "${CLIENTELA_BASE_URL:-}" ]; then
  exec node end2end/bench-phone.mjs "$runs"
fi

scripts/ensure-tools.sh --tests
test_url="$(scripts/pg.sh test)"
db_url="${test_url%/*}/clientela_bench_phone"
addr="${CLIENTELA_BENCH_PHONE_ADDR:-127.0.0.1:3197}"
site=target/site-bench

log "building the release bundle into $site"
LEPTOS_SITE_ROOT="$site" cargo leptos build "${LEPTOS_RELEASE_FLAGS[@]}"
if ! psql -qtA "${test_url%/*}/postgres" -c "select 1 from pg_database where datname = 'clientela_bench_phone'" | grep -q 1; then
  psql -q "${test_url%/*}/postgres" -c 'create database clientela_bench_phone'
fi

log "starting the server at http://$addr (demo data)"
DATABASE_URL="$db_url" CLIENTELA_DEMO_SEED=1 LEPTOS_SITE_ADDR="$addr" LEPTOS_SITE_ROOT="$site" \
  RUST_LOG=warn target/release/server &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' EXIT
for _ in $(seq 1 600); do
  curl -fsS "http://$addr/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || die "the server stopped: see above"
  sleep 0.5
done
curl -fsS "http://$addr/health" >/dev/null || die "the server did not answer /health"

CLIENTELA_BASE_URL="http://$addr" node end2end/bench-phone.mjs "$runs"
