#!/usr/bin/env bash
# Builds qingxi and runs the whole test suite (unit, golden, hostile-input, loopback network tests).
# The tests are turned on here whatever an earlier scripts/build.sh left in the same build tree's
# cache, and a run that finds no test fails.
# Usage: scripts/test.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
JOBS="$(nproc 2>/dev/null || echo 2)"
bash scripts/configure.sh "$BUILD" -DQINGXI_BUILD_TESTS=ON
cmake --build "$BUILD" -j"$JOBS"
ctest --test-dir "$BUILD" --no-tests=error --output-on-failure -j"$JOBS" --timeout 900
