#!/usr/bin/env bash
# Times the list's available-credit column (issue 12) over N customers (default 1,000,000) and
# about five receivables per customer and company, in the bench database of scripts/bench-list.sh
# (clientela_bench in the project's test cluster), release build. Usage: scripts/bench-finance.sh [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

test_url="$(scripts/pg.sh test)"
if ! psql -qtA "${test_url%/*}/postgres" -c "select 1 from pg_database where datname = 'clientela_bench'" | grep -q 1; then
  psql -q "${test_url%/*}/postgres" -c 'create database clientela_bench'
fi
DATABASE_URL="${test_url%/*}/clientela_bench" \
  cargo run --release --quiet -p server -- bench-finance --customers "${1:-1000000}"
