"""A datatrove-style pipeline step that cleans raw HTML documents with qingxi.

With datatrove installed, QingxiClean is a datatrove PipelineStep: put it after a reader
whose documents hold raw page bytes or HTML in ``text``::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    LocalPipelineExecutor(pipeline=[WarcReader("crawl/"), QingxiClean(), JsonlWriter("out/")]).run()

Without datatrove, it is a plain class with the same shape (``run(data, rank, world_size)``
over objects with ``text``, ``id`` and ``metadata``), so it can be used and tested alone.
"""
from __future__ import annotations

from collections import deque
from typing import Any, Iterable, Iterator

import qingxi

try:  # the framework only when it is installed
    from datatrove.pipeline.base import PipelineStep as _Base
except ImportError:  # pragma: no cover - depends on the environment
    class _Base:  # the part of datatrove's PipelineStep this step relies on
        name = ""
        type = ""

        def __init__(self) -> None:
            self.stats: dict = {}

        def stat_update(self, key: str, value: int = 1) -> None:
            self.stats[key] = self.stats.get(key, 0) + value


class QingxiClean(_Base):
    """Replaces each document's text with qingxi's cleaned, simplified text; the record's other
    fields (title, date, flags, script, encoding) go into ``metadata["qingxi"]``. Documents that
    become error records or come out empty are dropped (counted in the step's stats)."""

    name = "qingxi clean"
    type = "🧹 - CLEAN"

    def __init__(self, rules_dir: str | None = None, convert: bool = True, threads: int = 1):
        super().__init__()
        self.cleaner = qingxi.Cleaner(rules_dir, convert)
        self.threads = threads

    def run(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        held: deque = deque()  # documents in flight; clean_many keeps the input order

        def items():
            for doc in data:
                held.append(doc)
                meta = getattr(doc, "metadata", None) or {}
                yield {"id": str(getattr(doc, "id", "")), "html": doc.text,
                       "url": meta.get("url"), "content_type": meta.get("content_type")}

        for record in self.cleaner.clean_many(items(), threads=self.threads):
            doc = held.popleft()
            if "error" in record or not record.get("text"):
                self.stat_update("dropped")
                continue
            doc.text = record["text"]
            doc.metadata = dict(getattr(doc, "metadata", None) or {})
            doc.metadata["qingxi"] = {k: v for k, v in record.items()
                                      if k not in ("id", "source", "text")}
            self.stat_update("kept")
            yield doc
