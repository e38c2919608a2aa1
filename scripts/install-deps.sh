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
  libopencc-dev opencc    # phrase dictionaries for traditional -> simplified
  libuchardet-dev         # statistical charset detection when nothing is declared
  libre2-dev              # rule patterns, compiled once into sets
  nlohmann-json3-dev      # JSON records
  libcli11-dev            # command-line parsing
  liburiparser-dev libpsl-dev publicsuffix libidn2-dev  # URLs: RFC 3986, public suffix list, IDNA
  libssl-dev              # SHA-1 for WARC digests (libcrypto)
  nginx-light             # loopback test site for the fetch tests
  libcurl4-openssl-dev    # fetcher (libcurl multi)
  libsqlite3-dev          # crawl state
  libpq-dev               # shared crawl frontier on PostgreSQL
  postgresql-15           # loopback PostgreSQL for the shared-crawl tests (the tests start their own)
  libzstd-dev zlib1g-dev  # compressed WARC / output
  libdeflate-dev          # fast gzip members when writing .warc.gz
  libbrotli-dev           # brotli-coded bodies in WARC records
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  clang libfuzzer-14-dev libclang-rt-14-dev  # sanitizer lane and fuzz targets (scripts/sanitize.sh)
  nodejs npm              # the WARC interop test reads our archives with warcio.js (npm, at test time)
)
if [ "${QINGXI_SKIP_APT_UPDATE:-0}" != "1" ]; then
  $SUDO apt-get update -qq
fi
$SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null
echo "install-deps: ok"
