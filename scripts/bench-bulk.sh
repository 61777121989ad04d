#!/usr/bin/env bash
# Times "alter all" on ~100,000 of N customers (default 1,000,000) in a database of its own
# (clientela_bench in the project's test cluster), release build. Usage: scripts/bench-bulk.sh [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

test_url="$(scripts/pg.sh test)"
if ! psql -qtA "${test_url%/*}/postgres" -c "select 1 from pg_database where datname = 'clientela_bench'" | grep -q 1; then
  psql -q "${test_url%/*}/postgres" -c 'create database clientela_bench'
fi
DATABASE_URL="${test_url%/*}/clientela_bench" \
  cargo run --release --quiet -p server -- bench-bulk --customers "${1:-1000000}"
