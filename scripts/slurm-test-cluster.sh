#!/usr/bin/env bash
# Starts and stops a single-machine Slurm cluster on loopback: munged with its own key and
# socket, slurmctld, and two slurmd daemons (node1, node2, one CPU each) on distinct ports, with
# every file under DIR. Used by tests/slurm_test.cc and bench/shards.sh; must run as root (the
# daemons run as root so that jobs can write anywhere the caller can).
#
# Usage:
#   scripts/slurm-test-cluster.sh start DIR          write DIR/slurm.conf, start the daemons, wait
#                                                    until both nodes are idle (bounded)
#   scripts/slurm-test-cluster.sh stop DIR           stop every daemon started for DIR
#   scripts/slurm-test-cluster.sh kill-node DIR NODE SIGKILL the slurmd of NODE (a node failure);
#                                                    with --with-jobs also the job processes on it
#   scripts/slurm-test-cluster.sh start-node DIR NODE  start the slurmd of NODE again
#   scripts/slurm-test-cluster.sh env DIR            print the export line for SLURM_CONF
#
# Client commands (sbatch, squeue, scontrol, sinfo, qingxi batch) find the cluster through
# SLURM_CONF=DIR/slurm.conf.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
TEMPLATE="${QINGXI_SLURM_CONF_TEMPLATE:-$HERE/../slurm/test-cluster.conf.in}"
START_TIMEOUT="${QINGXI_SLURM_START_TIMEOUT:-40}"

die() { echo "slurm-test-cluster: $*" >&2; exit 1; }

need() {
  for b in "$@"; do
    command -v "$b" >/dev/null 2>&1 || die "$b not found (install: apt-get install slurmctld slurmd slurm-client munge)"
  done
}

# Three free TCP ports on loopback (the kernel picks them; they are free when this returns).
free_ports() {
  python3 - <<'PY'
import socket
socks = []
for _ in range(3):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
PY
}

