"""qingxi: clean noisy Chinese web pages into simplified-Chinese records.

The same C++ engine as the ``qingxi`` command, one import away::

    import qingxi
    cleaner = qingxi.Cleaner()
    record = cleaner.clean(open("page.html", "rb").read(), id="page")
    print(record["title"], record["text"])

A record (a dict) has exactly the keys and values of the JSONL line ``qingxi clean`` writes for
the same input. A page that cannot be cleaned gives an error record (its ``error`` key says why),
never an exception. The rules ship inside this package; ``rules_dir`` (or ``$QINGXI_RULES``)
names another rules directory.
"""
from __future__ import annotations

import functools
import os
import shutil
import tempfile
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

try:
    from . import _qingxi
except ImportError as e:  # e.g. the source folder python/qingxi imported instead of the install
    raise ImportError(
        f"qingxi: the compiled engine qingxi._qingxi is missing next to {__file__} ({e}); "
        "install the package (python -m pip install --no-build-isolation --no-index ./python) "
        "and import it from outside the python/ folder") from e

__all__ = ["Cleaner", "convert", "read_warc", "default_rules_dir", "__version__"]
__version__: str = _qingxi.__version__

Data = Union[bytes, bytearray, memoryview, str]


def default_rules_dir() -> str:
    """The rules directory used when none is given: ``$QINGXI_RULES`` if set, else the rules
    installed with this package (the command looks up ``$QINGXI_RULES`` first, too)."""
    env = os.environ.get("QINGXI_RULES")
    if env:
        return env
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "rules")


class Cleaner:
    """The cleaning engine (charset decoding, main content, line cleaners, traditional ->
    simplified), loaded once and shared by all threads.

    Args:
        rules_dir: rules directory (default: :func:`default_rules_dir`).
        convert: convert traditional characters to simplified (``False``: keep the input's
            script, as ``qingxi clean --no-convert``).
        max_bytes: bytes of one document kept; longer inputs are cut and flagged
            ``truncated`` (as ``--max-bytes``, default 64 MiB).
        extra_rules: directories of rule files layered over ``rules_dir``, in order (as
            ``--extra-rules DIR``, repeatable; see docs/rules.md).

    Raises:
        FileNotFoundError, OSError, ValueError: the rules directory or a rule file is missing or
            bad; the message is the line ``qingxi clean`` prints after ``qingxi clean:``.
    """

    def __init__(self, rules_dir: Optional[Union[str, os.PathLike]] = None, convert: bool = True,
                 *, max_bytes: int = 64 << 20,
                 extra_rules: Iterable[Union[str, os.PathLike]] = ()) -> None:
        rules = os.fspath(rules_dir) if rules_dir is not None else default_rules_dir()
        if isinstance(extra_rules, (str, bytes, os.PathLike)):
            raise TypeError("extra_rules takes a list of directories, e.g. extra_rules=['my-rules']")
        layers = [os.fspath(d) for d in extra_rules]
        self._engine = _qingxi.Cleaner(rules, convert, max_bytes, layers)
        self.rules_dir: str = rules
        self.extra_rules: List[str] = layers

    def clean(self, data: Data, *, id: Optional[str] = None, url: Optional[str] = None,
              content_type: Optional[str] = None, kind: str = "auto",
              source: Optional[str] = None, fetched_at: Optional[str] = None) -> Dict[str, Any]:
        """Cleans one document into a record.

        Args:
            data: the page as ``bytes`` in any charset (decoded as the command decodes files:
                BOM, ``content_type``'s charset, ``<meta>``, then detection), or as ``str``.
            id: the record's ``id`` (default ``""``).
            url: the page's URL, kept as ``url`` (and as ``source`` when no source is given).
            content_type: the HTTP ``Content-Type``, whose charset comes first when decoding.
            kind: ``"html"``, ``"text"``, or ``"auto"`` (by the extension of ``source`` or
                ``url``, then by content, as ``--in auto``).
            source: the record's ``source`` (a path or URL; default: ``url``, else ``""``).
            fetched_at: when the page was fetched, ISO 8601 UTC (a WARC record's ``date``),
                kept as ``fetched_at`` as the command keeps WARC-Date.

        Returns:
            The record: the keys and values of the JSONL line ``qingxi clean`` writes. A
            document that cannot be cleaned gives an error record with an ``error`` key.

        The engine runs with the GIL released: other Python threads run meanwhile.
        """
        return self._engine.clean(data, id=id, url=url, content_type=content_type, kind=kind,
                                  source=source, fetched_at=fetched_at)

    def clean_many(self, docs: Iterable[Any], *, threads: int = 0) -> Iterator[Dict[str, Any]]:
        """Cleans many documents on C++ worker threads; yields records in input order.

        Args:
            docs: an iterable (read lazily, a few documents per thread ahead) of ``bytes`` or
                ``str`` (the ``id`` is the position, from ``"0"``), of ``(id, data)`` pairs, or
                of dicts with ``html`` or ``text`` and optional ``id``, ``url``, ``source``,
                ``content_type``, ``fetched_at`` (the objects of a JSONL input of ``qingxi clean``).
                A dict with
                neither ``html`` nor ``text`` gives an error record.
            threads: worker threads (0: one per core).

        Memory is bounded by ``threads * 4`` documents in flight, whatever the input's length.
        An exception raised by ``docs`` (or a ``TypeError`` for an item of another type) is
        raised when the iteration reaches that item.
        """
        return self._engine.clean_many(docs, threads=threads)


