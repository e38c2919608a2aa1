"""A data-juicer-style mapper that cleans raw HTML samples with qingxi.

With data-juicer installed, QingxiCleanMapper is registered as the operator
``qingxi_clean_mapper`` and can be named in a data-juicer recipe::

    process:
      - qingxi_clean_mapper:
          convert: true

Without data-juicer, it is a plain class with the same shape (``process_single(sample)`` on a
dict whose ``text`` holds the page, and ``process_batched(samples)`` on a dict of lists).
"""
from __future__ import annotations

from typing import Any, Dict, List

import qingxi

try:  # the framework only when it is installed
    from data_juicer.ops.base_op import OPERATORS, Mapper as _Base
    _register = OPERATORS.register_module("qingxi_clean_mapper")
except ImportError:  # pragma: no cover - depends on the environment
    class _Base:  # the part of data-juicer's Mapper this operator relies on
        def __init__(self, text_key: str = "text", *args: Any, **kwargs: Any) -> None:
            self.text_key = text_key

    def _register(cls):
        return cls


@_register
class QingxiCleanMapper(_Base):
    """Replaces ``sample[text_key]`` (raw HTML as str or bytes) with qingxi's cleaned,
    simplified text, and puts the record's title, date, flags, script and encoding under
    ``sample["__qingxi__"]`` (its ``error`` for a page that could not be cleaned: the text is
    then empty, for a later filter to drop)."""

    _batched_op = True

    def __init__(self, convert: bool = True, rules_dir: str | None = None, threads: int = 1,
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.text_key = getattr(self, "text_key", "text")
        self.cleaner = qingxi.Cleaner(rules_dir, convert)
        self.threads = threads

    @staticmethod
    def _apply(sample: Dict[str, Any], record: Dict[str, Any], text_key: str) -> Dict[str, Any]:
        sample[text_key] = record.get("text", "")
        sample["__qingxi__"] = {k: v for k, v in record.items() if k not in ("id", "source", "text")}
        return sample

    def process_single(self, sample: Dict[str, Any]) -> Dict[str, Any]:
        record = self.cleaner.clean(sample[self.text_key], kind="html")
        return self._apply(sample, record, self.text_key)

    def process_batched(self, samples: Dict[str, List[Any]]) -> Dict[str, List[Any]]:
        pages = samples[self.text_key]
        records = list(self.cleaner.clean_many(({"html": p} for p in pages), threads=self.threads))
        samples[self.text_key] = [r.get("text", "") for r in records]
        samples["__qingxi__"] = [{k: v for k, v in r.items() if k not in ("id", "source", "text")}
                                 for r in records]
        return samples
