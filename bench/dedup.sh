#!/usr/bin/env bash
# `qingxi dedup` throughput and memory (results in docs/dedup.md):
#   1. 20,000 synthetic records of ~2 KB of Chinese text, --threads 1 and --threads 2: MB of text
#      per second, wall clock, including both passes over the input;
#   2. 1,000,000 short records (~200 bytes of text: memory is per record, not per byte): peak RSS
#      from /usr/bin/time -v, against the bytes per record dedup reports it holds.
# Usage: bench/dedup.sh [BUILD_DIR]   (default build; scratch files in $TMPDIR)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/qingxi"
[ -x "$bin" ] || { echo "bench/dedup.sh: no binary at $bin" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3

$py bench/make-dedup-corpus.py 20000 2000 > "$tmp/20k.jsonl"
for threads in 1 2; do
  for run in 1 2 3; do
    start=$(date +%s.%N)
    "$bin" dedup --threads "$threads" "$tmp/20k.jsonl" -o "$tmp/out.jsonl" 2> "$tmp/log"
    end=$(date +%s.%N)
    mb=$(grep -o '[0-9.]* MB of text' "$tmp/log" | cut -d' ' -f1)
    echo "20k x 2 KB, --threads $threads, run $run: $mb MB of text in $(echo "$end - $start" | bc) s wall:" \
         "$(echo "scale=1; $mb / ($end - $start)" | bc) MB/s"
  done
done
grep 'records,' "$tmp/log"

$py bench/make-dedup-corpus.py 1000000 200 > "$tmp/1m.jsonl"
/usr/bin/time -v "$bin" dedup --threads 2 "$tmp/1m.jsonl" -o "$tmp/out.jsonl" 2> "$tmp/log1m"
grep -E 'records,|bytes per record|Maximum resident' "$tmp/log1m"
