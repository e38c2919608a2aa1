#!/usr/bin/env bash
# Throughput of `qingxi batch clean` with 1, 2 and 4 local shards and through a Slurm job array
# on the single-machine test cluster (two one-CPU nodes), and the fixed cost of one shard.
#
# Usage: bench/shards.sh [BUILD_DIR]       (default: build; the qingxi binary must be built)
# Pages: $QINGXI_BENCH_PAGES, else ../shared/eval/daniel-zh/html, else samples/, repeated
# $QINGXI_BENCH_REPEAT times (default 10) so that each shard has real work.
# The Slurm rows need root and scripts/install-slurm.sh; they are skipped otherwise.
#
# Every shard runs `qingxi clean --threads 1`, so a row's parallelism is its process count.
# Overhead per shard: the wall time of shards with nothing to do (an empty manifest): process
# start, rule loading and the done marker; on Slurm also scheduling and launching each array
# task (per node: wall time x nodes / shards).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BUILD="${1:-build}"
Q="$ROOT/$BUILD/qingxi"
[ -x "$Q" ] || { echo "bench/shards.sh: $Q not built" >&2; exit 1; }
PAGES="${QINGXI_BENCH_PAGES:-../shared/eval/daniel-zh/html}"
[ -d "$PAGES" ] || PAGES=samples
PAGES="$(cd "$PAGES" && pwd)"
REPEAT="${QINGXI_BENCH_REPEAT:-10}"
tmp=$(mktemp -d)
cluster=""
cleanup() {
  [ -n "$cluster" ] && bash "$ROOT/scripts/slurm-test-cluster.sh" stop "$cluster" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

for i in $(seq 1 "$REPEAT"); do ls -d "$PAGES"/* ; done > "$tmp/manifest.txt"
DOCS=$(wc -l < "$tmp/manifest.txt")
echo "== $DOCS documents ($(ls "$PAGES" | wc -l) pages of $PAGES x $REPEAT), $(nproc) cores"

now() { date +%s.%N; }
# row LABEL WALL CPU: CPU is user+sys seconds of the batch and its shard processes ("-" for
# Slurm, whose tasks are not our children); docs per CPU-second hardly depends on machine load.
row() {
  awk -v l="$1" -v s="$2" -v c="$3" -v d="$DOCS" 'BEGIN {
    if (c == "-") printf "| %-30s | %7.2f | %6.0f | %7s | %8s |\n", l, s, d / s, "-", "-";
    else printf "| %-30s | %7.2f | %6.0f | %7.2f | %8.0f |\n", l, s, d / s, c, d / c }'
}

RUNS="${QINGXI_BENCH_RUNS:-2}"
# timed CMD...: prints "WALL CPU" of one run (CPU = user+sys of CMD and its children).
timed() {
  local t0 t1 before after me=$BASHPID
  before=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$me/stat)
  t0=$(now)
  "$@" >/dev/null 2>&1 || { echo "bench/shards.sh: failed: $*" >&2; exit 1; }
  t1=$(now)
  after=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$me/stat)
  awk -v a="$t0" -v b="$t1" -v x="$before" -v y="$after" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.3f %.3f", b - a, (y - x) / hz }'
}
# batch ENGINE SHARDS JOBS [more...]: "WALL CPU" of the best of $RUNS batch runs into a fresh
# directory (the machine may be shared).
batch() {
  local engine=$1 shards=$2 jobs=$3; shift 3
  local best="" r
  for _ in $(seq 1 "$RUNS"); do
    rm -rf "$tmp/out"
    r=$(timed "$Q" batch clean -q --engine "$engine" --manifest "$tmp/manifest.txt" --shards "$shards" \
        --jobs "$jobs" --out "$tmp/out" "$@" -- --threads 1)
    if [ -z "$best" ] || awk -v a="${r% *}" -v b="${best% *}" 'BEGIN { exit !(a < b) }'; then best="$r"; fi
  done
  echo "$best"
}
# empty_shards ENGINE N JOBS [more...]: wall seconds of N shards with nothing to do: the fixed
# cost of a shard (process start, rule loading, done marker; on Slurm also scheduling and launch).
empty_shards() {
  local engine=$1 n=$2 jobs=$3; shift 3
  : > "$tmp/empty.txt"
  rm -rf "$tmp/empty"
  local r
  r=$(timed "$Q" batch clean -q --engine "$engine" --manifest "$tmp/empty.txt" --shards "$n" --jobs "$jobs" \
      --out "$tmp/empty" "$@" -- --threads 1)
  echo "${r% *}"
}

echo "| run | wall s | docs/s | CPU s | docs/CPU-s |"
echo "|---|---:|---:|---:|---:|"
r=$(timed "$Q" clean -q --threads 1 --manifest "$tmp/manifest.txt" -o "$tmp/plain.jsonl")
row "plain clean, 1 thread" ${r% *} ${r#* }
r=$(batch local 1 1); row "local, 1 shard, 1 process" ${r% *} ${r#* }
r=$(batch local 2 2); row "local, 2 shards, 2 processes" ${r% *} ${r#* }
r=$(batch local 4 4); row "local, 4 shards, 4 processes" ${r% *} ${r#* }
r=$(batch local 8 2); l8=${r% *}; row "local, 8 shards, 2 processes" ${r% *} ${r#* }

slurm=0
if [ "$(id -u)" -eq 0 ] && command -v slurmctld >/dev/null && command -v sbatch >/dev/null; then
  slurm=1
  cluster="$tmp/cluster"
  bash "$ROOT/scripts/slurm-test-cluster.sh" start "$cluster" >/dev/null
  export SLURM_CONF="$cluster/slurm.conf"
  r=$(batch slurm 2 2 --wait --poll 0.2); row "slurm, 2 shards, 2 nodes" ${r% *} -
  r=$(batch slurm 8 2 --wait --poll 0.2); row "slurm, 8 shards, 2 nodes" ${r% *} -
fi
echo
e=$(empty_shards local 32 1)
awk -v s="$e" 'BEGIN { printf "local overhead per shard: %.0f ms (32 empty shards, one process at a time: %.2f s)\n", s / 32 * 1000, s }'
if [ "$slurm" = 1 ]; then
  e=$(empty_shards slurm 16 2 --wait --poll 0.2)
  awk -v s="$e" 'BEGIN { printf "slurm overhead per shard: %.0f ms of a node (16 empty shards on 2 nodes: %.2f s)\n", s * 2 / 16 * 1000, s }'
else
  echo "(slurm rows skipped: need root and scripts/install-slurm.sh)"
fi
