"""Shared set-up for the Python module's tests: where the sources, the `qingxi` command and the
dev sets are, and how to run the command to get the records it writes.

The environment (set by tests/python_test.sh under ctest): QINGXI_SOURCE_DIR, QINGXI_BINARY,
QINGXI_SHARED_DIR. Python records are compared with what the command writes at test time, never
with a hard-coded list of fields.
"""
import json
import os
import subprocess
from pathlib import Path

import pytest

SRC = Path(os.environ.get("QINGXI_SOURCE_DIR") or Path(__file__).resolve().parents[2])
QINGXI = Path(os.environ.get("QINGXI_BINARY") or SRC / "build" / "qingxi")
SHARED = Path(os.environ.get("QINGXI_SHARED_DIR") or SRC.parent / "shared")
RULES = SRC / "rules"
PAGES = SRC / "samples" / "pages"


def run_cli(*args, input=None, check_codes=(0, 3)):
    """Runs `qingxi ARGS...`; returns the CompletedProcess (stdout/stderr as bytes)."""
    proc = subprocess.run([str(QINGXI), *map(str, args)], input=input, capture_output=True,
                          timeout=600)
    if check_codes is not None:
        assert proc.returncode in check_codes, proc.stderr.decode(errors="replace")
    return proc


def cli_records(inputs, *args):
    """The records `qingxi clean` writes for INPUTS, in order, as dicts (key order kept)."""
    proc = run_cli("clean", "-q", "--threads", "2", "--rules", RULES, *args, *inputs)
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


@pytest.fixture(scope="session")
def cleaner():
    import qingxi
    return qingxi.Cleaner()


@pytest.fixture(scope="session", autouse=True)
def _command_built():
    if not QINGXI.exists():
        pytest.fail(f"{QINGXI} not found: build the qingxi target first (or set QINGXI_BINARY)")


def sample_pages():
    return sorted(p for p in PAGES.iterdir() if p.is_file())