show_logs() {
  local dir="$1" f
  for f in "$dir"/log/*.log; do
    [ -f "$f" ] || continue
    echo "---- last lines of $f" >&2
    tail -n 15 "$f" >&2
  done
}

pid_of() { [ -f "$1" ] && cat "$1" 2>/dev/null || true; }

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

start_slurmd() {
  local dir="$1" node="$2"
  mkdir -p "$dir/spool/$node"
  SLURM_CONF="$dir/slurm.conf" slurmd -f "$dir/slurm.conf" -N "$node" -L "$dir/log/slurmd-$node.log" \
    || { show_logs "$dir"; die "slurmd $node did not start"; }
}

cmd_start() {
  local dir="$1"
  [ "$(id -u)" -eq 0 ] || die "must run as root (the test cluster's daemons run as root)"
  need munged munge slurmctld slurmd sinfo python3
  [ -f "$TEMPLATE" ] || die "template $TEMPLATE not found"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ -f "$dir/run/slurmctld.pid" ] && alive "$(pid_of "$dir/run/slurmctld.pid")"; then
    die "a cluster is already running in $dir (stop it first)"
  fi
  rm -rf "$dir/state" "$dir/spool" "$dir/run" "$dir/log" "$dir/munge"
  mkdir -p "$dir/state" "$dir/spool/node1" "$dir/spool/node2" "$dir/run" "$dir/log" "$dir/munge"
  chmod 700 "$dir/munge"

  read -r ctld_port node1_port node2_port < <(free_ports)
  sed -e "s|@DIR@|$dir|g" -e "s|@CTLD_PORT@|$ctld_port|g" -e "s|@NODE1_PORT@|$node1_port|g" \
      -e "s|@NODE2_PORT@|$node2_port|g" "$TEMPLATE" > "$dir/slurm.conf"

  # munge: a private key and socket, so the cluster neither needs nor disturbs a system munged.
  head -c 1024 /dev/urandom > "$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
  munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" \
    || { show_logs "$dir"; die "munged did not start"; }
  local i
  for i in $(seq 1 50); do
    munge -n -S "$dir/munge/munge.socket" 2>/dev/null | unmunge -S "$dir/munge/munge.socket" >/dev/null 2>&1 && break
    [ "$i" -eq 50 ] && { show_logs "$dir"; cmd_stop "$dir"; die "munged does not answer on $dir/munge/munge.socket"; }
    sleep 0.1
  done

  SLURM_CONF="$dir/slurm.conf" slurmctld -f "$dir/slurm.conf" -L "$dir/log/slurmctld.log" \
    || { show_logs "$dir"; cmd_stop "$dir"; die "slurmctld did not start"; }
  start_slurmd "$dir" node1
  start_slurmd "$dir" node2

  # Bounded wait until the controller answers and both nodes are idle.
  local deadline=$((SECONDS + START_TIMEOUT)) states=""
  while [ $SECONDS -lt $deadline ]; do
    states="$(SLURM_CONF="$dir/slurm.conf" sinfo -h -N -o '%N %t' 2>/dev/null | sort -u | tr '\n' ' ' || true)"
    if [ "$states" = "node1 idle node2 idle " ]; then
      echo "slurm-test-cluster: up in $dir (controller port $ctld_port, nodes on $node1_port and $node2_port)"
      echo "export SLURM_CONF=$dir/slurm.conf"
      return 0
    fi
    sleep 0.5
  done
  echo "slurm-test-cluster: nodes not idle after ${START_TIMEOUT}s: ${states:-controller not answering}" >&2
  show_logs "$dir"
  cmd_stop "$dir"
  exit 1
}

# Stops a daemon by its pid file: TERM, a bounded wait, then KILL.
stop_pidfile() {
  local pidfile="$1" pid
  pid="$(pid_of "$pidfile")"
  alive "$pid" || { rm -f "$pidfile"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

# Job step daemons (slurmstepd) and the jobs under them outlive a killed slurmd; they belong to
# this cluster when their environment names its SLURM_CONF and a job id.
cluster_job_pids() {
  local dir="$1" node="${2:-}" p env
  for p in /proc/[0-9]*; do
    env="$( { tr '\0' '\n' < "$p/environ"; } 2>/dev/null)" || continue
    grep -qx "SLURM_CONF=$dir/slurm.conf" <<<"$env" || continue
    # Only job processes (the caller may have SLURM_CONF set too, and so does this script).
    grep -q "^SLURM_JOB_ID=" <<<"$env" || continue
    [ "${p#/proc/}" = "$$" ] && continue
    if [ -n "$node" ]; then grep -qx "SLURMD_NODENAME=$node" <<<"$env" || continue; fi
    echo "${p#/proc/}"
  done
}

stepd_pids() {
  local dir="$1" node="${2:-}" p
  for p in $(pgrep -f '^slurmstepd' 2>/dev/null || true); do
    # A step daemon inherits its slurmd's environment and log file (DIR/log/slurmd-NODE.log).
    { tr '\0' '\n' < "/proc/$p/environ"; } 2>/dev/null | grep -qx "SLURM_CONF=$dir/slurm.conf" || continue
    if [ -n "$node" ]; then
      ls -l "/proc/$p/fd" 2>/dev/null | grep -q -- "$dir/log/slurmd-$node.log" || continue
    fi
    echo "$p"
  done
}

cmd_stop() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  dir="$(cd "$dir" && pwd)"
  stop_pidfile "$dir/run/slurmd-node1.pid"
  stop_pidfile "$dir/run/slurmd-node2.pid"
  stop_pidfile "$dir/run/slurmctld.pid"
  local p
  for p in $(stepd_pids "$dir") $(cluster_job_pids "$dir"); do kill -KILL "$p" 2>/dev/null || true; done
  stop_pidfile "$dir/run/munged.pid"
  echo "slurm-test-cluster: stopped $dir"
}

cmd_kill_node() {
  local dir="$1" node="$2" with_jobs="${3:-}"
  dir="$(cd "$dir" && pwd)"
  local pid
  pid="$(pid_of "$dir/run/slurmd-$node.pid")"
  alive "$pid" || die "slurmd $node is not running"
  kill -KILL "$pid"
  rm -f "$dir/run/slurmd-$node.pid"
  if [ "$with_jobs" = "--with-jobs" ]; then
    local p
    for p in $(stepd_pids "$dir" "$node") $(cluster_job_pids "$dir" "$node"); do kill -KILL "$p" 2>/dev/null || true; done
  fi
  echo "slurm-test-cluster: killed slurmd $node (pid $pid)"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: $0 start DIR"; cmd_start "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; cmd_stop "$2" ;;
  kill-node) [ $# -ge 3 ] || die "usage: $0 kill-node DIR NODE [--with-jobs]"; cmd_kill_node "$2" "$3" "${4:-}" ;;
  start-node) [ $# -eq 3 ] || die "usage: $0 start-node DIR NODE"; d="$(cd "$2" && pwd)"; start_slurmd "$d" "$3" ;;
  env) [ $# -eq 2 ] || die "usage: $0 env DIR"; echo "export SLURM_CONF=$(cd "$2" && pwd)/slurm.conf" ;;
  *) die "usage: $0 start|stop|kill-node|start-node|env DIR [NODE]" ;;
esac
