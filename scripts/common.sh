# Shared helpers for the project's scripts. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN=/usr/lib/postgresql/15/bin

log() { printf '\033[1;34m[clientela]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[clientela]\033[0m %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo "$@";
  else die "precisa de root para: $* (instale sudo ou rode como root)"; fi
}

# Installs Debian packages that are missing, with one apt-get update at most.
apt_ensure() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Flags of every release build of the site: best-quality .br/.gz beside each bundle file (served as
# they are), and --split, without which the lazily loaded routes (app/src/lazy_routes.rs) import a
# placeholder module and no page hydrates.
LEPTOS_RELEASE_FLAGS=(--release --precompress --split)

# The benchmarks' database (clientela_bench in the project's test cluster), made when missing;
# prints its URL. Needs scripts/pg.sh, so call it from the project's root.
bench_database_url() {
  local test_url
  test_url="$(scripts/pg.sh test)"
  if ! psql -qtA "${test_url%/*}/postgres" -c "select 1 from pg_database where datname = 'clientela_bench'" | grep -q 1; then
    psql -q "${test_url%/*}/postgres" -c 'create database clientela_bench'
  fi
  printf '%s\n' "${test_url%/*}/clientela_bench"
}
