#!/usr/bin/env bash
# Benchmarks of the cleaning engine. Builds in build-bench/ (Release) and reports:
#   1. Google Benchmark: Gumbo's parse alone vs qingxi's whole pipeline, pages/s on one thread;
#   2. `qingxi clean --threads 1` end to end (read, decode, parse, clean, convert, write) with
#      peak memory (max RSS), over the same pages, and once over the pages repeated many times to
#      show that peak memory does not grow with the number of inputs.
# Pages: $QINGXI_BENCH_PAGES, else ../shared/eval/daniel-zh/html, else samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
B=build-bench
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DQINGXI_BUILD_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target qingxi pipeline_bench >/dev/null
PAGES="${QINGXI_BENCH_PAGES:-../shared/eval/daniel-zh/html}"
[ -d "$PAGES" ] || PAGES=samples
echo "== pages: $PAGES ($(ls "$PAGES" | wc -l) files)"
"$B/bench/pipeline_bench" --benchmark_counters_tabular=true
TIME=/usr/bin/time
command -v $TIME >/dev/null || { echo "(install package 'time' for peak-memory figures)"; TIME=""; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
run() {  # run LABEL ARGS...
  local label=$1; shift
  if [ -n "$TIME" ]; then
    $TIME -f "$label: %e s wall, %M KB max RSS" "$B/qingxi" clean "$@" -o "$tmp/out.jsonl" 2>&1 | grep -v '^qingxi clean: resuming' || true
  else
    "$B/qingxi" clean "$@" -o "$tmp/out.jsonl"
  fi
}
echo "== qingxi clean end to end, one thread"
run "1x pages, --threads 1" --threads 1 "$PAGES"
echo "== the same pages 20 times over (bounded memory however many inputs)"
mkdir -p "$tmp/many"
for i in $(seq 1 20); do mkdir -p "$tmp/many/$i"; cp "$PAGES"/* "$tmp/many/$i/"; done
run "20x pages, --threads 1" --threads 1 "$tmp/many"
run "20x pages, --threads $(nproc)" --threads "$(nproc)" "$tmp/many"
TEXT_PAGES="${QINGXI_BENCH_TEXT_PAGES:-../shared/eval/daniel-zh-text/txt}"
if [ -d "$TEXT_PAGES" ]; then
  echo "== qingxi clean --in text end to end, one thread: $TEXT_PAGES ($(ls "$TEXT_PAGES" | wc -l) files)"
  run "text pages, --threads 1" --in text --threads 1 "$TEXT_PAGES"
fi
