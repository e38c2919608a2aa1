#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS (default 60) on its seed corpus, under ASan+UBSan.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (targets: charset warc url ... ; default all)
# Environment: QINGXI_FUZZ_BUILD (build directory, default build-fuzz), QINGXI_FUZZ_JOBS (how
# many targets run at once, default 1), QINGXI_FUZZ_SKIP_BUILD=1 (run the binaries as built).
# The build directory is configured with clang and -DQINGXI_FUZZ=ON when needed. Inputs that
# libFuzzer adds to the corpus go to BUILD/fuzz-work/<what>/corpus (the seeds in fuzz/corpus
# stay as they are). A crash, leak, timeout, out-of-memory or broken invariant is copied to
# tests/data/fuzz/<what>/ — where ctest replays it in every build (fuzz_replay_<what>) — and
# the script exits 1 after all targets ran. Exec counts are printed per target.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-60}"
shift || true
BUILD="${QINGXI_FUZZ_BUILD:-build-fuzz}"
JOBS="${QINGXI_FUZZ_JOBS:-1}"
ALL=(charset html_extract text_cleaner pipeline convert warc robots url links sitemap jsonl rule_file)
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then TARGETS=("${ALL[@]}"); fi

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ not found; install clang and libfuzzer-14-dev (scripts/install-deps.sh)" >&2
  exit 2
fi
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DQINGXI_FUZZ=ON -DQINGXI_BUILD_BENCH=OFF ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
fi
if [ "${QINGXI_FUZZ_SKIP_BUILD:-0}" != "1" ]; then
  cmake --build "$BUILD" -j"$(nproc 2>/dev/null || echo 2)" --target "${TARGETS[@]/#/fuzz_}"
fi

# Per-target bounds: the largest input tried, and the dictionary.
max_len() {
  case "$1" in
    url) echo 4096 ;;
    robots|rule_file|jsonl|sitemap|convert|text_cleaner) echo 65536 ;;
    *) echo 131072 ;;
  esac
}
dict_of() {
  case "$1" in
    html_extract|links|pipeline|charset) echo fuzz/dict/html.dict ;;
    warc) echo fuzz/dict/warc.dict ;;
    robots) echo fuzz/dict/robots.dict ;;
    url) echo fuzz/dict/url.dict ;;
    sitemap) echo fuzz/dict/sitemap.dict ;;
    jsonl) echo fuzz/dict/json.dict ;;
    rule_file) echo fuzz/dict/rules.dict ;;
    *) echo "" ;;
  esac
}

# Seed directories besides fuzz/corpus/<target> (the same as fuzz/CMakeLists.txt's).
extra_seeds() {
  case "$1" in
    charset|pipeline|html_extract|text_cleaner) echo samples/pages ;;
    links) echo fuzz/corpus/html_extract samples/pages ;;
    convert) echo fuzz/corpus/text_cleaner samples/pages ;;
    rule_file) echo rules ;;
    *) echo "" ;;
  esac
}

run_one() {
  local t="$1" work="$BUILD/fuzz-work/$1" dict
  mkdir -p "$work/corpus" "$work/artifacts"
  rm -f "$work/artifacts/"*  # findings of earlier runs were copied to tests/data/fuzz already
  dict="$(dict_of "$t")"
  local args=(-max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024
              -max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$work/artifacts/")
  if [ -n "$dict" ]; then args+=(-dict="$dict"); fi
  # Leak checking stays on (ASan's default); UBSan findings abort (-fno-sanitize-recover).
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
    timeout $((SECS + 120)) "$BUILD/fuzz/fuzz_$t" "${args[@]}" "$work/corpus" "fuzz/corpus/$t" $(extra_seeds "$t") \
    >"$work/log" 2>&1
  local rc=$?
  local execs
  execs="$(grep -a -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$' || echo '?')"
  if [ $rc -ne 0 ] || ls "$work/artifacts/"* >/dev/null 2>&1; then
    mkdir -p "tests/data/fuzz/$t"
    cp "$work/artifacts/"* "tests/data/fuzz/$t/" 2>/dev/null || true
    echo "fuzz_$t: FAILED after $execs executions (exit $rc); see $work/log, inputs copied to tests/data/fuzz/$t/"
    grep -m3 -E 'ERROR|invariant|SUMMARY' "$work/log" | sed 's/^/    /'
    return 1
  fi
  echo "fuzz_$t: ok, $execs executions in ${SECS}s"
}

failed=0
pids=()
for t in "${TARGETS[@]}"; do
  set +e
  if [ "$JOBS" -gt 1 ]; then
    run_one "$t" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$JOBS" ]; then
      wait "${pids[0]}" || failed=1
      pids=("${pids[@]:1}")
    fi
  else
    run_one "$t" || failed=1
  fi
  set -e
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
exit $failed
