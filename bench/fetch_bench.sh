#!/usr/bin/env bash
# Fetch benchmark: qingxi fetch and qingxi crawl against curl, over loopback nginx.
#
# 20,000 small pages (about 2.5 KB of HTML each, gzip on) are served by one nginx (Debian's
# package) on 127.0.0.1 under 200 host names, h0.localhost ... h199.localhost (libcurl, hence
# both curl and qingxi, resolves every *.localhost name to loopback itself, RFC 6761 section
# 6.3, so no resolver set-up is needed): each name is a host of its own for the fetcher's
# per-host politeness, robots.txt and connection pools, so the run looks like a crawl over 200
# sites. Per-host limits are relaxed (--delay-ms 0, --per-host
# 8); robots.txt is still fetched once per host. In the same run, over the same URL list:
#   1. curl --parallel --parallel-max 100 (--compressed, bodies to /dev/null);
#   2. qingxi fetch  (--max-transfers 100) into a .warc.gz (request + response records), and
#      into a plain .warc, which shows what the gzip member per record costs;
#   3. qingxi crawl  (fetch + clean with the full cleaning engine, crawl database, corpus).
# Each is timed with /usr/bin/time -v: pages/s = pages / wall seconds, and peak RSS.
#
# Usage: bench/fetch_bench.sh [PAGES]       (default 20000)
# Env:   QINGXI_BUILD  an existing build directory holding ./qingxi (else build-bench/ is built)
#        QINGXI_BENCH_RUNS  repeat the curl and fetch lines this many times (default 1): on a
#                      shared machine single runs vary, compare the best or the median
#        QINGXI_BENCH_CRAWL=0  skip the crawl line
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PAGES=${1:-20000}
HOSTS=200
if [ -n "${QINGXI_BUILD:-}" ]; then
  QX="$QINGXI_BUILD/qingxi"
else
  B=build-bench
  cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DQINGXI_BUILD_TESTS=OFF -DQINGXI_BUILD_BENCH=OFF >/dev/null
  cmake --build "$B" -j2 --target qingxi >/dev/null
  QX="$B/qingxi"
fi
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is not installed (apt-get install nginx-light)"; exit 77; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x /usr/bin/time ] || { echo "GNU time is not installed (apt-get install time)"; exit 77; }

tmp=$(mktemp -d)
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- the site: PAGES pages, each a short Chinese article ---
mkdir -p "$tmp/site/p" "$tmp/tmp"
python3 - "$tmp/site/p" "$PAGES" <<'EOF'
import random, sys
out, n = sys.argv[1], int(sys.argv[2])
words = ("经济 发展 城市 居民 政府 今年 记者 了解 项目 建设 文化 教育 医疗 交通 环境 科技 "
         "企业 市场 服务 社区 农村 工作 推进 提升 改革 创新 安全 质量 活动 群众 数据 增长").split()
rnd = random.Random(7)
for i in range(n):
    paras = "".join("<p>%s。</p>" % "，".join("".join(rnd.choice(words) for _ in range(6)) for _ in range(5))
                    for _ in range(4))
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>第%d号文章</title></head><body>'
            '<nav><a href="/">首页</a> <a href="/news/">新闻</a></nav><article><h1>第%d号文章</h1>%s'
            '</article><footer>版权所有 © 2024 测试站点</footer></body></html>\n') % (i, i, paras)
    with open("%s/%d.html" % (out, i), "w", encoding="utf-8") as f:
        f.write(html)
EOF
chmod -R a+rX "$tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
{
  echo "worker_processes 1; daemon off; master_process on; pid $tmp/nginx.pid; error_log $tmp/error.log warn;"
  echo "events { worker_connections 4096; }"
  echo "http { types { text/html html; text/plain txt; } default_type application/octet-stream;"
  echo "  access_log off; sendfile on; keepalive_timeout 30; keepalive_requests 100000;"
  echo "  client_body_temp_path $tmp/tmp/b; proxy_temp_path $tmp/tmp/p; fastcgi_temp_path $tmp/tmp/f;"
  echo "  uwsgi_temp_path $tmp/tmp/u; scgi_temp_path $tmp/tmp/s;"
  echo "  etag on; gzip on; gzip_min_length 256; gzip_types text/plain;"
  echo "  server { server_name _; root $tmp/site;"
  echo "    listen 127.0.0.1:$port;"
  echo "  } }"
} > "$tmp/nginx.conf"
"$NGINX" -p "$tmp" -e "$tmp/error.log" -c "$tmp/nginx.conf" >"$tmp/nginx.out" 2>&1 &
nginx_pid=$!
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null && break
  sleep 0.05
