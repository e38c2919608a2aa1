#!/usr/bin/env bash
# Installs the Debian 12 packages qingxi needs to build, test and benchmark.
# Usage: sudo scripts/install-deps.sh        (idempotent; safe to re-run)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PKGS=(
  build-essential cmake pkg-config python3 time
  zstd curl               # the zstd tool (tests read .zst parts) and curl (fetch benchmark baseline)
  libgumbo-dev            # HTML5 parser
  libicu-dev              # charset converters (GB18030, Big5-HKSCS), Unicode properties
  libopencc-dev           # OpenCC's library reads the dictionaries in rules/opencc/
  unicode-data            # Unihan, for scripts/gen-script-chars.py and its test
  libuchardet-dev         # statistical charset detection when nothing is declared
  libre2-dev              # rule patterns, compiled once into sets
  nlohmann-json3-dev      # JSON records
  libcli11-dev            # command-line parsing
  liburiparser-dev libpsl-dev publicsuffix libidn2-dev  # URLs: RFC 3986, public suffix list, IDNA
  libssl-dev              # SHA-1 for WARC digests (libcrypto)
  nginx-light             # loopback test site for the fetch tests
  wget                    # Debian's wget writes the WARC that the "only pages" test cleans
  chromium fonts-wqy-microhei  # headless browser (and a CJK font) that renders the stats report
  libcurl4-openssl-dev    # fetcher (libcurl multi)
  libsqlite3-dev          # crawl state
  libpq-dev               # shared crawl frontier on PostgreSQL
  postgresql-15           # loopback PostgreSQL for the shared-crawl tests (the tests start their own)
  libzstd-dev zlib1g-dev  # compressed WARC / output
  libdeflate-dev          # fast gzip members when writing .warc.gz
  libbrotli-dev           # brotli-coded bodies in WARC records
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  python3-dev python3-pybind11 pybind11-dev    # the Python module (python/), built with pybind11
  python3-setuptools python3-wheel python3-pip python3-venv  # pip install --no-build-isolation --no-index ./python
  python3-pytest                               # its tests (tests/python_test.sh)
  clang libfuzzer-14-dev libclang-rt-14-dev  # sanitizer lane and fuzz targets (scripts/sanitize.sh)
)
# The WARC interop test reads our archives with warcio.js (npm, at test time). A machine that
# already has Node.js and npm (e.g. from NodeSource, whose nodejs conflicts with Debian's npm)
# keeps them; otherwise Debian's.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PKGS+=(nodejs npm)
fi
if [ "${QINGXI_SKIP_APT_UPDATE:-0}" != "1" ]; then
  $SUDO apt-get update -qq
fi
$SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null
echo "install-deps: ok"
