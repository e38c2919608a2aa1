#!/usr/bin/env bash
# Installs the optional Debian 12 packages for running qingxi batches on Slurm and for the
# single-machine test cluster (tests/slurm_test.cc, bench/shards.sh). Without them, `qingxi batch`
# runs its local process pool and the Slurm test skips.
# Usage: sudo scripts/install-slurm.sh        (idempotent; safe to re-run)
#
# The packages' own services are not needed: scripts/slurm-test-cluster.sh starts munged,
# slurmctld and two slurmd daemons with a private configuration, key and sockets.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PKGS=(
  slurmctld slurmd slurm-client  # Slurm 22.05: controller, node daemon, sbatch/squeue/scontrol
  munge                          # Slurm's authentication (auth/munge, cred/munge)
  util-linux procps python3      # flock (batch script), pgrep, free-port lookup
)
if [ "${QINGXI_SKIP_APT_UPDATE:-0}" != "1" ]; then
  $SUDO apt-get update -qq
fi
$SUDO apt-get install -y -qq --no-install-recommends "${PKGS[@]}" >/dev/null
echo "install-slurm: ok"
