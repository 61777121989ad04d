#!/usr/bin/env bash
# Times "alter all" on ~100,000 of N customers (default 1,000,000) in a database of its own
# (clientela_bench in the project's test cluster), release build. Usage: scripts/bench-bulk.sh [N]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

DATABASE_URL="$(bench_database_url)" \
  cargo run --release --quiet -p server -- bench-bulk --customers "${1:-1000000}"
