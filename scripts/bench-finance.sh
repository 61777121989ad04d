#!/usr/bin/env bash
# Times the list's available-credit column (issue 12) over N customers (default 1,000,000) and
# about five receivables per customer and company, in the bench database of scripts/bench-list.sh
# (clientela_bench in the project's test cluster), release build. Usage: scripts/bench-finance.sh [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

DATABASE_URL="$(bench_database_url)" \
  cargo run --release --quiet -p server -- bench-finance --customers "${1:-1000000}"
