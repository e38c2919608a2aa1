"""Throughput of the Python module against the `qingxi clean` command on the same pages.

    python bench/python_bench.py QINGXI_BINARY [PAGES_DIR] [--repeat N]

Both sides read every page from its file, clean it and produce the record (the command writes
JSONL to /dev/null; Python builds the dict); both include loading the rules. Reports pages/s for
`qingxi clean --threads 1`, Cleaner.clean_many(threads=1) and (threads=2), and, as the reference
for what two threads can give on this machine now, `qingxi clean --threads 2`; best of 3 runs, and
the two ratios the module is held to: threads=1 >= 0.9 x the command, threads=2 >= 1.6 x
threads=1 (on 2 cores). Runs are interleaved (command, threads=1, threads=2, command, ...) so
that load from other jobs falls on all three alike; the one-thread comparison is also given in
CPU time (user + system of the process), which other jobs on the machine disturb much less
than wall time. Exit status 1 when a ratio is missed (in wall time).
"""
import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import qingxi


def cpu_seconds():
    """CPU time of this process and of its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure(fn):
    wall, cpu = time.perf_counter(), cpu_seconds()
    fn()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("qingxi")
    ap.add_argument("pages", nargs="?")
    ap.add_argument("--repeat", type=int, default=3, help="pages repeated N times per run")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    src = Path(__file__).resolve().parents[1]
    pages = Path(args.pages or os.environ.get("QINGXI_BENCH_PAGES") or
                 src.parent / "shared" / "eval" / "daniel-zh" / "html")
    if not pages.is_dir():
        pages = src / "samples" / "pages"
    files = sorted(p for p in pages.iterdir() if p.is_file()) * args.repeat
    n = len(files)
    mb = sum(p.stat().st_size for p in files) / 1e6
    load0 = f"{os.getloadavg()[0]:.1f}"
    print(f"pages: {pages} ({n // args.repeat} files x {args.repeat} = {n} documents, {mb:.1f} MB)")

    def cli(threads):
        def run():
            subprocess.run([args.qingxi, "clean", "-q", "--threads", str(threads), "--rules",
                            qingxi.default_rules_dir(), *map(str, files)],
                           stdout=subprocess.DEVNULL, check=False)
        return run

    def python(threads):
        def run():
            cleaner = qingxi.Cleaner()
            docs = ((p.stem, p.read_bytes()) for p in files)
            for _ in cleaner.clean_many(docs, threads=threads):
                pass
        return run

    runs = {"cli": [], "py1": [], "py2": [], "cli2": []}
    for _ in range(args.runs):
        runs["cli"].append(measure(cli(1)))
        runs["py1"].append(measure(python(1)))
        runs["py2"].append(measure(python(2)))
        runs["cli2"].append(measure(cli(2)))
    wall = {k: min(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: min(c for _, c in v) for k, v in runs.items()}
    print(f"load average before/after: {load0} / {os.getloadavg()[0]:.1f}")
    print(f"{'':30s} {'pages/s wall':>13s} {'pages/s CPU':>12s}")
    for key, label in (("cli", "qingxi clean --threads 1"), ("py1", "clean_many(threads=1)"),
                       ("py2", "clean_many(threads=2)"), ("cli2", "qingxi clean --threads 2")):
        print(f"{label:30s} {n / wall[key]:13.1f} {n / cpu[key]:12.1f}")
    one = wall["cli"] / wall["py1"]
    two = wall["py1"] / wall["py2"]
    print(f"threads=1 / command: {one:.2f} wall, {cpu['cli'] / cpu['py1']:.2f} CPU (target >= 0.90)")
    print(f"threads=2 / threads=1: {two:.2f} wall (target >= 1.60 on 2 cores; {os.cpu_count()} here;"
          f" the command's own --threads 2 / --threads 1: {wall['cli'] / wall['cli2']:.2f})")
    ok = one >= 0.9 and two >= 1.6
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
