#!/usr/bin/env bash
# Runs the README's build and test commands in the order a new user does (scripts/build.sh, then
# scripts/test.sh in the same build tree) and fails unless the whole suite ran: every test passed
# and ctest counted at least QINGXI_MIN_TESTS tests (default 300).
# Usage: scripts/check-readme-commands.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
MIN="${QINGXI_MIN_TESTS:-300}"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
bash scripts/build.sh "$BUILD"
bash scripts/test.sh "$BUILD" 2>&1 | tee "$LOG"
# ctest ends with "100% tests passed, 0 tests failed out of N".
TOTAL="$(sed -n 's/.*tests failed out of \([0-9][0-9]*\).*/\1/p' "$LOG" | tail -n 1)"
if [ -z "$TOTAL" ]; then
  echo "check-readme-commands: ctest printed no test count" >&2
  exit 1
fi
if [ "$TOTAL" -lt "$MIN" ]; then
  echo "check-readme-commands: ctest ran $TOTAL tests, fewer than $MIN: the test suite is not all built" >&2
  exit 1
fi
echo "check-readme-commands: scripts/build.sh then scripts/test.sh ran $TOTAL tests"
