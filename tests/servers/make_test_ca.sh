#!/bin/sh
# Makes a throw-away certificate authority and a server certificate it signed, for the loopback
# HTTPS tests:  make_test_ca.sh DIR
#   DIR/ca.crt       the CA certificate (what a client passes as --cacert)
#   DIR/server.crt   the server's certificate for 127.0.0.1 and localhost, signed by the CA
#   DIR/server.key   its key
# Exit status 77 when openssl is not installed.
set -eu
dir=${1:?usage: make_test_ca.sh DIR}
command -v openssl >/dev/null 2>&1 || { echo "openssl is not installed" >&2; exit 77; }
mkdir -p "$dir"
cd "$dir"
curve="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1"
# shellcheck disable=SC2086
openssl req -x509 $curve -nodes -keyout ca.key -out ca.crt -days 2 -subj "/CN=qingxi test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
# shellcheck disable=SC2086
openssl req $curve -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
    -extfile server.ext -out server.crt 2>/dev/null
rm -f server.csr server.ext
