#!/bin/sh
# Starts and stops the nginx test site used by the fetch tests and benchmarks.
#
#   nginx_site.sh start PREFIX [TIME_LIMIT_SECONDS]
#       PREFIX/site is the document root (create it and its files first). Picks a free port on
#       127.0.0.1, writes PREFIX/nginx.conf from nginx.conf.in, starts nginx in the foreground
#       under `timeout` (so it stops by itself, default after 300 s), waits until it accepts
#       connections and prints "PORT <n>". Exit status 77 when nginx is not installed.
#       When PREFIX/tls/server.crt and server.key exist (tests/servers/make_test_ca.sh), the
#       site is served over HTTPS, HTTP/2 and HTTP/1.1 by ALPN.
#   nginx_site.sh stop PREFIX
#       Stops the nginx started for PREFIX.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:-}
prefix=${2:-}
[ -n "$cmd" ] && [ -n "$prefix" ] || { echo "usage: $0 start|stop PREFIX [SECONDS]" >&2; exit 2; }

nginx_bin=$(command -v nginx || true)
[ -n "$nginx_bin" ] || { [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx; } || true
case "$cmd" in
start)
  [ -n "$nginx_bin" ] || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 77; }
  limit=${3:-300}
  mkdir -p "$prefix/site" "$prefix/tmp"
  # Workers may run as an unprivileged user: let them read the site.
  chmod a+rx "$prefix" "$prefix/tmp"
  chmod -R a+rX "$prefix/site"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  listen_tls=""
  tls_files=""
  if [ -f "$prefix/tls/server.crt" ]; then
    chmod a+rx "$prefix/tls" && chmod a+r "$prefix/tls/server.crt" "$prefix/tls/server.key"
    listen_tls=" ssl http2"
    tls_files="ssl_certificate $prefix/tls/server.crt; ssl_certificate_key $prefix/tls/server.key;"
  fi
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@PORT@|$port|g" -e "s|@LISTEN_TLS@|$listen_tls|" \
      -e "s|@TLS_FILES@|$tls_files|" "$here/nginx.conf.in" > "$prefix/nginx.conf"
  timeout --signal=TERM "$limit" "$nginx_bin" -p "$prefix" -e "$prefix/error.log" \
      -c "$prefix/nginx.conf" > "$prefix/stdout.log" 2>&1 &
  echo $! > "$prefix/timeout.pid"
  i=0
  while ! python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 100 ]; then echo "nginx did not start:" >&2; cat "$prefix/error.log" >&2 || true; exit 1; fi
    sleep 0.05
  done
  echo "PORT $port"
  ;;
stop)
  if [ -f "$prefix/nginx.pid" ]; then kill -TERM "$(cat "$prefix/nginx.pid")" 2>/dev/null || true; fi
  if [ -f "$prefix/timeout.pid" ]; then
    pid=$(cat "$prefix/timeout.pid")
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.05; i=$((i + 1)); done
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$prefix/timeout.pid"
  fi
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
