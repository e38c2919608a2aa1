"""The examples in examples/ run and give the command's records."""
import json
import subprocess
import sys
import types
from pathlib import Path

from conftest import SRC, cli_records, sample_pages

sys.path.insert(0, str(SRC / "examples"))

import data_juicer_step  # noqa: E402
import datatrove_step  # noqa: E402


def test_multiprocessing_script_writes_the_command_records(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, str(SRC / "examples" / "multiprocessing_clean.py"),
                           str(SRC / "samples" / "pages"), str(out), "--processes", "2"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    want = cli_records(sample_pages())
    assert got == want


def test_datatrove_style_step(cleaner):
    pages = sample_pages()[:6] + [Path("/dev/null")]
    docs = [types.SimpleNamespace(id=p.stem, text=p.read_bytes(), metadata={"source": str(p)})
            for p in pages]
    step = datatrove_step.QingxiClean(threads=2)
    kept = list(step.run(iter(docs)))
    assert step.stats == {"kept": 6, "dropped": 1}  # the empty document is dropped
    for doc, page in zip(kept, pages):
        record = cleaner.clean(page.read_bytes(), id=page.stem, kind="html")
        assert doc.text == record["text"]
        assert doc.metadata["qingxi"]["title"] == record["title"]
        assert doc.metadata["source"] == str(page)


def test_data_juicer_style_mapper(cleaner):
    pages = [p for p in sample_pages() if p.suffix == ".html"][:5]
    mapper = data_juicer_step.QingxiCleanMapper(threads=2)
    one = mapper.process_single({"text": pages[0].read_bytes(), "meta": 1})
    want = cleaner.clean(pages[0].read_bytes(), kind="html")
    assert one["text"] == want["text"] and one["meta"] == 1
    assert one["__qingxi__"]["title"] == want["title"]
    batch = mapper.process_batched({"text": [p.read_bytes() for p in pages]})
    assert batch["text"] == [cleaner.clean(p.read_bytes(), kind="html")["text"] for p in pages]
