#!/usr/bin/env bash
# README command 1: runs Clientela with the demo tenant at http://127.0.0.1:3000.
# Without DATABASE_URL it starts a project-local PostgreSQL (data in .local/, port 55432).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$ROOT/scripts/env.sh"
cd "$ROOT"

scripts/ensure-tools.sh
if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL="$(scripts/pg.sh run)"
  export DATABASE_URL
fi
export CLIENTELA_DEMO_SEED=1
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"

log "building (release) and starting at http://$LEPTOS_SITE_ADDR — the first build takes several minutes"
exec cargo leptos serve "${LEPTOS_RELEASE_FLAGS[@]}"
