"""Cleans a directory of saved pages into JSONL with a pool of processes, one Cleaner each.

    python examples/multiprocessing_clean.py PAGES_DIR OUT.jsonl [--processes N]

Each process loads the rules once (in the pool's initializer) and cleans whole files; records
are written in the order of the sorted file list, as `qingxi clean PAGES_DIR` would. Within one
process, Cleaner.clean_many(threads=N) does the same with threads and less memory; processes
suit pipelines that already shard work by process (multiprocessing, Ray, Spark executors).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys

import qingxi

_cleaner = None


def _init() -> None:
    global _cleaner
    _cleaner = qingxi.Cleaner()


def _clean(path: str) -> tuple:
    with open(path, "rb") as f:
        data = f.read()
    stem = os.path.splitext(os.path.basename(path))[0]
    record = _cleaner.clean(data, id=stem, source=path)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")), "error" in record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages")
    parser.add_argument("output")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.pages) for f in fs
                   if f.endswith((".html", ".htm", ".txt")))
    errors = 0
    with multiprocessing.Pool(args.processes, initializer=_init) as pool, \
            open(args.output, "w", encoding="utf-8") as out:
        for line, is_error in pool.imap(_clean, paths, chunksize=8):
            out.write(line + "\n")
            errors += is_error
    print(f"{len(paths)} documents, {errors} error records -> {args.output}", file=sys.stderr)
    return 3 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
