#!/usr/bin/env bash
# Builds qingxi (Release) into BUILD_DIR (default: build). The binary is BUILD_DIR/qingxi.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DQINGXI_BUILD_TESTS=OFF -DQINGXI_BUILD_BENCH=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc 2>/dev/null || echo 2)" --target qingxi
