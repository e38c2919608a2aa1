#!/usr/bin/env bash
# Builds qingxi (Release) into BUILD_DIR (default: build). The binary is BUILD_DIR/qingxi.
# Tests and benchmarks are not built here; scripts/test.sh turns the tests on in the same tree.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
bash scripts/configure.sh "$BUILD" -DQINGXI_BUILD_TESTS=OFF -DQINGXI_BUILD_BENCH=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc 2>/dev/null || echo 2)" --target qingxi
