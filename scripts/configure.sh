#!/usr/bin/env bash
# Configures a Release build of qingxi in BUILD_DIR; further arguments go to cmake (-D options).
# Compiles through ccache when it is installed (nothing changes on a machine without it).
# Usage: scripts/configure.sh BUILD_DIR [-DOPTION=VALUE...]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="$1"
shift
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release "${LAUNCHER[@]}" "$@"
