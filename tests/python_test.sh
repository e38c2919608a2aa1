#!/usr/bin/env bash
# The Python module's tests, as ctest runs them: installs ./python into a virtual environment in
# the build tree exactly as the README says (Debian's Python, --no-build-isolation --no-index),
# then runs pytest on python/tests against that installation and the `qingxi` command.
# Usage: tests/python_test.sh SOURCE_DIR BUILD_DIR QINGXI_BINARY
# Exit 77 (a skip for ctest) when Debian's pybind11, setuptools, pytest or venv are missing.
# QINGXI_TEST_PYTHON names another Python to build with (default /usr/bin/python3).
set -euo pipefail
SRC="$1" BUILD="$2" QINGXI="$3"
PY="${QINGXI_TEST_PYTHON:-/usr/bin/python3}"  # Debian's Python: it sees python3-pybind11
if ! "$PY" -c 'import pybind11, setuptools, pytest, venv, ensurepip' 2>/dev/null; then
  echo "SKIP: $PY cannot import pybind11, setuptools, pytest and venv:" \
       "install python3-pybind11 pybind11-dev python3-setuptools python3-pytest python3-venv" \
       "(scripts/install-deps.sh does)"
  exit 77
fi
VENV="$BUILD/python-venv"
[ -x "$VENV/bin/python" ] || "$PY" -m venv --system-site-packages "$VENV"
export PIP_DISABLE_PIP_VERSION_CHECK=1
# The engine's CMake tree for the extension lives in the build tree, so reruns are incremental.
QINGXI_PYTHON_BUILD_DIR="$BUILD/python-engine" \
  "$VENV/bin/python" -m pip install --quiet --no-build-isolation --no-index --force-reinstall \
  --no-deps "$SRC/python"
cd "$BUILD"  # not the source tree: `import qingxi` must find the installed package
export QINGXI_SOURCE_DIR="$SRC" QINGXI_BINARY="$QINGXI" QINGXI_SHARED_DIR="$SRC/../shared"
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$SRC/python/tests"
