#!/usr/bin/env bash
# A throwaway PostgreSQL for the storage integration tests.
#
#   scripts/pg-test.sh [start]        start (or find running) and print DATABASE_URL on stdout
#   scripts/pg-test.sh url            print the URL of the running server (exit 1 if none)
#   scripts/pg-test.sh status         say whether it runs
#   scripts/pg-test.sh stop           stop it and delete its directory (fine if not running)
#   scripts/pg-test.sh run -- CMD…    start, run CMD with DATABASE_URL exported, stop, exit with CMD's status
#
# Everything lives in one directory, KP_PG_DIR (default ${TMPDIR:-/tmp}/kube-posture-pg): the
# cluster (initdb), its unix socket, the log and the URL. The server listens on 127.0.0.1 only, on
# the first free port from KP_PG_PORT (default 54329), with password (SCRAM) authentication and a
# random password, and with fsync off: test data only, never a real database.
#
# PostgreSQL refuses to run as root. As root, the server runs as the `postgres` OS user that
# Debian's postgresql package creates (via runuser); if that user is missing, a system user
# `kp-postgres` is created for it. As another user, it runs as that user.
# Installs Debian's postgresql with apt when no server binaries are found (root only).
# Idempotent: `start` twice prints the same URL; `stop` twice is fine.
set -euo pipefail

DIR="${KP_PG_DIR:-${TMPDIR:-/tmp}/kube-posture-pg}"
DATA="$DIR/data"
SOCK="$DIR/sock"
LOG="$DIR/postgres.log"
URL_FILE="$DIR/url"
DB_NAME="kube_posture_test"
DB_USER="kp"

log() { echo "[pg-test] $*" >&2; }

find_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [[ -n "$d" && -x "$d/postgres" ]]; then echo "$d"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  return 1
}

ensure_installed() {
  if find_bin >/dev/null; then return; fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL server binaries not found; install them with: sudo apt-get install -y postgresql"
    exit 1
  fi
  log "installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

# The OS user the server runs as, and how to run a command as that user.
RUN_AS=()
OWNER=""
choose_user() {
  if [[ $(id -u) -ne 0 ]]; then OWNER="$(id -un)"; RUN_AS=(); return; fi
  if id postgres >/dev/null 2>&1; then OWNER=postgres
  else
    id kp-postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin kp-postgres
    OWNER=kp-postgres
  fi
  RUN_AS=(runuser -u "$OWNER" --)
}

as_owner() { "${RUN_AS[@]}" "$@"; }

running() {
  [[ -f "$DATA/PG_VERSION" ]] || return 1
  local bin; bin=$(find_bin) || return 1
  as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local p="${KP_PG_PORT:-54329}"
  for _ in $(seq 1 200); do
    if port_free "$p"; then echo "$p"; return; fi
    p=$((p + 1))
  done
  log "no free port found from ${KP_PG_PORT:-54329}"
  exit 1
}

do_stop() {
  choose_user
  if running; then
    log "stopping PostgreSQL in $DATA"
    as_owner "$(find_bin)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
  rm -rf "$DIR"
}

do_start() {
  ensure_installed
  choose_user
  if running && [[ -s "$URL_FILE" ]]; then cat "$URL_FILE"; return; fi
  # Not running (or half-made): start from scratch.
  do_stop
  local bin port pass
  bin=$(find_bin)
  port=$(free_port)
  pass=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  mkdir -p "$DIR" "$SOCK"
  chmod 700 "$DIR" "$SOCK"
  printf '%s\n' "$pass" >"$DIR/pwfile"
  chmod 600 "$DIR/pwfile"
  [[ -n "${RUN_AS[*]}" ]] && chown -R "$OWNER" "$DIR"
  log "initdb in $DATA (server runs as $OWNER)"
  as_owner "$bin/initdb" -D "$DATA" -U "$DB_USER" --pwfile="$DIR/pwfile" --auth=scram-sha-256 -E UTF8 --locale=C --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  rm -f "$DIR/pwfile"
  log "starting on 127.0.0.1:$port (socket in $SOCK)"
  as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$SOCK -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
    start >/dev/null || { tail -n 30 "$LOG" >&2; exit 1; }
  PGPASSWORD="$pass" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$DB_USER" "$DB_NAME"
  local url="postgres://$DB_USER:$pass@127.0.0.1:$port/$DB_NAME"
  (umask 077; printf '%s\n' "$url" >"$URL_FILE")
  echo "$url"
}

mode="${1:-start}"
case "$mode" in
  start) do_start ;;
  url) [[ -s "$URL_FILE" ]] && { choose_user; running; } && cat "$URL_FILE" || { log "not running"; exit 1; } ;;
  status) choose_user; if running; then echo "running: $(cat "$URL_FILE" 2>/dev/null | sed -E 's#//([^:]+):[^@]*@#//\1:***@#')"; else echo "stopped"; exit 1; fi ;;
  stop) do_stop ;;
  run)
    shift
    [[ "${1:-}" == "--" ]] && shift
    [[ $# -gt 0 ]] || { log "usage: $0 run -- COMMAND…"; exit 2; }
    choose_user
    was_running=0
    running && was_running=1
    url=$(do_start)
    set +e
    DATABASE_URL="$url" "$@"
    rc=$?
    set -e
    [[ $was_running -eq 1 ]] || do_stop
    exit $rc
    ;;
  *) log "unknown mode: $mode (start | url | status | stop | run -- CMD…)"; exit 2 ;;
esac