done

# --- the URL list: page i on host h(i % 200).localhost, hosts interleaved ---
python3 - "$PAGES" "$HOSTS" "$port" > "$tmp/urls.txt" <<'EOF'
import sys
n, hosts, port = map(int, sys.argv[1:])
for i in range(n):
    print("http://h%d.localhost:%d/p/%d.html" % (i % hosts, port, i))
EOF
awk '{print "url = \"" $0 "\"\noutput = \"/dev/null\""}' "$tmp/urls.txt" > "$tmp/curl.cfg"

echo "== $PAGES pages over $HOSTS host names on loopback (nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'), $(nproc) cores)"
report() {  # report LABEL TIMEFILE
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$2")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$2")
  awk -v l="$1" -v w="$wall" -v r="$rss" -v n="$PAGES" \
    'BEGIN {printf "%-44s %7.2f s  %8.0f pages/s  peak RSS %6.1f MB\n", l, w, n / w, r / 1024}'
}
RUNS=${QINGXI_BENCH_RUNS:-1}
for run in $(seq "$RUNS"); do
  [ "$RUNS" -gt 1 ] && echo "-- run $run of $RUNS"
  /usr/bin/time -v -o "$tmp/t.curl" curl -s --no-progress-meter --compressed --parallel --parallel-max 100 -K "$tmp/curl.cfg" || true
  report "curl --parallel --parallel-max 100" "$tmp/t.curl"
  rm -f "$tmp/pages.warc.gz" "$tmp/pages.warc"  # a fresh file each run, not a continued one
  /usr/bin/time -v -o "$tmp/t.fetch" "$QX" fetch -q --allow-private --delay-ms 0 --per-host 8 \
    --max-transfers 100 -i "$tmp/urls.txt" -o "$tmp/pages.warc.gz" --stats "$tmp/fetch.json" 2>/dev/null || true
  report "qingxi fetch -> WARC (.warc.gz)" "$tmp/t.fetch"
  /usr/bin/time -v -o "$tmp/t.plain" "$QX" fetch -q --allow-private --delay-ms 0 --per-host 8 \
    --max-transfers 100 -i "$tmp/urls.txt" -o "$tmp/pages.warc" 2>/dev/null || true
  report "qingxi fetch -> WARC (plain .warc)" "$tmp/t.plain"
done
if [ "${QINGXI_BENCH_CRAWL:-1}" != 0 ]; then
  /usr/bin/time -v -o "$tmp/t.crawl" "$QX" crawl -q --allow-private --delay-ms 0 --per-host 8 \
    --max-transfers 100 -i "$tmp/urls.txt" --db "$tmp/crawl.sqlite" -o "$tmp/corpus.jsonl" \
    --stats "$tmp/crawl.json" 2>/dev/null || true
  report "qingxi crawl (fetch + clean + database)" "$tmp/t.crawl"
fi
echo "   WARC: $(du -k "$tmp/pages.warc.gz" | cut -f1) KB, $(python3 -c "import json; d=json.load(open('$tmp/fetch.json')); print(d['ok'], 'pages ok,', d['wire_bytes'], 'bytes on the wire')")"
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$1"; }
echo "   CPU (last run): curl $(cpu "$tmp/t.curl") s, fetch .warc.gz $(cpu "$tmp/t.fetch") s, fetch .warc $(cpu "$tmp/t.plain") s"
if [ -f "$tmp/t.crawl" ]; then
  echo "   corpus: $(wc -l < "$tmp/corpus.jsonl") documents; crawl CPU $(cpu "$tmp/t.crawl") s"
fi
