#!/usr/bin/env bash
# Starts (once) a project-local PostgreSQL cluster and prints a DATABASE_URL for it.
#   scripts/pg.sh run   -> the cluster the app runs on (durable settings), port 55432
#   scripts/pg.sh test  -> the cluster tests create their databases in (fsync off), port 55433
#   scripts/pg.sh fault -> the test settings, for the end-to-end tests that stop and restart
#                          PostgreSQL under a running server (the shared test cluster must stay
#                          up for the other tests), port 55434
#   scripts/pg.sh stop run|test|fault
# CLIENTELA_PG_PORT / CLIENTELA_PG_TEST_PORT / CLIENTELA_PG_FAULT_PORT choose other ports (two
# clones on one machine; a restarted fault cluster must come back on the port its servers use).
# Idempotent: a running cluster is reused. PostgreSQL refuses to run as root, so as root the
# server runs as the unprivileged `postgres` user.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

action=start
if [ "${1:-}" = stop ]; then action=stop; shift; fi
kind="${1:-run}"
# Tests throw their databases away: durability only slows them down.
disposable="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
case "$kind" in
  run) port="${CLIENTELA_PG_PORT:-55432}"; extra="" ;;
  test) port="${CLIENTELA_PG_TEST_PORT:-55433}"; extra="$disposable" ;;
  fault) port="${CLIENTELA_PG_FAULT_PORT:-55434}"; extra="$disposable" ;;
  *) die "usage: scripts/pg.sh [stop] run|test|fault" ;;
esac

apt_ensure postgresql-15

run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The data lives in the ignored .local/ folder, unless the postgres user cannot reach it
# (a clone under /root, which is 700): then in /var/tmp, keyed by the project path.
base="$ROOT/.local/pg"
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$base"
  if ! runuser -u postgres -- test -x "$base"; then
    base="/var/tmp/clientela-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)/pg"
  fi
fi
data="$base/$kind"
password_file="$base/$kind.password"

if [ "$action" = stop ]; then
  [ -f "$data/PG_VERSION" ] && run_pg "$PG_BIN/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  exit 0
fi

if [ ! -f "$data/PG_VERSION" ]; then
  log "creating PostgreSQL cluster ($kind) in $data"
  mkdir -p "$base"
  [ -f "$password_file" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$password_file")
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data"; chmod 700 "$data"; fi
  pwtmp="$(mktemp)"; cp "$password_file" "$pwtmp"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pwtmp"
  run_pg "$PG_BIN/initdb" -D "$data" -U clientela --auth=scram-sha-256 --pwfile="$pwtmp" \
    -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwtmp"
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Our ports lie in the kernel's ephemeral range (32768–60999): the local end of any outgoing
# connection (a browser's, a server's pool) may hold one, and the fault cluster, restarted in the
# middle of the end-to-end tests, then cannot bind it ("Address already in use", seen once).
# Reserved, they are never handed out that way. Best effort: root only, where /proc allows it.
reserve_port() {
  local reserved=/proc/sys/net/ipv4/ip_local_reserved_ports
  [ -w "$reserved" ] || return 0
  local current; current="$(cat "$reserved")"
  case ",$current," in *",$1,"*) return 0 ;; esac
  echo "${current:+$current,}$1" > "$reserved" 2>/dev/null || true
}
reserve_port "$port"

port_file="$base/$kind.port"
if run_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  port="$(cat "$port_file" 2>/dev/null || echo "$port")"
else
  # Another clone's cluster (or anything else) may hold the preferred port: take the next free one.
  while port_busy "$port"; do port=$((port + 1)); done
  echo "$port" > "$port_file"
  log "starting PostgreSQL ($kind) on 127.0.0.1:$port"
  run_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -c unix_socket_directories= -c listen_addresses=127.0.0.1 $extra" start >/dev/null \
    || { tail -n 20 "$data/server.log" >&2; die "PostgreSQL ($kind) did not start"; }
fi

password="$(cat "$password_file")"
if ! PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U clientela -d postgres -tAc \
    "select 1 from pg_database where datname = 'clientela'" | grep -q 1; then
  PGPASSWORD="$password" psql -h 127.0.0.1 -p "$port" -U clientela -d postgres -qc 'create database clientela'
fi
printf 'postgres://clientela:%s@127.0.0.1:%s/clientela\n' "$password" "$port"
