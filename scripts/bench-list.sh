#!/usr/bin/env bash
# Times the customer list query over N customers (default 500,000) in a database of its own
# (clientela_bench in the project's test cluster), release build. Usage: scripts/bench-list.sh [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

DATABASE_URL="$(bench_database_url)" \
  cargo run --release --quiet -p server -- bench-list --customers "${1:-500000}"
