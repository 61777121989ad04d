#!/usr/bin/env bash
# Refreshes .sqlx/, the offline query data that lets `query!` compile without a database.
# Run after changing any SQL in the Rust code or a migration; commit the result.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
base_url="$(scripts/pg.sh test)"
url="${base_url%/*}/clientela_sqlx"
admin="${base_url%/*}/postgres"
psql -q "$admin" -c 'drop database if exists clientela_sqlx' -c 'create database clientela_sqlx'
for migration in migrations/*.sql; do psql -q -v ON_ERROR_STOP=1 "$url" -f "$migration"; done
rm -rf .sqlx && mkdir -p .sqlx
find app/src server/src server/tests -name '*.rs' -exec touch {} + 2>/dev/null || true
SQLX_OFFLINE=false SQLX_OFFLINE_DIR="$ROOT/.sqlx" DATABASE_URL="$url" \
  cargo check --workspace --all-targets --quiet
log "$(ls .sqlx | wc -l) queries saved in .sqlx/"
