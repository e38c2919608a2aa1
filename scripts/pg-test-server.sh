#!/bin/sh
# A throw-away PostgreSQL 15 server on loopback, for the crawl-store tests and for trying a
# shared crawl on one machine.
#
#   scripts/pg-test-server.sh start STATE_DIR [TIME_LIMIT_S]
#       initdb in a fresh temporary directory, start the server on 127.0.0.1 on a free port
#       with its unix socket in that directory, wait (bounded) until it accepts connections,
#       and print "PORT <n>" and "URI postgresql://qingxi@127.0.0.1:<n>/postgres". The server
#       stops itself after TIME_LIMIT_S seconds (default 600), so a crashed test leaves
#       nothing behind. STATE_DIR (created if needed) remembers where the server lives.
#   scripts/pg-test-server.sh stop STATE_DIR
#       stops the server and removes its data directory.
#
# PostgreSQL refuses to run as root; as root the server runs as the system user
# $QINGXI_PG_USER (default qingxi-test, created when absent; "nobody" when it cannot be).
# Authentication is "trust" on loopback only: this server is for tests, never for data.
# Server binaries: $PG_BIN, else /usr/lib/postgresql/15/bin (Debian's postgresql-15).
# Exit status: 0 ok, 77 PostgreSQL server binaries not installed, 1 failure.
set -eu

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
CMD=${1:-}
STATE=${2:-}
LIMIT=${3:-600}

die() { echo "pg-test-server: $*" >&2; exit 1; }
[ -n "$CMD" ] && [ -n "$STATE" ] || die "usage: $0 start|stop STATE_DIR [TIME_LIMIT_S]"

# run_as CMD...: runs a command as the server's user (directly when not root).
run_as() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}

pick_user() {
  PG_USER=${QINGXI_PG_USER:-qingxi-test}
  [ "$(id -u)" -eq 0 ] || { PG_USER=$(id -un); return; }
  if ! id "$PG_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
      "$PG_USER" >/dev/null 2>&1 || PG_USER=nobody
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$CMD" in
start)
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] || {
    echo "pg-test-server: PostgreSQL server binaries not found in $PG_BIN (Debian: postgresql-15)" >&2
    exit 77
  }
  pick_user
  mkdir -p "$STATE"
  # The data directory lives outside STATE_DIR, whose parents may not be open to $PG_USER.
  ROOT=$(mktemp -d "${QINGXI_PG_TMP:-/tmp}/qingxi-pg.XXXXXX")
  chmod 755 "$ROOT"
  [ "$(id -u)" -ne 0 ] || chown "$PG_USER" "$ROOT"
  echo "$ROOT" > "$STATE/pg-root"
  run_as "$PG_BIN/initdb" -D "$ROOT/data" -U qingxi -A trust -E UTF8 --locale=C.UTF-8 \
    >"$ROOT/initdb.log" 2>&1 || die "initdb failed: $(tail -5 "$ROOT/initdb.log")"
  # Test settings: no fsync (the tests kill crawlers, not the server), small footprint.
  cat >>"$ROOT/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$ROOT'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 64MB
logging_collector = off
EOF
  tries=0
  while :; do
    PORT=$(free_port)
    # pg_ctl -w waits until the server accepts connections, at most -t seconds.
    if run_as "$PG_BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -o "-p $PORT" -w -t 30 \
      start >/dev/null 2>&1; then
      break
    fi
    tries=$((tries + 1))
    [ $tries -lt 3 ] || die "server did not start: $(tail -5 "$ROOT/server.log" 2>/dev/null)"
  done
  echo "$PORT" > "$STATE/pg-port"
  # The watchdog: stop and remove the server after LIMIT seconds whatever happens to the caller.
  (
    trap '' HUP
    sleep "$LIMIT"
    run_as "$PG_BIN/pg_ctl" -D "$ROOT/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$ROOT"
  ) </dev/null >/dev/null 2>&1 &
  echo $! > "$STATE/pg-watchdog"
  echo "PORT $PORT"
  echo "URI postgresql://qingxi@127.0.0.1:$PORT/postgres"
  ;;
stop)
  [ -f "$STATE/pg-root" ] || exit 0
  pick_user
  ROOT=$(cat "$STATE/pg-root")
  if [ -f "$STATE/pg-watchdog" ]; then
    wd=$(cat "$STATE/pg-watchdog")
    pkill -P "$wd" sleep 2>/dev/null || true  # its sleep, then the watchdog itself
    kill "$wd" 2>/dev/null || true
    rm -f "$STATE/pg-watchdog"
  fi
  if [ -d "$ROOT/data" ]; then
    run_as "$PG_BIN/pg_ctl" -D "$ROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      run_as "$PG_BIN/pg_ctl" -D "$ROOT/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$ROOT"
  rm -f "$STATE/pg-root" "$STATE/pg-port"
  ;;
*)
  die "unknown command $CMD (start or stop)"
  ;;
esac