@functools.lru_cache(maxsize=4)
def _converter(rules_dir: str) -> "_qingxi.Converter":
    return _qingxi.Converter(rules_dir)


def convert(text: str, *, rules_dir: Optional[Union[str, os.PathLike]] = None) -> str:
    """Converts text to simplified Chinese with the converter ``clean`` uses (OpenCC's phrase
    dictionaries plus qingxi's corrections); text that is already simplified is returned as it
    is. Line breaks are kept. Same as ``qingxi convert``."""
    rules = os.fspath(rules_dir) if rules_dir is not None else default_rules_dir()
    return _converter(rules).convert(text)


def read_warc(source: Union[str, bytes, os.PathLike, Any]) -> Iterator[Dict[str, Any]]:
    """Iterates the document records of a WARC file (``.warc``, ``.warc.gz``, Common Crawl's WARC
    and WET files): response, resource and WET conversion records.

    Args:
        source: a path, or a binary file object (copied to a temporary file first: pass a path
            for large archives).

    Yields:
        dicts with ``type`` (``"response"``, ``"resource"``, ``"conversion"``), ``record_id``,
        ``url``, ``date`` (``WARC-Date``), ``status`` (the HTTP status, ``None`` for records that
        are not HTTP responses), ``headers`` (a list of ``(name, value)`` pairs),
        ``content_type``, and ``body`` (``bytes``, de-chunked and content-decoded). Clean one
        with ``cleaner.clean(r["body"], url=r["url"], content_type=r["content_type"],
        fetched_at=r["date"])``
        (``kind="text"`` for a WET record). ``qingxi clean`` skips non-2xx responses.

    Raises:
        OSError: the file cannot be read, or it ends in a torn record (raised after the last
            complete record, with the message ``qingxi clean`` prints).
    """
    if isinstance(source, (str, bytes, os.PathLike)):
        return _qingxi.WarcIterator(os.fsdecode(source))
    if not hasattr(source, "read"):
        raise TypeError("read_warc needs a path or a binary file object, not "
                        + type(source).__name__)
    with tempfile.NamedTemporaryFile(prefix="qingxi-", suffix=".warc", delete=False) as tmp:
        try:
            shutil.copyfileobj(source, tmp, 1 << 20)
        except BaseException:
            os.unlink(tmp.name)
            raise
    try:
        return _qingxi.WarcIterator(tmp.name)  # holds the file open: the name can go
    finally:
        os.unlink(tmp.name)
