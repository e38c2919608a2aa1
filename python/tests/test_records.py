"""Records from Python equal the ones `qingxi clean` writes for the same input."""
import json
from pathlib import Path

import pytest

import qingxi
from conftest import PAGES, SHARED, SRC, cli_records, run_cli, sample_pages


def test_import_from_any_directory_finds_packaged_rules(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QINGXI_RULES", raising=False)
    rules = Path(qingxi.default_rules_dir())
    assert rules == Path(qingxi.__file__).parent / "rules"
    assert "site-packages" in rules.parts  # the installed package's copy, not the source tree
    assert sorted(p.name for p in rules.glob("*.rules")) == \
        sorted(p.name for p in (SRC / "rules").glob("*.rules"))
    assert qingxi.Cleaner().clean(b"<p>\xe9\x96\x8b\xe7\x99\xbc\xe5\x8d\x80</p>")["text"] == "开发区"


def test_sample_pages_equal_cli_records(cleaner):
    pages = sample_pages()
    want = cli_records(pages)
    assert len(want) == len(pages) >= 30
    for page, record in zip(pages, want):
        got = cleaner.clean(page.read_bytes(), id=record["id"], source=str(page))
        # Same keys in the same order, same values.
        assert list(got.items()) == list(record.items()), page.name


def test_no_convert_equals_cli(tmp_path):
    pages = [p for p in sample_pages() if "big5" in p.name or "trad" in p.name]
    assert pages
    want = cli_records(pages, "--no-convert")
    keep = qingxi.Cleaner(convert=False)
    for page, record in zip(pages, want):
        assert keep.clean(page.read_bytes(), id=record["id"], source=str(page)) == record
    # and the converting cleaner does differ on these pages
    assert any(qingxi.Cleaner().clean(p.read_bytes(), source=str(p))["text"] != r["text"]
               for p, r in zip(pages, want))


DANIEL = SHARED / "eval" / "daniel-zh" / "html"


@pytest.mark.skipif(not DANIEL.is_dir(), reason=f"{DANIEL} absent: dev-set comparison skipped")
def test_dev_pages_clean_bytes_like_cli(cleaner):
    pages = sorted(DANIEL.glob("*.html"))
    want = cli_records(pages)
    assert len(want) == len(pages) > 100
    for page, record in zip(pages, want):
        got = cleaner.clean(page.read_bytes())
        for key in ("title", "date", "flags", "text"):
            assert got.get(key) == record.get(key), f"{page.name}: {key}"


def test_str_input_gives_the_record_of_the_bytes(cleaner):
    # A GBK page handed over as str (decoded by Python): the markup still says GBK, but a str
    # is Unicode already; the record is the bytes' record, apart from the input encoding.
    pages = [p for p in sample_pages() if "gbk" in p.name and p.suffix == ".html"]
    assert pages
    for page in pages:
        from_bytes = cleaner.clean(page.read_bytes(), source=str(page))
        assert from_bytes["encoding"] == "gb18030"
        from_str = cleaner.clean(page.read_bytes().decode("gb18030"), source=str(page),
                                 content_type="text/html; charset=gbk")
        assert from_str["encoding"] == "utf-8"
        assert {**from_str, "encoding": "gb18030"} == from_bytes, page.name


def test_kind_and_url_as_the_command_takes_them(cleaner, tmp_path):
    page = PAGES / "11-wet-breadcrumb-utf8.txt"
    data = page.read_bytes()
    text = cleaner.clean(data, kind="text", url="http://example.com/a", id="a")
    assert text["url"] == "http://example.com/a" and text["source"] == "http://example.com/a"
    # A .txt source decides "text" for kind="auto", as --in auto does for the file.
    assert cleaner.clean(data, source=str(page), id="a")["text"] == \
        cleaner.clean(data, source=str(page), kind="text", id="a")["text"]


def test_convert_equals_the_command():
    text = "開發區著力推進產業轉型\n這裡的乾貨很多，瞭解一下\n已经是简体的句子不变"
    want = run_cli("convert", "--rules", qingxi.default_rules_dir(),
                   input=text.encode("utf-8"), check_codes=(0,)).stdout.decode("utf-8")
    got = qingxi.convert(text)
    assert got == want
    assert got.splitlines()[0] == "开发区着力推进产业转型"
    assert qingxi.convert("已经是简体的句子不变") == "已经是简体的句子不变"


def test_clean_many_dicts_equal_the_command_on_jsonl(cleaner, tmp_path):
    # The objects of a JSONL input: the same objects given to clean_many give the same records.
    objects = []
    for i, page in enumerate(sample_pages()[:12]):
        raw = page.read_bytes()
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # JSON holds Unicode text only
        key = "text" if page.suffix == ".txt" else "html"
        obj = {"id": f"doc-{i}", "url": f"http://news.example.cn/{page.stem}", key: body}
        if i % 2:
            obj["content_type"] = "text/html; charset=utf-8"
        objects.append(obj)
    objects.append({"id": "no-body", "url": "http://news.example.cn/empty"})
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects),
                    encoding="utf-8")
    want = cli_records([path])
    got = list(cleaner.clean_many(objects, threads=2))
    assert len(want) == len(objects) > 5
    for g, w in zip(got, want):
        if "error" in w:  # the messages name the item's place: a line here, a position there
            assert set(g) == set(w) and g["id"] == w["id"]
        else:
            assert g == w, w["id"]
