"""Throughput of the Python module against the `qingxi clean` command on the same pages.

    python bench/python_bench.py QINGXI_BINARY [PAGES_DIR] [--repeat N]

Both sides read every page from its file, clean it and produce the record (the command writes
JSONL to /dev/null; Python builds the dict); both include loading the rules. Reports pages/s for
`qingxi clean --threads 1`, Cleaner.clean_many(threads=1) and (threads=2), best of 3 runs, and
the two ratios the module is held to: threads=1 >= 0.9 x the command, threads=2 >= 1.6 x
threads=1 (on 2 cores). Exit status 1 when a ratio is missed.
"""
import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import qingxi


def best_of(runs, fn):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


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
    print(f"pages: {pages} ({n // args.repeat} files x {args.repeat} = {n} documents, {mb:.1f} MB)")

    def cli():
        subprocess.run([args.qingxi, "clean", "-q", "--threads", "1", "--rules",
                        qingxi.default_rules_dir(), *map(str, files)],
                       stdout=subprocess.DEVNULL, check=False)

    def python(threads):
        def run():
            cleaner = qingxi.Cleaner()
            docs = ((p.stem, p.read_bytes()) for p in files)
            for _ in cleaner.clean_many(docs, threads=threads):
                pass
        return run

    t_cli = best_of(args.runs, cli)
    t_py1 = best_of(args.runs, python(1))
    t_py2 = best_of(args.runs, python(2))
    rate = lambda t: n / t  # noqa: E731
    print(f"qingxi clean --threads 1      {rate(t_cli):8.1f} pages/s")
    print(f"clean_many(threads=1)         {rate(t_py1):8.1f} pages/s  "
          f"{t_cli / t_py1:.2f} x the command (target >= 0.90)")
    print(f"clean_many(threads=2)         {rate(t_py2):8.1f} pages/s  "
          f"{t_py1 / t_py2:.2f} x threads=1 (target >= 1.60 on 2 cores; {os.cpu_count()} here)")
    ok = t_cli / t_py1 >= 0.9 and t_py1 / t_py2 >= 1.6
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
